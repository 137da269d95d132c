// The agent's local subtask against real PostgreSQL and MariaDB sources: every row lands in the
// sandbox's S3 exactly once, as the DMS S3-source layout wants it (NULL apart from '', quotes,
// newlines, unicode, binary as hex, exact numerics, UTC timestamps), with the table definition
// and the manifest; a kill -9 mid-extraction is repaired by a restart.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateEndpointCommand,
  DescribeReplicationInstancesCommand,
} from '@aws-sdk/client-database-migration-service';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stopAgent } from '../../src/agent/launcher.js';
import { liveLease } from '../../src/agent/lease.js';
import { type DbConnection, openConnection } from '../../src/db/connection.js';
import { processAlive } from '../../src/sandbox/sandboxFile.js';
import { startTestSandbox, type TestSandbox, uniqueName } from '../support/sandbox.js';
import { serverAvailable } from '../support/servers.js';
import { waitFor } from '../support/wait.js';
import {
  agentTask,
  agentTaskCli,
  rowsInS3,
  startTestAgent,
  textInS3,
  waitForLocalDone,
} from './helpers.js';

const pg = await serverAvailable('postgres');
const my = await serverAvailable('mysql');
const root = mkdtempSync(join(tmpdir(), 'agent-extract-'));
let sb: TestSandbox;
beforeAll(async () => {
  sb = await startTestSandbox();
}, 60_000);
afterAll(async () => {
  for (const d of ['pg', 'my', 'kill']) await stopAgent(join(root, d)).catch(() => undefined);
  await sb?.close();
  rmSync(root, { recursive: true, force: true });
});

const TRICKY = [
  [1, 'plain', false],
  [2, '', true],
  [3, null, null],
  [4, '\\N', true],
  [5, 'comma, "quote"\nnewline', false],
  [6, 'żółć 日本 🚀', true],
] as const;

function createArgs(name: string, source: string, select: string, extra: string[] = []) {
  return [
    'create',
    name,
    '--source',
    source,
    '--select',
    select,
    '--bucket',
    'staging',
    '--folder',
    name,
    '--target-endpoint',
    'none',
    '--instance',
    'none',
    '--sandbox',
    '--rows-per-partition',
    '1000',
    '--data-dir',
    join(root, extra.includes('--kill') ? 'kill' : source.startsWith('postgres') ? 'pg' : 'my'),
    '--start',
    ...extra.filter((e) => e !== '--kill'),
  ];
}

async function seedPg(conn: DbConnection, schema: string, rows: number) {
  await conn.query(`CREATE SCHEMA ${schema}`);
  await conn.query(
    `CREATE TABLE ${schema}.items (id int PRIMARY KEY, label text, flag boolean, raw bytea, price numeric(30,10), at timestamptz)`,
  );
  await conn.query(
    `INSERT INTO ${schema}.items SELECT g, 'row ' || g, g % 2 = 0, decode(lpad(to_hex(g), 8, '0'), 'hex'), g * 1000000.0123456789, timestamptz '2024-03-01 12:00:00+02' + g * interval '1 second' FROM generate_series(10, ${rows + 9}) g`,
  );
  for (const [id, label, flag] of TRICKY)
    await conn.query(`INSERT INTO ${schema}.items (id, label, flag) VALUES ($1, $2, $3)`, [
      id,
      label,
      flag,
    ]);
  await conn.query(`CREATE TABLE ${schema}.nokey (v text)`);
  await conn.query(`INSERT INTO ${schema}.nokey SELECT 'v' || g FROM generate_series(1, 50) g`);
  await conn.query(`ANALYZE ${schema}.items`);
}

describe.skipIf(!pg.ok)(`PostgreSQL source (${pg.reason})`, () => {
  const schema = uniqueName('agpg').replace(/-/g, '_');
  let conn: DbConnection;
  beforeAll(async () => {
    conn = await openConnection(pg.spec);
    await seedPg(conn, schema, 5000);
  });
  afterAll(async () => {
    await conn?.query(`DROP SCHEMA ${schema} CASCADE`);
    await conn?.close();
  });

  it('extracts every row once, in key-range partitions, values as DMS reads them', async () => {
    const dir = join(root, 'pg');
    await startTestAgent(dir);
    const url = `postgres://${pg.spec.user}@${pg.spec.host}:${pg.spec.port}/${pg.spec.database}`;
    const created = await agentTaskCli(sb, 'agent-task', createArgs('pgcopy', url, `${schema}.%`));
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    const task = await waitForLocalDone(dir, 'pgcopy');
    const items = task.local.tables.find((t) => t.table === 'items');
    expect(items).toMatchObject({ partitionsTotal: 6, partitionsDone: 6, rows: 5006 });
    const nokey = task.local.tables.find((t) => t.table === 'nokey');
    expect(nokey).toMatchObject({
      partitionsTotal: 1,
      rows: 50,
      note: expect.stringMatching(/no primary or unique key/),
    });
    expect(task.progress).toBeGreaterThanOrEqual(50);

    const { rows, keys } = await rowsInS3(sb, 'staging', `pgcopy/${schema}/items/`);
    expect(keys.every((k) => /\/LOAD[0-9A-F]{8}\.csv\.gz$/.test(k))).toBe(true);
    expect(rows).toHaveLength(5006);
    expect(new Set(rows.map((r) => r[0])).size).toBe(5006);
    const byId = new Map(rows.map((r) => [r[0], r]));
    expect(byId.get('2')?.slice(1, 3)).toEqual(['', '1']);
    expect(byId.get('3')?.slice(1)).toEqual([null, null, null, null, null]);
    expect(byId.get('4')?.[1]).toBe('\\N');
    expect(byId.get('5')?.[1]).toBe('comma, "quote"\nnewline');
    expect(byId.get('6')?.[1]).toBe('żółć 日本 🚀');
    // bytea as hex, numeric exact, timestamptz in UTC.
    expect(byId.get('10')?.slice(2)).toEqual([
      '1',
      '0000000a',
      '10000000.1234567890',
      '2024-03-01 10:00:10.000000',
    ]);

    const definition = JSON.parse(
      await textInS3(sb, 'staging', 'pgcopy/pgcopy.table-definition.json'),
    );
    expect(definition.TableCount).toBe('2');
    expect(definition.Tables[0]).toMatchObject({
      TableOwner: schema,
      TableName: 'items',
      TablePath: `${schema}/items/`,
    });
    const manifest = JSON.parse(await textInS3(sb, 'staging', 'pgcopy/pgcopy.manifest.json'));
    expect(
      manifest.entries.filter((e: { table: string }) => e.table === `${schema}.items`),
    ).toHaveLength(keys.length);
  });
});

describe.skipIf(!my.ok)(`MariaDB source (${my.reason})`, () => {
  const db = uniqueName('agmy').replace(/-/g, '_');
  let conn: DbConnection;
  beforeAll(async () => {
    conn = await openConnection(my.spec);
    await conn.query(`CREATE DATABASE ${db}`);
    await conn.query(
      `CREATE TABLE ${db}.items (code varchar(20) NOT NULL, label text, flag tinyint(1), raw varbinary(8), price decimal(30,10), at timestamp(6) NULL, UNIQUE KEY (code))`,
    );
    await conn.query(`SET time_zone = '+02:00'`);
    for (let i = 0; i < 3000; i += 500) {
      const values = Array.from(
        { length: 500 },
        (_, k) =>
          `('c${String(i + k).padStart(5, '0')}', 'row ${i + k}', ${(i + k) % 2}, x'0a0b', ${i + k}.0123456789, '2024-03-01 12:00:00.123456')`,
      );
      await conn.query(`INSERT INTO ${db}.items VALUES ${values.join(',')}`);
    }
    await conn.query(
      `INSERT INTO ${db}.items (code, label) VALUES ('t1', ''), ('t2', NULL), ('t3', 'a,"b"\nc')`,
    );
    await conn.query(`ANALYZE TABLE ${db}.items`);
  });
  afterAll(async () => {
    await conn?.query(`DROP DATABASE ${db}`);
    await conn?.close();
  });

  it('extracts on a unique key, with NULL apart from empty strings and timestamps in UTC', async () => {
    const dir = join(root, 'my');
    await startTestAgent(dir);
    const url = `mysql://${my.spec.user}@${my.spec.host}:${my.spec.port}/${db}`;
    const created = await agentTaskCli(
      sb,
      'agent-task',
      createArgs('mycopy', url, `${db}.items`, ['--format', 'csv']),
    );
    expect(created.stderr).toBe('');
    const task = await waitForLocalDone(dir, 'mycopy');
    expect(task.local.tables[0]?.partitionsTotal).toBeGreaterThan(1);
    const { rows, keys } = await rowsInS3(sb, 'staging', `mycopy/${db}/items/`);
    expect(keys.every((k) => k.endsWith('.csv'))).toBe(true);
    expect(rows).toHaveLength(3003);
    expect(new Set(rows.map((r) => r[0])).size).toBe(3003);
    const byCode = new Map(rows.map((r) => [r[0], r]));
    expect(byCode.get('t1')?.[1]).toBe('');
    expect(byCode.get('t2')?.[1]).toBeNull();
    expect(byCode.get('t3')?.[1]).toBe('a,"b"\nc');
    expect(byCode.get('c00001')?.slice(2)).toEqual([
      '1',
      '0a0b',
      '1.0123456789',
      '2024-03-01 10:00:00.123456',
    ]);
  });
});

describe.skipIf(!pg.ok || !my.ok)(`kill -9 mid-extraction (${pg.reason}; ${my.reason})`, () => {
  const schema = uniqueName('agkill').replace(/-/g, '_');
  let conn: DbConnection;
  let target: DbConnection;
  let instance = '';
  beforeAll(async () => {
    conn = await openConnection(pg.spec);
    target = await openConnection(my.spec);
    await seedPg(conn, schema, 20_000);
    await sb.dms.send(
      new CreateEndpointCommand({
        EndpointIdentifier: 'agkill-maria',
        EndpointType: 'target',
        EngineName: 'mariadb',
        ServerName: my.spec.host,
        Port: my.spec.port,
        Username: my.spec.user,
      }),
    );
    const instances = await sb.dms.send(new DescribeReplicationInstancesCommand({}));
    instance = instances.ReplicationInstances?.[0]?.ReplicationInstanceIdentifier ?? '';
  });
  afterAll(async () => {
    await conn?.query(`DROP SCHEMA ${schema} CASCADE`);
    await target?.query(`DROP DATABASE IF EXISTS ${schema}`);
    await conn?.close();
    await target?.close();
  });

  it('a restarted agent goes on; S3 then holds every row exactly once, and the target equals the source', async () => {
    const dir = join(root, 'kill');
    const slow = { ...process.env, DMST_SLOW_AGENT: '150' };
    const pid = await startTestAgent(dir, slow);
    const url = `postgres://${pg.spec.user}@${pg.spec.host}:${pg.spec.port}/${pg.spec.database}`;
    const created = await agentTaskCli(
      sb,
      'agent-task',
      createArgs('killed', url, `${schema}.items`, [
        '--kill',
        '--parallel',
        '2',
        '--target-endpoint',
        'agkill-maria',
        '--instance',
        instance,
      ]),
    );
    expect(created.stderr).toBe('');
    const before = await waitFor(() => agentTask(dir, 'killed'), {
      until: (t) => (t.local.tables[0]?.partitionsDone ?? 0) >= 3,
      timeout: 60_000,
      what: 'three partitions in S3',
    });
    process.kill(pid, 'SIGKILL');
    await waitFor(() => !processAlive(pid) || liveLease(dir) === null, {
      what: 'the agent to die',
    });
    const total = before.local.tables[0]?.partitionsTotal ?? 0;
    expect(before.local.tables[0]?.partitionsDone).toBeLessThan(total);

    await startTestAgent(dir);
    const task = await waitForLocalDone(dir, 'killed');
    expect(task.local.tables[0]).toMatchObject({ partitionsDone: total, rows: 20_006 });
    const { rows } = await rowsInS3(sb, 'staging', `killed/${schema}/items/`);
    expect(rows).toHaveLength(20_006);
    expect(new Set(rows.map((r) => r[0])).size).toBe(20_006);

    // DMS then loads exactly that: no duplicate, no gap.
    const loaded = await waitFor(() => agentTask(dir, 'killed'), {
      until: (t) => t.state === 'completed' || t.state === 'failed',
      timeout: 120_000,
      what: 'the DMS subtask',
    });
    expect(loaded.state).toBe('completed');
    const sums = `SELECT count(*) AS n, count(DISTINCT id) AS d, sum(id) AS s, sum(price) AS p FROM ${schema}.items`;
    const [a] = (await conn.query<Record<string, unknown>>(sums)).rows;
    const [b] = (await target.query<Record<string, unknown>>(sums)).rows;
    expect(Object.values(b ?? {}).map(String)).toEqual(Object.values(a ?? {}).map(String));
  });
});
