// CloudWatch GetMetricData for DMS task metrics (namespace AWS/DMS, docs/dms-api.md §8): the
// last hour of one task's latency and throughput for the details screen, and the latest lag
// of many tasks for the task list, each in one paged call (the SDK's paginator; several
// queries per call). Returns domain types (src/model/taskMetrics.ts); fails with an AwsError.
import type { MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import {
  DMS_METRICS_NAMESPACE,
  HISTORY_METRICS,
  LAG_METRICS,
  type LagSample,
  lagFromHistory,
  type MetricHistory,
  type MetricPoint,
  type TaskMetricKey,
  type TaskMetricName,
  taskMetricDimensions,
} from '../model/taskMetrics.js';
import { cloudWatchCall } from './call.js';
import type { AwsClients } from './clients.js';

/** CloudWatch takes at most 500 queries in one GetMetricData call. */
const MAX_QUERIES = 500;

export interface MetricsOptions {
  /** The end of the window (epoch ms); default now. */
  now?: number;
  /** DMS publishes per minute (60); the sandbox also answers finer periods. */
  periodSeconds?: number;
  /** Datapoints per page (MaxDatapoints; default CloudWatch's 100,800). */
  pageSize?: number;
  signal?: AbortSignal;
}

interface Wanted {
  id: string;
  key: TaskMetricKey;
  metric: TaskMetricName;
}

function query(w: Wanted, periodSeconds: number): MetricDataQuery {
  return {
    Id: w.id,
    ReturnData: true,
    MetricStat: {
      Metric: {
        Namespace: DMS_METRICS_NAMESPACE,
        MetricName: w.metric,
        Dimensions: taskMetricDimensions(w.key),
      },
      Period: periodSeconds,
      Stat: 'Average',
    },
  };
}

/** Every page of one GetMetricData request: each query's datapoints, oldest first. */
async function getMetricData(
  clients: AwsClients,
  wanted: Wanted[],
  window: { startMs: number; endMs: number; periodSeconds: number },
  options: MetricsOptions,
): Promise<{ points: Map<string, MetricPoint[]>; calls: number }> {
  const points = new Map<string, MetricPoint[]>(wanted.map((w) => [w.id, []]));
  let calls = 0;
  await cloudWatchCall(clients, 'GetMetricData', async (client, { paginateGetMetricData }) => {
    const pages = paginateGetMetricData(
      {
        client,
        pageSize: options.pageSize,
        withCommand: (command) => {
          calls++;
          return command;
        },
      },
      {
        MetricDataQueries: wanted.map((w) => query(w, window.periodSeconds)),
        StartTime: new Date(window.startMs),
        EndTime: new Date(window.endMs),
        ScanBy: 'TimestampAscending',
      },
      { abortSignal: options.signal },
    );
    for await (const page of pages) {
      for (const r of page.MetricDataResults ?? []) {
        const list = points.get(r.Id ?? '');
        if (!list) continue;
        (r.Timestamps ?? []).forEach((t, i) => {
          const value = r.Values?.[i];
          if (value !== undefined && Number.isFinite(value))
            list.push({ at: new Date(t).getTime(), value });
        });
      }
    }
  });
  for (const list of points.values()) list.sort((a, b) => a.at - b.at);
  return { points, calls };
}

export interface TaskHistory {
  history: MetricHistory;
  lag: LagSample;
  periodSeconds: number;
  /** GetMetricData calls it took (one per page). */
  calls: number;
}

/** The last `minutes` (default 60) of one task's latency, throughput and changes behind. */
export async function fetchTaskHistory(
  clients: AwsClients,
  key: TaskMetricKey,
  options: MetricsOptions & { minutes?: number } = {},
): Promise<TaskHistory> {
  const periodSeconds = options.periodSeconds ?? 60;
  const endMs = options.now ?? Date.now();
  const startMs = endMs - (options.minutes ?? 60) * 60_000;
  const metrics: TaskMetricName[] = [...HISTORY_METRICS, 'CDCIncomingChanges'];
  const wanted = metrics.map((metric, i) => ({ id: `m${i}`, key, metric }));
  const { points, calls } = await getMetricData(
    clients,
    wanted,
    { startMs, endMs, periodSeconds },
    options,
  );
  const history: MetricHistory = {};
  for (const w of wanted) history[w.metric] = points.get(w.id) ?? [];
  return { history, lag: lagFromHistory(history), periodSeconds, calls };
}

/** The latest lag of each task (keyed by ARN) from its last few minutes of metrics. Tasks
 *  with no datapoints get an empty sample. */
export async function fetchLatestLags(
  clients: AwsClients,
  keys: TaskMetricKey[],
  options: MetricsOptions = {},
): Promise<{ lags: Map<string, LagSample>; calls: number }> {
  const periodSeconds = options.periodSeconds ?? 60;
  const endMs = options.now ?? Date.now();
  const startMs = endMs - Math.max(5 * 60, 5 * periodSeconds) * 1000;
  const lags = new Map<string, LagSample>();
  let calls = 0;
  // Whole tasks per call, so each task's metrics come back together.
  const perCall = Math.floor(MAX_QUERIES / LAG_METRICS.length);
  for (let i = 0; i < keys.length; i += perCall) {
    const chunk: Wanted[] = keys
      .slice(i, i + perCall)
      .flatMap((key, t) => LAG_METRICS.map((metric, m) => ({ id: `t${t}m${m}`, key, metric })));
    const got = await getMetricData(clients, chunk, { startMs, endMs, periodSeconds }, options);
    calls += got.calls;
    const byTask = new Map<string, MetricHistory>();
    for (const w of chunk) {
      const history = byTask.get(w.key.arn) ?? {};
      history[w.metric] = got.points.get(w.id) ?? [];
      byTask.set(w.key.arn, history);
    }
    for (const [arn, history] of byTask) lags.set(arn, lagFromHistory(history));
  }
  return { lags, calls };
}
