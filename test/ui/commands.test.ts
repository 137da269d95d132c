// Declarative bindings: guards give the disabled reason; item commands receive their item.
import { describe, expect, it } from 'vitest';
import { command, firstReason, withItem } from '../../src/ui/commands.js';

describe('declarative bindings', () => {
  it('takes the first reason a guard gives', () => {
    expect(firstReason([null, undefined, false])).toBeNull();
    expect(firstReason([null, 'Still loading', 'No task here'])).toBe('Still loading');
  });

  it('binds a command with its guards', () => {
    const calls: string[] = [];
    const b = command('task.refresh', () => calls.push('refresh'), null, 'Busy');
    expect(b).toMatchObject({ command: 'task.refresh', disabledReason: 'Busy' });
    b.handler();
    expect(calls).toEqual(['refresh']);
    expect(command('task.refresh', () => undefined).disabledReason).toBeNull();
  });

  it('gives an item command its item, and disables it without one', () => {
    const seen: string[] = [];
    const on = withItem<string>('orders', 'No task here');
    const b = on('task.details', (t) => seen.push(t));
    expect(b.disabledReason).toBeNull();
    b.handler();
    expect(seen).toEqual(['orders']);
    expect(on('task.stop', () => undefined, 'The task is stopped').disabledReason).toBe(
      'The task is stopped',
    );

    const none = withItem<string>(undefined, 'No task here');
    const c = none('task.details', (t) => seen.push(t), 'never asked');
    expect(c.disabledReason).toBe('No task here');
    c.handler();
    expect(seen).toEqual(['orders']);
  });
});
