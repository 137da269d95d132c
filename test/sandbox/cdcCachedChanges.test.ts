// Cached changes per table, as DMS: a change made while the full load runs is applied as soon
// as ITS table's load completes, not after the whole load. Table b's load is held (its target
// table is locked, so DROP_AND_CREATE waits) while table a, loaded, already receives changes;
// b's cached changes follow when its load completes, with DMS's log line for them. Then a DDL
// at the source is counted (pgoutput's relation message) and logged as not applied.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DbConnection, openConnection } from '../../src/db/connection.js';
import { startTestSandbox, type TestSandbox, uniqueName } from '../support/sandbox.js';
import { serverAvailable } from '../support/servers.js';
import { waitFor } from '../support/wait.js';
import { type CliStats, cdcCli, replicating } from './support/cdcCli.js';
import { type CliSession, cliSession, awsCliVersion } from './support/cliSession.js';
import { dropLeftoverSlots } from './support/cdcSlots.js';

const pg = await serverAvailable('postgres');
const ready = pg.ok && awsCliVersion !== null;
const schema = uniqueName('dmst_cached');
const targetDb = uniqueName('dmst_cached_tgt');

let t: TestSandbox;
let aws: CliSession;
let src: DbConnection;
let tgt: DbConnection;
let holder: DbConnection;
let taskId = '';

beforeAll(async () => {
  if (!ready) return;
  t = await startTestSandbox();
  aws = cliSession(() => t.url);
  src = await openConnection(pg.spec);
  await src.query(`CREATE SCHEMA ${schema}`);
  for (const name of ['a', 'b']) {
    await src.query(`CREATE TABLE ${schema}.${name} (id int PRIMARY KEY, v text)`);
    await src.query(
      `INSERT INTO ${schema}.${name} SELECT g, 'row ' || g FROM generate_series(1, 20) g`,
    );
  }
  await src.query(`CREATE DATABASE ${targetDb}`);
  tgt = await openConnection({ ...pg.spec, database: targetDb });
  holder = await openConnection({ ...pg.spec, database: targetDb });
  await tgt.query(`CREATE SCHEMA ${schema}`);
  await tgt.query(`CREATE TABLE ${schema}.b (id int)`);
}, 60_000);

afterAll(async () => {
  if (!ready) return;
  await holder?.close();
  await t.close();
  aws.cleanup();
  await tgt?.close();
  if (taskId) await dropLeftoverSlots(src, [taskId]);
  await src.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await src.query(`DROP DATABASE IF EXISTS ${targetDb} WITH (FORCE)`);
  await src.close();
});

const rowsOf = async (conn: DbConnection, table: string) =>
  (await conn.query(`SELECT id, v FROM ${schema}.${table} ORDER BY id`)).rows;

describe.skipIf(!ready)('cached changes per table (full-load-and-cdc)', () => {
  it("applies a table's cached changes when its load completes, while another still loads", async () => {
    const cli = cdcCli(aws);
    const source = await cli.endpoint('cached-src', 'source', pg.spec);
    const target = await cli.endpoint('cached-tgt', 'target', { ...pg.spec, database: targetDb });
    const arn = await cli.task({ id: 'cached', source, target, schema, type: 'full-load-and-cdc' });
    taskId = arn.split(':').pop() as string;
    // b's load cannot replace its target table until this transaction ends.
    await holder.query('BEGIN');
    await holder.query(`LOCK TABLE ${schema}.b IN ACCESS SHARE MODE`);
    await cli.start(arn, 'start-replication');
    const table = (stats: CliStats, name: string) => stats.find((s) => s.TableName === name);
    await cli.statsUntil(
      arn,
      (stats) => table(stats, 'a')?.TableState === 'Table completed',
      'table a loaded',
    );
    await src.query('BEGIN');
    await src.query(`INSERT INTO ${schema}.a VALUES (101, 'during the load')`);
    await src.query(`INSERT INTO ${schema}.b VALUES (101, 'cached for b')`);
    await src.query('COMMIT');
    await src.query(`UPDATE ${schema}.b SET v = 'changed while b loads' WHERE id = 1`);
    await src.query(`DELETE FROM ${schema}.a WHERE id = 2`);
    // a is replicated although b's load has not finished (the old way waited for the whole load).
    await waitFor(async () => expect(await rowsOf(tgt, 'a')).toEqual(await rowsOf(src, 'a')), {
      what: "a's changes applied during the load",
      timeout: 60_000,
    });
    expect(table(await cli.tableStats(arn), 'b')?.TableState).not.toBe('Table completed');
    expect((await cli.describe(arn)).ReplicationTaskStats?.FullLoadProgressPercent).not.toBe(100);

    await holder.query('ROLLBACK');
    await cli.until(arn, replicating, 'load complete, replication ongoing');
    await waitFor(async () => expect(await rowsOf(tgt, 'b')).toEqual(await rowsOf(src, 'b')), {
      what: "b's cached changes applied",
      timeout: 60_000,
    });
    const lines = await cli.logLines(arn);
    const at = (pattern: RegExp) => lines.findIndex((l) => pattern.test(l));
    const cachedB = at(
      new RegExp(
        `\\[TARGET_APPLY +\\]I: +Start applying of '2' cached events for table '${schema}'\\.'b'`,
      ),
    );
    const cachedA = at(
      new RegExp(`Start applying of '0' cached events for table '${schema}'\\.'a'`),
    );
    expect(cachedA).toBeGreaterThanOrEqual(0);
    expect(cachedB).toBeGreaterThan(cachedA);
    // Idempotent and in order: after more changes both tables equal the source, counted once.
    await src.query(`UPDATE ${schema}.b SET v = 'after the load' WHERE id = 101`);
    await waitFor(async () => expect(await rowsOf(tgt, 'b')).toEqual(await rowsOf(src, 'b')), {
      what: 'b replicated after the load',
    });
    const b = (await cli.tableStats(arn)).find((s) => s.TableName === 'b');
    expect(b).toMatchObject({ Inserts: 1, Updates: 2, AppliedInserts: 1, AppliedUpdates: 2 });

    // DDL at a PostgreSQL source: pgoutput describes the changed table again with its next
    // change; the sandbox counts it in Ddls and says it does not apply it.
    await src.query(`ALTER TABLE ${schema}.a ADD COLUMN extra int`);
    await src.query(`INSERT INTO ${schema}.a VALUES (102, 'after the DDL', 7)`);
    const a = table(
      await cli.statsUntil(arn, (stats) => table(stats, 'a')?.Ddls === 1, 'the DDL of a counted'),
      'a',
    );
    expect(a).toMatchObject({ Ddls: 1, AppliedDdls: 0 });
    expect(await cli.logLines(arn)).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `\\[SOURCE_CAPTURE +\\]W: +A DDL change of table '${schema}'\\.'a' was captured and counted; it is NOT applied to the target`,
        ),
      ),
    );
    await cli.stop(arn);
    await cli.delete(arn);
  }, 180_000);
});
