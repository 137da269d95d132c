// A full load through the real SDK clients against real PostgreSQL databases (rows copied by
// the in-test copier): the task runs to "stopped" with real statistics, writes DMS-format logs
// that GetLogEvents and FilterLogEvents page through, then is modified and deleted.
import {
  DescribeLogGroupsCommand,
  DescribeLogStreamsCommand,
  FilterLogEventsCommand,
  GetLogEventsCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import {
  DeleteReplicationTaskCommand,
  DescribeReplicationTasksCommand,
  DescribeTableStatisticsCommand,
  ModifyReplicationTaskCommand,
  StartReplicationTaskCommand,
} from '@aws-sdk/client-database-migration-service';
import { describe, expect, it } from 'vitest';
import { waitFor } from '../support/wait.js';
import { fail } from './support/expectFailure.js';
import { ROWS, withTaskFixture } from './support/taskFixture.js';

const fx = await withTaskFixture();
const { pg, schema, createReady, waitStatus, targetCount, tableStats } = fx;

describe.skipIf(!pg.ok)(`task lifecycle against PostgreSQL (${pg.reason})`, () => {
  let fullArn = '';

  it('runs a full load to "stopped" with FULL_LOAD_ONLY_FINISHED and real statistics', async () => {
    fullArn = await createReady('full-load-one');
    const started = await fx.t.dms.send(
      new StartReplicationTaskCommand({
        ReplicationTaskArn: fullArn,
        StartReplicationTaskType: 'start-replication',
      }),
    );
    expect(started.ReplicationTask?.Status).toBe('starting');
    expect(started.ReplicationTask?.ReplicationTaskStartDate).toBeInstanceOf(Date);
    const done = await waitStatus(fullArn, 'stopped');
    expect(done.StopReason).toBe('Stop Reason FULL_LOAD_ONLY_FINISHED');
    expect(done.ReplicationTaskStats).toMatchObject({
      FullLoadProgressPercent: 100,
      TablesLoaded: 3,
      TablesErrored: 0,
      TablesQueued: 0,
      TablesLoading: 0,
    });
    expect(done.ReplicationTaskStats?.FullLoadFinishDate).toBeInstanceOf(Date);
    const stats = await tableStats(fullArn);
    for (const [table, rows] of Object.entries(ROWS)) {
      expect(stats[table]).toMatchObject({
        SchemaName: schema,
        FullLoadRows: rows,
        TableState: 'Table completed',
      });
      expect(await targetCount(table)).toBe(rows);
    }
    const again = await fail(
      fx.t.dms.send(
        new StartReplicationTaskCommand({
          ReplicationTaskArn: fullArn,
          StartReplicationTaskType: 'start-replication',
        }),
      ),
    );
    expect(again.name).toBe('InvalidParameterCombinationException');
    const filtered = await fx.t.dms.send(
      new DescribeTableStatisticsCommand({
        ReplicationTaskArn: fullArn,
        Filters: [{ Name: 'table-name', Values: ['orders'] }],
        MaxRecords: 500,
      }),
    );
    expect(filtered.TableStatistics?.map((s) => s.TableName)).toEqual(['orders']);
    const tooMany = await fail(
      fx.t.dms.send(
        new DescribeTableStatisticsCommand({ ReplicationTaskArn: fullArn, MaxRecords: 501 }),
      ),
    );
    expect(tooMany.name).toBe('InvalidParameterValueException');
  });

  it('writes DMS-format task logs that GetLogEvents and FilterLogEvents page through', async () => {
    const group = 'dms-tasks-sandbox';
    const stream = `dms-task-${fullArn.split(':').pop()}`;
    const groups = await fx.t.logs.send(
      new DescribeLogGroupsCommand({ logGroupNamePrefix: 'dms-tasks-' }),
    );
    expect(groups.logGroups?.map((g) => g.logGroupName)).toContain(group);
    const streams = await fx.t.logs.send(
      new DescribeLogStreamsCommand({ logGroupName: group, logStreamNamePrefix: stream }),
    );
    expect(streams.logStreams?.[0]?.logStreamName).toBe(stream);
    const head = await fx.t.logs.send(
      new GetLogEventsCommand({
        logGroupName: group,
        logStreamName: stream,
        startFromHead: true,
        limit: 2,
      }),
    );
    expect(head.events).toHaveLength(2);
    expect(head.events![0]!.message).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d \[[A-Z_ ]{16}\][EWID]: {2}.+ {2}\([\w.]+:\d+\)$/,
    );
    expect(head.nextForwardToken).toMatch(/^f\/\d{56}\/s$/);
    const all: string[] = head.events!.map((e) => e.message!);
    let token = head.nextForwardToken;
    for (;;) {
      const page = await fx.t.logs.send(
        new GetLogEventsCommand({
          logGroupName: group,
          logStreamName: stream,
          startFromHead: true,
          nextToken: token,
          limit: 3,
        }),
      );
      all.push(...page.events!.map((e) => e.message!));
      if (page.nextForwardToken === token) break;
      token = page.nextForwardToken;
    }
    expect(all.some((m) => m.includes('FULL_LOAD') || m.includes('full load only finished'))).toBe(
      true,
    );
    const tail = await fx.t.logs.send(
      new GetLogEventsCommand({ logGroupName: group, logStreamName: stream, limit: 1 }),
    );
    expect(tail.events![0]!.message).toBe(all[all.length - 1]);
    const back = await fx.t.logs.send(
      new GetLogEventsCommand({
        logGroupName: group,
        logStreamName: stream,
        nextToken: tail.nextBackwardToken,
        limit: 1,
      }),
    );
    expect(back.events![0]!.message).toBe(all[all.length - 2]);
    const filtered = await fx.t.logs.send(
      new FilterLogEventsCommand({
        logGroupName: group,
        logStreamNames: [stream],
        filterPattern: '"Load finished"',
      }),
    );
    expect(filtered.events).toHaveLength(3);
    expect(filtered.events![0]!.logStreamName).toBe(stream);
    const bad = await fail(
      fx.t.logs.send(
        new GetLogEventsCommand({
          logGroupName: group,
          logStreamName: stream,
          nextToken: 'f/12/s',
        }),
      ),
    );
    expect(bad.name).toBe('InvalidParameterException');
    expect(bad.message).toBe('The specified nextToken is invalid.');
    const noStream = await fail(
      fx.t.logs.send(
        new GetLogEventsCommand({ logGroupName: group, logStreamName: 'dms-task-NOPE' }),
      ),
    );
    expect(noStream.name).toBe('ResourceNotFoundException');
    expect(noStream.message).toBe('The specified log stream does not exist.');
  });

  it('modifies a stopped task and deletes it', async () => {
    const modified = await fx.t.dms.send(
      new ModifyReplicationTaskCommand({
        ReplicationTaskArn: fullArn,
        ReplicationTaskSettings: JSON.stringify({ FullLoadSettings: { MaxFullLoadSubTasks: 2 } }),
      }),
    );
    expect(modified.ReplicationTask?.Status).toBe('modifying');
    const back = await waitStatus(fullArn, 'stopped');
    const s = JSON.parse(back.ReplicationTaskSettings!);
    expect(s.FullLoadSettings).toMatchObject({
      MaxFullLoadSubTasks: 2,
      TargetTablePrepMode: 'DROP_AND_CREATE',
    });
    expect(s.Logging.CloudWatchLogGroup).toBe('dms-tasks-sandbox');
    const deleted = await fx.t.dms.send(
      new DeleteReplicationTaskCommand({ ReplicationTaskArn: fullArn }),
    );
    expect(deleted.ReplicationTask?.Status).toBe('deleting');
    await waitFor(
      () =>
        fx.t.dms
          .send(
            new DescribeReplicationTasksCommand({
              Filters: [{ Name: 'replication-task-arn', Values: [fullArn] }],
            }),
          )
          .catch((e: Error) => e.name),
      { until: (r) => r === 'ResourceNotFoundFault', what: 'task gone', timeout: 30_000 },
    );
  });
});
