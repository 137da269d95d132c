// Declarative bindings, as lazygit's controllers write them: a command, what it does, and the
// guards that must hold (each a reason, or nothing when it holds). The first reason disables
// the key: the footer dims it and pressing it says why, so no handler repeats the check.
import type { Binding } from './bindings.js';
import type { CommandId } from './keys.js';

/** A reason the command cannot run now, or null/undefined/false when it can. */
export type Guard = string | null | undefined | false;

export function firstReason(guards: readonly Guard[]): string | null {
  for (const guard of guards) if (guard) return guard;
  return null;
}

/** A binding that runs `handler` unless one of `guards` gives a reason. */
export function command(id: CommandId, handler: () => void, ...guards: Guard[]): Binding {
  return { command: id, handler, disabledReason: firstReason(guards) };
}

/**
 * Bindings that act on one item (the focused task, project, table…): each handler receives
 * the item, and the command is disabled with `missing` while there is none.
 *   const onTask = withItem(focused?.task, 'No task here');
 *   onTask('task.details', (task) => open(task));
 */
export function withItem<T>(item: T | undefined, missing: string) {
  return (id: CommandId, handler: (item: T) => void, ...guards: Guard[]): Binding => ({
    command: id,
    handler: () => {
      if (item !== undefined) handler(item);
    },
    disabledReason: item === undefined ? missing : firstReason(guards),
  });
}
