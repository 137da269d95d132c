// Table statistics for one task, polled while the screen is visible.
import { useCallback } from 'react';
import { useServices } from '../ui/services.js';
import { listTableStats } from '../aws/tableStats.js';
import type { TableStat } from '../model/tableStatsRow.js';
import { type PollingApi, type Scheduler, usePolling } from './usePolling.js';

export function useTableStats(options: {
  taskArn: string;
  active?: boolean;
  scheduler?: Scheduler;
}): PollingApi<TableStat[]> {
  const services = useServices();
  const { clients } = services;
  const { taskArn } = options;
  const fetch = useCallback(
    async (signal: AbortSignal) => (await listTableStats(clients, taskArn, { signal })).tables,
    [clients, taskArn],
  );
  return usePolling({
    fetch,
    intervalMs: services.refreshSeconds * 1000,
    active: options.active,
    resetKey: `${JSON.stringify(clients.target)}|${taskArn}`,
    scheduler: options.scheduler,
  });
}
