// The one "save to a file" dialog: the path to type, what else the caller asks (children), the
// error of the last attempt, and "overwrite?" when the file exists. State: hooks/useSaveFile.ts.
import type { ReactNode } from 'react';
import { Text } from '../../components/Text.js';
import { TextField } from '../../components/form/TextField.js';
import type { Binding } from '../../ui/bindings.js';
import { hintFor } from '../../ui/keyHint.js';
import type { SaveFile } from '../../hooks/useSaveFile.js';
import { Dialog } from './Dialog.js';

export function SaveFileDialog({
  file,
  title,
  footnote,
  onClose,
  moreBindings = [],
  truncatePathStart = false,
  children,
}: {
  file: SaveFile;
  title: string;
  /** After the keys on the last line, e.g. what the file is for. */
  footnote: string;
  onClose(): void;
  moreBindings?: Binding[];
  /** A long path keeps its end (the file name) in sight. */
  truncatePathStart?: boolean;
  /** Shown under the path. */
  children?: ReactNode;
}) {
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
      title={title}
      textInput
      bindings={[
        { command: 'prompt.accept', handler: file.accept },
        { command: 'prompt.cancel', handler: onClose },
        ...moreBindings,
      ]}
    >
      <Text wrap={truncatePathStart ? 'truncate-start' : undefined}>
        File: <TextField value={file.path} onChange={file.setPath} focus />
      </Text>
      {children}
      {file.error ? <Text color="red">✗ {file.error}</Text> : null}
      <Text dimColor>
        {hintFor('prompt.accept', 'saves')} · {hintFor('prompt.cancel', 'cancels')} · {footnote}
      </Text>
    </Dialog>
  );
}
