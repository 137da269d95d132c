// A task's CloudWatch metrics (namespace AWS/DMS) as the app reads them: which metrics, the
// dimensions DMS publishes them under, the latest replication lag, and lag as words. Pure.
// Lag: DMS's CDCLatencyTarget already counts the source's latency (the oldest change not yet
// committed on the target), so the lag is the larger of source and target latency; the
// changes behind are CDCIncomingChanges (changes waiting to be applied).
import { arnResource } from './task.js';

export const DMS_METRICS_NAMESPACE = 'AWS/DMS';

/** The metrics the details screen draws, in drawing order. */
export const HISTORY_METRICS = [
  'CDCLatencySource',
  'CDCLatencyTarget',
  'CDCThroughputRowsSource',
  'CDCThroughputRowsTarget',
  'FullLoadThroughputRowsTarget',
] as const;
/** The metrics the lag reading needs. */
export const LAG_METRICS = ['CDCLatencySource', 'CDCLatencyTarget', 'CDCIncomingChanges'] as const;

export type TaskMetricName = (typeof HISTORY_METRICS)[number] | (typeof LAG_METRICS)[number];

export interface MetricPoint {
  /** Epoch ms. */
  at: number;
  value: number;
}

/** Each metric's datapoints, oldest first. */
export type MetricHistory = Partial<Record<TaskMetricName, MetricPoint[]>>;

/** The latest lag of one task, from its newest datapoints. */
export interface LagSample {
  /** Seconds; the larger of CDCLatencySource and CDCLatencyTarget. */
  lagSeconds?: number;
  sourceSeconds?: number;
  targetSeconds?: number;
  /** CDCIncomingChanges: changes waiting to be applied. */
  behind?: number;
  /** When the newest of those datapoints was measured (epoch ms). */
  at?: number;
}

export interface TaskMetricKey {
  arn: string;
  /** The replication instance's identifier (not its ARN). */
  instanceId: string;
}

/** The dimensions DMS publishes task metrics under: the instance's identifier and the task's
 *  resource id (the end of its ARN), not its friendly name. */
export function taskMetricDimensions(key: TaskMetricKey): { Name: string; Value: string }[] {
  return [
    { Name: 'ReplicationInstanceIdentifier', Value: key.instanceId },
    { Name: 'ReplicationTaskIdentifier', Value: arnResource(key.arn) },
  ];
}

export function isCdcTask(task: { migrationType: string }): boolean {
  return task.migrationType === 'cdc' || task.migrationType === 'full-load-and-cdc';
}

const newest = (points: MetricPoint[] | undefined) =>
  points && points.length > 0
    ? points.reduce((a, b) => (b.at > a.at ? b : a), points[0] as MetricPoint)
    : undefined;

/** The lag from each metric's newest datapoint; undefined parts where there is none. */
export function lagFromHistory(history: MetricHistory): LagSample {
  const source = newest(history.CDCLatencySource);
  const target = newest(history.CDCLatencyTarget);
  const behind = newest(history.CDCIncomingChanges);
  const known = [source, target].filter((p): p is MetricPoint => p !== undefined);
  const at = [...known, ...(behind ? [behind] : [])].reduce<number | undefined>(
    (max, p) => (max === undefined || p.at > max ? p.at : max),
    undefined,
  );
  return {
    lagSeconds: known.length > 0 ? Math.max(...known.map((p) => p.value)) : undefined,
    sourceSeconds: source?.value,
    targetSeconds: target?.value,
    behind: behind?.value,
    at,
  };
}

/** Lag as people read it: "0 s", "42 s", "3 min 5 s", "2 h 10 min". */
export function lagText(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return s % 60 ? `${m} min ${s % 60} s` : `${m} min`;
  const h = Math.floor(m / 60);
  return m % 60 ? `${h} h ${m % 60} min` : `${h} h`;
}

/** Lag in a narrow column: "2s", "3m05s", "2h10m", "—" when unknown. */
export function lagCell(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds)) return '—';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, '0')}s`;
  const h = Math.floor(m / 60);
  return h < 100 ? `${h}h${String(m % 60).padStart(2, '0')}m` : `${Math.floor(h / 24)}d`;
}

/** Parses a lag threshold: "60", "60s", "5m", "1h", "1m30s" → seconds; null when unreadable. */
export function parseLagThreshold(text: string): number | null {
  const t = text.trim().toLowerCase();
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t);
  const m = /^(?:(\d+)h)?\s*(?:(\d+)m(?:in)?)?\s*(?:(\d+)s(?:ec)?)?$/.exec(t);
  if (!m || (!m[1] && !m[2] && !m[3])) return null;
  return Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
}
