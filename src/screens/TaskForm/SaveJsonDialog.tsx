// Save JSON: asks for the path (default <task-name>.json in the current directory), asks
// before overwriting, writes the CreateReplicationTask input, reports the path. State and
// writing: hooks/useSaveFile.ts; the dialog: SaveFileDialog.tsx.
import { useSaveFile } from '../../hooks/useSaveFile.js';
import { SaveFileDialog } from './SaveFileDialog.js';

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
  return (
    <SaveFileDialog
      file={file}
      title="Save the CreateReplicationTask input as JSON"
      footnote="for: aws dms create-replication-task --cli-input-json file://…"
      onClose={onClose}
    />
  );
}
