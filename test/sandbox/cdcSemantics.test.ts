// DMS's CDC semantics in the sandbox, through the real SDK: CdcStartTime refused for PostgreSQL,
// a bad CdcStopPosition refused, a source user without REPLICATION fails the task in DMS's
// words, StopTaskCachedChangesNotApplied / Applied and CdcStopPosition stop with their reasons,
// a table without a primary key gets inserts only (with the warning), a change the target
// refuses lands in awsdms_apply_exceptions while the task goes on, and the CDC metrics are
// recorded from the work done.
import { FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import {
  CreateReplicationTaskCommand,
  type CreateReplicationTaskCommandInput,
  DeleteReplicationTaskCommand,
  DescribeReplicationInstancesCommand,
  type ReplicationTask,
  StartReplicationTaskCommand,
  StopReplicationTaskCommand,
} from '@aws-sdk/client-database-migration-service';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DbConnection, openConnection } from '../../src/db/connection.js';
import { startTestSandbox, type TestSandbox, uniqueName } from '../support/sandbox.js';
import { serverAvailable } from '../support/servers.js';
import { waitFor } from '../support/wait.js';
import { dropLeftoverSlots } from './support/cdcSlots.js';
import { fail as expectFailure } from './support/expectFailure.js';
import { includeTables } from '../support/mappings.js';
import { describeTaskByArn } from '../support/describeTask.js';
import { createPgEndpoint } from '../support/pgEndpoint.js';

const pg = await serverAvailable('postgres');
const schema = uniqueName('dmst_cdcsem');
const targetDb = uniqueName('dmst_cdcsem_tgt');
const noReplRole = uniqueName('dmst_norepl');

let t: TestSandbox;
let src: DbConnection;
let tgt: DbConnection;
let source = '';
let target = '';
let weakSource = '';
let instanceArn = '';
const taskIds: string[] = [];

beforeAll(async () => {
  if (!pg.ok) return;
  t = await startTestSandbox();
  src = await openConnection(pg.spec);
  await src.query(`CREATE SCHEMA ${schema}`);
  await src.query(`CREATE TABLE ${schema}.keyed (id int PRIMARY KEY, qty int NOT NULL)`);
  await src.query(`CREATE TABLE ${schema}.nokey (id int, note text)`);
  await src.query(`CREATE TABLE ${schema}.big (id int PRIMARY KEY, body text, n int)`);
  // Random text too long to stay in the row: PostgreSQL stores it out of line (TOAST), and an
  // update that leaves it alone does not send it again.
  await src.query(
    `INSERT INTO ${schema}.big SELECT 1, string_agg(md5(random()::text), '') , 0 FROM generate_series(1, 1000)`,
  );
  await src.query(`INSERT INTO ${schema}.keyed SELECT g, g FROM generate_series(1, 50) g`);
  await src.query(`INSERT INTO ${schema}.nokey SELECT g, 'n' || g FROM generate_series(1, 5) g`);
  await src.query(`CREATE ROLE ${noReplRole} LOGIN`);
  await src.query(`GRANT USAGE ON SCHEMA ${schema} TO ${noReplRole}`);
  await src.query(`GRANT SELECT ON ALL TABLES IN SCHEMA ${schema} TO ${noReplRole}`);
  await src.query(`CREATE DATABASE ${targetDb}`);
  tgt = await openConnection({ ...pg.spec, database: targetDb });
  const endpoint = (id: string, type: 'source' | 'target', database: string, user: string) =>
    createPgEndpoint(t.dms, id, type, { ...pg.spec, database, user });
  source = await endpoint('sem-src', 'source', pg.spec.database, pg.spec.user);
  weakSource = await endpoint('sem-weak', 'source', pg.spec.database, noReplRole);
  target = await endpoint('sem-tgt', 'target', targetDb, pg.spec.user);
  instanceArn = (await t.dms.send(new DescribeReplicationInstancesCommand({})))
    .ReplicationInstances![0]!.ReplicationInstanceArn!;
}, 60_000);

afterAll(async () => {
  if (!pg.ok) return;
  await t.close();
  await tgt?.close();
  await dropLeftoverSlots(src, taskIds);
  await src.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await src.query(`DROP DATABASE IF EXISTS ${targetDb} WITH (FORCE)`);
  await src.query(`DROP ROLE IF EXISTS ${noReplRole}`);
  await src.close();
});

function mappings(table: string) {
  return includeTables(schema, table);
}

async function task(
  id: string,
  table: string,
  input: Partial<CreateReplicationTaskCommandInput> = {},
  fullLoad: Record<string, unknown> = {},
): Promise<string> {
  const out = await t.dms.send(
    new CreateReplicationTaskCommand({
      ReplicationTaskIdentifier: id,
      SourceEndpointArn: source,
      TargetEndpointArn: target,
      ReplicationInstanceArn: instanceArn,
      MigrationType: 'full-load-and-cdc',
      TableMappings: mappings(table),
      ReplicationTaskSettings: JSON.stringify({
        Logging: { EnableLogging: true },
        FullLoadSettings: { TargetTablePrepMode: 'DROP_AND_CREATE', ...fullLoad },
      }),
      ...input,
    }),
  );
  const arn = out.ReplicationTask!.ReplicationTaskArn!;
  taskIds.push(arn.split(':').pop()!);
  await until(arn, (x) => x.Status === 'ready', 'ready');
  return arn;
}

const describeTask = async (arn: string) => (await describeTaskByArn(t.dms, arn))!;
const until = (arn: string, check: (x: ReplicationTask) => boolean, what: string) =>
  waitFor(() => describeTask(arn), { until: check, what, timeout: 60_000, interval: 200 });
const start = (
  arn: string,
  type: 'start-replication' | 'resume-processing' | 'reload-target' = 'start-replication',
) =>
  t.dms.send(
    new StartReplicationTaskCommand({ ReplicationTaskArn: arn, StartReplicationTaskType: type }),
  );
const settled = (arn: string) =>
  until(arn, (x) => x.Status === 'stopped' || x.Status === 'failed', 'stopped or failed');
const logText = async (arn: string) =>
  (
    await t.logs.send(
      new FilterLogEventsCommand({
        logGroupName: 'dms-tasks-sandbox',
        logStreamNames: [`dms-task-${arn.split(':').pop()}`],
      }),
    )
  )
    .events!.map((e) => e.message)
    .join('\n');
const count = async (conn: DbConnection, sql: string) =>
  Number((await conn.query<{ n: string }>(sql)).rows[0]?.n);
const removeTask = async (arn: string) => {
  await t.dms.send(new DeleteReplicationTaskCommand({ ReplicationTaskArn: arn }));
};

describe.skipIf(!pg.ok)(`CDC semantics (${pg.reason})`, () => {
  it('refuses CdcStartTime for PostgreSQL and an unreadable CdcStopPosition', async () => {
    const time = await expectFailure(
      task('sem-time', 'keyed', { CdcStartTime: new Date('2026-01-01T00:00:00Z') }),
    );
    expect(time.name).toBe('InvalidParameterCombinationException');
    expect(time.message).toContain('CdcStartTime is not supported for PostgreSQL');
    const stop = await expectFailure(task('sem-stop', 'keyed', { CdcStopPosition: 'tomorrow' }));
    expect(stop.name).toBe('InvalidParameterValueException');
  }, 90_000);

  it('fails a task whose source user cannot replicate, in DMS words', async () => {
    const arn = await task('sem-weak', 'keyed', { SourceEndpointArn: weakSource });
    await start(arn);
    const failed = await until(arn, (x) => x.Status === 'failed', 'failed');
    expect(failed.LastFailureMessage).toMatch(/REPLICATION attribute or superuser.*FATAL_ERROR/);
    expect(await logText(arn)).toContain('[SOURCE_CAPTURE  ]E:');
    await removeTask(arn);
  }, 90_000);

  it('stops after the full load or after the cached changes, as the settings say; resume goes on', async () => {
    const notApplied = await task(
      'sem-not-applied',
      'keyed',
      {},
      { StopTaskCachedChangesNotApplied: true },
    );
    await start(notApplied);
    const stopped = await settled(notApplied);
    expect(stopped.StopReason).toBe('Stop Reason STOPPED_AFTER_FULL_LOAD');
    expect(stopped.ReplicationTaskStats?.FullLoadProgressPercent).toBe(100);
    await src.query(`UPDATE ${schema}.keyed SET qty = qty + 1000 WHERE id = 1`);
    await start(notApplied, 'resume-processing');
    await waitFor(async () => count(tgt, `SELECT qty AS n FROM ${schema}.keyed WHERE id = 1`), {
      until: (n) => n === 1001,
      what: 'the change made while stopped',
      timeout: 60_000,
    });
    await t.dms.send(new StopReplicationTaskCommand({ ReplicationTaskArn: notApplied }));
    await settled(notApplied);
    await removeTask(notApplied);

    const applied = await task('sem-applied', 'keyed', {}, { StopTaskCachedChangesApplied: true });
    await start(applied);
    expect((await settled(applied)).StopReason).toBe('Stop Reason STOPPED_AFTER_CACHED_EVENTS');
    await removeTask(applied);
  }, 90_000);

  it('stops at a CdcStopPosition server_time or commit_time', async () => {
    const soon = new Date(Date.now() + 4000).toISOString().slice(0, 19);
    const server = await task('sem-server-time', 'keyed', {
      CdcStopPosition: `server_time:${soon}`,
    });
    await start(server);
    const s = await settled(server);
    expect(s.StopReason).toBe('Stop Reason STOPPED_AT_SERVER_TIME');
    expect(s.CdcStopPosition).toBe(`server_time:${soon}`);
    await removeTask(server);
    const past = new Date(Date.now() - 1000).toISOString().slice(0, 19);
    const commit = await task('sem-commit-time', 'keyed', {
      CdcStopPosition: `commit_time:${past}`,
    });
    await start(commit);
    expect((await settled(commit)).StopReason).toBe('Stop Reason STOPPED_AT_COMMIT_TIME');
    await removeTask(commit);
  }, 90_000);

  it('replicates only inserts of a table without a key, sends refused changes to awsdms_apply_exceptions, records metrics', async () => {
    const arn = await task('sem-apply', '%');
    await start(arn);
    await until(
      arn,
      (x) => x.Status === 'running' && x.ReplicationTaskStats?.FullLoadProgressPercent === 100,
      'replication ongoing',
    );
    await tgt.query(`ALTER TABLE ${schema}.keyed ADD CONSTRAINT small CHECK (qty < 100000)`);
    await src.query(`INSERT INTO ${schema}.nokey VALUES (6, 'six')`);
    await src.query(`UPDATE ${schema}.nokey SET note = 'changed' WHERE id = 1`);
    await src.query(`UPDATE ${schema}.keyed SET qty = 500000 WHERE id = 2`);
    await src.query(`UPDATE ${schema}.keyed SET qty = 7 WHERE id = 3`);
    await waitFor(async () => count(tgt, `SELECT qty AS n FROM ${schema}.keyed WHERE id = 3`), {
      until: (n) => n === 7,
      what: 'the change after the refused one',
      timeout: 60_000,
    });
    expect(await count(tgt, `SELECT count(*) AS n FROM ${schema}.nokey WHERE id = 6`)).toBe(1);
    expect(
      await count(tgt, `SELECT count(*) AS n FROM ${schema}.nokey WHERE note = 'changed'`),
    ).toBe(0);
    const { rows } = await tgt.query<Record<string, string>>(
      'SELECT "TASK_NAME", "TABLE_OWNER", "TABLE_NAME", "STATEMENT", "ERROR" FROM public.awsdms_apply_exceptions WHERE "TASK_NAME" = $1',
      [arn.split(':').pop()],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ TABLE_OWNER: schema, TABLE_NAME: 'keyed' });
    expect(rows[0]?.ERROR).toContain('small');
    expect((await describeTask(arn)).Status).toBe('running');
    const log = await logText(arn);
    expect(log).toContain(`Table '${schema}'.'nokey' has no primary key`);
    expect(log).toContain('awsdms_apply_exceptions');
    const taskId = arn.split(':').pop()!;
    await waitFor(
      () =>
        t.sandbox.metrics.series().filter((s) => s.dimensions.ReplicationTaskIdentifier === taskId),
      {
        until: (series) =>
          [
            'CDCLatencySource',
            'CDCLatencyTarget',
            'CDCIncomingChanges',
            'CDCThroughputRowsTarget',
          ].every((m) =>
            series.some(
              (s) => s.metric === m && s.dimensions.ReplicationInstanceIdentifier === 'sandbox',
            ),
          ),
        what: 'the CDC metrics',
      },
    );
    // The series exist from replication's first second (it starts beside the load); the
    // changes applied reach them with the next once-a-second sample.
    await waitFor(
      () =>
        t.sandbox.metrics
          .buckets(
            'CDCThroughputRowsTarget',
            { ReplicationInstanceIdentifier: 'sandbox', ReplicationTaskIdentifier: taskId },
            0,
            Date.now() + 1000,
          )
          .reduce((n, b) => n + b.sum, 0),
      { until: (applied) => applied >= 3, what: 'the applied changes in CDCThroughputRowsTarget' },
    );
    await t.dms.send(new StopReplicationTaskCommand({ ReplicationTaskArn: arn }));
    await settled(arn);
    await removeTask(arn);
  }, 90_000);

  it('keeps an unchanged out-of-line value on update, and reload-target starts over with a new slot', async () => {
    const arn = await task('sem-toast', 'big');
    const ongoing = (x: ReplicationTask) =>
      x.Status === 'running' && x.ReplicationTaskStats?.FullLoadProgressPercent === 100;
    await start(arn);
    await until(arn, ongoing, 'replication ongoing');
    await src.query(`UPDATE ${schema}.big SET n = 5 WHERE id = 1`);
    const row = `SELECT n, md5(body) AS h FROM ${schema}.big WHERE id = 1`;
    await waitFor(
      async () => expect((await tgt.query(row)).rows).toEqual((await src.query(row)).rows),
      {
        what: 'the update with the TOASTed value kept',
        timeout: 60_000,
      },
    );
    const { rows: first } = await src.query<{ slot_name: string }>(
      'SELECT slot_name FROM pg_replication_slots WHERE slot_name LIKE $1',
      [`${arn.split(':').pop()!.toLowerCase()}%`],
    );
    await t.dms.send(new StopReplicationTaskCommand({ ReplicationTaskArn: arn }));
    await settled(arn);
    await src.query(`UPDATE ${schema}.big SET n = 6 WHERE id = 1`);
    await start(arn, 'reload-target');
    await until(arn, ongoing, 'reloaded, replication ongoing');
    expect(await count(tgt, `SELECT n FROM ${schema}.big WHERE id = 1`)).toBe(6);
    expect(await logText(arn)).toMatch(
      /reload-target[\s\S]*Replication slot '[a-z0-9_]+' was created/,
    );
    await src.query(`UPDATE ${schema}.big SET n = 7 WHERE id = 1`);
    await waitFor(async () => count(tgt, `SELECT n FROM ${schema}.big WHERE id = 1`), {
      until: (n) => n === 7,
      what: 'a change after the reload',
      timeout: 60_000,
    });
    expect(first).toHaveLength(1);
    await t.dms.send(new StopReplicationTaskCommand({ ReplicationTaskArn: arn }));
    await settled(arn);
    await removeTask(arn);
  }, 90_000);
});
