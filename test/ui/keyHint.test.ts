// Key hints in screen text come from the key table.
import { describe, expect, it } from 'vitest';
import { hintFor, keysFor } from '../../src/ui/keyHint.js';

describe('key hints from the key table', () => {
  it.each([
    ['dialog.confirm', false, 'Enter/y'],
    ['dialog.cancel', false, 'Esc/n'],
    ['form.create', false, 'Ctrl-s'],
    ['form.preview', false, 'p/Ctrl-p'],
    ['form.preview', true, 'Ctrl-p'],
    ['dialog.next', true, 'Tab'],
    ['dialog.next', false, 'Tab/→'],
    ['form.ruleAdd', true, 'a'],
  ] as const)('%s (typing %s) reads %s', (command, typing, keys) => {
    expect(keysFor(command, { typing })).toBe(keys);
  });

  it('says what the keys do, by default in the table words', () => {
    expect(hintFor('form.create', 'creates the task')).toBe('Ctrl-s creates the task');
    expect(hintFor('form.create')).toBe('Ctrl-s Create');
    expect(hintFor('app.help')).toBe('? Help');
    expect(hintFor('form.preview', 'previews', { typing: true })).toBe('Ctrl-p previews');
  });
});
