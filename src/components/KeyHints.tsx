// The footer: the keys in force, top layer first and the global keys last, from the key table.
import { Box, Text } from 'ink';
import { type ShownBinding, useActiveBindings } from '../app/bindings.js';
import { COMMANDS } from '../app/keys.js';
import { keyLabel } from '../model/keyName.js';

export function hintText(binding: Pick<ShownBinding, 'keys' | 'description'>): string {
  const short = binding.description.split(/[:(]/)[0]?.trim() ?? binding.description;
  return `${keyLabel(binding.keys[0] ?? '')} ${short}`;
}

export function KeyHints({ width }: { width: number }) {
  // A disabled global key (Esc on the top screen) is left out rather than shown dimmed.
  const bindings = useActiveBindings().filter(
    (b) =>
      (COMMANDS[b.command] as { hint?: boolean }).hint !== false &&
      !(b.layer === 'app' && b.disabledReason),
  );
  // The global keys (?, :, q, Esc) always keep their place; the screen's keys fill the rest.
  let used = bindings
    .filter((b) => b.layer === 'app')
    .reduce((n, b) => n + hintText(b).length + 2, 0);
  const fitting = bindings.filter((b) => {
    if (b.layer === 'app') return true;
    used += hintText(b).length + 2;
    return used <= width;
  });
  return (
    <Box>
      {fitting.map((b, i) => (
        <Text
          key={b.command}
          dimColor={Boolean(b.disabledReason)}
          color={b.disabledReason ? undefined : 'cyan'}
        >
          {i > 0 ? '  ' : ''}
          {hintText(b)}
        </Text>
      ))}
    </Box>
  );
}
