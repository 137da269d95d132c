// kill -9 of a sandbox process in the middle of a full load, then a restart on the same data
// dir: the state file is readable, the task comes back stopped with an honest StopReason and a
// log line, and resume-processing finishes the load.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import {
  CreateReplicationTaskCommand,
  DatabaseMigrationServiceClient,
  DescribeReplicationInstancesCommand,
  DescribeReplicationTasksCommand,
  DescribeTableStatisticsCommand,
  StartReplicationTaskCommand,
} from '@aws-sdk/client-database-migration-service';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DbConnection, openConnection } from '../../src/db/connection.js';
import { serverAvailable } from '../support/servers.js';
import { makeCopier } from './support/copier.js';
import { DUMMY_CREDENTIALS, startTestSandbox, uniqueName } from '../support/sandbox.js';
import { waitFor } from '../support/wait.js';
import { includeTables } from '../support/mappings.js';
import { describeTaskByArn } from '../support/describeTask.js';
import { createPgEndpoint } from '../support/pgEndpoint.js';

const pg = await serverAvailable('postgres');
const FIXTURE = fileURLToPath(new URL('./fixtures/cli.ts', import.meta.url));
const schema = uniqueName('dmst_crash');
const targetDb = uniqueName('dmst_crash_tgt');
const ROWS = 3000;

let admin: DbConnection | undefined;
let child: ChildProcess | undefined;
const dataDir = mkdtempSync(join(tmpdir(), 'dmst-crash-'));

beforeAll(async () => {
  if (!pg.ok) return;
  admin = await openConnection(pg.spec);
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.query(`CREATE TABLE ${schema}.events (id int PRIMARY KEY, body text)`);
  await admin.query(
    `INSERT INTO ${schema}.events SELECT g, md5(g::text) FROM generate_series(1, ${ROWS}) g`,
  );
  await admin.query(`CREATE DATABASE ${targetDb}`);
});

afterAll(async () => {
  if (child?.exitCode === null) child.kill('SIGKILL');
  if (admin) {
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.query(`DROP DATABASE IF EXISTS ${targetDb} WITH (FORCE)`);
    await admin.close();
  }
  rmSync(dataDir, { recursive: true, force: true });
});

function startChild(): Promise<string> {
  child = spawn(process.execPath, ['--import', 'tsx', FIXTURE, 'sandbox', '--data-dir', dataDir], {
    env: { ...process.env, DMST_SLOW_COPIER: '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child!.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /URL (\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child!.once('exit', (code) => reject(new Error(`sandbox process exited early (${code})`)));
  });
}

describe.skipIf(!pg.ok)(`kill -9 during a load (${pg.reason})`, () => {
  it('restarts with a readable state and an honestly stopped task that can resume', async () => {
    const url = await startChild();
    const dms = new DatabaseMigrationServiceClient({
      endpoint: url,
      region: 'us-east-1',
      credentials: DUMMY_CREDENTIALS,
      maxAttempts: 1,
    });
    const instanceArn = (await dms.send(new DescribeReplicationInstancesCommand({})))
      .ReplicationInstances![0]!.ReplicationInstanceArn!;
    const ep = (id: string, type: 'source' | 'target', database: string) =>
      createPgEndpoint(dms, id, type, { ...pg.spec, database });
    const created = await dms.send(
      new CreateReplicationTaskCommand({
        ReplicationTaskIdentifier: 'crash-me',
        SourceEndpointArn: await ep('s', 'source', pg.spec.database),
        TargetEndpointArn: await ep('t', 'target', targetDb),
        ReplicationInstanceArn: instanceArn,
        MigrationType: 'full-load',
        TableMappings: includeTables(schema),
        ReplicationTaskSettings: JSON.stringify({
          Logging: { EnableLogging: true },
          FullLoadSettings: { TargetTablePrepMode: 'TRUNCATE_BEFORE_LOAD' },
        }),
      }),
    );
    const arn = created.ReplicationTask!.ReplicationTaskArn!;
    const describe1 = async () => (await describeTaskByArn(dms, arn))!;
    await waitFor(describe1, {
      until: (x) => x.Status === 'ready',
      what: 'ready',
      timeout: 30_000,
    });
    await dms.send(
      new StartReplicationTaskCommand({
        ReplicationTaskArn: arn,
        StartReplicationTaskType: 'start-replication',
      }),
    );
    // Wait until rows are landing and the state on disk says so, then kill -9.
    await waitFor(
      async () => {
        try {
          const state = JSON.parse(readFileSync(join(dataDir, 'state.json'), 'utf8'));
          return state.tasks[0]?.tables[0]?.fullLoadRows ?? 0;
        } catch {
          return 0;
        }
      },
      { until: (rows: number) => rows >= 500, what: 'rows on disk', timeout: 30_000 },
    );
    child!.kill('SIGKILL');
    await new Promise((resolve) => child!.once('exit', resolve));
    dms.destroy();

    // The state file parses as it is, before any restart touches it.
    const raw = JSON.parse(readFileSync(join(dataDir, 'state.json'), 'utf8'));
    expect(raw.tasks[0].status).toBe('running');

    const again = await startTestSandbox({ dataDir, runFullLoad: makeCopier() });
    try {
      const task = (await again.dms.send(new DescribeReplicationTasksCommand({})))
        .ReplicationTasks![0]!;
      expect(task.Status).toBe('stopped');
      expect(task.StopReason).toBe('Stop Reason RECOVERABLE_ERROR');
      const loaded = task.ReplicationTaskStats!;
      expect(loaded.StopDate).toBeInstanceOf(Date);
      const stats = (
        await again.dms.send(new DescribeTableStatisticsCommand({ ReplicationTaskArn: arn }))
      ).TableStatistics!;
      expect(stats[0]).toMatchObject({ TableName: 'events', TableState: 'Table cancelled' });
      expect(stats[0]!.FullLoadRows).toBeGreaterThanOrEqual(500);
      expect(stats[0]!.FullLoadRows).toBeLessThan(ROWS);
      const log = await again.logs.send(
        new FilterLogEventsCommand({
          logGroupName: 'dms-tasks-sandbox',
          filterPattern: '"sandbox restarted"',
        }),
      );
      expect(log.events).toHaveLength(1);

      await again.dms.send(
        new StartReplicationTaskCommand({
          ReplicationTaskArn: arn,
          StartReplicationTaskType: 'resume-processing',
        }),
      );
      const done = await waitFor(
        async () =>
          (await again.dms.send(new DescribeReplicationTasksCommand({}))).ReplicationTasks![0]!,
        {
          until: (x) => x.Status === 'stopped' || x.Status === 'failed',
          what: 'resumed load',
          timeout: 30_000,
        },
      );
      expect(done.StopReason).toBe('Stop Reason FULL_LOAD_ONLY_FINISHED');
      const target = await openConnection({ ...pg.spec, database: targetDb });
      const n = await target.query<{ n: string }>(`SELECT count(*) AS n FROM ${schema}.events`);
      await target.close();
      expect(Number(n.rows[0]!.n)).toBe(ROWS);
    } finally {
      await again.close(true);
    }
  }, 60_000);
});
