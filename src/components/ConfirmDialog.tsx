// A yes/no question that holds the keyboard until answered (Enter/y confirms, Esc/n cancels).
import { Box } from 'ink';
import { Text } from './Text.js';
import { useBindings } from '../ui/bindings.js';
import { keysFor } from '../ui/keyHint.js';

export function ConfirmDialog({
  title,
  message,
  danger,
  onConfirm,
  onCancel,
}: {
  title: string;
  message: string;
  /** Shown in red: the action destroys something. */
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  useBindings(
    [
      { command: 'dialog.confirm', handler: onConfirm },
      { command: 'dialog.cancel', handler: onCancel },
    ],
    { kind: 'dialog' },
  );
  return (
    <Box
      flexDirection="column"
      borderStyle="round"
      borderColor={danger ? 'red' : 'yellow'}
      paddingX={1}
    >
      <Text bold color={danger ? 'red' : 'yellow'}>
        {title}
      </Text>
      <Text>{message}</Text>
      <Text dimColor>
        {keysFor('dialog.confirm')}: yes · {keysFor('dialog.cancel')}: no
      </Text>
    </Box>
  );
}
