// Data validation through the AWS CLI (issue 15): PostgreSQL → MariaDB with validation on ends
// with every table "Validated" (values compared across engines: numeric scale, UTC timestamps,
// CHAR padding, JSON, booleans); a target row changed and another deleted read "Mismatched
// records" with both keys in awsdms_validation_failures_v1; the same with CDC changes flowing,
// where a change that repairs a row clears its failure; a table without a key reads
// "No primary key".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DbConnection, openConnection } from '../../src/db/connection.js';
import { startTestSandbox, type TestSandbox, uniqueName } from '../support/sandbox.js';
import { serverAvailable } from '../support/servers.js';
import { type CliSession, awsCliVersion, cliSession } from './support/cliSession.js';
import { cdcCli } from './support/cdcCli.js';
import { dropLeftoverSlots } from './support/cdcSlots.js';

const pg = await serverAvailable('postgres');
const my = await serverAvailable('mysql');
const ready = pg.ok && my.ok && awsCliVersion !== null;
const why = awsCliVersion === null ? 'skipped: no AWS CLI' : !pg.ok ? pg.reason : my.reason;
const ROWS = 2500;
const schema = uniqueName('dmst_val');
const cdcSchema = uniqueName('dmst_valc');

let t: TestSandbox;
let aws: CliSession;
let pgc: DbConnection;
let myc: DbConnection;
const taskIds: string[] = [];

async function seed(s: string): Promise<void> {
  await pgc.query(`CREATE SCHEMA ${s}`);
  await pgc.query(
    `CREATE TABLE ${s}.items (id int PRIMARY KEY, name varchar(40), price numeric(10,2),
       created timestamptz, flag boolean, code char(5), doc jsonb)`,
  );
  await pgc.query(
    `INSERT INTO ${s}.items SELECT g, 'item ' || g, g * 1.5, timestamptz '2024-03-01 10:00:00+02' + g * interval '1 minute',
       g % 2 = 0, 'c' || (g % 7), jsonb_build_object('n', g, 'tag', 'x')
       FROM generate_series(1, ${ROWS}) g`,
  );
  // A composite text key: compared by key lists rather than key ranges.
  await pgc.query(`CREATE TABLE ${s}.pairs (a varchar(10), b int, v text, PRIMARY KEY (a, b))`);
  await pgc.query(
    `INSERT INTO ${s}.pairs SELECT 'k' || (g % 7), g, 'value ' || g FROM generate_series(1, 900) g`,
  );
  await pgc.query(`CREATE TABLE ${s}.nokey (a int, b text)`);
  await pgc.query(`INSERT INTO ${s}.nokey VALUES (1, 'one'), (2, 'two')`);
}

const settings = (extra: Record<string, unknown> = {}) => ({
  ValidationSettings: { EnableValidation: true, PartitionSize: 400, ThreadCount: 3, ...extra },
});

type Stat = Record<string, number | string>;
const byTable = (stats: Stat[]) => Object.fromEntries(stats.map((s) => [s.TableName, s]));

async function failures(s: string, taskId: string, table = 'items') {
  const { rows } = await myc.query<Record<string, string>>(
    'SELECT TABLE_OWNER, TABLE_NAME, `KEY`, FAILURE_TYPE, DETAILS FROM awsdms_control.awsdms_validation_failures_v1 WHERE TASK_NAME = ? AND TABLE_OWNER = ? AND TABLE_NAME = ? ORDER BY `KEY`',
    [taskId, s, table],
  );
  return rows;
}

beforeAll(async () => {
  if (!ready) return;
  t = await startTestSandbox();
  aws = cliSession(() => t.url);
  pgc = await openConnection(pg.spec);
  myc = await openConnection(my.spec);
  await seed(schema);
  await seed(cdcSchema);
}, 60_000);

afterAll(async () => {
  if (!ready) return;
  await t.close();
  aws.cleanup();
  await dropLeftoverSlots(pgc, taskIds);
  for (const s of [schema, cdcSchema]) {
    await pgc.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
    await myc.query(`DROP DATABASE IF EXISTS \`${s}\``);
  }
  await pgc.close();
  await myc.close();
});

describe.skipIf(!ready)(`Data validation through the AWS CLI (${awsCliVersion ?? why})`, () => {
  it('full load PostgreSQL → MariaDB: Validated; a changed and a deleted target row are mismatched', async () => {
    const cli = cdcCli(aws);
    const source = await cli.endpoint('val-pg-src', 'source', pg.spec);
    const target = await cli.endpoint('val-my-tgt', 'target', my.spec);
    const arn = await cli.task({
      id: 'val-full',
      source,
      target,
      schema,
      type: 'full-load',
      settings: settings(),
    });
    await cli.start(arn, 'start-replication');
    const done = await cli.until(arn, (x) => x.Status === 'stopped', 'stopped', 120_000);
    expect(done.StopReason).toBe('Stop Reason FULL_LOAD_ONLY_FINISHED');
    const stats = byTable(await cli.tableStats(arn));
    expect(stats.items).toMatchObject({
      ValidationState: 'Validated',
      ValidationFailedRecords: 0,
      ValidationPendingRecords: 0,
      ValidationSuspendedRecords: 0,
    });
    expect(stats.nokey).toMatchObject({ ValidationState: 'No primary key' });
    expect(stats.pairs).toMatchObject({ ValidationState: 'Validated', ValidationFailedRecords: 0 });
    // CloudWatch serves the validation metrics.
    const instance = (
      (await aws('dms', 'describe-replication-instances')).ReplicationInstances as {
        ReplicationInstanceIdentifier: string;
      }[]
    )[0]?.ReplicationInstanceIdentifier as string;
    const sum = async (name: string) => {
      const queries = aws.file(`${name}.json`, [
        {
          Id: 'm',
          MetricStat: {
            Metric: {
              Namespace: 'AWS/DMS',
              MetricName: name,
              Dimensions: [
                { Name: 'ReplicationInstanceIdentifier', Value: instance },
                { Name: 'ReplicationTaskIdentifier', Value: arn.split(':').pop() },
              ],
            },
            Period: 3600,
            Stat: 'Sum',
          },
        },
      ]);
      const out = await aws(
        'cloudwatch',
        'get-metric-data',
        '--metric-data-queries',
        `file://${queries}`,
        '--start-time',
        new Date(Date.now() - 3_600_000).toISOString(),
        '--end-time',
        new Date(Date.now() + 60_000).toISOString(),
      );
      const results = out.MetricDataResults as { Values: number[] }[];
      return (results[0]?.Values ?? []).reduce((n, v) => n + v, 0);
    };
    expect(await sum('ValidationAttemptedRecordCount')).toBe(ROWS + 900);
    expect(await sum('ValidationSucceededRecordCount')).toBe(ROWS + 900);

    // The target drifts: one row changed, one deleted, one the source never had.
    await myc.query(`UPDATE \`${schema}\`.items SET price = 99.99 WHERE id = 7`);
    await myc.query(`DELETE FROM \`${schema}\`.items WHERE id = 8`);
    await myc.query(`INSERT INTO \`${schema}\`.items (id, name) VALUES (${ROWS + 5}, 'stray')`);
    await myc.query(`UPDATE \`${schema}\`.pairs SET v = 'changed' WHERE a = 'k3' AND b = 10`);
    await myc.query(`INSERT INTO \`${schema}\`.pairs VALUES ('zz', 1, 'stray')`);
    // A validation-only task compares the tables as they stand.
    const check = await cli.task({
      id: 'val-only',
      source,
      target,
      schema,
      type: 'full-load',
      settings: settings({ EnableValidation: false, ValidationOnly: true }),
    });
    await cli.start(check, 'start-replication');
    await cli.until(check, (x) => x.Status === 'stopped', 'stopped', 120_000);
    const after = byTable(await cli.tableStats(check));
    expect(after.items).toMatchObject({
      ValidationState: 'Mismatched records',
      ValidationFailedRecords: 3,
      FullLoadRows: 0,
    });
    const checkId = check.split(':').pop() as string;
    const rows = await failures(schema, checkId);
    expect(rows.map((r) => [r.KEY, r.FAILURE_TYPE])).toEqual([
      ['{"key":["2505"]}', 'MISSING_SOURCE'],
      ['{"key":["7"]}', 'RECORD_DIFF'],
      ['{"key":["8"]}', 'MISSING_TARGET'],
    ]);
    expect(rows[1]?.TABLE_NAME).toBe('items');
    expect(after.pairs).toMatchObject({
      ValidationState: 'Mismatched records',
      ValidationFailedRecords: 2,
    });
    expect(JSON.parse(rows[1]?.DETAILS ?? '[]')).toEqual([
      { column: 'price', source: '10.50', target: '99.99' },
    ]);
    expect((await failures(schema, checkId, 'pairs')).map((r) => [r.KEY, r.FAILURE_TYPE])).toEqual([
      ['{"key":["k3","10"]}', 'RECORD_DIFF'],
      ['{"key":["zz","1"]}', 'MISSING_SOURCE'],
    ]);
    await cli.delete(arn);
    await cli.delete(check);
  }, 240_000);

  it('with CDC flowing: revalidate finds the two drifted keys, and a change that repairs one clears it', async () => {
    const cli = cdcCli(aws);
    const source = await cli.endpoint('valc-pg-src', 'source', pg.spec);
    const target = await cli.endpoint('valc-my-tgt', 'target', my.spec);
    const arn = await cli.task({
      id: 'val-cdc',
      source,
      target,
      schema: cdcSchema,
      type: 'full-load-and-cdc',
      settings: settings(),
    });
    const taskId = arn.split(':').pop() as string;
    taskIds.push(taskId);
    await cli.start(arn, 'start-replication');
    const itemsUntil = (check: (s: Stat) => boolean, what: string, timeout: number) =>
      cli.statsUntil(arn, (stats) => check(byTable(stats).items as Stat), what, timeout);
    await itemsUntil(
      (s) => s.TableState === 'Table completed' && s.ValidationState === 'Validated',
      'items validated after the load',
      120_000,
    );
    expect(byTable(await cli.tableStats(arn)).nokey).toMatchObject({
      ValidationState: 'No primary key',
    });

    // Changes keep flowing at the source while the target drifts by hand.
    let flowing = true;
    const flow = (async () => {
      let n = 0;
      while (flowing) {
        const id = 100 + (n++ % 500);
        await pgc.query(`UPDATE ${cdcSchema}.items SET name = name || '+' WHERE id = $1`, [id]);
      }
    })();
    await myc.query(`UPDATE \`${cdcSchema}\`.items SET name = 'drifted' WHERE id = 20`);
    await myc.query(`DELETE FROM \`${cdcSchema}\`.items WHERE id = 21`);
    await aws(
      'dms',
      'reload-tables',
      '--replication-task-arn',
      arn,
      '--reload-option',
      'validate-only',
      '--tables-to-reload',
      `SchemaName=${cdcSchema},TableName=items`,
    );
    await itemsUntil(
      (s) => s.ValidationState === 'Mismatched records' && s.ValidationFailedRecords === 2,
      'items mismatched by two records',
      120_000,
    );
    flowing = false;
    await flow;
    expect((await failures(cdcSchema, taskId)).map((r) => [r.KEY, r.FAILURE_TYPE])).toEqual([
      ['{"key":["20"]}', 'RECORD_DIFF'],
      ['{"key":["21"]}', 'MISSING_TARGET'],
    ]);

    // Replication repairs row 20 (the whole row is applied): its failure goes.
    await pgc.query(`UPDATE ${cdcSchema}.items SET name = 'repaired' WHERE id = 20`);
    await itemsUntil(
      (s) => s.ValidationFailedRecords === 1,
      'the repaired key to validate',
      60_000,
    );
    expect((await failures(cdcSchema, taskId)).map((r) => r.KEY)).toEqual(['{"key":["21"]}']);
    await cli.stop(arn);
    await cli.delete(arn);
  }, 300_000);
});
