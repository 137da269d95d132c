// Honest states through the real SDK and the real engine against PostgreSQL (issue 10 item 15):
// the table states, FullLoadRows and the task's counters follow the rows the target really got,
// and the app's reading of them (model/taskReading.ts) says what happened.
import {
  CreateReplicationTaskCommand,
  DescribeReplicationInstancesCommand,
  DescribeTableStatisticsCommand,
  type ReplicationTask,
  StartReplicationTaskCommand,
  type StartReplicationTaskTypeValue,
} from '@aws-sdk/client-database-migration-service';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toTableStat } from '../../src/aws/tableStats.js';
import { toTask } from '../../src/aws/tasks.js';
import { type DbConnection, openConnection } from '../../src/db/connection.js';
import { readTask } from '../../src/model/taskReading.js';
import { runFullLoad } from '../../src/sandbox/engine/index.js';
import type { RunFullLoad, TableProgress } from '../../src/sandbox/engine/types.js';
import { serverAvailable } from '../support/servers.js';
import { startTestSandbox, type TestSandbox, uniqueName } from '../support/sandbox.js';
import { waitFor } from '../support/wait.js';
import { describeTaskByArn } from '../support/describeTask.js';
import { createPgEndpoint } from '../support/pgEndpoint.js';

const pg = await serverAvailable('postgres');
const S = uniqueName('dmst_honest_src');
const T = uniqueName('dmst_honest_tgt');
const ROWS = 20000;

let admin: DbConnection | undefined;
let sandbox: TestSandbox | undefined;
/** Set by a test: called on every progress report; may return true to stop the load there. */
let stopWhen: ((p: TableProgress, run: number) => boolean) | undefined;
let runs = 0;

/** The real engine, with a stop a test can trigger from a progress report (no sleeps). */
const stoppable: RunFullLoad = (job) => {
  const run = ++runs;
  const mine = new AbortController();
  return runFullLoad({
    ...job,
    signal: AbortSignal.any([job.signal, mine.signal]),
    onTableUpdate(p) {
      job.onTableUpdate(p);
      if (!mine.signal.aborted && stopWhen?.(p, run)) mine.abort();
    },
  });
};

beforeAll(async () => {
  if (!pg.ok) return;
  admin = await openConnection(pg.spec);
  await admin.query(`CREATE SCHEMA ${S}`);
  await admin.query(`CREATE TABLE ${S}.a_first (id int PRIMARY KEY, v text)`);
  await admin.query(`INSERT INTO ${S}.a_first SELECT g, 'x' FROM generate_series(1, 100) g`);
  await admin.query(`CREATE TABLE ${S}.orders (id int PRIMARY KEY, v text)`);
  await admin.query(
    `INSERT INTO ${S}.orders SELECT g, md5(g::text) FROM generate_series(1, ${ROWS}) g ORDER BY g`,
  );
  sandbox = await startTestSandbox({ runFullLoad: stoppable });
});

afterAll(async () => {
  await sandbox?.close();
  if (admin) {
    await admin.query(`DROP SCHEMA IF EXISTS ${S} CASCADE`);
    await admin.query(`DROP SCHEMA IF EXISTS ${T} CASCADE`);
    await admin.close();
  }
});

async function targetRows(table: string): Promise<number> {
  const { rows } = await admin!.query<{ n: string }>(`SELECT count(*) AS n FROM ${T}.${table}`);
  return Number(rows[0]?.n);
}

async function resetTarget(): Promise<void> {
  await admin!.query(`DROP SCHEMA IF EXISTS ${T} CASCADE`);
  await admin!.query(`CREATE SCHEMA ${T}`);
}

let endpoints: { source: string; target: string; instance: string } | undefined;
async function createTask(
  name: string,
  tables: string[],
  fullLoad: Record<string, unknown>,
  errors: Record<string, unknown> = {},
): Promise<string> {
  const dms = sandbox!.dms;
  // Kept across the restart below: it reopens the same data dir.
  if (!endpoints) {
    const ep = (id: string, type: 'source' | 'target') => createPgEndpoint(dms, id, type, pg.spec);
    endpoints = {
      source: await ep('honest-src', 'source'),
      target: await ep('honest-tgt', 'target'),
      instance: (await dms.send(new DescribeReplicationInstancesCommand({})))
        .ReplicationInstances![0]!.ReplicationInstanceArn!,
    };
  }
  const created = await dms.send(
    new CreateReplicationTaskCommand({
      ReplicationTaskIdentifier: name,
      SourceEndpointArn: endpoints.source,
      TargetEndpointArn: endpoints.target,
      ReplicationInstanceArn: endpoints.instance,
      MigrationType: 'full-load',
      TableMappings: JSON.stringify({
        rules: [
          ...tables.map((table, i) => ({
            'rule-type': 'selection',
            'rule-id': String(i + 1),
            'rule-name': `s${i}`,
            'object-locator': { 'schema-name': S, 'table-name': table },
            'rule-action': 'include',
            'load-order': tables.length - i,
          })),
          {
            'rule-type': 'transformation',
            'rule-id': '99',
            'rule-name': 'to-target',
            'rule-target': 'schema',
            'object-locator': { 'schema-name': S },
            'rule-action': 'rename',
            value: T,
          },
        ],
      }),
      ReplicationTaskSettings: JSON.stringify({
        FullLoadSettings: { MaxFullLoadSubTasks: 1, CommitRate: 1000, ...fullLoad },
        ErrorBehavior: errors,
      }),
    }),
  );
  const arn = created.ReplicationTask!.ReplicationTaskArn!;
  await waitFor(describeTask.bind(null, arn), {
    until: (t) => t.Status === 'ready',
    what: 'ready',
  });
  return arn;
}

async function describeTask(arn: string): Promise<ReplicationTask> {
  return (await describeTaskByArn(sandbox!.dms, arn))!;
}

async function runToEnd(arn: string, type: StartReplicationTaskTypeValue) {
  await sandbox!.dms.send(
    new StartReplicationTaskCommand({ ReplicationTaskArn: arn, StartReplicationTaskType: type }),
  );
  const task = await waitFor(() => describeTask(arn), {
    until: (t) => t.Status === 'stopped' || t.Status === 'failed',
    what: `${type} to settle`,
  });
  const tables = (
    await sandbox!.dms.send(new DescribeTableStatisticsCommand({ ReplicationTaskArn: arn }))
  ).TableStatistics!.map(toTableStat);
  return { wire: task, task: toTask(task), tables };
}

describe.skipIf(!pg.ok)(`honest states through the SDK (${pg.reason})`, () => {
  it('DO_NOTHING into a target that already holds some keys: table in error, load not complete', async () => {
    await resetTarget();
    await admin!.query(`CREATE TABLE ${T}.orders (id int PRIMARY KEY, v text)`);
    await admin!.query(
      `INSERT INTO ${T}.orders SELECT g, 'old' FROM generate_series(15001, 15100) g`,
    );
    stopWhen = undefined;
    const arn = await createTask('honest-dups', ['orders'], { TargetTablePrepMode: 'DO_NOTHING' });
    const { wire, task, tables } = await runToEnd(arn, 'start-replication');

    expect(wire.StopReason).toBe('Stop Reason FULL_LOAD_ONLY_FINISHED');
    expect(wire.ReplicationTaskStats).toMatchObject({
      TablesLoaded: 0,
      TablesErrored: 1,
      FullLoadProgressPercent: 0,
    });
    expect(tables[0]?.state).toBe('Table error');
    // The batches committed before the duplicate are counted, the 100 old rows are not.
    const held = await targetRows('orders');
    expect(tables[0]?.fullLoadRows).toBe(held - 100);
    expect(tables[0]?.fullLoadRows).toBeGreaterThan(0);
    expect(tables[0]?.fullLoadRows).toBeLessThan(ROWS);

    expect(readTask(task)).toEqual({
      words: 'Load finished · 1 table in error',
      tone: 'bad',
      percent: 0,
      barStyle: 'failed',
    });
    expect(readTask(task, tables).words).toMatch(
      /^Load finished · 1 table in error · [\d,]+ rows$/,
    );
  });

  it('a stop in the middle of a reload reports the rows the target got', async () => {
    await resetTarget();
    stopWhen = undefined;
    const arn = await createTask('honest-reload', ['orders'], {
      TargetTablePrepMode: 'TRUNCATE_BEFORE_LOAD',
    });
    const first = await runToEnd(arn, 'start-replication');
    expect(readTask(first.task)).toMatchObject({ words: 'Load complete', percent: 100 });
    const firstRun = runs;
    // The first committed batch is reported at once: the stop lands there, mid-table.
    stopWhen = (p, run) => run > firstRun && p.fullLoadRows > 0;
    const { wire, task, tables } = await runToEnd(arn, 'reload-target');

    expect(wire.StopReason).toBe('Stop Reason NORMAL');
    expect(tables[0]?.state).toBe('Table cancelled');
    const held = await targetRows('orders');
    expect(held).toBeGreaterThan(0);
    expect(held).toBeLessThan(ROWS);
    expect(tables[0]?.fullLoadRows).toBe(held);
    expect(wire.ReplicationTaskStats).toMatchObject({
      TablesLoaded: 0,
      TablesQueued: 1,
      FullLoadProgressPercent: 0,
    });
    expect(readTask(task)).toEqual({
      words: 'Stopped · 0 of 1 table loaded, 1 not loaded',
      tone: 'idle',
      percent: 0,
      barStyle: 'partial',
    });
    expect(readTask(task, tables).words).toBe(
      `Stopped · 0 of 1 table loaded, 1 cancelled · ${held.toLocaleString('en-US')} rows`,
    );
  });

  it('after a crash, the restart recounts interrupted tables from the target', async () => {
    await resetTarget();
    stopWhen = (p) => p.fullLoadRows > 0;
    const arn = await createTask('honest-crash', ['orders'], {
      TargetTablePrepMode: 'DROP_AND_CREATE',
    });
    await runToEnd(arn, 'start-replication');
    const held = await targetRows('orders');
    const { dataDir } = sandbox!;
    await sandbox!.close(true);
    // The state file as a kill -9 leaves it: the task running, the table loading, and its
    // FullLoadRows behind the batches the target already committed.
    const file = join(dataDir, 'state.json');
    const state = JSON.parse(readFileSync(file, 'utf8'));
    const task = state.tasks.find((t: { arn: string }) => t.arn === arn);
    task.status = 'running';
    delete task.stopReason;
    Object.assign(task.tables[0], { state: 'Full load', fullLoadRows: 1 });
    expect(task.tables[0].target).toMatchObject({ schema: T, table: 'orders', rowsBefore: 0 });
    writeFileSync(file, JSON.stringify(state));

    sandbox = await startTestSandbox({ dataDir, runFullLoad: stoppable });
    const stats = async () =>
      (await sandbox!.dms.send(new DescribeTableStatisticsCommand({ ReplicationTaskArn: arn })))
        .TableStatistics![0]!;
    const table = await waitFor(stats, { until: (t) => t.FullLoadRows === held, what: 'recount' });
    expect(table.TableState).toBe('Table cancelled');
    expect((await describeTask(arn)).StopReason).toBe('Stop Reason RECOVERABLE_ERROR');
  });

  it('a failed task shows how far it got, in a failed bar', async () => {
    await resetTarget();
    await admin!.query(`CREATE TABLE ${T}.orders (id int PRIMARY KEY, v text)`);
    await admin!.query(`INSERT INTO ${T}.orders VALUES (1, 'old')`);
    stopWhen = undefined;
    const arn = await createTask(
      'honest-failed',
      ['a_first', 'orders'],
      { TargetTablePrepMode: 'DO_NOTHING' },
      { TableErrorPolicy: 'STOP_TASK' },
    );
    const { wire, task, tables } = await runToEnd(arn, 'start-replication');

    expect(wire.Status).toBe('failed');
    expect(wire.ReplicationTaskStats).toMatchObject({
      TablesLoaded: 1,
      TablesErrored: 1,
      FullLoadProgressPercent: 50,
    });
    const byName = Object.fromEntries(tables.map((t) => [t.table, t]));
    expect(byName.a_first).toMatchObject({ state: 'Table completed', fullLoadRows: 100 });
    expect(byName.orders).toMatchObject({ state: 'Table error', fullLoadRows: 0 });
    const reading = readTask(task);
    expect(reading).toMatchObject({ tone: 'bad', percent: 50, barStyle: 'failed' });
    expect(reading.words).toMatch(/^Failed: Table .*orders.* failed and TableErrorPolicy/);
  });
});
