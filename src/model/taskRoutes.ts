// The routes from a task to the screens about it: details (or its JSON), table statistics,
// and its CloudWatch log (whose group and stream follow from the task and its instance).
import type { RouteTo } from './navigation.js';
import { isCdcTask } from './taskMetrics.js';
import { instanceName, type Task, type TaskNames, taskLogLocation } from './task.js';

export function taskDetailsRoute(
  task: Pick<Task, 'arn' | 'id'>,
  options: { json?: boolean } = {},
): RouteTo<'taskDetails'> {
  return {
    screen: 'taskDetails',
    params: { arn: task.arn, id: task.id, ...(options.json ? { json: true } : {}) },
  };
}

export function tableStatsRoute(
  task: Pick<Task, 'arn' | 'id' | 'migrationType'>,
): RouteTo<'tableStats'> {
  return {
    screen: 'tableStats',
    params: { arn: task.arn, id: task.id, ...(isCdcTask(task) ? { cdc: true } : {}) },
  };
}

export function taskLogRoute(
  task: Pick<Task, 'arn' | 'id' | 'instanceArn' | 'status'>,
  names: TaskNames,
): RouteTo<'logs'> {
  const { group, stream } = taskLogLocation(task, instanceName(task.instanceArn, names));
  return {
    screen: 'logs',
    params: { arn: task.arn, id: task.id, group, stream, status: task.status },
  };
}
