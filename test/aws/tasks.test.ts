import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogTail, LogMissingError } from '../../src/aws/logs.js';
import { listTableStats, reloadTables } from '../../src/aws/tableStats.js';
import {
  deleteTask,
  findTask,
  listNames,
  listTasks,
  modifyTaskSettings,
  startTask,
  stopTask,
  TaskNotFoundError,
} from '../../src/aws/tasks.js';
import { AwsError } from '../../src/aws/call.js';
import { taskLogLocation } from '../../src/model/task.js';
import { startTestSandbox, type TestSandbox } from '../support/sandbox.js';
import { waitFor } from '../support/wait.js';

let sb: TestSandbox;
beforeAll(async () => {
  sb = await startTestSandbox({ fakeEngine: true, endpoints: true });
});
afterAll(async () => {
  await sb?.close();
});

describe('task wrappers against the sandbox', () => {
  it('lists an empty account as an empty list', async () => {
    const { tasks, calls } = await listTasks(sb.clients);
    expect(tasks).toEqual([]);
    expect(calls).toBe(1);
  });

  it('reads all pages beyond 100 tasks, one call per 100', async () => {
    const ids = Array.from({ length: 130 }, (_, i) => `page-${String(i).padStart(3, '0')}`);
    for (const id of ids) await sb.createTask(id);
    const { tasks, calls } = await listTasks(sb.clients);
    expect(tasks.length).toBe(130);
    expect(calls).toBe(2);
    expect(new Set(tasks.map((t) => t.id)).size).toBe(130);
    expect(tasks[0]?.settings).toBeUndefined();
    // A task still `creating` cannot be deleted (as on DMS): wait until all are ready.
    await waitFor(async () =>
      expect((await listTasks(sb.clients)).tasks.filter((t) => t.status !== 'ready')).toEqual([]),
    );
    for (const t of tasks) await deleteTask(sb.clients, t.arn);
    await waitFor(async () => expect((await listTasks(sb.clients)).tasks).toEqual([]));
  });

  it('finds by identifier and ARN; a bad name is a clear error', async () => {
    const arn = await sb.createTask('find-me');
    await waitFor(async () => expect((await findTask(sb.clients, 'find-me')).status).toBe('ready'));
    expect((await findTask(sb.clients, arn)).id).toBe('find-me');
    expect((await findTask(sb.clients, 'find-me', { withSettings: true })).settings).toContain(
      'EnableLogging',
    );
    await expect(findTask(sb.clients, 'no-such-task')).rejects.toBeInstanceOf(TaskNotFoundError);
  });

  it('starts, completes, shows table statistics and logs, refuses a second stop', async () => {
    const arn = await sb.createTask('run-me');
    await waitFor(async () => expect((await findTask(sb.clients, arn)).status).toBe('ready'));
    const started = await startTask(sb.clients, arn, 'start-replication');
    expect(['starting', 'running']).toContain(started.status);
    const done = await waitFor(async () => {
      const t = await findTask(sb.clients, arn);
      expect(t.status).toBe('stopped');
      return t;
    });
    expect(done.stopReason).toMatch(/FULL_LOAD_ONLY_FINISHED/);
    const { tables } = await listTableStats(sb.clients, arn);
    expect(tables.map((t) => [t.table, t.state, t.fullLoadRows])).toEqual(
      expect.arrayContaining([
        ['orders', 'Table completed', 42],
        ['customers', 'Table completed', 42],
      ]),
    );
    const names = await listNames(sb.clients);
    expect(names.endpoints.get(sb.source)?.identifier).toBe('src-pg');
    const instanceId = names.instances.get(done.instanceArn)?.identifier ?? '';
    const tail = createLogTail(sb.clients, taskLogLocation(done, instanceId));
    const page = await tail.next();
    expect(page.lines.some((l) => l.component === 'TARGET_LOAD' && l.severity === 'I')).toBe(true);
    const again = await tail.next();
    expect(again.lines).toEqual([]);
    expect(again.atEnd).toBe(true);
    const refused = await stopTask(sb.clients, arn).catch((e) => e);
    expect(refused).toBeInstanceOf(AwsError);
    expect((refused as AwsError).code).toBe('InvalidResourceStateFault');
    await expect(
      reloadTables(sb.clients, arn, [{ schema: 'public', table: 'orders' }]),
    ).rejects.toThrow(/InvalidResourceStateFault|running/);
  });

  it('explains a missing log and enables logging with ModifyReplicationTask', async () => {
    const arn = await sb.createTask('quiet', { logging: false });
    const task = await waitFor(async () => {
      const t = await findTask(sb.clients, arn);
      expect(t.status).toBe('ready');
      return t;
    });
    const tail = createLogTail(sb.clients, taskLogLocation(task, 'sandbox'));
    const missing = await tail.next().catch((e) => e);
    expect(missing).toBeInstanceOf(LogMissingError);
    await modifyTaskSettings(sb.clients, arn, JSON.stringify({ Logging: { EnableLogging: true } }));
    await waitFor(async () => {
      const t = await findTask(sb.clients, arn, { withSettings: true });
      expect(t.status).toBe('ready');
      expect(JSON.parse(t.settings ?? '{}').Logging.EnableLogging).toBe(true);
    });
  });
});
