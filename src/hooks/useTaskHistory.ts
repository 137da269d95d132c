// The last hour of one task's CloudWatch metrics for the details screen: fetched only for
// that task, every `metricsSeconds` (default 30 s, not on every refresh), all pages of one
// GetMetricData request.
import { useCallback } from 'react';
import { fetchTaskHistory, type TaskHistory } from '../aws/metrics.js';
import { metricPeriodSeconds, metricsIntervalSeconds } from '../model/awsTarget.js';
import { useServices } from '../ui/services.js';
import { type PollingApi, usePolling } from './usePolling.js';

export interface TaskHistoryData extends TaskHistory {
  /** The end of the hour fetched (epoch ms). */
  to: number;
}

export function useTaskHistory(options: {
  arn: string;
  /** The replication instance's identifier; undefined until the task is known. */
  instanceId: string | undefined;
}): PollingApi<TaskHistoryData> {
  const { clients, metricsSeconds } = useServices();
  const { arn, instanceId } = options;
  const fetch = useCallback(
    async (signal: AbortSignal): Promise<TaskHistoryData> => {
      const to = Date.now();
      const history = await fetchTaskHistory(
        clients,
        { arn, instanceId: instanceId ?? '' },
        { now: to, periodSeconds: metricPeriodSeconds(clients.target, 'history'), signal },
      );
      return { ...history, to };
    },
    [clients, arn, instanceId],
  );
  return usePolling({
    fetch,
    intervalMs: (metricsSeconds ?? metricsIntervalSeconds(clients.target)) * 1000,
    active: instanceId !== undefined,
    resetKey: `${arn} ${instanceId ?? ''}`,
  });
}
