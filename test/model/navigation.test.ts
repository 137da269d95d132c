import { describe, expect, it } from 'vitest';
import { currentRoute, initialNavigation, navigationReducer } from '../../src/model/navigation.js';

describe('navigation reducer', () => {
  const start = initialNavigation({ screen: 'tasks' });

  it('pushes and pops', () => {
    const pushed = navigationReducer(start, {
      type: 'push',
      route: { screen: 'taskDetails', params: { arn: 'a', id: 'task-a' } },
    });
    expect(pushed.stack.map((r) => r.screen)).toEqual(['tasks', 'taskDetails']);
    expect(currentRoute(pushed).params).toEqual({ arn: 'a', id: 'task-a' });
    expect(navigationReducer(pushed, { type: 'pop' })).toEqual(start);
  });

  it('never pops the last screen', () => {
    expect(navigationReducer(start, { type: 'pop' })).toBe(start);
  });

  it('ignores pushing the screen already on top with the same params', () => {
    const once = navigationReducer(start, {
      type: 'push',
      route: { screen: 'tableStats', params: { arn: 'x', id: 'task-x' } },
    });
    const again = (arn: string) =>
      navigationReducer(once, {
        type: 'push',
        route: { screen: 'tableStats', params: { arn, id: `task-${arn}` } },
      });
    expect(again('x')).toBe(once);
    expect(again('y').stack).toHaveLength(3);
  });

  it('replaces the top and goes to a top-level screen', () => {
    const task = { arn: 'a', id: 'task-a' };
    const deep = navigationReducer(
      navigationReducer(start, { type: 'push', route: { screen: 'taskDetails', params: task } }),
      {
        type: 'push',
        route: { screen: 'logs', params: { ...task, group: 'g', stream: 's' } },
      },
    );
    expect(
      navigationReducer(deep, {
        type: 'replace',
        route: { screen: 'tableStats', params: task },
      }).stack.map((r) => r.screen),
    ).toEqual(['tasks', 'taskDetails', 'tableStats']);
    expect(navigationReducer(deep, { type: 'goto', route: { screen: 'profiles' } }).stack).toEqual([
      { screen: 'profiles' },
    ]);
  });
});
