// One task with its settings, and the endpoint and instance names it refers to, polled while
// the details screen is visible.
import { useCallback } from 'react';
import { useServices } from '../ui/services.js';
import { findTask, listNames } from '../aws/tasks.js';
import type { Task, TaskNames } from '../model/task.js';
import { type PollingApi, usePolling } from './usePolling.js';

export interface TaskDetailsData {
  task: Task;
  names: TaskNames;
}

export function useTaskDetails({ arn }: { arn: string }): PollingApi<TaskDetailsData> {
  const { clients, refreshSeconds } = useServices();
  const fetch = useCallback(async (): Promise<TaskDetailsData> => {
    const [task, names] = await Promise.all([
      findTask(clients, arn, { withSettings: true }),
      listNames(clients),
    ]);
    return { task, names };
  }, [clients, arn]);
  return usePolling({ fetch, intervalMs: refreshSeconds * 1000, resetKey: arn });
}
