// The CloudWatch operations the sandbox serves (namespace AWS/DMS, docs/dms-api.md §8).
import type { Handler } from '../context.js';
import { getMetricDataHandlers } from './getMetricData.js';
import { listMetricsHandlers } from './listMetrics.js';

export const cloudWatchHandlers: Record<string, Handler> = {
  ...getMetricDataHandlers,
  ...listMetricsHandlers,
};
