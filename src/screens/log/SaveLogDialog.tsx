// `s` in the log pane: asks for the file (a name made of the task and the time, in the current
// directory, shown in full), and with a filter on, whether to save the filtered lines or all
// (Tab switches); asks before overwriting. State and writing: hooks/useSaveLog.ts.
import { Text } from '../../components/Text.js';
import { TextField } from '../../components/form/TextField.js';
import { hintFor } from '../../ui/keyHint.js';
import { useSaveLog } from '../../hooks/useSaveLog.js';
import type { LogLine } from '../../model/logLine.js';
import { Dialog } from '../TaskForm/Dialog.js';

export function SaveLogDialog({
  taskId,
  filtering,
  shown,
  all,
  onClose,
}: {
  taskId: string;
  filtering: boolean;
  shown: () => LogLine[];
  all: () => LogLine[];
  onClose(): void;
}) {
  const file = useSaveLog({ taskId, shown, all, filtering, onDone: onClose });
  if (file.confirming) {
    return (
      <Dialog
        title="Overwrite?"
        tone="yellow"
        bindings={[
          { command: 'dialog.confirm', handler: file.overwrite },
          { command: 'dialog.cancel', handler: file.keep },
        ]}
      >
        <Text>
          {file.confirming} exists. Overwrite it? ({hintFor('dialog.confirm', 'overwrite')},{' '}
          {hintFor('dialog.cancel', 'keep it')})
        </Text>
      </Dialog>
    );
  }
  const count = (which: 'shown' | 'all') => (which === 'shown' ? shown() : all()).length;
  return (
    <Dialog
      title="Save the log to a file"
      textInput
      bindings={[
        { command: 'prompt.accept', handler: file.accept },
        { command: 'prompt.cancel', handler: onClose },
        ...(filtering ? [{ command: 'dialog.next' as const, handler: file.toggleWhich }] : []),
      ]}
    >
      <Text wrap="truncate-start">
        File: <TextField value={file.path} onChange={file.setPath} focus />
      </Text>
      {filtering ? (
        <Text>
          Save:{' '}
          <Text inverse={file.which === 'shown'}> only the {count('shown')} filtered lines </Text>{' '}
          <Text inverse={file.which === 'all'}> all {count('all')} lines </Text>
          <Text dimColor> ({hintFor('dialog.next', 'switches', { typing: true })})</Text>
        </Text>
      ) : null}
      {file.error ? <Text color="red">✗ {file.error}</Text> : null}
      <Text dimColor>
        {hintFor('prompt.accept', 'saves')} · {hintFor('prompt.cancel', 'cancels')} · one timestamp
        per line
      </Text>
    </Dialog>
  );
}
