// A yes/no question in a modal layer: Enter or y confirms, Esc or n cancels.
import { Box, Text } from 'ink';
import { useBindings } from '../../app/bindings.js';

export function ConfirmPrompt({
  question,
  onConfirm,
  onCancel,
}: {
  question: string;
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
    <Box flexDirection="column" borderStyle="round" borderColor="yellow" paddingX={1}>
      <Text>{question}</Text>
      <Text dimColor>y / Enter: yes · n / Esc: no</Text>
    </Box>
  );
}
