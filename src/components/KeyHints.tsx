// The footer: the keys of the top layer, drawn from the key table.
import { Box, Text } from 'ink';
import { type ShownBinding, useActiveBindings } from '../app/bindings.js';
import { COMMANDS } from '../app/keys.js';
import { keyLabel } from '../model/keyName.js';

export function hintText(binding: Pick<ShownBinding, 'keys' | 'description'>): string {
  const short = binding.description.split(/[:(]/)[0]?.trim() ?? binding.description;
  return `${keyLabel(binding.keys[0] ?? '')} ${short}`;
}

export function KeyHints({ width }: { width: number }) {
  const bindings = useActiveBindings().filter(
    (b) => b.layer !== 'app' && (COMMANDS[b.command] as { hint?: boolean }).hint !== false,
  );
  const parts: { text: string; disabled: boolean }[] = bindings.map((b) => ({
    text: hintText(b),
    disabled: Boolean(b.disabledReason),
  }));
  parts.push(
    { text: '? help', disabled: false },
    { text: ': go to', disabled: false },
    { text: 'q quit', disabled: false },
  );
  let used = 0;
  const fitting = parts.filter((p) => {
    used += p.text.length + 2;
    return used <= width;
  });
  return (
    <Box>
      {fitting.map((p, i) => (
        <Text key={p.text} dimColor={p.disabled} color={p.disabled ? undefined : 'cyan'}>
          {i > 0 ? '  ' : ''}
          {p.text}
        </Text>
      ))}
    </Box>
  );
}
