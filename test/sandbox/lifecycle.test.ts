// The sandbox refuses exactly what the task lifecycle (src/model/taskLifecycle.ts) refuses,
// with DMS's fault and message: through the real SDK for every status the sandbox can reach
// (tasks held there by a gated engine and a long transientMs), and through the handlers for
// every status × operation × migration type, allowed cells included.
import { createMetricsStore } from '../../src/sandbox/metrics/store.js';
import {
  CreateReplicationTaskCommand,
  DeleteReplicationTaskCommand,
  ModifyReplicationTaskCommand,
  ReloadTablesCommand,
  StartReplicationTaskCommand,
  StopReplicationTaskCommand,
} from '@aws-sdk/client-database-migration-service';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MIGRATION_TYPES,
  type MigrationType,
  refusalOf,
  TASK_OPERATIONS,
  TASK_STATUSES,
  type TaskOperation,
  type TaskStatus,
} from '../../src/model/taskLifecycle.js';
import { defaultTaskSettings } from '../../src/model/taskSettings.js';
import type { Call, Sandbox } from '../../src/sandbox/context.js';
import type { RunFullLoad } from '../../src/sandbox/engine/types.js';
import type { ApiError } from '../../src/sandbox/protocol/errors.js';
import { emptyState, type TaskRecord } from '../../src/sandbox/state.js';
import { taskHandlers } from '../../src/sandbox/tasks.js';
import { postgresFixtures, startTestSandbox, type TestSandbox } from '../support/sandbox.js';
import { waitFor } from '../support/wait.js';
import { includeTables } from '../support/mappings.js';
import { describeTaskByArn } from '../support/describeTask.js';

const SEVERITY_ONLY = JSON.stringify({
  Logging: { LogComponents: [{ Id: 'TARGET_LOAD', Severity: 'LOGGER_SEVERITY_DEBUG' }] },
});

/** The request each operation sends. */
const REQUEST: Record<TaskOperation, (arn: string) => [string, Record<string, unknown>]> = {
  'start-replication': (arn) => [
    'StartReplicationTask',
    { ReplicationTaskArn: arn, StartReplicationTaskType: 'start-replication' },
  ],
  'resume-processing': (arn) => [
    'StartReplicationTask',
    { ReplicationTaskArn: arn, StartReplicationTaskType: 'resume-processing' },
  ],
  'reload-target': (arn) => [
    'StartReplicationTask',
    { ReplicationTaskArn: arn, StartReplicationTaskType: 'reload-target' },
  ],
  stop: (arn) => ['StopReplicationTask', { ReplicationTaskArn: arn }],
  modify: (arn) => ['ModifyReplicationTask', { ReplicationTaskArn: arn, TaskData: 'changed' }],
  'modify-log-severity': (arn) => [
    'ModifyReplicationTask',
    { ReplicationTaskArn: arn, ReplicationTaskSettings: SEVERITY_ONLY },
  ],
  delete: (arn) => ['DeleteReplicationTask', { ReplicationTaskArn: arn }],
  'reload-tables': (arn) => [
    'ReloadTables',
    { ReplicationTaskArn: arn, TablesToReload: [{ SchemaName: 'public', TableName: 't' }] },
  ],
};

describe('the task handlers follow the lifecycle in every cell', () => {
  function callWith(task: TaskRecord): Call {
    const state = emptyState();
    state.tasks.push(task);
    const sandbox: Sandbox = {
      store: { state, changed() {}, flush: async () => {}, close: async () => {} },
      metrics: createMetricsStore(),
      s3Dir: '',
      runner: {
        start(t) {
          t.status = 'starting';
        },
        stop(t) {
          t.status = 'stopping';
        },
        reload() {},
        stopAll: async () => {},
        forget: async () => ({ left: null }),
      },
      taskLog: { write() {} },
      transientMs: 300,
      later() {},
      track() {},
    };
    return { sandbox, region: 'us-east-1' };
  }

  const taskAt = (status: TaskStatus, migrationType: MigrationType): TaskRecord => ({
    arn: 'arn:aws:dms:us-east-1:000000000000:task:CELL',
    identifier: 'cell',
    resourceId: 'CELL',
    sourceEndpointArn: 'arn:aws:dms:us-east-1:000000000000:endpoint:SRC',
    targetEndpointArn: 'arn:aws:dms:us-east-1:000000000000:endpoint:TGT',
    instanceArn: 'arn:aws:dms:us-east-1:000000000000:rep:sandbox',
    migrationType,
    tableMappings: '{"rules":[]}',
    settings: defaultTaskSettings(),
    status,
    createdMs: 0,
    hasRun: status !== 'ready' && status !== 'creating',
    stats: { elapsedBeforeMs: 0 },
    tables: [],
  });

  const cells = TASK_STATUSES.flatMap((status) =>
    MIGRATION_TYPES.flatMap((type) => TASK_OPERATIONS.map((op) => [status, type, op] as const)),
  );

  it.each(cells)('%s %s task · %s', (status, migrationType, op) => {
    const task = taskAt(status, migrationType);
    const [operation, input] = REQUEST[op](task.arn);
    const handler = taskHandlers[operation];
    if (!handler) throw new Error(`no handler ${operation}`);
    const expected = refusalOf(task, op);
    let thrown: ApiError | undefined;
    try {
      handler(callWith(task), input);
    } catch (error) {
      thrown = error as ApiError;
    }
    if (expected)
      expect({ code: thrown?.code, message: thrown?.message }).toEqual({
        code: expected.fault,
        message: expected.message,
      });
    else expect(thrown).toBeUndefined();
  });
});

describe('through the SDK, in every status the sandbox reaches', () => {
  const gates: (() => void)[] = [];
  const gate = () => new Promise<void>((resolve) => gates.push(resolve));
  const releaseAll = () => {
    for (const open of gates.splice(0)) open();
  };
  /** The schema in a task's mapping says how the load goes. */
  const engine: RunFullLoad = async (job) => {
    const mode = job.tableMappings.rules[0]?.['object-locator']['schema-name'];
    const table = { schema: 'public', table: 't' };
    if (mode === 'hold-starting') {
      await gate();
      return { kind: 'stopped' };
    }
    if (mode === 'fail') return { kind: 'failed', message: 'Cannot connect to the source' };
    job.onTables([table]);
    if (mode === 'hold-running') {
      await gate(); // deaf to Stop: the task stays "stopping" once stopped
      return { kind: 'stopped' };
    }
    job.onTableUpdate({ ...table, state: 'Table completed', fullLoadRows: 1, errorRows: 0 });
    return { kind: 'completed' };
  };

  /** Each task: its migration type, the engine's mode, and how it gets to its status. */
  const PLAN: Record<
    string,
    { status: TaskStatus; type: MigrationType; mode: string; after?: 'stop' | 'modify' | 'delete' }
  > = {
    creating: { status: 'creating', type: 'full-load', mode: 'complete' },
    ready: { status: 'ready', type: 'full-load', mode: 'complete' },
    starting: { status: 'starting', type: 'full-load', mode: 'hold-starting' },
    running: { status: 'running', type: 'full-load', mode: 'hold-running' },
    stopping: { status: 'stopping', type: 'full-load', mode: 'hold-running', after: 'stop' },
    stopped: { status: 'stopped', type: 'full-load', mode: 'complete' },
    failed: { status: 'failed', type: 'full-load', mode: 'fail' },
    modifying: { status: 'modifying', type: 'full-load', mode: 'complete', after: 'modify' },
    deleting: { status: 'deleting', type: 'full-load', mode: 'complete', after: 'delete' },
    'cdc-ready': { status: 'ready', type: 'cdc', mode: 'complete' },
    'cdc-running': { status: 'running', type: 'cdc', mode: 'complete' },
    'cdc-stopped': { status: 'stopped', type: 'cdc', mode: 'complete', after: 'stop' },
    'both-stopped': {
      status: 'stopped',
      type: 'full-load-and-cdc',
      mode: 'complete',
      after: 'stop',
    },
  };

  let t: TestSandbox;
  const arns = new Map<string, string>();
  const describeTask = async (arn: string) => await describeTaskByArn(t.dms, arn);
  const waitStatus = (arn: string, status: string) =>
    waitFor(() => describeTask(arn), {
      until: (task) => task?.Status === status,
      what: `status ${status}`,
    });

  beforeAll(async () => {
    // Tasks stay "creating" in the first sandbox; the second one recovers them as "ready".
    const options = { runFullLoad: engine, transientMs: 600_000 };
    const first = await startTestSandbox(options);
    const { source, target, instanceArn } = await postgresFixtures(
      first.dms,
      'lifecycle-src',
      'lifecycle-tgt',
    );
    const create = async (name: string, into: TestSandbox) => {
      const { type, mode } = PLAN[name]!;
      const out = await into.dms.send(
        new CreateReplicationTaskCommand({
          ReplicationTaskIdentifier: `lifecycle-${name}`,
          SourceEndpointArn: source,
          TargetEndpointArn: target,
          ReplicationInstanceArn: instanceArn,
          MigrationType: type,
          TableMappings: includeTables(mode),
        }),
      );
      arns.set(name, out.ReplicationTask?.ReplicationTaskArn ?? '');
    };
    for (const name of Object.keys(PLAN)) if (name !== 'creating') await create(name, first);
    await first.close(true);
    t = await startTestSandbox({ ...options, dataDir: first.dataDir });
    await create('creating', t);

    for (const [name, plan] of Object.entries(PLAN)) {
      const arn = arns.get(name)!;
      if (plan.status !== 'creating') expect((await describeTask(arn))?.Status).toBe('ready');
      if (!['creating', 'ready', 'modifying', 'deleting'].includes(plan.status))
        await t.dms.send(
          new StartReplicationTaskCommand({
            ReplicationTaskArn: arn,
            StartReplicationTaskType: 'start-replication',
          }),
        );
      if (plan.after === 'stop') {
        await waitStatus(arn, 'running');
        await t.dms.send(new StopReplicationTaskCommand({ ReplicationTaskArn: arn }));
      }
      if (plan.after === 'modify')
        await t.dms.send(
          new ModifyReplicationTaskCommand({ ReplicationTaskArn: arn, TaskData: 'x' }),
        );
      if (plan.after === 'delete')
        await t.dms.send(new DeleteReplicationTaskCommand({ ReplicationTaskArn: arn }));
      await waitStatus(arn, plan.status);
    }
  });

  afterAll(async () => {
    releaseAll();
    await t?.close();
  });

  const COMMAND: Record<string, new (input: never) => unknown> = {
    StartReplicationTask: StartReplicationTaskCommand,
    StopReplicationTask: StopReplicationTaskCommand,
    ModifyReplicationTask: ModifyReplicationTaskCommand,
    DeleteReplicationTask: DeleteReplicationTaskCommand,
    ReloadTables: ReloadTablesCommand,
  };

  it.each(Object.keys(PLAN))('%s: each refusal is the model’s', async (name) => {
    const plan = PLAN[name]!;
    const arn = arns.get(name)!;
    let refused = 0;
    for (const op of TASK_OPERATIONS) {
      const expected = refusalOf({ status: plan.status, migrationType: plan.type }, op);
      if (!expected) continue; // allowed: the handler test above sends those
      refused++;
      const [operation, input] = REQUEST[op](arn);
      const Command = COMMAND[operation]!;
      // biome-ignore lint/suspicious/noExplicitAny: one call shape for five commands
      const error = await t.dms.send(new Command(input as never) as any).then(
        () => undefined,
        (e: Error) => e,
      );
      expect({ op, name: error?.name, message: error?.message }).toEqual({
        op,
        name: expected.fault,
        message: expected.message,
      });
    }
    expect(refused).toBeGreaterThan(0);
    expect((await describeTask(arn))?.Status).toBe(plan.status);
  });
});
