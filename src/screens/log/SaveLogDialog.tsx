// `s` in the log pane: asks for the file (a name made of the task and the time, in the current
// directory, shown in full), and with a filter on, whether to save the filtered lines or all
// (Tab switches); asks before overwriting. State and writing: hooks/useSaveLog.ts.
import { Text } from '../../components/Text.js';
import { hintFor } from '../../ui/keyHint.js';
import { useSaveLog } from '../../hooks/useSaveLog.js';
import type { LogLine } from '../../model/logLine.js';
import { SaveFileDialog } from '../TaskForm/SaveFileDialog.js';

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
  const count = (which: 'shown' | 'all') => (which === 'shown' ? shown() : all()).length;
  return (
    <SaveFileDialog
      file={file}
      title="Save the log to a file"
      footnote="one timestamp per line"
      onClose={onClose}
      moreBindings={filtering ? [{ command: 'dialog.next', handler: file.toggleWhich }] : []}
      truncatePathStart
    >
      {filtering ? (
        <Text>
          Save:{' '}
          <Text inverse={file.which === 'shown'}> only the {count('shown')} filtered lines </Text>{' '}
          <Text inverse={file.which === 'all'}> all {count('all')} lines </Text>
          <Text dimColor> ({hintFor('dialog.next', 'switches', { typing: true })})</Text>
        </Text>
      ) : null}
    </SaveFileDialog>
  );
}
