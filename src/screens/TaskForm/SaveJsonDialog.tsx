// Save JSON: asks for the path (default <task-name>.json in the current directory), asks
// before overwriting, writes the CreateReplicationTask input, reports the path. State and
// writing: hooks/useSaveFile.ts.
import { Text } from '../../components/Text.js';
import { hintFor } from '../../ui/keyHint.js';
import { useSaveFile } from '../../hooks/useSaveFile.js';
import { Dialog } from './Dialog.js';
import { TextField } from '../../components/form/TextField.js';

export function SaveJsonDialog({
  initialPath,
  text,
  onSaved,
  onClose,
}: {
  initialPath: string;
  text: string;
  onSaved(path: string): void;
  onClose(): void;
}) {
  const file = useSaveFile({ initialPath, text, onSaved });

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
  return (
    <Dialog
      title="Save the CreateReplicationTask input as JSON"
      textInput
      bindings={[
        { command: 'prompt.accept', handler: file.accept },
        { command: 'prompt.cancel', handler: onClose },
      ]}
    >
      <Text>
        File: <TextField value={file.path} onChange={file.setPath} focus />
      </Text>
      {file.error ? <Text color="red">✗ {file.error}</Text> : null}
      <Text dimColor>
        {hintFor('prompt.accept', 'saves')} · {hintFor('prompt.cancel', 'cancels')} · for: aws dms
        create-replication-task --cli-input-json file://…
      </Text>
    </Dialog>
  );
}
