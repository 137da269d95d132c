// The `/` prompt: filters as you type (substring, regex, ! inverts); Enter keeps it, Esc clears.
import { Box, Text } from 'ink';
import TextInput from 'ink-text-input';
import { useBindings } from '../app/bindings.js';

export function FilterPrompt({
  value,
  onChange,
  onAccept,
  onCancel,
  error,
  label = '/',
}: {
  value: string;
  onChange: (value: string) => void;
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
      <TextInput value={value} onChange={onChange} showCursor />
      {error ? <Text color="red"> {error}</Text> : null}
    </Box>
  );
}
