// Key names (as in the key table, src/ui/keys.ts) → the bytes a terminal sends for them, and a
// command id → the key that runs it. Both test drivers (ink.ts, pty.ts) press keys through here,
// so a test says `pressCommand('task.delete')` instead of '\u0004'.
import { COMMANDS, type CommandId } from '../../src/ui/keys.js';

const NAMED: Record<string, string> = {
  up: '\u001b[A',
  down: '\u001b[B',
  right: '\u001b[C',
  left: '\u001b[D',
  home: '\u001b[H',
  end: '\u001b[F',
  pageup: '\u001b[5~',
  pagedown: '\u001b[6~',
  enter: '\r',
  escape: '\u001b',
  tab: '\t',
  'shift+tab': '\u001b[Z',
  backspace: '\u007f',
  delete: '\u001b[3~',
  space: ' ',
};

/**
 * The bytes for one key: a single character is itself; otherwise a name from the key table
 * (`enter`, `escape`, `shift+tab`, `pageup`, `ctrl+d`, `alt+x`, …).
 */
export function keyBytes(name: string): string {
  if ([...name].length === 1) return name;
  const named = NAMED[name];
  if (named) return named;
  const ctrl = /^ctrl\+([a-z])$/.exec(name);
  if (ctrl) return String.fromCharCode(ctrl[1]!.charCodeAt(0) - 96);
  const alt = /^alt\+(.)$/u.exec(name);
  if (alt) return `\u001b${alt[1]}`;
  throw new Error(`No such key name: ${JSON.stringify(name)}`);
}

/**
 * The key that runs a command: its first key in the key table, or `key` when the test means a
 * particular one of its keys (e.g. `y` rather than Enter for dialog.confirm); a key the command
 * does not have is an error, so tests cannot drift from the table.
 */
export function commandKey(id: CommandId, key?: string): string {
  const keys = COMMANDS[id].keys as readonly string[];
  if (key === undefined) return keys[0]!;
  if (!keys.includes(key))
    throw new Error(`${id} is not bound to ${key} (its keys: ${keys.join(', ')})`);
  return key;
}
