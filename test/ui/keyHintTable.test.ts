// Every command's keys can be named in text (keysFor), in the key table's order and labels.
import { describe, expect, it } from 'vitest';
import { keyLabel } from '../../src/model/keyName.js';
import { hintFor, keysFor } from '../../src/ui/keyHint.js';
import { COMMANDS, type CommandId } from '../../src/ui/keys.js';

const ids = Object.keys(COMMANDS) as CommandId[];

describe('key hints for every command in the key table', () => {
  it("renders each command's keys, as the table lists them", () => {
    for (const id of ids) {
      const labels = COMMANDS[id].keys.map(keyLabel);
      for (const label of labels) expect(label.length, id).toBeGreaterThan(0);
      expect(keysFor(id), id).toBe(labels.join('/'));
      expect(hintFor(id, 'does it'), id).toBe(`${labels.join('/')} does it`);
    }
  });

  it('reads as the screens write keys', () => {
    expect(keysFor('task.start')).toBe('s');
    expect(keysFor('list.filter')).toBe('/');
    expect(keysFor('app.goto')).toBe(':');
    expect(keysFor('list.mark')).toBe('Space');
    expect(keysFor('projects.delete')).toBe('Ctrl-d');
    expect(hintFor('prompt.accept', 'accepts')).toBe('Enter accepts');
  });
});
