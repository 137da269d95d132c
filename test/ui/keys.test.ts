import { describe, expect, it } from 'vitest';
import { COMMANDS, type CommandId, type Scope } from '../../src/ui/keys.js';

const ids = Object.keys(COMMANDS) as CommandId[];
// form: field navigation on form screens (connection, task form), which bind no list keys.
const MODAL_SCOPES: Scope[] = ['dialog', 'prompt', 'form'];

describe('the key table', () => {
  it('gives every command at least one key and a description', () => {
    for (const id of ids) {
      expect(COMMANDS[id].keys.length, id).toBeGreaterThan(0);
      expect(COMMANDS[id].description.trim().length, id).toBeGreaterThan(3);
    }
  });

  it('binds no key twice within one scope (but for a command bound instead of another)', () => {
    const seen = new Map<string, CommandId>();
    for (const id of ids) {
      const insteadOf = (COMMANDS[id] as { insteadOf?: string }).insteadOf;
      if (insteadOf) {
        expect(COMMANDS[insteadOf as CommandId]?.scope, id).toBe(COMMANDS[id].scope);
        continue;
      }
      for (const key of COMMANDS[id].keys) {
        const slot = `${COMMANDS[id].scope}:${key}`;
        expect(
          seen.get(slot),
          `${key} is bound to both ${seen.get(slot)} and ${id}`,
        ).toBeUndefined();
        seen.set(slot, id);
      }
    }
  });

  it('lets no screen scope shadow a global key or a list key (dialogs and prompts may)', () => {
    const keysOf = (scope: Scope) =>
      new Set(
        ids.filter((id) => COMMANDS[id].scope === scope).flatMap((id) => [...COMMANDS[id].keys]),
      );
    const globalKeys = keysOf('global');
    const listKeys = keysOf('list');
    // Esc clears a filter that is on before it goes back (as in k9s): bound only while one is.
    const shadowsOnPurpose: string[] = ['list.clearFilter'];
    for (const id of ids) {
      const { scope, keys } = COMMANDS[id];
      if (scope === 'global' || MODAL_SCOPES.includes(scope) || shadowsOnPurpose.includes(id))
        continue;
      for (const key of keys) {
        expect(globalKeys.has(key), `${id} reuses the global key ${key}`).toBe(false);
        if (scope !== 'list')
          expect(listKeys.has(key), `${id} reuses the list key ${key}`).toBe(false);
      }
    }
  });

  it('uses command ids of the form area.action', () => {
    for (const id of ids) expect(id).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
  });
});
