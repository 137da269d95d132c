// Status semantics, table-driven over DescribeReplicationTasks JSON as DMS sends it.
import { readFileSync } from 'node:fs';
import type { ReplicationTask } from '@aws-sdk/client-database-migration-service';
import { describe, expect, it } from 'vitest';
import { toTask } from '../../src/aws/tasks.js';
import { type Task, NO_NAMES, taskLogLocation } from '../../src/model/task.js';
import { needsStartChoice, planAction, startTypeFor } from '../../src/model/taskActions.js';
import {
  mappingLines,
  settingsSummary,
  enableLoggingSettings,
} from '../../src/model/taskDetails.js';
import { taskToRow } from '../../src/model/taskRow.js';
import { failureSummary, plainStatus, refusal, startChoices } from '../../src/model/taskStatus.js';

const DATE_FIELDS = /Date$/;
function fromWire(value: unknown, key = ''): unknown {
  if (typeof value === 'number' && DATE_FIELDS.test(key)) return new Date(value * 1000);
  if (Array.isArray(value)) return value.map((v) => fromWire(v));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fromWire(v, k)]));
  return value;
}
const wire = JSON.parse(
  readFileSync(new URL('../fixtures/describeReplicationTasks.json', import.meta.url), 'utf8'),
);
const tasks = new Map<string, Task>(
  (fromWire(wire) as { ReplicationTasks: ReplicationTask[] }).ReplicationTasks.map((t) => {
    const task = toTask(t);
    return [task.id, task];
  }),
);
const task = (id: string) => tasks.get(id) as Task;

describe('plain-language status over captured DMS JSON', () => {
  it.each([
    ['orders-full-load', 'Load complete', 'good'],
    ['no-tables', 'Failed: No tables were found at task initialization. Either…', 'bad'],
    ['cdc-live', 'Replicating changes · 1 table in error', 'warn'],
    ['loading', 'Loading 45%', 'good'],
    ['fresh', 'Ready to start', 'idle'],
    ['user-stopped', 'Stopped', 'idle'],
    ['going', 'Being deleted', 'busy'],
  ])('%s reads "%s" (%s)', (id, text, tone) => {
    expect(plainStatus(task(id))).toEqual({ text, tone });
  });

  it('reads dates as dates and stats as numbers', () => {
    const t = task('orders-full-load');
    expect(t.createdAt?.toISOString()).toBe('2020-05-26T20:26:12.505Z');
    expect(t.stats?.tablesLoaded).toBe(12);
    expect(taskLogLocation(t, 'my-instance')).toEqual({
      group: 'dms-tasks-my-instance',
      stream: 'dms-task-K55IUCGBASJS5VHZJIINA45FII',
    });
  });

  it('renders a row with progress, table counts and elapsed time', () => {
    const row = taskToRow(task('loading'), NO_NAMES);
    expect(row.cells.status).toBe('running · Loading 45%');
    expect(row.cells.tables).toBe('3 of 10');
    expect(row.cells.elapsed).toBe('0:01:01');
    expect(row.cells.endpoints).toBe('SRCPGEXAMPLE → TGTAURORAEXAMPLE');
    expect(row.percent).toBe(45);
  });

  it('puts a validation badge right after the status, a mismatch in a warning tone', () => {
    const row = taskToRow(task('loading'), NO_NAMES, { badge: 'validating 2 tables' });
    expect(row.cells.status).toBe('running · validating 2 tables · Loading 45%');
    expect(row.statusText).toBe('Loading 45%');
    const done = tasks.get('orders-full-load') as Task;
    expect(taskToRow(done, NO_NAMES).tone).toBe('good');
    const mismatched = taskToRow(done, NO_NAMES, { badge: '3 tables mismatched' });
    expect(mismatched.cells.status).toBe('stopped · 3 tables mismatched · Load complete');
    expect(mismatched.tone).toBe('warn');
    expect(taskToRow(done, NO_NAMES, { badge: 'Validated' }).tone).toBe('good');
  });

  it('unknown statuses show as they are, in a warning tone', () => {
    expect(plainStatus({ status: 'upgrading', migrationType: 'cdc' })).toEqual({
      text: 'upgrading',
      tone: 'warn',
    });
    expect(failureSummary('Last Error  a b c', 2)).toBe('a b…');
  });
});

describe('which actions a state allows (docs/dms-api.md §3 Task lifecycle)', () => {
  const state = (status: string, migrationType = 'full-load') => ({
    id: 't',
    status,
    migrationType,
  });
  it.each([
    ['ready', 'start', true],
    ['ready', 'stop', false],
    ['ready', 'delete', true],
    ['running', 'stop', true],
    ['running', 'start', false],
    ['running', 'delete', false],
    ['running', 'reloadTables', true],
    ['stopped', 'start', true],
    ['stopped', 'resume', true],
    ['stopped', 'reload', true],
    ['failed', 'resume', true],
    ['failed', 'delete', true],
    ['moving', 'delete', true],
    ['starting', 'stop', false],
    ['creating', 'delete', false],
    ['modifying', 'start', false],
  ] as const)('%s → %s allowed: %s', (status, action, allowed) => {
    expect(refusal(state(status), action) === null).toBe(allowed);
  });

  it('cdc tasks cannot reload the target', () => {
    expect(refusal(state('stopped', 'cdc'), 'reload')).toMatch(/CDC-only/);
    expect(startChoices({ status: 'stopped', migrationType: 'cdc' })).toEqual([
      'resume-processing',
    ]);
  });

  it('start picks start-replication for a task that never ran and asks for a stopped one', () => {
    expect(startChoices(task('fresh'))).toEqual(['start-replication']);
    expect(startChoices(task('orders-full-load'))).toEqual(['resume-processing', 'reload-target']);
    expect(needsStartChoice([task('fresh')])).toBe(false);
    expect(needsStartChoice([task('fresh'), task('orders-full-load')])).toBe(true);
    expect(startTypeFor(task('fresh'), 'reload-target')).toBe('start-replication');
    expect(startTypeFor(task('orders-full-load'), 'reload-target')).toBe('reload-target');
  });

  it('plans bulk actions: allowed tasks run, the rest are refused with a reason each', () => {
    const plan = planAction([task('loading'), task('fresh'), task('going')], 'stop');
    expect(plan.run.map((t) => t.id)).toEqual(['loading']);
    expect(plan.refused.map((r) => r.reason)).toEqual([
      'The task is ready: only a running task can be stopped',
      'The task is deleting: wait until it settles',
    ]);
  });
});

describe('details in words', () => {
  it('turns table mappings into sentences', () => {
    expect(mappingLines(task('orders-full-load').tableMappings)).toEqual(['1. Include sales.%']);
    expect(mappingLines('nope')).toEqual(['(table mappings are not valid JSON)']);
  });

  it('explains LOB and logging settings and builds the enable-logging change', () => {
    const s = settingsSummary(
      JSON.stringify({
        TargetMetadata: { SupportLobs: true, FullLobMode: true, LobChunkSize: 64 },
        Logging: { EnableLogging: false },
      }),
    );
    expect(s).toMatchObject({ lob: 'Full LOB mode, chunks of 64 KB', loggingEnabled: false });
    expect(settingsSummary(JSON.stringify({ TargetMetadata: { SupportLobs: false } }))?.lob).toBe(
      "Don't include LOB columns",
    );
    expect(
      JSON.parse(
        enableLoggingSettings(
          JSON.stringify({
            Logging: { EnableLogging: false, CloudWatchLogGroup: 'g', LogComponents: [] },
          }),
        ),
      ),
    ).toEqual({ Logging: { EnableLogging: true, LogComponents: [] } });
  });
});
