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

/**
 * The hints that fit in `width`, in their order: the global keys (?, :, q, Esc) always keep
 * their place (and Esc, whatever it does here), then the screen's actions that change things (Ctrl-s Create, s Start), then the
 * others as room allows, so a narrow terminal drops "Preview" before "Create".
 */
export function fittingHints(bindings: ShownBinding[], width: number): ShownBinding[] {
  // Esc keeps its place whoever binds it (Back, or Clear the filter while one is on).
  const rank = (b: ShownBinding) =>
    b.layer === 'app' || b.keys.includes('escape')
      ? 0
      : (COMMANDS[b.command] as { dangerous?: boolean }).dangerous
        ? 1
        : 2;
  const kept = new Set<ShownBinding>();
  let used = 0;
  for (const b of [...bindings].sort((x, y) => rank(x) - rank(y))) {
    const cost = hintText(b).length + 2;
    if (rank(b) > 0 && used + cost > width) continue;
    used += cost;
    kept.add(b);
  }
  return bindings.filter((b) => kept.has(b));
}

export function KeyHints({ width }: { width: number }) {
  const bindings = footerBindings(useActiveBindings());
  const fitting = fittingHints(bindings, width);
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
