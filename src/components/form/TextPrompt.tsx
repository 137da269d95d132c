// A one-line text prompt in a modal layer (name a project, a file path, a password). Enter
// accepts, Esc cancels; `mask` hides what is typed. Every prompt names its purpose (`purpose`,
// e.g. "password:target"), and the typed text belongs to that purpose only: a prompt for
// another purpose drawn at the same place starts afresh instead of inheriting what was typed
// (the target's password prompt once opened holding the source's password). A masked prompt
// (a secret) always starts empty. Generic: the task form may reuse it.
import { Box } from 'ink';
import { Text } from '../Text.js';
import { useState } from 'react';
import { useBindings } from '../../ui/bindings.js';
import { hintFor } from '../../ui/keyHint.js';
import { TextField } from './TextField.js';

export type TextPromptProps = {
  /** What the answer is for; the prompt's state lives and dies with it. */
  purpose: string;
  label: string;
  /** Returns an error line to keep the prompt open, or null to close it. */
  onSubmit: (value: string) => string | null | undefined;
  onCancel: () => void;
  hint?: string;
} & (
  | { initial?: string; mask?: false }
  /** A secret: hidden as typed, and never pre-filled. */
  | { mask: true; initial?: never }
);

/** Keyed by purpose, so React never hands one purpose's text to another. */
export function TextPrompt({ purpose, ...props }: TextPromptProps) {
  return <PromptBody key={purpose} {...props} />;
}

interface PromptBodyProps {
  label: string;
  initial?: string;
  mask?: boolean;
  onSubmit: (value: string) => string | null | undefined;
  onCancel: () => void;
  hint?: string;
}

function PromptBody({ label, initial = '', mask, onSubmit, onCancel, hint }: PromptBodyProps) {
  const [value, setValue] = useState(mask ? '' : initial);
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
