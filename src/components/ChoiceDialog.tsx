// Pick one of a few choices (Tab/→ next, Shift-Tab/← previous, Enter picks, Esc cancels).
import { Box } from 'ink';
import { Text } from './Text.js';
import { useState } from 'react';
import { useBindings } from '../ui/bindings.js';
import { hintFor, keysFor } from '../ui/keyHint.js';

export interface Choice<V> {
  value: V;
  label: string;
  danger?: boolean;
}

export function ChoiceDialog<V>({
  title,
  message,
  choices,
  onChoose,
  onCancel,
}: {
  title: string;
  message?: string;
  choices: readonly Choice<V>[];
  onChoose: (value: V) => void;
  onCancel: () => void;
}) {
  const [index, setIndex] = useState(0);
  const n = choices.length;
  useBindings(
    [
      {
        command: 'dialog.confirm',
        handler: () => {
          const c = choices[index];
          if (c) onChoose(c.value);
        },
      },
      { command: 'dialog.cancel', handler: onCancel },
      { command: 'dialog.next', handler: () => setIndex((i) => (i + 1) % n) },
      { command: 'dialog.previous', handler: () => setIndex((i) => (i + n - 1) % n) },
    ],
    { kind: 'dialog' },
  );
  return (
    <Box flexDirection="column" borderStyle="round" borderColor="yellow" paddingX={1}>
      <Text bold color="yellow">
        {title}
      </Text>
      {message ? <Text>{message}</Text> : null}
      {choices.map((c, i) => (
        <Text key={c.label} inverse={i === index} color={c.danger ? 'red' : undefined}>
          {i === index ? '› ' : '  '}
          {c.label}
        </Text>
      ))}
      <Text dimColor>
        {keysFor('dialog.next')} next ·{' '}
        {[hintFor('dialog.confirm', 'pick'), hintFor('dialog.cancel', 'cancel')].join(' · ')}
      </Text>
    </Box>
  );
}
