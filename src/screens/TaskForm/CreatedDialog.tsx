// After Create: start the task now (waiting until DMS has it ready) or not, then land in the
// Data Migration View focused on it (hooks/taskForm/useStartCreatedTask.ts does both).
import { Text } from '../../components/Text.js';
import { hintFor } from '../../ui/keyHint.js';
import { useStartCreatedTask } from '../../hooks/taskForm/useStartCreatedTask.js';
import { Dialog } from './Dialog.js';

export function CreatedDialog({ arn, identifier }: { arn: string; identifier: string }) {
  const { starting, start, leave } = useStartCreatedTask({ arn, identifier });
  return (
    <Dialog
      title={`Task ${identifier} created`}
      tone="green"
      bindings={[
        { command: 'dialog.confirm', handler: start },
        { command: 'dialog.cancel', handler: leave },
      ]}
    >
      {starting ? (
        <Text color="yellow">Start now: {starting}</Text>
      ) : (
        <Text>
          Start it now? {hintFor('dialog.confirm', 'starts it now')} ·{' '}
          {hintFor('dialog.cancel', 'leaves it ready to start later')}
        </Text>
      )}
    </Dialog>
  );
}
