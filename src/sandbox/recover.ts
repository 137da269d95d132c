// After a restart (clean or not): work that was under way when the sandbox stopped is settled
// honestly, as the lifecycle's `interrupted` column says (src/model/taskLifecycle.ts). Tasks
// that were running come back stopped with RECOVERABLE_ERROR and a log line; the tables they
// were loading come back "Table cancelled" with FullLoadRows recounted from the target.
import { isTaskStatus, LIFECYCLE } from '../model/taskLifecycle.js';
import { stopReason } from '../model/taskLifecycleFailures.js';
import { endpointSpec } from './endpointSpec.js';
import type { TableStatRecord, TaskRecord } from './state.js';
import type { Store } from './store.js';
import type { TaskLogWriter } from './taskLog.js';

const interrupted = (task: TaskRecord) =>
  isTaskStatus(task.status) ? LIFECYCLE[task.status].interrupted : undefined;

export function recoverState(store: Store, taskLog: TaskLogWriter): void {
  const { state } = store;
  const now = Date.now();
  const recount: Interrupted[] = [];
  state.tasks = state.tasks.filter((t) => interrupted(t)?.to !== 'gone');
  for (const task of state.tasks) {
    const cut = interrupted(task);
    if (!cut) continue;
    if (cut.to === 'previous') {
      task.status = task.statusBeforeModify ?? 'ready';
      delete task.statusBeforeModify;
    } else if (cut.to === 'stopped') {
      const wasStopping = cut.stopReason === 'NORMAL';
      task.status = 'stopped';
      task.stopReason = stopReason(cut.stopReason ?? 'RECOVERABLE_ERROR');
      const lastSeen = Math.max(task.stats.startMs ?? 0, ...task.tables.map((t) => t.lastUpdateMs));
      task.stats.stopMs = lastSeen || now;
      for (const t of task.tables) {
        if (t.state !== 'Full load' && t.state !== 'Table is being reloaded') continue;
        t.state = 'Table cancelled';
        if (t.target) recount.push({ task, table: t });
      }
      taskLog.write(
        task,
        'TASK_MANAGER',
        'W',
        wasStopping
          ? 'The sandbox restarted while the task was stopping; the task is stopped.'
          : 'The sandbox restarted while the task was running; the task is stopped. Tables not completed can be loaded with resume-processing, or everything with reload-target.',
        'replicationtask.c:1090',
      );
    } else if (cut.to !== 'gone') task.status = cut.to;
  }
  state.endpoints = state.endpoints.filter((e) => e.status !== 'deleting');
  for (const c of state.connections) {
    if (c.status === 'testing') {
      c.status = 'failed';
      c.lastFailureMessage =
        'Error Details: [errType=ERROR_RESPONSE, status=1022305, errMessage=The sandbox restarted during the test; test the connection again, errDetails=]';
    }
  }
  store.changed();
  if (recount.length > 0) void recountTables(store, taskLog, recount);
}

interface Interrupted {
  task: TaskRecord;
  table: TableStatRecord;
}

/**
 * FullLoadRows of tables cut short by a crash, from what their target tables really hold: the
 * state file can lag the last commits by a moment, the target cannot. One count per table,
 * once, after a restart; the load itself records nothing more per batch. Rows that were in a
 * DO_NOTHING table before the load began are left out (recorded with the table's target).
 */
export async function recountTables(
  store: Store,
  taskLog: TaskLogWriter,
  tables: Interrupted[],
): Promise<void> {
  const { countTargetRows } = await import('./engine/recount.js');
  for (const { task, table } of tables) {
    const target = table.target;
    const endpoint = store.state.endpoints.find((e) => e.arn === task.targetEndpointArn);
    const spec = endpoint && endpointSpec(endpoint);
    if (!target || !spec) continue;
    const rows = await countTargetRows(spec, target);
    // The task may have been started again meanwhile: its new load owns the figures then.
    if (task.status !== 'stopped' || table.state !== 'Table cancelled' || table.target !== target)
      continue;
    const label = `'${table.schema}'.'${table.table}'`;
    if (rows === undefined) {
      taskLog.write(
        task,
        'TASK_MANAGER',
        'W',
        `Could not count the rows of table ${label} in the target after the restart; FullLoadRows is the last figure recorded (${table.fullLoadRows})`,
        'replicationtask.c:1094',
      );
      continue;
    }
    const loaded = (table.carriedRows ?? 0) + Math.max(0, rows - target.rowsBefore);
    if (loaded !== table.fullLoadRows)
      taskLog.write(
        task,
        'TASK_MANAGER',
        'I',
        `Table ${label} holds ${loaded} rows of this task in the target after the restart (${table.fullLoadRows} were recorded): FullLoadRows set from the target`,
        'replicationtask.c:1094',
      );
    table.fullLoadRows = loaded;
    table.lastUpdateMs = Date.now();
    store.changed();
  }
}
