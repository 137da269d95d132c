// Which replication tasks load a project's target (their target endpoint names the same
// server, port and database as the project's target connection), and when the latest of them
// finished loading: the schema browser reloads its target pane when that moves on. Pure.
import type { ConnectionSpec } from './connection.js';
import type { Task, TaskNames } from './task.js';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1']);

function sameHost(a: string, b: string): boolean {
  const x = a.trim().toLowerCase();
  const y = b.trim().toLowerCase();
  return x === y || (LOOPBACK.has(x) && LOOPBACK.has(y));
}

/** The task's target endpoint is the project's target connection. */
export function loadsTarget(task: Task, names: TaskNames, target: ConnectionSpec): boolean {
  const endpoint = names.endpoints.get(task.targetEndpointArn);
  if (!endpoint?.server) return false;
  return (
    sameHost(endpoint.server, target.host) &&
    (endpoint.port === undefined || endpoint.port === target.port) &&
    (!endpoint.database || !target.database || endpoint.database === target.database)
  );
}

export interface TargetLoad {
  taskId: string;
  /** When the load finished or the task stopped (ms). */
  at: number;
}

/** The latest finished load (or stop) among the tasks that load `target`. */
export function latestTargetLoad(
  tasks: readonly Task[],
  names: TaskNames,
  target: ConnectionSpec,
): TargetLoad | undefined {
  let latest: TargetLoad | undefined;
  for (const task of tasks) {
    if (!loadsTarget(task, names, target)) continue;
    const done =
      task.stats?.fullLoadFinishDate ??
      (task.status === 'stopped' || task.status === 'failed' ? task.stats?.stopDate : undefined);
    const at = done?.getTime();
    if (at !== undefined && (!latest || at > latest.at)) latest = { taskId: task.id, at };
  }
  return latest;
}
