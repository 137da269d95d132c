// Replication tasks through the real SDK clients, without running a load: what
// CreateReplicationTask refuses and how it fills in settings, DescribeReplicationTasks paging,
// the errors for unknown tasks and cdc-only tasks, and log reads before any logging.
import {
  CloudWatchLogsServiceException,
  FilterLogEventsCommand,
  GetLogEventsCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import {
  CreateEndpointCommand,
  CreateReplicationTaskCommand,
  type CreateReplicationTaskCommandInput,
  DeleteReplicationTaskCommand,
  DescribeReplicationInstancesCommand,
  DescribeReplicationTasksCommand,
  DescribeTableStatisticsCommand,
  ModifyReplicationTaskCommand,
  paginateDescribeReplicationTasks,
  ReloadTablesCommand,
  StartReplicationTaskCommand,
  StopReplicationTaskCommand,
} from '@aws-sdk/client-database-migration-service';
import { describe, expect, it } from 'vitest';
import { startTestSandbox } from '../support/sandbox.js';
import { fail } from './support/expectFailure.js';
import { withTaskFixture } from './support/taskFixture.js';

const fx = await withTaskFixture();
const { copier, createReady, mappings, taskInput, waitStatus } = fx;

describe('CreateReplicationTask validation', () => {
  it('rejects what DMS rejects, with its messages', async () => {
    const bad = async (over: Partial<CreateReplicationTaskCommandInput>) =>
      fail(fx.t.dms.send(new CreateReplicationTaskCommand(taskInput('valid-id', over))));
    expect((await bad({ ReplicationTaskIdentifier: '9lives' })).message).toContain(
      'ReplicationTaskIdentifier',
    );
    expect((await bad({ TableMappings: '{"rules": "x"}' })).message).toMatch(
      /^Invalid Table Mappings document/,
    );
    expect((await bad({ ReplicationTaskSettings: '{nope' })).message).toBe(
      'Invalid task settings JSON',
    );
    const cw = await bad({
      ReplicationTaskSettings: JSON.stringify({
        Logging: { EnableLogging: true, CloudWatchLogGroup: 'g' },
      }),
    });
    expect(cw.name).toBe('InvalidParameterValueException');
    expect(cw.message).toBe(
      'Task Settings CloudWatchLogGroup or CloudWatchLogStream cannot be set on create.',
    );
    expect((await bad({ MigrationType: 'sideways' as never })).name).toBe(
      'InvalidParameterValueException',
    );
    expect((await bad({ SourceEndpointArn: fx.targetArn })).message).toContain(
      'not a source endpoint',
    );
    expect(
      (await bad({ SourceEndpointArn: 'arn:aws:dms:us-east-1:000000000000:endpoint:NOPE' })).name,
    ).toBe('ResourceNotFoundFault');
    expect(
      (await bad({ ReplicationInstanceArn: 'arn:aws:dms:us-east-1:000000000000:rep:NOPE' })).name,
    ).toBe('ResourceNotFoundFault');
    const combo = await bad({ CdcStartTime: new Date(), CdcStartPosition: 'x' });
    expect(combo.name).toBe('InvalidParameterCombinationException');
    const missing = await fail(
      fx.t.dms.send(new CreateReplicationTaskCommand({ ReplicationTaskIdentifier: 'x' } as never)),
    );
    expect(missing.message).toMatch(/^5 validation errors detected/);
  });

  it('merges settings with the DMS defaults and names the log group and stream', async () => {
    const out = await fx.t.dms.send(new CreateReplicationTaskCommand(taskInput('merged-settings')));
    const task = out.ReplicationTask!;
    expect(task.ReplicationTaskArn).toMatch(
      /^arn:aws:dms:us-east-1:000000000000:task:[A-Z2-7]{26}$/,
    );
    expect(task.ReplicationTaskCreationDate).toBeInstanceOf(Date);
    expect(task.ReplicationTaskStats).toBeUndefined();
    const s = JSON.parse(task.ReplicationTaskSettings!);
    expect(s.FullLoadSettings.TargetTablePrepMode).toBe('DROP_AND_CREATE');
    expect(s.FullLoadSettings.MaxFullLoadSubTasks).toBe(8);
    expect(s.TargetMetadata.LobMaxSize).toBe(32);
    expect(s.Logging.CloudWatchLogGroup).toBe('dms-tasks-sandbox');
    expect(s.Logging.CloudWatchLogStream).toBe(
      `dms-task-${task.ReplicationTaskArn!.split(':').pop()}`,
    );
    const dup = await fail(
      fx.t.dms.send(new CreateReplicationTaskCommand(taskInput('MERGED-settings'))),
    );
    expect(dup.name).toBe('ResourceAlreadyExistsFault');
    const ready = await waitStatus(task.ReplicationTaskArn!, 'ready');
    expect(ready.ReplicationTaskStats).toMatchObject({
      FullLoadProgressPercent: 0,
      TablesLoaded: 0,
      ElapsedTimeMillis: 0,
    });
    expect(ready.ReplicationTaskStats?.StartDate).toBeUndefined();
    const lean = await fx.t.dms.send(
      new DescribeReplicationTasksCommand({
        WithoutSettings: true,
        Filters: [{ Name: 'replication-task-id', Values: ['merged-settings'] }],
      }),
    );
    expect(lean.ReplicationTasks![0]!.ReplicationTaskSettings).toBeUndefined();
    await fx.t.dms.send(
      new DeleteReplicationTaskCommand({ ReplicationTaskArn: task.ReplicationTaskArn! }),
    );
  });
});

describe('DescribeReplicationTasks pagination', () => {
  it('pages over more than 100 tasks with Marker and MaxRecords', async () => {
    const many = await startTestSandbox({ runFullLoad: copier });
    try {
      const inst = (await many.dms.send(new DescribeReplicationInstancesCommand({})))
        .ReplicationInstances![0]!.ReplicationInstanceArn!;
      const ep = async (id: string, type: 'source' | 'target') =>
        (
          await many.dms.send(
            new CreateEndpointCommand({
              EndpointIdentifier: id,
              EndpointType: type,
              EngineName: 'postgres',
            }),
          )
        ).Endpoint!.EndpointArn!;
      const s = await ep('s', 'source');
      const d = await ep('d', 'target');
      for (let i = 0; i < 105; i++) {
        await many.dms.send(
          new CreateReplicationTaskCommand({
            ReplicationTaskIdentifier: `task-${i}`,
            SourceEndpointArn: s,
            TargetEndpointArn: d,
            ReplicationInstanceArn: inst,
            MigrationType: i % 2 ? 'full-load' : 'cdc',
            TableMappings: mappings(),
          }),
        );
      }
      const first = await many.dms.send(new DescribeReplicationTasksCommand({}));
      expect(first.ReplicationTasks).toHaveLength(100);
      expect(first.Marker).toBeTruthy();
      const second = await many.dms.send(
        new DescribeReplicationTasksCommand({ Marker: first.Marker }),
      );
      expect(second.ReplicationTasks).toHaveLength(5);
      expect(second.Marker).toBeUndefined();
      const pages: number[] = [];
      for await (const page of paginateDescribeReplicationTasks(
        { client: many.dms, pageSize: 20 },
        { WithoutSettings: true },
      ))
        pages.push(page.ReplicationTasks!.length);
      expect(pages).toEqual([20, 20, 20, 20, 20, 5]);
      const cdc = await many.dms.send(
        new DescribeReplicationTasksCommand({
          Filters: [{ Name: 'migration-type', Values: ['cdc'] }],
        }),
      );
      expect(cdc.ReplicationTasks).toHaveLength(53);
      const small = await fail(
        many.dms.send(new DescribeReplicationTasksCommand({ MaxRecords: 10 })),
      );
      expect(small.name).toBe('InvalidParameterValueException');
      const badMarker = await fail(
        many.dms.send(new DescribeReplicationTasksCommand({ Marker: 'garbage' })),
      );
      expect(badMarker.name).toBe('InvalidParameterValueException');
    } finally {
      await many.close();
    }
  });
});

describe('task errors', () => {
  it('answers unknown tasks with ResourceNotFoundFault and refuses reload-target for cdc tasks', async () => {
    const nope = 'arn:aws:dms:us-east-1:000000000000:task:NOPE';
    for (const send of [
      () => fx.t.dms.send(new DescribeTableStatisticsCommand({ ReplicationTaskArn: nope })),
      () => fx.t.dms.send(new StopReplicationTaskCommand({ ReplicationTaskArn: nope })),
      () => fx.t.dms.send(new DeleteReplicationTaskCommand({ ReplicationTaskArn: nope })),
      () => fx.t.dms.send(new ModifyReplicationTaskCommand({ ReplicationTaskArn: nope })),
      () =>
        fx.t.dms.send(
          new ReloadTablesCommand({
            ReplicationTaskArn: nope,
            TablesToReload: [{ SchemaName: 'a', TableName: 'b' }],
          }),
        ),
    ])
      expect((await fail(send())).name).toBe('ResourceNotFoundFault');
    const arn = await createReady('cdc-only', { MigrationType: 'cdc' });
    const reload = await fail(
      fx.t.dms.send(
        new StartReplicationTaskCommand({
          ReplicationTaskArn: arn,
          StartReplicationTaskType: 'reload-target',
        }),
      ),
    );
    expect(reload.name).toBe('InvalidParameterCombinationException');
    const notRunning = await fail(
      fx.t.dms.send(
        new ReloadTablesCommand({
          ReplicationTaskArn: arn,
          TablesToReload: [{ SchemaName: 'a', TableName: 'b' }],
        }),
      ),
    );
    expect(notRunning.name).toBe('InvalidResourceStateFault');
    await fx.t.dms.send(
      new StartReplicationTaskCommand({
        ReplicationTaskArn: arn,
        StartReplicationTaskType: 'start-replication',
      }),
    );
    expect((await waitStatus(arn, 'running')).ReplicationTaskStats?.TablesLoaded).toBe(0);
    const notice = await fx.t.logs.send(
      new FilterLogEventsCommand({
        logGroupName: 'dms-tasks-sandbox',
        logStreamNames: [`dms-task-${arn.split(':').pop()}`],
        filterPattern: '"does not capture ongoing changes"',
      }),
    );
    expect(notice.events).toHaveLength(1);
    await fx.t.dms.send(new StopReplicationTaskCommand({ ReplicationTaskArn: arn }));
    expect((await waitStatus(arn, 'stopped')).StopReason).toBe('Stop Reason NORMAL');
    await fx.t.dms.send(new DeleteReplicationTaskCommand({ ReplicationTaskArn: arn }));
  });
});

describe('logs without logging', () => {
  it('answers ResourceNotFoundException as CloudWatch does', async () => {
    const e = await fail(
      fx.t.logs.send(
        new GetLogEventsCommand({ logGroupName: 'dms-tasks-nothing', logStreamName: 'dms-task-X' }),
      ),
    );
    expect(e).toBeInstanceOf(CloudWatchLogsServiceException);
    expect(e.name).toBe('ResourceNotFoundException');
    expect(e.message).toBe('The specified log group does not exist.');
  });
});
