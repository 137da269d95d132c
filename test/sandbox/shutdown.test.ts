// A clean shutdown (SIGINT/SIGTERM → close()) stops running tasks honestly: they end
// "stopped" with StopReason NORMAL and a log line saying why, and the state is on disk.
import { FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import {
  CreateReplicationTaskCommand,
  DescribeReplicationInstancesCommand,
  DescribeReplicationTasksCommand,
  DescribeTableStatisticsCommand,
  StartReplicationTaskCommand,
} from '@aws-sdk/client-database-migration-service';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DbConnection, openConnection } from '../../src/db/connection.js';
import { serverAvailable } from '../support/servers.js';
import { makeCopier } from './support/copier.js';
import { startTestSandbox, uniqueName } from '../support/sandbox.js';
import { waitFor } from '../support/wait.js';
import { includeTables } from '../support/mappings.js';
import { createPgEndpoint } from '../support/pgEndpoint.js';

const pg = await serverAvailable('postgres');
const schema = uniqueName('dmst_shutdown');
const targetDb = uniqueName('dmst_shutdown_tgt');
let admin: DbConnection | undefined;

beforeAll(async () => {
  if (!pg.ok) return;
  admin = await openConnection(pg.spec);
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.query(`CREATE TABLE ${schema}.big (id int PRIMARY KEY, v text)`);
  await admin.query(
    `INSERT INTO ${schema}.big SELECT g, md5(g::text) FROM generate_series(1, 5000) g`,
  );
  await admin.query(`CREATE DATABASE ${targetDb}`);
});

afterAll(async () => {
  if (!admin) return;
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.query(`DROP DATABASE IF EXISTS ${targetDb} WITH (FORCE)`);
  await admin.close();
});

const slowCopier = makeCopier({
  batchSize: 100,
  afterBatch: () => new Promise((r) => setTimeout(r, 30)),
});

describe.skipIf(!pg.ok)(`clean shutdown (${pg.reason})`, () => {
  it('stops a running task with StopReason NORMAL and says so in its log', async () => {
    const t = await startTestSandbox({ runFullLoad: slowCopier });
    const instanceArn = (await t.dms.send(new DescribeReplicationInstancesCommand({})))
      .ReplicationInstances![0]!.ReplicationInstanceArn!;
    const ep = (id: string, type: 'source' | 'target', database: string) =>
      createPgEndpoint(t.dms, id, type, { ...pg.spec, database });
    const arn = (
      await t.dms.send(
        new CreateReplicationTaskCommand({
          ReplicationTaskIdentifier: 'shutdown',
          SourceEndpointArn: await ep('s', 'source', pg.spec.database),
          TargetEndpointArn: await ep('t', 'target', targetDb),
          ReplicationInstanceArn: instanceArn,
          MigrationType: 'full-load',
          TableMappings: includeTables(schema),
          ReplicationTaskSettings: JSON.stringify({ Logging: { EnableLogging: true } }),
        }),
      )
    ).ReplicationTask!.ReplicationTaskArn!;
    const stats = () => t.dms.send(new DescribeTableStatisticsCommand({ ReplicationTaskArn: arn }));
    await waitFor(
      () =>
        t.dms
          .send(new DescribeReplicationTasksCommand({}))
          .then((r) => r.ReplicationTasks![0]!.Status),
      { until: (s) => s === 'ready', what: 'ready', timeout: 30_000 },
    );
    await t.dms.send(
      new StartReplicationTaskCommand({
        ReplicationTaskArn: arn,
        StartReplicationTaskType: 'start-replication',
      }),
    );
    await waitFor(stats, {
      until: (r) => (r.TableStatistics?.[0]?.FullLoadRows ?? 0) >= 300,
      what: 'rows moving',
      timeout: 30_000,
    });
    await t.close(true);

    const again = await startTestSandbox({ dataDir: t.dataDir, runFullLoad: slowCopier });
    try {
      const task = (await again.dms.send(new DescribeReplicationTasksCommand({})))
        .ReplicationTasks![0]!;
      expect(task.Status).toBe('stopped');
      expect(task.StopReason).toBe('Stop Reason NORMAL');
      const table = (
        await again.dms.send(new DescribeTableStatisticsCommand({ ReplicationTaskArn: arn }))
      ).TableStatistics![0]!;
      expect(table.TableState).toBe('Table cancelled');
      const log = await again.logs.send(
        new FilterLogEventsCommand({
          logGroupName: 'dms-tasks-sandbox',
          filterPattern: '"shutting down"',
        }),
      );
      expect(log.events).toHaveLength(1);
    } finally {
      await again.close();
    }
  }, 60_000);
});
