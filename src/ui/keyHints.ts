// Key names for text written to people ("s", "Enter/y", "Ctrl-d"), taken from the key table,
// so a hint inside a sentence ("n creates one", "Esc closes") names the key that really runs
// the command and follows the table when a key changes.
import { keyLabel } from '../model/keyName.js';
import { COMMANDS, type CommandId } from './keys.js';

/** Every key of a command, as people read them: keysOf('dialog.confirm') → "Enter/y". */
export function keysOf(command: CommandId): string {
  return COMMANDS[command].keys.map(keyLabel).join('/');
}

/** The first (main) key of a command: keyOf('dialog.cancel') → "Esc". */
export function keyOf(command: CommandId): string {
  return keyLabel(COMMANDS[command].keys[0] ?? '');
}

/** A hint line from (command, words) pairs, main key each: "Enter accepts · Esc cancels". */
export function hintLine(...hints: [CommandId, string][]): string {
  return hints.map(([command, words]) => `${keyOf(command)} ${words}`).join(' · ');
}
