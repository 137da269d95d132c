// CloudWatch GetMetricData over the metrics store (docs/dms-api.md §8): MetricStat queries of
// namespace AWS/DMS with the two task dimensions, each aggregated over its Period with its
// Stat; a metric the sandbox has no data for is an empty result, not an error. Pages hold
// whole timestamps in ScanBy order (newest first unless TimestampAscending) up to
// MaxDatapoints datapoints across the queries; a page with more to come says PartialData and
// carries a NextToken for the same request.
import type { Call, Handler, Input } from '../context.js';
import {
  aggregate,
  type BasicStatistic,
  type Datapoint,
  METRIC_UNITS,
} from '../metrics/aggregate.js';
import { DMS_NAMESPACE, type MetricsStore, type TaskDimensions } from '../metrics/store.js';
import { checkGetMetricData } from './checkQueries.js';
import { fingerprint, makeToken, readToken } from './tokens.js';
import { type Dimension, type MetricQuery, timestampMs } from './types.js';

export const DEFAULT_MAX_DATAPOINTS = 100_800;

/** The task dimensions of a metric when they are exactly DMS's two, else undefined. */
export function taskDimensions(dimensions: Dimension[] | undefined): TaskDimensions | undefined {
  if (dimensions?.length !== 2) return undefined;
  const value = (name: string) => dimensions.find((d) => d.Name === name)?.Value;
  const instance = value('ReplicationInstanceIdentifier');
  const task = value('ReplicationTaskIdentifier');
  if (instance === undefined || task === undefined) return undefined;
  return { ReplicationInstanceIdentifier: instance, ReplicationTaskIdentifier: task };
}

function datapoints(
  store: MetricsStore,
  q: MetricQuery,
  startMs: number,
  endMs: number,
): Datapoint[] {
  const stat = q.MetricStat;
  const metric = stat?.Metric;
  if (!stat || metric?.Namespace !== DMS_NAMESPACE || !metric.MetricName) return [];
  const dimensions = taskDimensions(metric.Dimensions);
  if (!dimensions) return [];
  const unit = METRIC_UNITS[metric.MetricName];
  if (stat.Unit !== undefined && unit !== undefined && stat.Unit !== unit) return [];
  const periodMs = stat.Period * 1000;
  const from = Math.floor(startMs / periodMs) * periodMs;
  const buckets = store.buckets(metric.MetricName, dimensions, from, endMs);
  return aggregate(buckets, periodMs, stat.Stat as BasicStatistic);
}

const getMetricData: Handler = (call: Call, input: Input) => {
  const queries: MetricQuery[] = input.MetricDataQueries;
  const startMs = timestampMs(input.StartTime);
  const endMs = timestampMs(input.EndTime);
  checkGetMetricData({
    queries,
    startMs,
    endMs,
    scanBy: input.ScanBy,
    maxDatapoints: input.MaxDatapoints,
  });
  const descending = input.ScanBy !== 'TimestampAscending';
  const max: number = input.MaxDatapoints ?? DEFAULT_MAX_DATAPOINTS;
  const print = fingerprint([queries, startMs, endMs, descending]);
  const after = input.NextToken === undefined ? undefined : readToken(input.NextToken, 'd', print);
  const notSent = (p: Datapoint) =>
    after === undefined || (descending ? p.at < after : p.at > after);

  const series = queries
    .filter((q) => q.ReturnData !== false)
    .map((q) => {
      const points = datapoints(call.sandbox.metrics, q, startMs, endMs).filter(notSent);
      if (descending) points.reverse();
      return { q, points };
    });

  // Whole timestamps, in scan order, until the next would pass MaxDatapoints.
  const perTime = new Map<number, number>();
  for (const s of series) for (const p of s.points) perTime.set(p.at, (perTime.get(p.at) ?? 0) + 1);
  const times = [...perTime.keys()].sort((a, b) => (descending ? b - a : a - b));
  let taken = 0;
  let count = 0;
  for (const t of times) {
    const n = perTime.get(t) ?? 0;
    if (count > 0 && taken + n > max) break;
    taken += n;
    count++;
  }
  const last = times[count - 1];
  const more = count < times.length && last !== undefined;
  const inPage = (p: Datapoint) => last !== undefined && (descending ? p.at >= last : p.at <= last);

  return {
    MetricDataResults: series.map(({ q, points }) => {
      const page = points.filter(inPage);
      return {
        Id: q.Id,
        Label: q.Label ?? q.MetricStat?.Metric.MetricName ?? q.Id,
        Timestamps: page.map((p) => new Date(p.at)),
        Values: page.map((p) => p.value),
        StatusCode: more ? 'PartialData' : 'Complete',
        Messages: [],
      };
    }),
    NextToken: more ? makeToken('d', print, last) : undefined,
    Messages: [],
  };
};

export const getMetricDataHandlers: Record<string, Handler> = { GetMetricData: getMetricData };
