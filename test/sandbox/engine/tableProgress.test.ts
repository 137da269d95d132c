// Progress within a table, through the SDK against the sandbox's real engine: one big table's
// FullLoadRows and the task's FullLoadProgressPercent move while its rows load, estimated from
// the source's row estimate (a count for a never-analyzed table), instead of sitting at 0 %
// until the table is done. The target table has a trigger that waits on an advisory lock the
// test holds at one row, so the load is held part-way for as long as the test looks.
import {
  DescribeReplicationTasksCommand,
  DescribeTableStatisticsCommand,
  StartReplicationTaskCommand,
} from '@aws-sdk/client-database-migration-service';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DbConnection, openConnection } from '../../../src/db/connection.js';
import { estimateRows } from '../../../src/sandbox/engine/rowEstimate.js';
import { startTestSandbox, type TestSandbox, uniqueName } from '../../support/sandbox.js';
import { mysqlSpec, serverAvailable } from '../../support/servers.js';
import { waitFor } from '../../support/wait.js';

const pg = await serverAvailable('postgres');
const S = uniqueName('dmst_prog_s');
const T = `${S}_t`;
const ROWS = 20_000;
/** The row whose insert waits for the test's advisory lock. */
const HELD_AT = 15_000;
const LOCK = 731_905;

describe.skipIf(!pg.ok)(`progress within a table (${pg.reason})`, () => {
  let admin: DbConnection;
  let holder: DbConnection;
  let t: TestSandbox;

  beforeAll(async () => {
    admin = await openConnection(pg.spec);
    holder = await openConnection(pg.spec);
    await admin.query(`CREATE SCHEMA ${S}`);
    await admin.query(`CREATE TABLE ${S}.big (id int PRIMARY KEY, v text)`);
    await admin.query(
      `INSERT INTO ${S}.big SELECT g, repeat('x', 40) FROM generate_series(1, ${ROWS}) g`,
    );
    await admin.query(`CREATE TABLE ${S}.analyzed (id int PRIMARY KEY)`);
    await admin.query(`INSERT INTO ${S}.analyzed SELECT generate_series(1, 500)`);
    await admin.query(`ANALYZE ${S}.analyzed`);
    await admin.query(`CREATE SCHEMA ${T}`);
    await admin.query(`CREATE TABLE ${T}.big (id int PRIMARY KEY, v text)`);
    await admin.query(`CREATE FUNCTION ${T}.hold() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.id = ${HELD_AT} THEN PERFORM pg_advisory_xact_lock_shared(${LOCK}); END IF;
        RETURN NEW;
      END $$`);
    await admin.query(
      `CREATE TRIGGER hold BEFORE INSERT ON ${T}.big FOR EACH ROW EXECUTE FUNCTION ${T}.hold()`,
    );
    t = await startTestSandbox({ endpoints: { source: 'prog-src', target: 'prog-dst' } });
  });

  afterAll(async () => {
    await holder?.query(`SELECT pg_advisory_unlock_all()`).catch(() => undefined);
    await t?.close();
    await admin?.query(`DROP SCHEMA IF EXISTS ${S} CASCADE`);
    await admin?.query(`DROP SCHEMA IF EXISTS ${T} CASCADE`);
    await Promise.all([admin?.close(), holder?.close()]);
  });

  it('estimates rows from the catalog, or counts a table never analyzed', async () => {
    expect(await estimateRows(admin, { schema: S, table: 'big' })).toBe(ROWS);
    expect(await estimateRows(admin, { schema: S, table: 'analyzed' })).toBe(500);
  });

  it('moves FullLoadRows and FullLoadProgressPercent while one big table loads', async () => {
    const tables = JSON.stringify({
      rules: [
        {
          'rule-type': 'selection',
          'rule-id': '1',
          'rule-name': 'big',
          'object-locator': { 'schema-name': S, 'table-name': 'big' },
          'rule-action': 'include',
        },
        {
          'rule-type': 'transformation',
          'rule-id': '2',
          'rule-name': 'to-target',
          'rule-target': 'schema',
          'object-locator': { 'schema-name': S },
          'rule-action': 'rename',
          value: T,
        },
      ],
    });
    const arn = await t.createTask('progress-big', {
      tables,
      settings: JSON.stringify({
        FullLoadSettings: { TargetTablePrepMode: 'DO_NOTHING', CommitRate: 1000 },
      }),
    });
    const task = async () =>
      (
        await t.dms.send(new DescribeReplicationTasksCommand({ WithoutSettings: true }))
      ).ReplicationTasks?.find((x) => x.ReplicationTaskArn === arn);
    await waitFor(task, { until: (x) => x?.Status === 'ready', what: 'the task ready' });
    await holder.query(`SELECT pg_advisory_lock(${LOCK})`);
    await t.dms.send(
      new StartReplicationTaskCommand({
        ReplicationTaskArn: arn,
        StartReplicationTaskType: 'start-replication',
      }),
    );
    const percent = async () => (await task())?.ReplicationTaskStats?.FullLoadProgressPercent ?? 0;
    const rows = async () =>
      (await t.dms.send(new DescribeTableStatisticsCommand({ ReplicationTaskArn: arn })))
        .TableStatistics?.[0]?.FullLoadRows ?? 0;

    // Held part-way: some batches are in, the percent says so, the table is not done.
    const midway = await waitFor(percent, {
      until: (p) => p > 0 && p < 100,
      what: 'a percent between 0 and 100',
      timeout: 60_000,
    });
    expect(midway).toBeLessThan(100);
    const loaded = await rows();
    expect(loaded).toBeGreaterThan(0);
    expect(loaded).toBeLessThan(ROWS);
    // Both settle on the same figure while the load waits: rows loaded against the estimate.
    await waitFor(async () => [await rows(), await percent()] as const, {
      until: ([n, p]) => n > 0 && p === Math.floor((100 * n) / ROWS),
      what: 'the percent to follow FullLoadRows / the row estimate',
      timeout: 60_000,
    });

    await holder.query(`SELECT pg_advisory_unlock(${LOCK})`);
    await waitFor(percent, { until: (p) => p === 100, what: '100 %', timeout: 60_000 });
    expect(await rows()).toBe(ROWS);
  });
});

const my = await serverAvailable('mysql');

describe.skipIf(!my.ok)(`row estimate on MySQL/MariaDB (${my.reason})`, () => {
  it('reads TABLE_ROWS, or counts when there is no estimate', async () => {
    const conn = await openConnection(mysqlSpec());
    const table = uniqueName('dmst_prog');
    try {
      await conn.query(`CREATE TABLE ${table} (id int PRIMARY KEY)`);
      await conn.query(`INSERT INTO ${table} SELECT seq FROM seq_1_to_300`);
      await conn.query(`ANALYZE TABLE ${table}`);
      const estimate = await estimateRows(conn, { schema: mysqlSpec().database, table });
      // InnoDB's TABLE_ROWS is itself an estimate: near the real count, never zero here.
      expect(estimate).toBeGreaterThan(150);
      expect(estimate).toBeLessThan(600);
    } finally {
      await conn.query(`DROP TABLE IF EXISTS ${table}`);
      await conn.close();
    }
  });
});
