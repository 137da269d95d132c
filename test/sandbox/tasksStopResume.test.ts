// Running tasks through the real SDK clients against real PostgreSQL databases (rows copied by
// the in-test copier, held mid-load where a test needs it): stop, resume and reload-target,
// what a running task refuses, the failures DMS reports, and a full-load-and-cdc task.
import { FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import {
  DeleteEndpointCommand,
  DeleteReplicationTaskCommand,
  ModifyReplicationTaskCommand,
  ReloadTablesCommand,
  StartReplicationTaskCommand,
  StopReplicationTaskCommand,
} from '@aws-sdk/client-database-migration-service';
import { describe, expect, it } from 'vitest';
import { waitFor } from '../support/wait.js';
import { fail } from './support/expectFailure.js';
import { ROWS, withTaskFixture } from './support/taskFixture.js';

const fx = await withTaskFixture();
const {
  pg,
  schema,
  createReady,
  describeTask,
  holdAt,
  mappings,
  waitStatus,
  targetCount,
  tableStats,
} = fx;

describe.skipIf(!pg.ok)(`task lifecycle against PostgreSQL (${pg.reason})`, () => {
  it('stops a load within moments, resumes the rest, and reload-target starts over', async () => {
    const arn = await createReady('stop-resume');
    const release = holdAt('order_items');
    await fx.t.dms.send(
      new StartReplicationTaskCommand({
        ReplicationTaskArn: arn,
        StartReplicationTaskType: 'start-replication',
      }),
    );
    await fx.reachedHold;
    const running = await describeTask(arn);
    expect(running.Status).toBe('running');
    expect(running.ReplicationTaskStats?.TablesLoaded).toBe(1); // customers, then order_items
    const modify = await fail(
      fx.t.dms.send(
        new ModifyReplicationTaskCommand({
          ReplicationTaskArn: arn,
          TableMappings: mappings('orders'),
        }),
      ),
    );
    expect(modify.message).toBe(
      'Replication Task, excluding logging severity task settings, cannot be modified while it is running state.',
    );
    const severity = await fx.t.dms.send(
      new ModifyReplicationTaskCommand({
        ReplicationTaskArn: arn,
        ReplicationTaskSettings: JSON.stringify({
          Logging: { LogComponents: [{ Id: 'TARGET_LOAD', Severity: 'LOGGER_SEVERITY_DEBUG' }] },
        }),
      }),
    );
    expect(severity.ReplicationTask?.Status).toBe('running');
    expect(
      JSON.parse(severity.ReplicationTask!.ReplicationTaskSettings!).Logging.LogComponents,
    ).toEqual([{ Id: 'TARGET_LOAD', Severity: 'LOGGER_SEVERITY_DEBUG' }]);
    const endpointInUse = await fail(
      fx.t.dms.send(new DeleteEndpointCommand({ EndpointArn: fx.sourceArn })),
    );
    expect(endpointInUse.name).toBe('InvalidResourceStateFault');
    const tooMany = await fail(
      fx.t.dms.send(
        new ReloadTablesCommand({
          ReplicationTaskArn: arn,
          TablesToReload: Array.from({ length: 11 }, (_, i) => ({
            SchemaName: schema,
            TableName: `t${i}`,
          })),
        }),
      ),
    );
    expect(tooMany.name).toBe('InvalidParameterValueException');
    const badType = await fail(
      fx.t.dms.send(
        new StartReplicationTaskCommand({
          ReplicationTaskArn: arn,
          StartReplicationTaskType: 'sideways' as never,
        }),
      ),
    );
    expect(badType.name).toBe('InvalidParameterValueException');
    const del = await fail(
      fx.t.dms.send(new DeleteReplicationTaskCommand({ ReplicationTaskArn: arn })),
    );
    expect(del.name).toBe('InvalidResourceStateFault');
    const start = await fail(
      fx.t.dms.send(
        new StartReplicationTaskCommand({
          ReplicationTaskArn: arn,
          StartReplicationTaskType: 'resume-processing',
        }),
      ),
    );
    expect(start.message).toBe('Replication Task cannot be started, invalid state');
    const stopping = await fx.t.dms.send(
      new StopReplicationTaskCommand({ ReplicationTaskArn: arn }),
    );
    expect(stopping.ReplicationTask?.Status).toBe('stopping');
    release();
    const stopped = await waitStatus(arn, 'stopped', 5000);
    expect(stopped.StopReason).toBe('Stop Reason NORMAL');
    let stats = await tableStats(arn);
    expect(stats.customers?.TableState).toBe('Table completed');
    expect(stats.order_items?.TableState).toBe('Table cancelled');
    expect(stats.orders?.TableState).toBe('Before load');
    const again = await fail(
      fx.t.dms.send(new StopReplicationTaskCommand({ ReplicationTaskArn: arn })),
    );
    expect(again.message).toBe('Replication Task cannot be stopped, invalid state');

    const customersEnd = stats.customers?.FullLoadEndTime?.getTime();
    await fx.t.dms.send(
      new StartReplicationTaskCommand({
        ReplicationTaskArn: arn,
        StartReplicationTaskType: 'resume-processing',
      }),
    );
    await waitStatus(arn, 'stopped');
    stats = await tableStats(arn);
    expect(stats.customers?.FullLoadEndTime?.getTime()).toBe(customersEnd);
    expect(stats.orders).toMatchObject({
      TableState: 'Table completed',
      FullLoadRows: ROWS.orders,
    });
    expect(await targetCount('orders')).toBe(ROWS.orders);
    expect(await targetCount('order_items')).toBe(ROWS.order_items);

    await fx.t.dms.send(
      new StartReplicationTaskCommand({
        ReplicationTaskArn: arn,
        StartReplicationTaskType: 'reload-target',
      }),
    );
    const reloaded = await waitStatus(arn, 'stopped');
    expect(reloaded.StopReason).toBe('Stop Reason FULL_LOAD_ONLY_FINISHED');
    stats = await tableStats(arn);
    expect(stats.customers?.FullLoadEndTime?.getTime()).toBeGreaterThan(customersEnd!);
    expect(await targetCount('customers')).toBe(ROWS.customers);
  });

  it('fails with the DMS message when no table matches', async () => {
    const arn = await createReady('no-tables', { TableMappings: mappings('nothing_here') });
    await fx.t.dms.send(
      new StartReplicationTaskCommand({
        ReplicationTaskArn: arn,
        StartReplicationTaskType: 'start-replication',
      }),
    );
    const failed = await waitStatus(arn, 'failed');
    expect(failed.LastFailureMessage).toContain('No tables were found at task initialization.');
    expect(failed.LastFailureMessage).toContain('Stop Reason FATAL_ERROR Error Level FATAL');
  });

  it('fails with the driver error when the target cannot be reached', async () => {
    const arn = await createReady('target-down', { TargetEndpointArn: fx.missingTargetArn });
    await fx.t.dms.send(
      new StartReplicationTaskCommand({
        ReplicationTaskArn: arn,
        StartReplicationTaskType: 'start-replication',
      }),
    );
    const failed = await waitStatus(arn, 'failed');
    expect(failed.LastFailureMessage).toContain('Connection refused by 127.0.0.1:1');
  });

  it('keeps a full-load-and-cdc task running after the load, says CDC is not captured, reloads tables', async () => {
    const arn = await createReady('with-cdc', { MigrationType: 'full-load-and-cdc' });
    await fx.t.dms.send(
      new StartReplicationTaskCommand({
        ReplicationTaskArn: arn,
        StartReplicationTaskType: 'start-replication',
      }),
    );
    const loaded = await waitFor(() => describeTask(arn), {
      until: (x) => x.ReplicationTaskStats?.FullLoadProgressPercent === 100,
      what: 'load done',
      timeout: 30_000,
    });
    expect(loaded.Status).toBe('running');
    // The line is written when the engine hands the load over, just after progress reads 100%.
    await waitFor(
      () =>
        fx.t.logs.send(
          new FilterLogEventsCommand({
            logGroupName: 'dms-tasks-sandbox',
            logStreamNamePrefix: `dms-task-${arn.split(':').pop()}`,
            filterPattern: '"does not capture ongoing changes"',
          }),
        ),
      {
        until: (log) => (log.events?.length ?? 0) > 0,
        what: 'the CDC notice in the task log',
        timeout: 30_000,
      },
    );
    await fx.t.dms.send(
      new ReloadTablesCommand({
        ReplicationTaskArn: arn,
        TablesToReload: [{ SchemaName: schema, TableName: 'order_items' }],
      }),
    );
    await waitFor(() => tableStats(arn), {
      until: (s) =>
        s.order_items?.FullLoadReloaded === true && s.order_items?.TableState === 'Table completed',
      what: 'reload',
      timeout: 30_000,
    });
    expect(await targetCount('order_items')).toBe(ROWS.order_items);
    await fx.t.dms.send(new StopReplicationTaskCommand({ ReplicationTaskArn: arn }));
    const stopped = await waitStatus(arn, 'stopped', 5000);
    expect(stopped.StopReason).toBe('Stop Reason NORMAL');
    const cdcReload = await fail(
      fx.t.dms.send(
        new ReloadTablesCommand({
          ReplicationTaskArn: arn,
          TablesToReload: [{ SchemaName: schema, TableName: 'orders' }],
        }),
      ),
    );
    expect(cdcReload.name).toBe('InvalidResourceStateFault');
  });
});
