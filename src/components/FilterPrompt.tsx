// The `/` prompt: filters as you type (substring, regex, ! inverts), opened holding the filter
// in force so a second `/` edits it; says what it matches and how to empty it. Enter keeps it,
// Esc clears it.
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
  matches,
  label = '/',
}: {
  value: string;
  onChange: (text: string) => void;
  onAccept: () => void;
  onCancel: () => void;
  error?: string;
  /** What the filter looks at ("name, status, type"). */
  matches?: string;
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
      <Box flexShrink={0}>
        <Text color="cyan">{label}</Text>
        <TextField value={value} onChange={onChange} maxLength={200} />
      </Box>
      {error ? (
        <Text color="red" wrap="truncate-end">
          {' '}
          {error}
        </Text>
      ) : (
        <Text dimColor wrap="truncate-end">
          {'  '}
          {matches ? `on ${matches} · ` : ''}
          {value ? 'Ctrl-u empties · ' : ''}Enter keeps · Esc clears
        </Text>
      )}
    </Box>
  );
}
