// Replication tasks through the real SDK clients: validation, state rules, pagination, and the
// whole lifecycle against real PostgreSQL databases (rows copied by the in-test copier).
import {
  CloudWatchLogsServiceException,
  DescribeLogGroupsCommand,
  DescribeLogStreamsCommand,
  FilterLogEventsCommand,
  GetLogEventsCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import {
  CreateEndpointCommand,
  CreateReplicationTaskCommand,
  DeleteEndpointCommand,
  type CreateReplicationTaskCommandInput,
  DeleteReplicationTaskCommand,
  DescribeReplicationInstancesCommand,
  DescribeReplicationTasksCommand,
  DescribeTableStatisticsCommand,
  ModifyReplicationTaskCommand,
  paginateDescribeReplicationTasks,
  ReloadTablesCommand,
  type ReplicationTask,
  StartReplicationTaskCommand,
  StopReplicationTaskCommand,
} from '@aws-sdk/client-database-migration-service';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DbConnection, openConnection } from '../../src/db/connection.js';
import type { TableRef } from '../../src/sandbox/engine/types.js';
import { serverAvailable } from '../support/servers.js';
import { makeCopier } from './support/copier.js';
import { startTestSandbox, type TestSandbox, uniqueName } from '../support/sandbox.js';
import { waitFor } from '../support/wait.js';

const pg = await serverAvailable('postgres');
const schema = uniqueName('dmst_tasks');
const targetDb = uniqueName('dmst_tasks_tgt');

/** When set, the copier waits on it after every batch (a test holds a load mid-way). */
let hold: { table: string; gate: Promise<void>; reached: () => void } | null = null;
let reachedHold: Promise<void> = Promise.resolve();

function holdAt(table: string) {
  let open!: () => void;
  let reached!: () => void;
  const gate = new Promise<void>((r) => {
    open = r;
  });
  reachedHold = new Promise<void>((r) => {
    reached = r;
  });
  hold = { table, gate, reached };
  return () => {
    hold = null;
    open();
  };
}

const copier = makeCopier({
  batchSize: 200,
  async afterBatch(ref: TableRef) {
    const h = hold;
    if (h && ref.table === h.table) {
      h.reached();
      await h.gate;
    }
  },
});

let t: TestSandbox;
let admin: DbConnection | undefined;
let instanceArn = '';
let sourceArn = '';
let targetArn = '';
let missingTargetArn = '';

const ROWS = { customers: 300, orders: 1200, order_items: 450 };

beforeAll(async () => {
  t = await startTestSandbox({ runFullLoad: copier });
  instanceArn = (await t.dms.send(new DescribeReplicationInstancesCommand({})))
    .ReplicationInstances![0]!.ReplicationInstanceArn!;
  const spec = pg.spec;
  const fields = {
    EngineName: 'postgres',
    ServerName: spec.host,
    Port: spec.port,
    Username: spec.user,
    Password: spec.password,
  };
  sourceArn = (
    await t.dms.send(
      new CreateEndpointCommand({
        EndpointIdentifier: 'src',
        EndpointType: 'source',
        DatabaseName: spec.database,
        ...fields,
      }),
    )
  ).Endpoint!.EndpointArn!;
  targetArn = (
    await t.dms.send(
      new CreateEndpointCommand({
        EndpointIdentifier: 'tgt',
        EndpointType: 'target',
        DatabaseName: targetDb,
        ...fields,
      }),
    )
  ).Endpoint!.EndpointArn!;
  missingTargetArn = (
    await t.dms.send(
      new CreateEndpointCommand({
        EndpointIdentifier: 'tgt-closed',
        EndpointType: 'target',
        DatabaseName: 'x',
        ...fields,
        Port: 1,
      }),
    )
  ).Endpoint!.EndpointArn!;
  if (!pg.ok) return;
  admin = await openConnection(spec);
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.query(`CREATE TABLE ${schema}.customers (id int PRIMARY KEY, name text)`);
  await admin.query(
    `CREATE TABLE ${schema}.orders (id int PRIMARY KEY, customer_id int, note text, amount numeric(10,2))`,
  );
  await admin.query(
    `CREATE TABLE ${schema}.order_items (id int PRIMARY KEY, order_id int, qty int)`,
  );
  await admin.query(
    `INSERT INTO ${schema}.customers SELECT g, 'customer ' || g FROM generate_series(1, ${ROWS.customers}) g`,
  );
  await admin.query(
    `INSERT INTO ${schema}.orders SELECT g, g % 300 + 1, repeat('x', g % 50), g * 1.25 FROM generate_series(1, ${ROWS.orders}) g`,
  );
  await admin.query(
    `INSERT INTO ${schema}.order_items SELECT g, g % 1200 + 1, g % 7 FROM generate_series(1, ${ROWS.order_items}) g`,
  );
  await admin.query(`CREATE DATABASE ${targetDb}`);
});

afterAll(async () => {
  hold = null;
  await t?.close();
  if (admin) {
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.query(`DROP DATABASE IF EXISTS ${targetDb} WITH (FORCE)`);
    await admin.close();
  }
});

const mappings = (table = '%') =>
  JSON.stringify({
    rules: [
      {
        'rule-type': 'selection',
        'rule-id': '1',
        'rule-name': '1',
        'object-locator': { 'schema-name': schema, 'table-name': table },
        'rule-action': 'include',
      },
    ],
  });

const settings = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    Logging: { EnableLogging: true },
    FullLoadSettings: { TargetTablePrepMode: 'DROP_AND_CREATE' },
    ...extra,
  });

function taskInput(
  id: string,
  over: Partial<CreateReplicationTaskCommandInput> = {},
): CreateReplicationTaskCommandInput {
  return {
    ReplicationTaskIdentifier: id,
    SourceEndpointArn: sourceArn,
    TargetEndpointArn: targetArn,
    ReplicationInstanceArn: instanceArn,
    MigrationType: 'full-load',
    TableMappings: mappings(),
    ReplicationTaskSettings: settings(),
    ...over,
  };
}

const fail = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: unknown) => e as { name: string; message: string },
  );

async function describeTask(arn: string): Promise<ReplicationTask> {
  const out = await t.dms.send(
    new DescribeReplicationTasksCommand({
      Filters: [{ Name: 'replication-task-arn', Values: [arn] }],
    }),
  );
  return out.ReplicationTasks![0]!;
}

async function createReady(id: string, over: Partial<CreateReplicationTaskCommandInput> = {}) {
  const out = await t.dms.send(new CreateReplicationTaskCommand(taskInput(id, over)));
  expect(out.ReplicationTask?.Status).toBe('creating');
  const arn = out.ReplicationTask!.ReplicationTaskArn!;
  await waitFor(() => describeTask(arn), {
    until: (x) => x.Status === 'ready',
    what: `${id} ready`,
    timeout: 30_000,
  });
  return arn;
}

const waitStatus = (arn: string, status: string, timeoutMs = 30_000) =>
  waitFor(() => describeTask(arn), {
    until: (x) => x.Status === status,
    what: `status ${status}`,
    timeout: timeoutMs,
  });

async function targetCount(table: string): Promise<number> {
  const c = await openConnection({ ...pg.spec, database: targetDb });
  try {
    const r = await c.query<{ n: string }>(`SELECT count(*) AS n FROM ${schema}.${table}`);
    return Number(r.rows[0]!.n);
  } finally {
    await c.close();
  }
}

async function tableStats(arn: string) {
  const out = await t.dms.send(new DescribeTableStatisticsCommand({ ReplicationTaskArn: arn }));
  return Object.fromEntries(out.TableStatistics!.map((s) => [s.TableName!, s]));
}

describe('CreateReplicationTask validation', () => {
  it('rejects what DMS rejects, with its messages', async () => {
    const bad = async (over: Partial<CreateReplicationTaskCommandInput>) =>
      fail(t.dms.send(new CreateReplicationTaskCommand(taskInput('valid-id', over))));
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
    expect((await bad({ SourceEndpointArn: targetArn })).message).toContain(
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
      t.dms.send(new CreateReplicationTaskCommand({ ReplicationTaskIdentifier: 'x' } as never)),
    );
    expect(missing.message).toMatch(/^5 validation errors detected/);
  });

  it('merges settings with the DMS defaults and names the log group and stream', async () => {
    const out = await t.dms.send(new CreateReplicationTaskCommand(taskInput('merged-settings')));
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
      t.dms.send(new CreateReplicationTaskCommand(taskInput('MERGED-settings'))),
    );
    expect(dup.name).toBe('ResourceAlreadyExistsFault');
    const ready = await waitStatus(task.ReplicationTaskArn!, 'ready');
    expect(ready.ReplicationTaskStats).toMatchObject({
      FullLoadProgressPercent: 0,
      TablesLoaded: 0,
      ElapsedTimeMillis: 0,
    });
    expect(ready.ReplicationTaskStats?.StartDate).toBeUndefined();
    const lean = await t.dms.send(
      new DescribeReplicationTasksCommand({
        WithoutSettings: true,
        Filters: [{ Name: 'replication-task-id', Values: ['merged-settings'] }],
      }),
    );
    expect(lean.ReplicationTasks![0]!.ReplicationTaskSettings).toBeUndefined();
    await t.dms.send(
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

describe.skipIf(!pg.ok)(`task lifecycle against PostgreSQL (${pg.reason})`, () => {
  let fullArn = '';

  it('runs a full load to "stopped" with FULL_LOAD_ONLY_FINISHED and real statistics', async () => {
    fullArn = await createReady('full-load-one');
    const started = await t.dms.send(
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
      t.dms.send(
        new StartReplicationTaskCommand({
          ReplicationTaskArn: fullArn,
          StartReplicationTaskType: 'start-replication',
        }),
      ),
    );
    expect(again.name).toBe('InvalidParameterCombinationException');
    const filtered = await t.dms.send(
      new DescribeTableStatisticsCommand({
        ReplicationTaskArn: fullArn,
        Filters: [{ Name: 'table-name', Values: ['orders'] }],
        MaxRecords: 500,
      }),
    );
    expect(filtered.TableStatistics?.map((s) => s.TableName)).toEqual(['orders']);
    const tooMany = await fail(
      t.dms.send(
        new DescribeTableStatisticsCommand({ ReplicationTaskArn: fullArn, MaxRecords: 501 }),
      ),
    );
    expect(tooMany.name).toBe('InvalidParameterValueException');
  });

  it('writes DMS-format task logs that GetLogEvents and FilterLogEvents page through', async () => {
    const group = 'dms-tasks-sandbox';
    const stream = `dms-task-${fullArn.split(':').pop()}`;
    const groups = await t.logs.send(
      new DescribeLogGroupsCommand({ logGroupNamePrefix: 'dms-tasks-' }),
    );
    expect(groups.logGroups?.map((g) => g.logGroupName)).toContain(group);
    const streams = await t.logs.send(
      new DescribeLogStreamsCommand({ logGroupName: group, logStreamNamePrefix: stream }),
    );
    expect(streams.logStreams?.[0]?.logStreamName).toBe(stream);
    const head = await t.logs.send(
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
      const page = await t.logs.send(
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
    const tail = await t.logs.send(
      new GetLogEventsCommand({ logGroupName: group, logStreamName: stream, limit: 1 }),
    );
    expect(tail.events![0]!.message).toBe(all[all.length - 1]);
    const back = await t.logs.send(
      new GetLogEventsCommand({
        logGroupName: group,
        logStreamName: stream,
        nextToken: tail.nextBackwardToken,
        limit: 1,
      }),
    );
    expect(back.events![0]!.message).toBe(all[all.length - 2]);
    const filtered = await t.logs.send(
      new FilterLogEventsCommand({
        logGroupName: group,
        logStreamNames: [stream],
        filterPattern: '"Load finished"',
      }),
    );
    expect(filtered.events).toHaveLength(3);
    expect(filtered.events![0]!.logStreamName).toBe(stream);
    const bad = await fail(
      t.logs.send(
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
      t.logs.send(new GetLogEventsCommand({ logGroupName: group, logStreamName: 'dms-task-NOPE' })),
    );
    expect(noStream.name).toBe('ResourceNotFoundException');
    expect(noStream.message).toBe('The specified log stream does not exist.');
  });

  it('stops a load within moments, resumes the rest, and reload-target starts over', async () => {
    const arn = await createReady('stop-resume');
    const release = holdAt('order_items');
    await t.dms.send(
      new StartReplicationTaskCommand({
        ReplicationTaskArn: arn,
        StartReplicationTaskType: 'start-replication',
      }),
    );
    await reachedHold;
    const running = await describeTask(arn);
    expect(running.Status).toBe('running');
    expect(running.ReplicationTaskStats?.TablesLoaded).toBe(1); // customers, then order_items
    const modify = await fail(
      t.dms.send(
        new ModifyReplicationTaskCommand({
          ReplicationTaskArn: arn,
          TableMappings: mappings('orders'),
        }),
      ),
    );
    expect(modify.message).toBe(
      'Replication Task, excluding logging severity task settings, cannot be modified while it is running state.',
    );
    const severity = await t.dms.send(
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
      t.dms.send(new DeleteEndpointCommand({ EndpointArn: sourceArn })),
    );
    expect(endpointInUse.name).toBe('InvalidResourceStateFault');
    const tooMany = await fail(
      t.dms.send(
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
      t.dms.send(
        new StartReplicationTaskCommand({
          ReplicationTaskArn: arn,
          StartReplicationTaskType: 'sideways' as never,
        }),
      ),
    );
    expect(badType.name).toBe('InvalidParameterValueException');
    const del = await fail(
      t.dms.send(new DeleteReplicationTaskCommand({ ReplicationTaskArn: arn })),
    );
    expect(del.name).toBe('InvalidResourceStateFault');
    const start = await fail(
      t.dms.send(
        new StartReplicationTaskCommand({
          ReplicationTaskArn: arn,
          StartReplicationTaskType: 'resume-processing',
        }),
      ),
    );
    expect(start.message).toBe('Replication Task cannot be started, invalid state');
    const stopping = await t.dms.send(new StopReplicationTaskCommand({ ReplicationTaskArn: arn }));
    expect(stopping.ReplicationTask?.Status).toBe('stopping');
    release();
    const stopped = await waitStatus(arn, 'stopped', 5000);
    expect(stopped.StopReason).toBe('Stop Reason NORMAL');
    let stats = await tableStats(arn);
    expect(stats.customers?.TableState).toBe('Table completed');
    expect(stats.order_items?.TableState).toBe('Table cancelled');
    expect(stats.orders?.TableState).toBe('Before load');
    const again = await fail(
      t.dms.send(new StopReplicationTaskCommand({ ReplicationTaskArn: arn })),
    );
    expect(again.message).toBe('Replication Task cannot be stopped, invalid state');

    const customersEnd = stats.customers?.FullLoadEndTime?.getTime();
    await t.dms.send(
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

    await t.dms.send(
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
    await t.dms.send(
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
    const arn = await createReady('target-down', { TargetEndpointArn: missingTargetArn });
    await t.dms.send(
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
    await t.dms.send(
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
        t.logs.send(
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
    await t.dms.send(
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
    await t.dms.send(new StopReplicationTaskCommand({ ReplicationTaskArn: arn }));
    const stopped = await waitStatus(arn, 'stopped', 5000);
    expect(stopped.StopReason).toBe('Stop Reason NORMAL');
    const cdcReload = await fail(
      t.dms.send(
        new ReloadTablesCommand({
          ReplicationTaskArn: arn,
          TablesToReload: [{ SchemaName: schema, TableName: 'orders' }],
        }),
      ),
    );
    expect(cdcReload.name).toBe('InvalidResourceStateFault');
  });

  it('modifies a stopped task and deletes it', async () => {
    const modified = await t.dms.send(
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
    const deleted = await t.dms.send(
      new DeleteReplicationTaskCommand({ ReplicationTaskArn: fullArn }),
    );
    expect(deleted.ReplicationTask?.Status).toBe('deleting');
    await waitFor(
      () =>
        t.dms
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

describe('task errors', () => {
  it('answers unknown tasks with ResourceNotFoundFault and refuses reload-target for cdc tasks', async () => {
    const nope = 'arn:aws:dms:us-east-1:000000000000:task:NOPE';
    for (const send of [
      () => t.dms.send(new DescribeTableStatisticsCommand({ ReplicationTaskArn: nope })),
      () => t.dms.send(new StopReplicationTaskCommand({ ReplicationTaskArn: nope })),
      () => t.dms.send(new DeleteReplicationTaskCommand({ ReplicationTaskArn: nope })),
      () => t.dms.send(new ModifyReplicationTaskCommand({ ReplicationTaskArn: nope })),
      () =>
        t.dms.send(
          new ReloadTablesCommand({
            ReplicationTaskArn: nope,
            TablesToReload: [{ SchemaName: 'a', TableName: 'b' }],
          }),
        ),
    ])
      expect((await fail(send())).name).toBe('ResourceNotFoundFault');
    const arn = await createReady('cdc-only', { MigrationType: 'cdc' });
    const reload = await fail(
      t.dms.send(
        new StartReplicationTaskCommand({
          ReplicationTaskArn: arn,
          StartReplicationTaskType: 'reload-target',
        }),
      ),
    );
    expect(reload.name).toBe('InvalidParameterCombinationException');
    const notRunning = await fail(
      t.dms.send(
        new ReloadTablesCommand({
          ReplicationTaskArn: arn,
          TablesToReload: [{ SchemaName: 'a', TableName: 'b' }],
        }),
      ),
    );
    expect(notRunning.name).toBe('InvalidResourceStateFault');
    await t.dms.send(
      new StartReplicationTaskCommand({
        ReplicationTaskArn: arn,
        StartReplicationTaskType: 'start-replication',
      }),
    );
    expect((await waitStatus(arn, 'running')).ReplicationTaskStats?.TablesLoaded).toBe(0);
    const notice = await t.logs.send(
      new FilterLogEventsCommand({
        logGroupName: 'dms-tasks-sandbox',
        logStreamNames: [`dms-task-${arn.split(':').pop()}`],
        filterPattern: '"does not capture ongoing changes"',
      }),
    );
    expect(notice.events).toHaveLength(1);
    await t.dms.send(new StopReplicationTaskCommand({ ReplicationTaskArn: arn }));
    expect((await waitStatus(arn, 'stopped')).StopReason).toBe('Stop Reason NORMAL');
    await t.dms.send(new DeleteReplicationTaskCommand({ ReplicationTaskArn: arn }));
  });
});

describe('logs without logging', () => {
  it('answers ResourceNotFoundException as CloudWatch does', async () => {
    const e = await fail(
      t.logs.send(
        new GetLogEventsCommand({ logGroupName: 'dms-tasks-nothing', logStreamName: 'dms-task-X' }),
      ),
    );
    expect(e).toBeInstanceOf(CloudWatchLogsServiceException);
    expect(e.name).toBe('ResourceNotFoundException');
    expect(e.message).toBe('The specified log group does not exist.');
  });
});
