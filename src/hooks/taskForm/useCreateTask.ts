// Sends CreateReplicationTask once (ignores Ctrl-s pressed again while it runs); a refusal comes
// back as DMS's one readable line and error code.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useServices } from '../../ui/services.js';
import { type CreatedTask, createReplicationTask } from '../../aws/taskCreate.js';
import type { CreateTaskInput } from '../../model/taskInput.js';
import { type AwsFailure, awsFailure } from './awsFailure.js';

export function useCreateTask(handlers: {
  onCreated(task: CreatedTask): void;
  onError(failure: AwsFailure): void;
}): { busy: boolean; run(input: CreateTaskInput): void } {
  const { clients } = useServices();
  const [busy, setBusy] = useState(false);
  const latest = useRef(handlers);
  latest.current = handlers;
  const running = useRef(false);
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );
  const run = useCallback(
    (input: CreateTaskInput) => {
      if (running.current) return;
      running.current = true;
      setBusy(true);
      createReplicationTask(clients, input).then(
        (task) => {
          running.current = false;
          if (!mounted.current) return;
          setBusy(false);
          latest.current.onCreated(task);
        },
        (error) => {
          running.current = false;
          if (!mounted.current) return;
          setBusy(false);
          latest.current.onError(awsFailure(error));
        },
      );
    },
    [clients],
  );
  return { busy, run };
}
