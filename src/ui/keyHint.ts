// Key hints written into a screen's own text ("Ctrl-s creates the endpoint", "Enter/y discards
// them"), drawn from the key table, so renaming a key in src/ui/keys.ts changes every hint.
import { isTyping, keyLabel } from '../model/keyName.js';
import { COMMANDS, type CommandId } from './keys.js';

export interface HintOptions {
  /** A text field has focus: leave out the keys it would take as typing ("p" of "p/Ctrl-p"). */
  typing?: boolean;
}

/** The keys of a command as people read them, in the table's order: "Enter/y", "Ctrl-s". */
export function keysFor(command: CommandId, options: HintOptions = {}): string {
  const keys = COMMANDS[command].keys as readonly string[];
  const usable = options.typing ? keys.filter((key) => !isTyping(key)) : keys;
  return (usable.length > 0 ? usable : keys).map(keyLabel).join('/');
}

/** "Ctrl-s creates the task": the keys, then what they do (by default the table's words). */
export function hintFor(command: CommandId, what?: string, options: HintOptions = {}): string {
  const description: string = COMMANDS[command].description;
  const short = description.split(/[:(]/)[0]?.trim() || description;
  return `${keysFor(command, options)} ${what ?? short}`;
}
