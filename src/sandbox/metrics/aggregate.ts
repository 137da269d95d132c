// CloudWatch statistics over the metrics store's one-second buckets: each datapoint is the
// statistic of the buckets in one period, labelled with the period's start (aligned to the
// epoch, as CloudWatch aligns them). Pure.
import type { MetricBucket } from './store.js';

export const BASIC_STATISTICS = ['Average', 'Sum', 'Minimum', 'Maximum', 'SampleCount'] as const;
export type BasicStatistic = (typeof BASIC_STATISTICS)[number];

export function isBasicStatistic(stat: string): stat is BasicStatistic {
  return (BASIC_STATISTICS as readonly string[]).includes(stat);
}

/** Percentiles, trimmed means and the other extended statistics CloudWatch knows by name. */
export function isExtendedStatistic(stat: string): boolean {
  return (
    /^(p|tm|wm|tc|ts)\d{1,2}(\.\d{1,10})?$/.test(stat) ||
    /^(TM|WM|TC|TS|PR)\(.*\)$/.test(stat) ||
    /^(tm|wm|tc|ts|pr)\(.*\)$/.test(stat) ||
    stat === 'IQM'
  );
}

/** Periods CloudWatch accepts: 1, 5, 10, 30 (high resolution) or a multiple of 60 seconds. */
export function validPeriod(seconds: number): boolean {
  return [1, 5, 10, 30].includes(seconds) || (seconds > 0 && seconds % 60 === 0);
}

export interface Datapoint {
  /** Start of the period, epoch ms. */
  at: number;
  value: number;
}

/** The datapoints of `buckets` (oldest first) for periods of `periodMs`, oldest first. */
export function aggregate(
  buckets: readonly MetricBucket[],
  periodMs: number,
  stat: BasicStatistic,
): Datapoint[] {
  const out: Datapoint[] = [];
  let current: MetricBucket | undefined;
  const flush = () => {
    if (current) out.push({ at: current.at, value: statistic(current, stat) });
  };
  for (const b of buckets) {
    const at = Math.floor(b.at / periodMs) * periodMs;
    if (current && current.at === at) {
      current.sum += b.sum;
      current.count += b.count;
      current.min = Math.min(current.min, b.min);
      current.max = Math.max(current.max, b.max);
    } else {
      flush();
      current = { at, sum: b.sum, count: b.count, min: b.min, max: b.max };
    }
  }
  flush();
  return out;
}

function statistic(b: MetricBucket, stat: BasicStatistic): number {
  switch (stat) {
    case 'Average':
      return b.count > 0 ? b.sum / b.count : 0;
    case 'Sum':
      return b.sum;
    case 'Minimum':
      return b.min;
    case 'Maximum':
      return b.max;
    case 'SampleCount':
      return b.count;
  }
}

/** The unit CloudWatch reports for each DMS task metric the sandbox measures. */
export const METRIC_UNITS: Readonly<Record<string, string>> = {
  CDCLatencySource: 'Seconds',
  CDCLatencyTarget: 'Seconds',
  CDCIncomingChanges: 'Count',
  CDCThroughputRowsSource: 'Count/Second',
  CDCThroughputRowsTarget: 'Count/Second',
  FullLoadThroughputRowsTarget: 'Count/Second',
  ValidationSucceededRecordCount: 'Count',
  ValidationAttemptedRecordCount: 'Count',
  ValidationFailedOverallCount: 'Count',
  ValidationSuspendedOverallCount: 'Count',
  ValidationPendingOverallCount: 'Count',
};
