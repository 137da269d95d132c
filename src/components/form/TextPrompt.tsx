// A one-line text prompt in a modal layer (name a project, a file path, a password). Enter
// accepts, Esc cancels; `mask` hides what is typed. Generic: the task form may reuse it.
import { Box } from 'ink';
import { Text } from '../Text.js';
import { useState } from 'react';
import { useBindings } from '../../ui/bindings.js';
import { hintFor } from '../../ui/keyHint.js';
import { TextField } from './TextField.js';

export interface TextPromptProps {
  label: string;
  initial?: string;
  mask?: boolean;
  /** Returns an error line to keep the prompt open, or null to close it. */
  onSubmit: (value: string) => string | null | undefined;
  onCancel: () => void;
  hint?: string;
}

export function TextPrompt({
  label,
  initial = '',
  mask,
  onSubmit,
  onCancel,
  hint,
}: TextPromptProps) {
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  useBindings(
    [
      {
        command: 'prompt.accept',
        handler: () => setError(onSubmit(value) ?? null),
      },
      { command: 'prompt.cancel', handler: onCancel },
    ],
    { kind: 'dialog', textInput: true },
  );
  return (
    <Box flexDirection="column" borderStyle="round" borderColor="cyan" paddingX={1}>
      <Box>
        <Text bold>{label} </Text>
        <TextField
          value={value}
          mask={mask ? '•' : undefined}
          onChange={(text) => {
            setValue(text);
            setError(null);
          }}
        />
      </Box>
      {error ? (
        <Text color="red">{error}</Text>
      ) : (
        <Text dimColor>
          {hint ??
            [hintFor('prompt.accept', 'accepts'), hintFor('prompt.cancel', 'cancels')].join(' · ')}
        </Text>
      )}
    </Box>
  );
}
