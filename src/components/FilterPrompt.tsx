// The `/` prompt: filters as you type (substring, regex, ! inverts); Enter keeps it, Esc clears.
import { Box } from 'ink';
import { Text } from './Text.js';
import { useBindings } from '../ui/bindings.js';
import { TextField } from './form/TextField.js';

export function FilterPrompt({
  value,
  onChange,
  onAccept,
  onCancel,
  error,
  label = '/',
}: {
  value: string;
  onChange: (text: string) => void;
  onAccept: () => void;
  onCancel: () => void;
  error?: string;
  label?: string;
}) {
  useBindings(
    [
      { command: 'prompt.accept', handler: onAccept },
      { command: 'prompt.cancel', handler: onCancel },
    ],
    { kind: 'dialog', textInput: true },
  );
  return (
    <Box>
      <Text color="cyan">{label}</Text>
      <TextField value={value} onChange={onChange} maxLength={200} />
      {error ? <Text color="red"> {error}</Text> : null}
    </Box>
  );
}
