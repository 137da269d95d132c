// The whole agent route against real databases: the agent extracts the source to the sandbox's
// S3, then its DMS subtask (an S3 source endpoint and a full-load task) loads the target; rows
// in the target equal the source (count and a checksum of every value), PostgreSQL → MariaDB
// and MariaDB → PostgreSQL, and PostgreSQL → MariaDB again through Parquet objects.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateEndpointCommand,
  DescribeReplicationInstancesCommand,
} from '@aws-sdk/client-database-migration-service';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stopAgent } from '../../src/agent/launcher.js';
import { type DbConnection, openConnection } from '../../src/db/connection.js';
import { startTestSandbox, type TestSandbox, uniqueName } from '../support/sandbox.js';
import { serverAvailable } from '../support/servers.js';
import { waitFor } from '../support/wait.js';
import { agentTask, agentTaskCli, rowsInS3, startTestAgent } from './helpers.js';
import { findTask } from '../../src/aws/tasks.js';

const pg = await serverAvailable('postgres');
const my = await serverAvailable('mysql');
const ready = pg.ok && my.ok;
const root = mkdtempSync(join(tmpdir(), 'agent-route-'));
const dir = join(root, 'agent');
const pgSchema = uniqueName('agr_pg').replace(/-/g, '_');
const myDb = uniqueName('agr_my').replace(/-/g, '_');
const pqSchema = uniqueName('agr_pq').replace(/-/g, '_');
let sb: TestSandbox;
let pgConn: DbConnection;
let myConn: DbConnection;
let instance = '';

async function targetEndpoint(id: string, engine: 'postgres' | 'mariadb'): Promise<void> {
  const spec = engine === 'postgres' ? pg.spec : my.spec;
  await sb.dms.send(
    new CreateEndpointCommand({
      EndpointIdentifier: id,
      EndpointType: 'target',
      EngineName: engine,
      ServerName: spec.host,
      Port: spec.port,
      DatabaseName: engine === 'postgres' ? spec.database : undefined,
      Username: spec.user,
    }),
  );
}

/** Rows as strings (null kept), sorted by the first column: the same on either engine. */
async function normalised(conn: DbConnection, sql: string) {
  const { rows } = await conn.query<Record<string, unknown>>(sql);
  const out = rows.map((r) => Object.values(r).map((v) => (v === null ? null : String(v))));
  out.sort((a, b) => String(a[0]).localeCompare(String(b[0])));
  const checksum = createHash('sha256').update(JSON.stringify(out)).digest('hex');
  return { count: out.length, checksum, rows: out };
}

async function runRoute(
  name: string,
  source: string,
  select: string,
  target: string,
  extra: string[] = [],
) {
  const created = await agentTaskCli(sb, 'agent-task', [
    'create',
    name,
    '--source',
    source,
    '--select',
    select,
    '--bucket',
    'route',
    '--target-endpoint',
    target,
    '--instance',
    instance,
    '--sandbox',
    '--rows-per-partition',
    '700',
    '--parallel',
    '3',
    '--data-dir',
    dir,
    '--start',
    ...extra,
  ]);
  expect(created.stderr).toBe('');
  expect(created.code).toBe(0);
  const halfway = await waitFor(() => agentTask(dir, name), {
    until: (t) => t.progress >= 50 || t.state === 'failed',
    timeout: 120_000,
    what: `${name} at 50 %`,
  });
  expect(halfway.error).toBeUndefined();
  const done = await waitFor(() => agentTask(dir, name), {
    until: (t) => t.state === 'completed' || t.state === 'failed',
    timeout: 180_000,
    what: `${name} completed`,
  });
  expect(done.error).toBeUndefined();
  expect(done).toMatchObject({ state: 'completed', progress: 100, dms: { state: 'done' } });
  const listed = await agentTaskCli(sb, 'agent-tasks', ['--data-dir', dir, '--output', 'json']);
  expect(JSON.parse(listed.stdout).find((t: { name: string }) => t.name === name)).toMatchObject({
    state: 'completed',
    progress: 100,
  });
}

describe.skipIf(!ready)(
  `the agent route, source → S3 → DMS → target (${pg.reason}; ${my.reason})`,
  () => {
    beforeAll(async () => {
      sb = await startTestSandbox();
      const instances = await sb.dms.send(new DescribeReplicationInstancesCommand({}));
      instance = instances.ReplicationInstances?.[0]?.ReplicationInstanceIdentifier ?? '';
      await targetEndpoint('agent-route-maria', 'mariadb');
      await targetEndpoint('agent-route-pg', 'postgres');
      pgConn = await openConnection(pg.spec);
      myConn = await openConnection(my.spec);
      await startTestAgent(dir, { ...process.env, DMS_TUI_AGENT_POLL_MS: '200' });
    }, 120_000);

    afterAll(async () => {
      await stopAgent(dir).catch(() => undefined);
      await sb?.close();
      await pgConn?.query(`DROP SCHEMA IF EXISTS ${pgSchema} CASCADE`);
      await pgConn?.query(`DROP SCHEMA IF EXISTS ${myDb} CASCADE`);
      await myConn?.query(`DROP DATABASE IF EXISTS ${myDb}`);
      await myConn?.query(`DROP DATABASE IF EXISTS ${pgSchema}`);
      await pgConn?.query(`DROP SCHEMA IF EXISTS ${pqSchema} CASCADE`);
      await myConn?.query(`DROP DATABASE IF EXISTS ${pqSchema}`);
      await pgConn?.close();
      await myConn?.close();
      rmSync(root, { recursive: true, force: true });
    });

    it('PostgreSQL → MariaDB: the target equals the source', async () => {
      await pgConn.query(`CREATE SCHEMA ${pgSchema}`);
      await pgConn.query(
        `CREATE TABLE ${pgSchema}.items (id int PRIMARY KEY, label text, flag boolean, raw bytea, price numeric(30,10), at timestamptz)`,
      );
      await pgConn.query(
        `INSERT INTO ${pgSchema}.items SELECT g, CASE WHEN g % 7 = 0 THEN '' WHEN g % 11 = 0 THEN NULL ELSE 'r' || g || E',"\\n' || chr(1000 + g % 50) END, g % 2 = 0, CASE WHEN g % 5 = 0 THEN NULL ELSE decode(lpad(to_hex(g), 8, '0'), 'hex') END, g * 1000.0000000001, timestamptz '2024-03-01 12:00:00.123456+02' + g * interval '1 minute' FROM generate_series(1, 3000) g`,
      );
      await pgConn.query(`ANALYZE ${pgSchema}.items`);
      await runRoute(
        'pg-to-maria',
        `postgres://${pg.spec.user}@${pg.spec.host}:${pg.spec.port}/${pg.spec.database}`,
        `${pgSchema}.items`,
        'agent-route-maria',
      );
      const source = await normalised(
        pgConn,
        `SELECT id, label, flag::int AS flag, encode(raw, 'hex') AS raw, price::text AS price, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') AS at FROM ${pgSchema}.items`,
      );
      const target = await normalised(
        myConn,
        `SELECT id, label, flag, lower(hex(raw)) AS raw, price, date_format(at, '%Y-%m-%d %H:%i:%s.%f') AS at FROM ${pgSchema}.items`,
      );
      expect(target.count).toBe(3000);
      expect(
        target.checksum === source.checksum
          ? 'equal'
          : target.rows.find((r, i) => JSON.stringify(r) !== JSON.stringify(source.rows[i])),
      ).toBe('equal');
    });

    it('MariaDB → PostgreSQL: the target equals the source', async () => {
      await myConn.query(`CREATE DATABASE ${myDb}`);
      await myConn.query(
        `CREATE TABLE ${myDb}.items (code varchar(20) NOT NULL PRIMARY KEY, label text, flag tinyint(1), raw varbinary(8), price decimal(30,10), at datetime(6))`,
      );
      for (let i = 0; i < 2000; i += 500) {
        const values = Array.from({ length: 500 }, (_, k) => {
          const n = i + k;
          const label =
            n % 7 === 0
              ? "''"
              : n % 11 === 0
                ? 'NULL'
                : `'r${n},"\\n${String.fromCodePoint(0x3b1 + (n % 20))}'`;
          return `('c${String(n).padStart(5, '0')}', ${label}, ${n % 2}, ${n % 5 ? `x'${n.toString(16).padStart(8, '0')}'` : 'NULL'}, ${n}.0123456789, '2024-03-01 12:00:00.123456' + INTERVAL ${n} MINUTE)`;
        });
        await myConn.query(`INSERT INTO ${myDb}.items VALUES ${values.join(',')}`);
      }
      await myConn.query(`ANALYZE TABLE ${myDb}.items`);
      await runRoute(
        'maria-to-pg',
        `mysql://${my.spec.user}@${my.spec.host}:${my.spec.port}/${myDb}`,
        `${myDb}.items`,
        'agent-route-pg',
      );
      const source = await normalised(
        myConn,
        `SELECT code, label, flag, lower(hex(raw)) AS raw, price, date_format(at, '%Y-%m-%d %H:%i:%s.%f') AS at FROM ${myDb}.items`,
      );
      const target = await normalised(
        pgConn,
        `SELECT code, label, flag::int AS flag, encode(raw, 'hex') AS raw, price::text AS price, to_char(at, 'YYYY-MM-DD HH24:MI:SS.US') AS at FROM ${myDb}.items`,
      );
      expect(target.count).toBe(2000);
      expect(
        target.checksum === source.checksum
          ? 'equal'
          : target.rows.find((r, i) => JSON.stringify(r) !== JSON.stringify(source.rows[i])),
      ).toBe('equal');

      // delete --objects --dms: the S3 objects, the DMS task and the endpoint go too.
      const deleted = await agentTaskCli(sb, 'agent-task', [
        'delete',
        'maria-to-pg',
        '--yes',
        '--objects',
        '--dms',
        '--data-dir',
        dir,
      ]);
      expect(deleted.stderr).toBe('');
      expect(deleted.stdout).toMatch(
        /deleted maria-to-pg; removed DMS task agent-maria-to-pg; removed endpoint agent-maria-to-pg-s3; removed \d+ S3 object\(s\)/,
      );
      expect((await rowsInS3(sb, 'route', 'maria-to-pg/')).keys).toEqual([]);
      await expect(findTask(sb.clients, 'agent-maria-to-pg')).rejects.toThrow(
        /No replication task/,
      );
    });

    it('PostgreSQL → MariaDB through Parquet: typed columns, NULLs kept, target equals source', async () => {
      await pgConn.query(`CREATE SCHEMA ${pqSchema}`);
      await pgConn.query(
        `CREATE TABLE ${pqSchema}.items (id bigint PRIMARY KEY, small smallint, label text, code varchar(12), flag boolean, raw bytea, money numeric(10,2), price numeric(30,10), ratio double precision, day date, at timestamp(6), zoned timestamptz)`,
      );
      await pgConn.query(
        `INSERT INTO ${pqSchema}.items SELECT g, CASE WHEN g % 3 = 0 THEN NULL ELSE g % 30000 END, CASE WHEN g % 7 = 0 THEN '' WHEN g % 11 = 0 THEN NULL ELSE 'r' || g || E',"\\n' || chr(1000 + g % 50) END, CASE WHEN g % 13 = 0 THEN NULL ELSE 'c' || g END, CASE WHEN g % 17 = 0 THEN NULL ELSE g % 2 = 0 END, CASE WHEN g % 5 = 0 THEN NULL ELSE decode(lpad(to_hex(g), 8, '0'), 'hex') END, CASE WHEN g % 19 = 0 THEN NULL ELSE g * -1.25 END, CASE WHEN g % 23 = 0 THEN NULL ELSE g * 1000.0000000001 END, CASE WHEN g % 29 = 0 THEN NULL ELSE g / 8.0 END, CASE WHEN g % 31 = 0 THEN NULL ELSE date '1969-12-01' + g END, CASE WHEN g % 37 = 0 THEN NULL ELSE timestamp '1969-12-31 23:00:00.000001' + g * interval '1 minute 1.000001 second' END, timestamptz '2024-03-01 12:00:00.123456+02' + g * interval '1 minute' FROM generate_series(1, 3000) g`,
      );
      await pgConn.query(`ANALYZE ${pqSchema}.items`);
      await runRoute(
        'pg-to-maria-parquet',
        `postgres://${pg.spec.user}@${pg.spec.host}:${pg.spec.port}/${pg.spec.database}`,
        `${pqSchema}.items`,
        'agent-route-maria',
        ['--format', 'parquet'],
      );
      const objects = await rowsInS3(sb, 'route', `pg-to-maria-parquet/${pqSchema}/items/`);
      expect(objects.keys.length).toBeGreaterThan(1);
      for (const key of objects.keys) expect(key).toMatch(/\/LOAD[0-9A-F]{8}\.parquet$/);
      const source = await normalised(
        pgConn,
        `SELECT id, small, label, code, flag::int AS flag, encode(raw, 'hex') AS raw, money::text AS money, price::text AS price, ratio, to_char(day, 'YYYY-MM-DD') AS day, to_char(at, 'YYYY-MM-DD HH24:MI:SS.US') AS at, to_char(zoned AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') AS zoned FROM ${pqSchema}.items`,
      );
      const target = await normalised(
        myConn,
        `SELECT id, small, label, code, flag, lower(hex(raw)) AS raw, money, price, ratio, date_format(day, '%Y-%m-%d') AS day, date_format(at, '%Y-%m-%d %H:%i:%s.%f') AS at, date_format(zoned, '%Y-%m-%d %H:%i:%s.%f') AS zoned FROM ${pqSchema}.items`,
      );
      expect(target.count).toBe(3000);
      expect(
        target.checksum === source.checksum
          ? 'equal'
          : {
              target: target.rows.find(
                (r, i) => JSON.stringify(r) !== JSON.stringify(source.rows[i]),
              ),
              source: source.rows.find(
                (r, i) => JSON.stringify(r) !== JSON.stringify(target.rows[i]),
              ),
            },
      ).toBe('equal');
    });
  },
);
