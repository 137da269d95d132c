// The key names written into sentences come from the key table.
import { describe, expect, it } from 'vitest';
import { keyLabel } from '../../src/model/keyName.js';
import { hintLine, keyOf, keysOf } from '../../src/ui/keyHints.js';
import { COMMANDS, type CommandId } from '../../src/ui/keys.js';

const ids = Object.keys(COMMANDS) as CommandId[];

describe('key hints from the key table', () => {
  it("renders every command's keys, in table order, and its main key", () => {
    for (const id of ids) {
      const labels = COMMANDS[id].keys.map(keyLabel);
      for (const label of labels) expect(label.length, id).toBeGreaterThan(0);
      expect(keysOf(id), id).toBe(labels.join('/'));
      expect(keyOf(id), id).toBe(labels[0]);
      expect(keyOf(id).length, id).toBeGreaterThan(0);
    }
  });

  it('reads as people write keys', () => {
    expect(keysOf('task.start')).toBe('s');
    expect(keysOf('dialog.confirm')).toBe('Enter/y');
    expect(keysOf('dialog.cancel')).toBe('Esc/n');
    expect(keysOf('dialog.next')).toBe('Tab/→');
    expect(keyOf('projects.delete')).toBe('Ctrl-d');
    expect(keyOf('list.mark')).toBe('Space');
    expect(keyOf('app.goto')).toBe(':');
    expect(keysOf('list.filter')).toBe('/');
  });

  it('joins (command, words) pairs into one hint line', () => {
    expect(hintLine(['prompt.accept', 'accepts'], ['prompt.cancel', 'cancels'])).toBe(
      'Enter accepts · Esc cancels',
    );
  });
});
