// What the sandbox measures about its tasks, kept for CloudWatch's GetMetricData and ListMetrics
// (namespace AWS/DMS). The engine records real measurements as they happen; the CloudWatch
// handlers read them back aggregated over the caller's period. Memory is bounded: one bucket
// per series per second, and nothing older than the retention.

export const DMS_NAMESPACE = 'AWS/DMS';

/** The task metrics the sandbox measures (docs/dms-api.md; the DMS user guide's monitoring chapter). */
export type TaskMetricName =
  | 'CDCLatencySource'
  | 'CDCLatencyTarget'
  | 'CDCIncomingChanges'
  | 'CDCThroughputRowsSource'
  | 'CDCThroughputRowsTarget'
  | 'FullLoadThroughputRowsTarget'
  | (string & {});

/** A task metric's dimensions as DMS publishes them: the instance's identifier and the task's
 *  resource id (the last part of its ARN), not the task's friendly name. */
export interface TaskDimensions {
  ReplicationInstanceIdentifier: string;
  ReplicationTaskIdentifier: string;
}

/** One second of a series: what CloudWatch's statistics are computed from. */
export interface MetricBucket {
  /** Start of the second, epoch ms. */
  at: number;
  sum: number;
  count: number;
  min: number;
  max: number;
}

export interface SeriesKey {
  metric: string;
  dimensions: TaskDimensions;
}

export interface MetricsStore {
  record(metric: TaskMetricName, dimensions: TaskDimensions, value: number, atMs?: number): void;
  /** The buckets of one series with from <= at < to, oldest first. */
  buckets(metric: string, dimensions: TaskDimensions, fromMs: number, toMs: number): MetricBucket[];
  /** Every series that has at least one bucket. */
  series(): SeriesKey[];
  /** Forgets a task's series (the task was deleted). */
  forgetTask(taskResourceId: string): void;
}

export interface MetricsStoreOptions {
  /** Default three hours. */
  retentionMs?: number;
  now?: () => number;
}

const SECOND = 1000;

export function createMetricsStore(options: MetricsStoreOptions = {}): MetricsStore {
  const retentionMs = options.retentionMs ?? 3 * 60 * 60 * SECOND;
  const now = options.now ?? Date.now;
  const all = new Map<string, { key: SeriesKey; buckets: MetricBucket[] }>();

  const idOf = (metric: string, d: TaskDimensions) =>
    `${metric}\u0000${d.ReplicationInstanceIdentifier}\u0000${d.ReplicationTaskIdentifier}`;

  function prune(list: MetricBucket[], oldest: number): void {
    let drop = 0;
    while (drop < list.length && (list[drop]?.at ?? oldest) < oldest) drop++;
    if (drop > 0) list.splice(0, drop);
  }

  return {
    record(metric, dimensions, value, atMs = now()) {
      if (!Number.isFinite(value)) return;
      const id = idOf(metric, dimensions);
      let entry = all.get(id);
      if (!entry) {
        entry = { key: { metric, dimensions: { ...dimensions } }, buckets: [] };
        all.set(id, entry);
      }
      const at = Math.floor(atMs / SECOND) * SECOND;
      const list = entry.buckets;
      // Measurements arrive in time order; a late one (rare) is put in its place.
      let index = list.length;
      while (index > 0 && (list[index - 1]?.at ?? 0) > at) index--;
      const same = list[index - 1];
      if (same && same.at === at) addTo(same, value);
      else list.splice(index, 0, { at, sum: value, count: 1, min: value, max: value });
      prune(list, now() - retentionMs);
    },
    buckets(metric, dimensions, fromMs, toMs) {
      const entry = all.get(idOf(metric, dimensions));
      if (!entry) return [];
      prune(entry.buckets, now() - retentionMs);
      return entry.buckets.filter((b) => b.at >= fromMs && b.at < toMs).map((b) => ({ ...b }));
    },
    series() {
      const oldest = now() - retentionMs;
      const out: SeriesKey[] = [];
      for (const [id, entry] of all) {
        prune(entry.buckets, oldest);
        if (entry.buckets.length === 0) all.delete(id);
        else out.push({ metric: entry.key.metric, dimensions: { ...entry.key.dimensions } });
      }
      return out;
    },
    forgetTask(taskResourceId) {
      for (const [id, entry] of all) {
        if (entry.key.dimensions.ReplicationTaskIdentifier === taskResourceId) all.delete(id);
      }
    },
  };
}

function addTo(bucket: MetricBucket, value: number): void {
  bucket.sum += value;
  bucket.count += 1;
  bucket.min = Math.min(bucket.min, value);
  bucket.max = Math.max(bucket.max, value);
}
