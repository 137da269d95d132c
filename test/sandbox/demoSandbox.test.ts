// The sandbox with the embedded demo on: first start builds the PGlite databases and the
// demo-source / demo-target endpoints; a task moves a table between them; a second start
// reopens the data dir and keeps the same endpoints, pointed at the new ports.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateReplicationTaskCommand,
  type DatabaseMigrationServiceClient,
  DescribeConnectionsCommand,
  DescribeEndpointsCommand,
  DescribeReplicationInstancesCommand,
  DescribeReplicationTasksCommand,
  DescribeTableStatisticsCommand,
  type Endpoint,
  StartReplicationTaskCommand,
  TestConnectionCommand,
} from '@aws-sdk/client-database-migration-service';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestSandbox } from '../support/sandbox.js';
import { waitFor } from '../support/wait.js';
import { openEntries } from './support/modes.js';
import { includeTables } from '../support/mappings.js';
import { describeTaskByArn } from '../support/describeTask.js';

const dataDir = mkdtempSync(join(tmpdir(), 'dmst-demo-sandbox-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('sandbox with the embedded demo', () => {
  it('serves demo endpoints that really connect and migrate, and reopens them', async () => {
    const first = await startTestSandbox({ dataDir, demo: true });
    try {
      // An ephemeral sandbox (port 0, as tests ask) gets ephemeral demo ports as well.
      const { source, target } = first.sandbox.demo!;
      expect(source.port).toBeGreaterThan(0);
      expect(target.port).not.toBe(source.port);
      const endpoints = (await first.dms.send(new DescribeEndpointsCommand({}))).Endpoints!;
      expect(endpoints.map((e) => [e.EndpointIdentifier, e.EndpointType, e.Port])).toEqual([
        ['demo-source', 'SOURCE', source.port],
        ['demo-target', 'TARGET', target.port],
      ]);
      const instanceArn = (await first.dms.send(new DescribeReplicationInstancesCommand({})))
        .ReplicationInstances![0]!.ReplicationInstanceArn!;
      for (const e of endpoints)
        await first.dms.send(
          new TestConnectionCommand({
            EndpointArn: e.EndpointArn!,
            ReplicationInstanceArn: instanceArn,
          }),
        );
      await waitFor(() => first.dms.send(new DescribeConnectionsCommand({})), {
        until: (r) =>
          r.Connections?.length === 2 && r.Connections.every((c) => c.Status === 'successful'),
        what: 'demo connections',
        timeout: 30_000,
      });
      const startTask = (id: string, tableMappings: string, settings: object) =>
        startDemoTask(first.dms, { endpoints, instanceArn }, id, tableMappings, settings);
      const arn = await startTask('demo-products', includeTables('inventory', 'products'), {});
      const describeTask = async () => (await describeTaskByArn(first.dms, arn))!;
      const done = await waitFor(describeTask, {
        until: (x) => x.Status === 'stopped' || x.Status === 'failed',
        what: 'load',
        timeout: 60_000,
      });
      expect(done.LastFailureMessage).toBeUndefined();
      expect(done.StopReason).toBe('Stop Reason FULL_LOAD_ONLY_FINISHED');
      const stats = (
        await first.dms.send(new DescribeTableStatisticsCommand({ ReplicationTaskArn: arn }))
      ).TableStatistics!;
      expect(stats).toMatchObject([
        {
          SchemaName: 'inventory',
          TableName: 'products',
          FullLoadRows: 500,
          TableState: 'Table completed',
        },
      ]);
      // Validation on the demo while the load goes on: a key of two numbers
      // (sales.order_items, 120,000 rows) and one of one number, both validated.
      const salesArn = await startTask(
        'demo-sales-validated',
        JSON.stringify({
          rules: ['order_items', 'orders'].map((table, i) => ({
            'rule-type': 'selection',
            'rule-id': String(i + 1),
            'rule-name': table,
            'object-locator': { 'schema-name': 'sales', 'table-name': table },
            'rule-action': 'include',
          })),
        }),
        { ValidationSettings: { EnableValidation: true } },
      );
      const validated = await waitFor(
        async () =>
          (
            await first.dms.send(
              new DescribeTableStatisticsCommand({ ReplicationTaskArn: salesArn }),
            )
          ).TableStatistics!,
        {
          until: (stats) =>
            stats.length === 2 && stats.every((t) => t.ValidationState !== 'Pending records'),
          what: 'validation of the sales tables',
          timeout: 180_000,
        },
      );
      expect(
        validated.map((t) => [
          t.TableName,
          t.FullLoadRows,
          t.ValidationState,
          t.ValidationFailedRecords,
        ]),
      ).toEqual([
        ['order_items', 120_000, 'Validated', 0],
        ['orders', expect.any(Number), 'Validated', 0],
      ]);
      await waitFor(async () => (await describeTaskByArn(first.dms, salesArn))!, {
        until: (x) => x.Status === 'stopped',
        what: 'the sales task to stop',
        timeout: 60_000,
      });
    } finally {
      await first.close(true);
    }
    // PGlite writes its files 0666; the sandbox makes every directory 0700 and file 0600,
    // including the ones the load just added to the target.
    const modes = openEntries(dataDir);
    expect(modes.files).toBeGreaterThan(100);
    expect(modes.open).toEqual([]);
    // No password or other secret of the demo lands in the state in clear beyond what the
    // endpoints need (the demo databases have none).
    expect(readFileSync(join(dataDir, 'state.json'), 'utf8')).not.toMatch(/"password":"[^"]/);

    const second = await startTestSandbox({ dataDir, demo: true });
    try {
      const endpoints = (await second.dms.send(new DescribeEndpointsCommand({}))).Endpoints!;
      expect(endpoints.map((e) => [e.EndpointIdentifier, e.Port])).toEqual([
        ['demo-source', second.sandbox.demo!.source.port],
        ['demo-target', second.sandbox.demo!.target.port],
      ]);
      const tasks = (await second.dms.send(new DescribeReplicationTasksCommand({})))
        .ReplicationTasks!;
      expect(tasks.map((t) => [t.ReplicationTaskIdentifier, t.Status])).toEqual([
        ['demo-products', 'stopped'],
        ['demo-sales-validated', 'stopped'],
      ]);
    } finally {
      await second.close(true);
    }
  }, 420_000);
});

/** Creates a full-load task demo-source → demo-target (tables dropped and created), waits until
 *  it is ready and starts it; its ARN. */
async function startDemoTask(
  dms: DatabaseMigrationServiceClient,
  on: { endpoints: Endpoint[]; instanceArn: string },
  id: string,
  tableMappings: string,
  settings: object,
): Promise<string> {
  const created = await dms.send(
    new CreateReplicationTaskCommand({
      ReplicationTaskIdentifier: id,
      SourceEndpointArn: on.endpoints[0]!.EndpointArn!,
      TargetEndpointArn: on.endpoints[1]!.EndpointArn!,
      ReplicationInstanceArn: on.instanceArn,
      MigrationType: 'full-load',
      TableMappings: tableMappings,
      ReplicationTaskSettings: JSON.stringify({
        FullLoadSettings: { TargetTablePrepMode: 'DROP_AND_CREATE' },
        ...settings,
      }),
    }),
  );
  const arn = created.ReplicationTask!.ReplicationTaskArn!;
  await waitFor(async () => (await describeTaskByArn(dms, arn))!, {
    until: (x) => x.Status === 'ready',
    what: `${id} ready`,
    timeout: 30_000,
  });
  await dms.send(
    new StartReplicationTaskCommand({
      ReplicationTaskArn: arn,
      StartReplicationTaskType: 'start-replication',
    }),
  );
  return arn;
}
