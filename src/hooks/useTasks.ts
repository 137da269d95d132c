// The live task list: DescribeReplicationTasks (WithoutSettings, all pages) every refresh,
// endpoint and instance names fetched once (and again when a task names an unknown one), and
// optimistic transitions so a row shows "starting"/"stopping"/"deleting" the moment an action
// is sent, until a refresh that began after the action says otherwise.
import { useCallback, useMemo, useRef, useState } from 'react';
import { useServices } from '../ui/services.js';
import { listNames, listTasks } from '../aws/tasks.js';
import { NO_NAMES, type Task, type TaskNames } from '../model/task.js';
import { type PollingApi, type Scheduler, usePolling } from './usePolling.js';

export interface TasksData {
  tasks: Task[];
  names: TaskNames;
  /** DescribeReplicationTasks calls in the last refresh. */
  calls: number;
  /** When this fetch began (ms). */
  startedAt: number;
}

export interface TasksApi extends PollingApi<TasksData> {
  tasks: Task[];
  names: TaskNames;
  /** Shows a status on these tasks at once; the next refresh that started later replaces it. */
  markTransition(arns: string[], status: string): void;
}

interface Override {
  status: string;
  at: number;
}

export function useTasks(
  options: { active?: boolean; scheduler?: Scheduler; intervalMs?: number } = {},
): TasksApi {
  const services = useServices();
  const { clients } = services;
  const names = useRef<TaskNames>(NO_NAMES);
  const fetch = useCallback(
    async (signal: AbortSignal): Promise<TasksData> => {
      const startedAt = Date.now();
      const { tasks, calls } = await listTasks(clients, { signal });
      const known = names.current;
      const unknown = tasks.some(
        (t) =>
          !known.endpoints.has(t.sourceEndpointArn) ||
          !known.endpoints.has(t.targetEndpointArn) ||
          !known.instances.has(t.instanceArn),
      );
      if (unknown || known === NO_NAMES) {
        // Names are a nicety: a failure here keeps ARNs on screen rather than failing the list.
        names.current = await listNames(clients).catch(() => known);
      }
      return { tasks, names: names.current, calls, startedAt };
    },
    [clients],
  );
  const polling = usePolling<TasksData>({
    fetch,
    intervalMs: options.intervalMs ?? services.refreshSeconds * 1000,
    active: options.active,
    resetKey: JSON.stringify(clients.target),
    scheduler: options.scheduler,
  });
  const [overrides, setOverrides] = useState<Map<string, Override>>(new Map());
  const markTransition = useCallback((arns: string[], status: string) => {
    setOverrides((m) => {
      const next = new Map(m);
      const at = Date.now();
      for (const arn of arns) next.set(arn, { status, at });
      return next;
    });
  }, []);

  const data = polling.data;
  const tasks = useMemo(() => {
    const list = data?.tasks ?? [];
    if (overrides.size === 0) return list;
    return list.map((t) => {
      const o = overrides.get(t.arn);
      return o && o.at >= (data?.startedAt ?? 0) ? { ...t, status: o.status } : t;
    });
  }, [data, overrides]);

  return { ...polling, tasks, names: data?.names ?? names.current, markTransition };
}
