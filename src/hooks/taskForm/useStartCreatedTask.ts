// After Create: start the new task now (waiting until DMS has it ready, at most two minutes) or
// leave it ready, then land in the Data Migration View focused on it. What happened is one line
// in the status bar.
import { useEffect, useRef, useState } from 'react';
import { useNavigation } from '../../ui/navigation.js';
import { useServices } from '../../ui/services.js';
import { useStatus } from '../../ui/status.js';
import { errorLine } from '../../aws/call.js';
import { findTask, startTask } from '../../aws/tasks.js';

const READY_WAIT_MS = 120_000;

export interface StartCreatedTask {
  /** What the start is waiting for ("starting…"), or null before it is asked for. */
  starting: string | null;
  start(): void;
  /** Leaves the task ready to start later (ignored once starting). */
  leave(): void;
}

export function useStartCreatedTask({
  arn,
  identifier,
}: {
  arn: string;
  identifier: string;
}): StartCreatedTask {
  const { clients } = useServices();
  const { setError, setNotice } = useStatus();
  const navigation = useNavigation();
  const [starting, setStarting] = useState<string | null>(null);
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );

  const land = () => navigation.goto({ screen: 'tasks', params: { focusTaskArn: arn } });

  const start = async () => {
    if (starting) return;
    setStarting('waiting for the task to be ready…');
    try {
      const since = Date.now();
      for (;;) {
        const status = await findTask(clients, arn).then(
          (task) => task.status,
          () => undefined,
        );
        if (!mounted.current) return;
        if (status === 'ready') break;
        if (status !== 'creating' && status !== 'modifying')
          throw new Error(`Task ${identifier} is ${status ?? 'gone'}: it cannot be started now`);
        if (Date.now() - since > READY_WAIT_MS)
          throw new Error(`Task ${identifier} is still ${status}: start it from the task list`);
        setStarting(`waiting for the task to be ready (${status})…`);
        await new Promise((r) => setTimeout(r, 1000));
      }
      setStarting('starting…');
      await startTask(clients, arn, 'start-replication');
      if (!mounted.current) return;
      setNotice(`Started task ${identifier}`);
    } catch (error) {
      if (!mounted.current) return;
      setError(errorLine(error));
    }
    land();
  };

  return {
    starting,
    start: () => void start(),
    leave: () => {
      if (starting) return;
      setNotice(`Created task ${identifier} (not started)`);
      land();
    },
  };
}
