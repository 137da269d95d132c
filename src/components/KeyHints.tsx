// The footer: the keys in force, top layer first and the global keys last, from the key table.
import { Box } from 'ink';
import { Text } from './Text.js';
import { type ShownBinding, useActiveBindings } from '../ui/bindings.js';
import { COMMANDS } from '../ui/keys.js';
import { isTyping, keyLabel } from '../model/keyName.js';

export function hintText(binding: Pick<ShownBinding, 'keys' | 'description'>): string {
  const short = binding.description.split(/[:(]/)[0]?.trim() ?? binding.description;
  return `${keyLabel(binding.keys[0] ?? '')} ${short}`;
}

/**
 * What the footer offers: under a dialog or overlay only its own keys (the dispatcher stops
 * there); a key already offered by a higher layer is not offered again; a disabled global key
 * (Esc on the top screen) is left out rather than shown dimmed, and so is a letter key while a
 * text field has focus (the letter would be typed).
 */
export function footerBindings(active: ShownBinding[]): ShownBinding[] {
  const modal = active.find((b) => b.layer === 'dialog' || b.layer === 'overlay')?.layer;
  const taken = new Set<string>();
  // Bindings come top layer first: from a text-input layer down, letters are typed, not run.
  let typingCaptured = false;
  const offered: ShownBinding[] = [];
  for (const b of active) {
    typingCaptured ||= b.textInput;
    if (modal && b.layer !== modal) continue;
    if ((COMMANDS[b.command] as { hint?: boolean }).hint === false) continue;
    if (b.layer === 'app' && b.disabledReason) continue;
    // A printable key cannot reach a command while a text field has focus: offer the others
    // (Ctrl-p for Preview), or nothing.
    const keys = typingCaptured ? b.keys.filter((key) => !isTyping(key)) : b.keys;
    if (keys.length === 0 || keys.every((key) => taken.has(key))) continue;
    for (const key of keys) taken.add(key);
    offered.push(keys === b.keys ? b : { ...b, keys });
  }
  return offered;
}

export function KeyHints({ width }: { width: number }) {
  const bindings = footerBindings(useActiveBindings());
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
