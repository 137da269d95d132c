// Save JSON: asks for the path (default <task-name>.json in the current directory), asks
// before overwriting, writes the CreateReplicationTask input, reports the path.
import { Text } from 'ink';
import { useState } from 'react';
import { Dialog } from './Dialog.js';
import { fileExists, resolveSavePath, writeTextFile } from './saveFile.js';
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
  const [path, setPath] = useState(initialPath);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const write = (target: string) => {
    const problem = writeTextFile(target, text);
    if (problem) {
      setConfirming(null);
      setError(problem);
    } else onSaved(target);
  };
  const accept = () => {
    if (path.trim() === '') {
      setError('Type a file name');
      return;
    }
    const target = resolveSavePath(path);
    if (fileExists(target)) setConfirming(target);
    else write(target);
  };

  if (confirming) {
    return (
      <Dialog
        title="Overwrite?"
        tone="yellow"
        bindings={[
          { command: 'dialog.confirm', handler: () => write(confirming) },
          { command: 'dialog.cancel', handler: () => setConfirming(null) },
        ]}
      >
        <Text>{confirming} exists. Overwrite it? (y/Enter overwrite, n/Esc keep it)</Text>
      </Dialog>
    );
  }
  return (
    <Dialog
      title="Save the CreateReplicationTask input as JSON"
      textInput
      bindings={[
        { command: 'prompt.accept', handler: accept },
        { command: 'prompt.cancel', handler: onClose },
      ]}
    >
      <Text>
        File:{' '}
        <TextField
          value={path}
          onChange={(v) => {
            setPath(v);
            setError(null);
          }}
          focus
        />
      </Text>
      {error ? <Text color="red">✗ {error}</Text> : null}
      <Text dimColor>
        Enter saves · Esc cancels · for: aws dms create-replication-task --cli-input-json file://…
      </Text>
    </Dialog>
  );
}
