// The Data Migration View's rules and words that are not about one task.
import { describe, expect, it } from 'vitest';
import {
  actionRefusal,
  migrationHeader,
  nextRefreshInterval,
  taskListText,
} from '../../src/model/migrationView.js';
import type { Task } from '../../src/model/task.js';

const task = (id: string, status: string): Task => ({
  id,
  arn: `arn:aws:dms:us-east-1:1:task:${id}`,
  status,
  migrationType: 'full-load',
  sourceEndpointArn: 's',
  targetEndpointArn: 't',
  instanceArn: 'i',
});

describe('the Data Migration View', () => {
  it('refuses an action for no task, the focused task, or when no marked task allows it', () => {
    const running = task('a', 'running');
    const stopped = task('b', 'stopped');
    expect(actionRefusal(undefined, [], 'stop')).toBe('No task here');
    expect(actionRefusal(running, [], 'stop')).toBeNull();
    expect(actionRefusal(stopped, [], 'stop')).toBeTruthy();
    // Marked tasks decide, whatever is focused: one that allows it is enough.
    expect(actionRefusal(stopped, [running, stopped], 'stop')).toBeNull();
    expect(actionRefusal(running, [stopped], 'stop')).toBe(actionRefusal(stopped, [], 'stop'));
  });

  it('steps the refresh interval through the list, clamped at both ends', () => {
    expect(nextRefreshInterval(5, 1)).toBe(10);
    expect(nextRefreshInterval(5, -1)).toBe(2);
    expect(nextRefreshInterval(1, -1)).toBe(1);
    expect(nextRefreshInterval(60, 1)).toBe(60);
    expect(nextRefreshInterval(7, 1)).toBe(30);
    expect(nextRefreshInterval(600, -1)).toBe(30);
  });

  it('names up to three tasks, then how many more', () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `t${i + 1}` }));
    expect(taskListText(ids(1))).toBe('t1');
    expect(taskListText(ids(3))).toBe('t1, t2, t3');
    expect(taskListText(ids(5))).toBe('t1, t2, t3 and 2 more');
  });

  it('says what the list shows in the header', () => {
    const base = {
      shown: 1,
      total: 1,
      filtering: false,
      filterText: '',
      marked: 0,
      anyMarks: false,
      sort: { column: 'name', descending: false },
      refreshSeconds: 5,
      refreshing: false,
      failures: 0,
    };
    expect(migrationHeader(base)).toBe('1 task · sort name↑ · every 5s');
    expect(
      migrationHeader({
        ...base,
        shown: 2,
        total: 7,
        filtering: true,
        filterText: 'filter sales on name',
        marked: 2,
        anyMarks: true,
        sort: { column: 'status', descending: true },
        refreshing: true,
        error: 'Throttled',
        failures: 2,
        nextDelayMs: 20_000,
      }),
    ).toBe(
      '2 of 7 tasks · 2 marked · filter sales on name · sort status↓ · every 5s · refreshing… · ⚠ Throttled (retry in 20s)',
    );
  });
});
