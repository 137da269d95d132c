// After a restart (clean or not): work that was under way when the sandbox stopped is settled
// honestly, as the lifecycle's `interrupted` column says (src/model/taskLifecycle.ts). Tasks
// that were running come back stopped with RECOVERABLE_ERROR and a log line.
import { isTaskStatus, LIFECYCLE } from '../model/taskLifecycle.js';
import { stopReason } from '../model/taskLifecycleFailures.js';
import type { TaskRecord } from './state.js';
import type { Store } from './store.js';
import type { TaskLogWriter } from './taskLog.js';

const interrupted = (task: TaskRecord) =>
  isTaskStatus(task.status) ? LIFECYCLE[task.status].interrupted : undefined;

export function recoverState(store: Store, taskLog: TaskLogWriter): void {
  const { state } = store;
  const now = Date.now();
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
        if (t.state === 'Full load' || t.state === 'Table is being reloaded')
          t.state = 'Table cancelled';
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
}
