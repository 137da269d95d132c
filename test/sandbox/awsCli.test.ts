// The AWS CLI as an independent client of the sandbox (Debian's AWS CLI v2 at /usr/bin/aws when
// present, else `aws` on PATH): a whole lifecycle from PostgreSQL to MariaDB through
// --endpoint-url with the real engine, then the target's row counts and checksums are compared
// with the source's.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DescribeConnectionsCommand,
  DescribeReplicationTasksCommand,
} from '@aws-sdk/client-database-migration-service';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DbConnection, openConnection } from '../../src/db/connection.js';
import { awsCliJson, awsCliVersion } from '../support/awsCli.js';
import { serverAvailable } from '../support/servers.js';
import { digest, type Kind } from './engine/support.js';
import { startTestSandbox, type TestSandbox, uniqueName } from '../support/sandbox.js';
import { waitFor } from '../support/wait.js';
import { serverArgs } from './support/cliSession.js';

const awsVersion = awsCliVersion;
const pg = await serverAvailable('postgres');
const my = await serverAvailable('mysql');
const ready = awsVersion !== null && pg.ok && my.ok;
const why = awsVersion === null ? 'skipped: no AWS CLI' : !pg.ok ? pg.reason : my.reason;

const schema = uniqueName('dmst_cli');
const COLUMNS: Record<string, [string, Kind][]> = {
  customers: [
    ['id', 'int'],
    ['name', 'text'],
    ['bio', 'text'],
    ['joined', 'ts'],
  ],
  orders: [
    ['id', 'int'],
    ['customer_id', 'int'],
    ['amount', 'num'],
    ['placed_on', 'date'],
  ],
};

let t: TestSandbox;
let src: DbConnection | undefined;
let tmp = '';

const aws = (...args: string[]) => awsCliJson(t.url, tmp, args);

beforeAll(async () => {
  if (!ready) return;
  tmp = mkdtempSync(join(tmpdir(), 'dmst-cli-'));
  t = await startTestSandbox();
  src = await openConnection(pg.spec);
  await src.query(`CREATE SCHEMA ${schema}`);
  await src.query(
    `CREATE TABLE ${schema}.customers (id int PRIMARY KEY, name varchar(80) NOT NULL, bio text, joined timestamp)`,
  );
  await src.query(
    `CREATE TABLE ${schema}.orders (id int PRIMARY KEY, customer_id int REFERENCES ${schema}.customers(id), amount numeric(12,2), placed_on date)`,
  );
  await src.query(
    `INSERT INTO ${schema}.customers SELECT g, 'customer ' || g, repeat(md5(g::text), 1 + g % 20), timestamp '2024-01-01' + g * interval '37 minutes' FROM generate_series(1, 2000) g`,
  );
  await src.query(
    `INSERT INTO ${schema}.orders SELECT g, 1 + g % 2000, g * 3.17, date '2024-01-01' + g % 400 FROM generate_series(1, 5000) g`,
  );
}, 60_000);

afterAll(async () => {
  if (!ready) return;
  await t.close();
  await src?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await src?.close();
  const mysql = await openConnection(my.spec);
  await mysql.query(`DROP DATABASE IF EXISTS \`${schema}\``);
  await mysql.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe.skipIf(!ready)(`AWS CLI lifecycle (${awsVersion ?? why})`, () => {
  it('creates endpoints, tests them, runs a task, reads statistics and logs; the data matches', async () => {
    const instances = await aws('dms', 'describe-replication-instances');
    const instanceArn = (instances.ReplicationInstances as { ReplicationInstanceArn: string }[])[0]!
      .ReplicationInstanceArn;

    const source = await aws(
      'dms',
      'create-endpoint',
      '--endpoint-identifier',
      'cli-source',
      '--endpoint-type',
      'source',
      '--engine-name',
      'postgres',
      ...serverArgs(pg.spec),
    );
    const sourceArn = (source.Endpoint as { EndpointArn: string; EndpointType: string })
      .EndpointArn;
    expect((source.Endpoint as { EndpointType: string }).EndpointType).toBe('SOURCE');
    const target = await aws(
      'dms',
      'create-endpoint',
      '--endpoint-identifier',
      'cli-target',
      '--endpoint-type',
      'target',
      '--engine-name',
      'mariadb',
      ...serverArgs(my.spec),
    );
    const targetArn = (target.Endpoint as { EndpointArn: string }).EndpointArn;

    for (const arn of [sourceArn, targetArn]) {
      const c = await aws(
        'dms',
        'test-connection',
        '--replication-instance-arn',
        instanceArn,
        '--endpoint-arn',
        arn,
      );
      expect((c.Connection as { Status: string }).Status).toBe('testing');
    }
    // Each `aws dms wait` below is run once the state it waits for is there (seen through the
    // SDK), so the waiter's first poll accepts the sandbox's answer instead of sleeping its
    // 5 or 15 s between polls; what the waiter checks is unchanged.
    await waitFor(
      async () =>
        (await t.dms.send(new DescribeConnectionsCommand({}))).Connections?.filter(
          (c) => c.Status === 'successful',
        ).length ?? 0,
      { until: (n) => n >= 2, what: 'both connections tested', timeout: 60_000 },
    );
    await aws(
      'dms',
      'wait',
      'test-connection-succeeds',
      '--filters',
      `Name=endpoint-arn,Values=${sourceArn},${targetArn}`,
    );

    const mappings = join(tmp, 'mappings.json');
    writeFileSync(
      mappings,
      JSON.stringify({
        rules: [
          {
            'rule-type': 'selection',
            'rule-id': '1',
            'rule-name': 'all',
            'object-locator': { 'schema-name': schema, 'table-name': '%' },
            'rule-action': 'include',
          },
        ],
      }),
    );
    const settings = join(tmp, 'settings.json');
    writeFileSync(
      settings,
      JSON.stringify({
        Logging: { EnableLogging: true },
        FullLoadSettings: { TargetTablePrepMode: 'DROP_AND_CREATE' },
      }),
    );
    const created = await aws(
      'dms',
      'create-replication-task',
      '--replication-task-identifier',
      'cli-task',
      '--source-endpoint-arn',
      sourceArn,
      '--target-endpoint-arn',
      targetArn,
      '--replication-instance-arn',
      instanceArn,
      '--migration-type',
      'full-load',
      '--table-mappings',
      `file://${mappings}`,
      '--replication-task-settings',
      `file://${settings}`,
    );
    const taskArn = (created.ReplicationTask as { ReplicationTaskArn: string }).ReplicationTaskArn;
    const filter = ['--filters', `Name=replication-task-arn,Values=${taskArn}`];
    const status = async () =>
      (
        await t.dms.send(new DescribeReplicationTasksCommand({ WithoutSettings: true }))
      ).ReplicationTasks?.find((x) => x.ReplicationTaskArn === taskArn)?.Status;
    await waitFor(status, { until: (s) => s === 'ready', what: 'the task ready', timeout: 60_000 });
    await aws('dms', 'wait', 'replication-task-ready', ...filter);
    await aws(
      'dms',
      'start-replication-task',
      '--replication-task-arn',
      taskArn,
      '--start-replication-task-type',
      'start-replication',
    );
    // The stopped waiter treats "starting" as a failure: let the task get past it first.
    for (let i = 0; i < 30; i++) {
      const d = await aws('dms', 'describe-replication-tasks', ...filter, '--without-settings');
      if ((d.ReplicationTasks as { Status: string }[])[0]!.Status !== 'starting') break;
    }
    await waitFor(status, {
      until: (s) => s === 'stopped',
      what: 'the task stopped',
      timeout: 120_000,
    });
    await aws('dms', 'wait', 'replication-task-stopped', ...filter);
    const described = await aws('dms', 'describe-replication-tasks', ...filter);
    const task = (described.ReplicationTasks as Record<string, unknown>[])[0]!;
    expect(task.StopReason).toBe('Stop Reason FULL_LOAD_ONLY_FINISHED');
    expect(task.ReplicationTaskStats).toMatchObject({
      FullLoadProgressPercent: 100,
      TablesLoaded: 2,
    });

    const stats = await aws('dms', 'describe-table-statistics', '--replication-task-arn', taskArn);
    const rows = Object.fromEntries(
      (
        stats.TableStatistics as { TableName: string; FullLoadRows: number; TableState: string }[]
      ).map((s) => [s.TableName, s]),
    );
    expect(rows.customers).toMatchObject({ FullLoadRows: 2000, TableState: 'Table completed' });
    expect(rows.orders).toMatchObject({ FullLoadRows: 5000, TableState: 'Table completed' });

    const logs = await aws(
      'logs',
      'get-log-events',
      '--log-group-name',
      'dms-tasks-sandbox',
      '--log-stream-name',
      `dms-task-${taskArn.split(':').pop()}`,
      '--start-from-head',
    );
    const lines = (logs.events as { message: string }[]).map((e) => e.message);
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines)
      expect(line).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d \[[A-Z_ ]{16}\][EWID]: {2}/);

    const target2 = await openConnection(my.spec);
    try {
      for (const [table, columns] of Object.entries(COLUMNS)) {
        const want = await digest(src!, schema, table, columns);
        const got = await digest(target2, schema, table, columns);
        expect(got).toEqual(want);
      }
    } finally {
      await target2.close();
    }
  }, 240_000);
});
