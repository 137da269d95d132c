import { describe, expect, it } from 'vitest';
import {
  clampCursor,
  INITIAL_CURSOR,
  moveCursor,
  visibleRange,
} from '../../src/model/listCursor.js';
import { applyFilter, compileFilter } from '../../src/model/listFilter.js';
import { completeGoto, resolveGoto } from '../../src/model/goto.js';
import { keyLabel, keyName } from '../../src/model/keyName.js';

describe('list filter', () => {
  const names = ['orders-full-load', 'Customers-CDC', 'inventory', 'order_items'];
  it.each([
    ['', names],
    ['order', ['orders-full-load', 'order_items']],
    ['CDC', ['Customers-CDC']],
    ['!order', ['Customers-CDC', 'inventory']],
    ['^inv', ['inventory']],
    ['/s-[fc]/', ['orders-full-load', 'Customers-CDC']],
  ])('%j keeps the right rows', (raw, expected) => {
    expect(applyFilter(names, compileFilter(raw), (s) => s)).toEqual(expected);
  });

  it('reports a bad regex and falls back to text', () => {
    const filter = compileFilter('order(');
    expect(filter.error).toMatch(/Not a valid regular expression/);
    expect(filter.test('xorder(y')).toBe(true);
  });
});

describe('list cursor', () => {
  it('scrolls the least needed and clamps', () => {
    let c = INITIAL_CURSOR;
    for (let i = 0; i < 12; i++) c = moveCursor(c, 'down', 100, 10);
    expect(c).toEqual({ index: 12, offset: 3 });
    c = moveCursor(c, 'bottom', 100, 10);
    expect(c).toEqual({ index: 99, offset: 90 });
    expect(visibleRange(c, 100, 10)).toEqual({ start: 90, end: 100 });
    expect(clampCursor(c, 5, 10)).toEqual({ index: 4, offset: 0 });
    expect(moveCursor(c, 'pageUp', 100, 10).index).toBe(90);
    expect(moveCursor(INITIAL_CURSOR, 'up', 0, 10)).toEqual(INITIAL_CURSOR);
  });
});

describe('go-to completion', () => {
  const targets = [
    { name: 'tasks', description: '' },
    { name: 'profiles', aliases: ['aws'], description: '' },
    { name: 'projects', aliases: ['project'], description: '' },
  ];
  it('completes the common prefix and resolves aliases', () => {
    expect(completeGoto('t', targets)).toBe('tasks');
    expect(completeGoto('pro', targets)).toBe('pro');
    expect(completeGoto('prof', targets)).toBe('profiles');
    expect(resolveGoto('project', targets)?.name).toBe('projects');
    expect(resolveGoto(':aws', targets)?.name).toBe('profiles');
    expect(resolveGoto('pro', targets)).toBeNull();
    expect(resolveGoto('zzz', targets)).toBeNull();
  });
});

describe('key names', () => {
  it('names keys the way the key table spells them', () => {
    expect(keyName('q', {})).toBe('q');
    expect(keyName('R', { shift: true })).toBe('R');
    expect(keyName('d', { ctrl: true })).toBe('ctrl+d');
    expect(keyName('', { tab: true, shift: true })).toBe('shift+tab');
    expect(keyName('', { downArrow: true })).toBe('down');
    expect(keyName(' ', {})).toBe('space');
    expect(keyName('\r', { return: true })).toBe('enter');
    expect(keyLabel('ctrl+d')).toBe('Ctrl-d');
    expect(keyLabel('escape')).toBe('Esc');
  });
});
