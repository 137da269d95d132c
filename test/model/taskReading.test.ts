// The honest reading of a task (issue 10 item 15), table-driven over DMS JSON: the words, tone,
// percent and bar style account for tables in error, cancelled or not loaded, and for failed
// tasks, whatever FullLoadProgressPercent says.
import { readFileSync } from 'node:fs';
import type { ReplicationTask, TableStatistics } from '@aws-sdk/client-database-migration-service';
import { describe, expect, it } from 'vitest';
import { toTableStat } from '../../src/aws/tableStats.js';
import { toTask } from '../../src/aws/tasks.js';
import type { TableStat } from '../../src/model/tableStatsRow.js';
import { NO_NAMES, type Task } from '../../src/model/task.js';
import { taskDetailLines } from '../../src/model/taskDetails.js';
import { readTask, tableCounts } from '../../src/model/taskReading.js';
import { taskToRow } from '../../src/model/taskRow.js';

const DATE_FIELDS = /(Date|Time)$/;
function fromWire(value: unknown, key = ''): unknown {
  if (typeof value === 'number' && DATE_FIELDS.test(key)) return new Date(value * 1000);
  if (Array.isArray(value)) return value.map((v) => fromWire(v));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fromWire(v, k)]));
  return value;
}
const load = (name: string) =>
  fromWire(JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')));

const captured = load('describeReplicationTasks.json') as { ReplicationTasks: ReplicationTask[] };
const honest = load('honestStates.json') as {
  ReplicationTasks: ReplicationTask[];
  TableStatistics: Record<string, TableStatistics[]>;
};
const tasks = new Map<string, Task>(
  [...captured.ReplicationTasks, ...honest.ReplicationTasks].map((t) => {
    const task = toTask(t);
    return [task.id, task];
  }),
);
const task = (id: string) => {
  const t = tasks.get(id);
  if (!t) throw new Error(`no fixture ${id}`);
  return t;
};
const tablesOf = (id: string): TableStat[] => {
  const rows = honest.TableStatistics[id];
  if (!rows) throw new Error(`no table statistics for ${id}`);
  return rows.map(toTableStat);
};

describe('a task read from its ReplicationTaskStats', () => {
  it.each([
    // id, words, tone, percent, bar
    ['orders-full-load', 'Load complete', 'good', 100, 'complete'],
    ['do-nothing-dups', 'Load finished · 1 table in error', 'bad', 0, 'failed'],
    ['two-of-three', 'Load finished · 1 table in error', 'bad', 66, 'failed'],
    [
      'failed-midway',
      "Failed: Table 'sales'.'orders' failed and TableErrorPolicy is STOP_TASK: duplicate…",
      'bad',
      50,
      'failed',
    ],
    [
      'failed-early',
      'Failed: Lost connection Stop Reason FATAL_ERROR Error Level FATAL',
      'bad',
      30,
      'failed',
    ],
    [
      'no-tables',
      'Failed: No tables were found at task initialization. Either…',
      'bad',
      0,
      'failed',
    ],
    ['reload-stopped', 'Stopped · 0 of 1 table loaded, 1 not loaded', 'idle', 0, 'partial'],
    ['user-stopped-partly', 'Stopped · 3 of 5 tables loaded, 2 not loaded', 'idle', 60, 'partial'],
    [
      'killed',
      'Stopped: recoverable error · 0 of 1 table loaded, 1 not loaded',
      'bad',
      40,
      'partial',
    ],
    ['cdc-live', 'Replicating changes · 1 table in error', 'warn', 97, 'partial'],
    ['cdc-with-error', 'Replicating changes · 1 table in error', 'warn', 97, 'partial'],
    ['all-done-cdc', 'Load complete · replication ongoing', 'good', 100, 'complete'],
    ['loading', 'Loading 45%', 'good', 45, 'progress'],
    ['loading-with-error', 'Loading 50% · 1 table in error', 'warn', 50, 'progress'],
    ['fresh', 'Ready to start', 'idle', 0, 'none'],
    ['user-stopped', 'Stopped', 'idle', 0, 'none'],
    ['going', 'Being deleted', 'busy', 0, 'none'],
  ])('%s reads "%s" (%s, %s%, %s bar)', (id, words, tone, percent, barStyle) => {
    expect(readTask(task(id))).toEqual({ words, tone, percent, barStyle });
  });

  it('never draws a full bar for a load that left a table behind or failed', () => {
    for (const t of tasks.values()) {
      const r = readTask(t);
      const s = t.stats;
      const behind = s ? s.tablesErrored + s.tablesQueued + s.tablesLoading > 0 : false;
      if (behind || t.status === 'failed') {
        expect(r.percent, t.id).toBeLessThan(100);
        expect(r.barStyle, t.id).not.toBe('complete');
      }
      if (r.barStyle === 'complete') expect(r.percent, t.id).toBe(100);
    }
  });
});

describe('a task read with its table statistics', () => {
  it.each([
    ['do-nothing-dups', 'Load finished · 1 table in error · 1,440,000 rows', 'bad', 0, 'failed'],
    [
      'reload-stopped',
      'Stopped · 0 of 1 table loaded, 1 cancelled · 1,870,000 rows',
      'idle',
      0,
      'partial',
    ],
    ['two-of-three', 'Load finished · 1 table in error · 35 rows', 'bad', 66, 'failed'],
    [
      'killed',
      'Stopped: recoverable error · 0 of 1 table loaded, 1 cancelled · 1,234 rows',
      'bad',
      40,
      'partial',
    ],
  ])('%s reads "%s"', (id, words, tone, percent, barStyle) => {
    expect(readTask(task(id), tablesOf(id))).toEqual({ words, tone, percent, barStyle });
  });

  it('counts every TableState value', () => {
    const states = [
      'Table does not exist',
      'Before load',
      'Full load',
      'Table completed',
      'Table cancelled',
      'Table error',
      'Table is being reloaded',
    ];
    expect(tableCounts(states.map((state, i) => ({ state, fullLoadRows: i })))).toEqual({
      total: 7,
      loaded: 1,
      loading: 2,
      queued: 1,
      errored: 1,
      cancelled: 2,
      rows: 21,
    });
  });
});

describe('every place that shows a task uses the reading', () => {
  it('the Data Migration View row: words, percent and bar style', () => {
    const row = taskToRow(task('do-nothing-dups'), NO_NAMES);
    expect(row.cells.status).toBe('stopped · Load finished · 1 table in error');
    expect(row.cells.progress).toBe('0%');
    expect(row).toMatchObject({ tone: 'bad', percent: 0, barStyle: 'failed' });
    expect(taskToRow(task('failed-midway'), NO_NAMES)).toMatchObject({
      percent: 50,
      barStyle: 'failed',
    });
  });

  it('the details screen: status in words (bad news marked) and the honest percent', () => {
    const lines = taskDetailLines(task('do-nothing-dups'), NO_NAMES);
    expect(lines.find((l) => l.label === 'Status')).toEqual({
      label: 'Status',
      value: 'stopped · Load finished · 1 table in error',
      tone: 'bad',
    });
    expect(lines.find((l) => l.label === 'Progress')?.value).toMatch(/^0% · .*errored 1$/);
  });

  it('a failure message from outside reaches the words without control characters', () => {
    const t = {
      ...task('failed-early'),
      lastFailureMessage: 'Last Error  boom\u001b]0;x\u0007 now',
    };
    expect(readTask(t).words).toBe('Failed: boom�]0;x� now');
  });
});
