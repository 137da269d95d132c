// After Create: start the task now (waiting until DMS has it ready) or not, then land in the
// Data Migration View focused on it.
import { Text } from 'ink';
import { useEffect, useRef, useState } from 'react';
import { useNavigation } from '../../ui/navigation.js';
import { useServices } from '../../ui/services.js';
import { useStatus } from '../../ui/status.js';
import { AwsError, errorLine } from '../../aws/call.js';
import { findTask, startTask } from '../../aws/tasks.js';
import { Dialog } from './Dialog.js';

const READY_WAIT_MS = 120_000;

export function CreatedDialog({ arn, identifier }: { arn: string; identifier: string }) {
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
      setError(error instanceof AwsError ? `Start failed: ${error.message}` : errorLine(error));
    }
    land();
  };

  return (
    <Dialog
      title={`Task ${identifier} created`}
      tone="green"
      bindings={[
        { command: 'dialog.confirm', handler: () => void start() },
        {
          command: 'dialog.cancel',
          handler: () => {
            if (starting) return;
            setNotice(`Created task ${identifier} (not started)`);
            land();
          },
        },
      ]}
    >
      {starting ? (
        <Text color="yellow">Start now: {starting}</Text>
      ) : (
        <Text>Start it now? y/Enter starts it now · n/Esc leaves it ready to start later</Text>
      )}
    </Dialog>
  );
}
