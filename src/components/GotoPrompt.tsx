// `:` go-to prompt with Tab completion over screen names.
import { Box } from 'ink';
import { Text } from './Text.js';
import TextInput from 'ink-text-input';
import { useState } from 'react';
import { useBindings } from '../ui/bindings.js';
import { completeGoto, type GotoTarget, gotoMatches, resolveGoto } from '../model/goto.js';

export function GotoPrompt({
  targets,
  onGo,
  onClose,
}: {
  targets: readonly GotoTarget[];
  onGo: (target: GotoTarget) => void;
  onClose: () => void;
}) {
  const [text, setText] = useState('');
  // Remounting the field after a completion puts its cursor at the end of the completed name.
  const [completions, setCompletions] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const submit = () => {
    const target = resolveGoto(text, targets);
    if (target) onGo(target);
    else
      setError(
        text.trim()
          ? `No screen "${text.trim()}": try ${
              gotoMatches(text, targets)
                .map((t) => t.name)
                .join(', ') || targets.map((t) => t.name).join(', ')
            }`
          : 'Type a screen name',
      );
  };
  useBindings(
    [
      { command: 'prompt.accept', handler: submit },
      { command: 'prompt.cancel', handler: onClose },
      {
        command: 'prompt.complete',
        handler: () => {
          setText((t) => completeGoto(t, targets));
          setCompletions((n) => n + 1);
        },
      },
    ],
    { kind: 'overlay', textInput: true },
  );
  const matches = gotoMatches(text, targets);
  return (
    <Box flexDirection="column">
      <Box>
        <Text color="cyan">:</Text>
        <TextInput
          key={completions}
          value={text}
          onChange={(value) => {
            setText(value.replace(/\t/g, ''));
            setError(null);
          }}
          showCursor
        />
      </Box>
      <Text dimColor={!error} color={error ? 'red' : undefined}>
        {error ?? matches.map((m) => `${m.name} — ${m.description}`).join('   ')}
      </Text>
    </Box>
  );
}
