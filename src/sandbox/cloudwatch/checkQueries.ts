// GetMetricData's rules beyond the model (docs/dms-api.md §8): query ids, MetricStat or
// Expression, periods, statistics, units, the time range, ScanBy and MaxDatapoints. Problems
// are collected and answered together, one per line, as CloudWatch answers a ValidationError.
import { isBasicStatistic, isExtendedStatistic, validPeriod } from '../metrics/aggregate.js';
import { ApiError } from '../protocol/errors.js';
import type { MetricQuery } from './types.js';

export const MAX_QUERIES = 500;

export const STANDARD_UNITS = new Set([
  'Seconds',
  'Microseconds',
  'Milliseconds',
  'Bytes',
  'Kilobytes',
  'Megabytes',
  'Gigabytes',
  'Terabytes',
  'Bits',
  'Kilobits',
  'Megabits',
  'Gigabits',
  'Terabits',
  'Percent',
  'Count',
  'Bytes/Second',
  'Kilobytes/Second',
  'Megabytes/Second',
  'Gigabytes/Second',
  'Terabytes/Second',
  'Bits/Second',
  'Kilobits/Second',
  'Megabits/Second',
  'Gigabits/Second',
  'Terabits/Second',
  'Count/Second',
  'None',
]);

const SCAN_BY = ['TimestampDescending', 'TimestampAscending'];

export interface RequestShape {
  queries: MetricQuery[];
  startMs: number;
  endMs: number;
  scanBy: unknown;
  maxDatapoints: unknown;
}

function queryProblems(q: MetricQuery, at: string, seen: Set<string>, out: string[]): void {
  if (!/^[a-z][a-zA-Z0-9_]*$/.test(q.Id))
    out.push(
      `The value ${q.Id} for parameter ${at}.Id is not valid: an Id starts with a lower-case letter and holds only letters, digits and underscores.`,
    );
  else if (seen.has(q.Id))
    out.push(`The value ${q.Id} for parameter ${at}.Id is used by more than one query.`);
  seen.add(q.Id);
  if ((q.MetricStat === undefined) === (q.Expression === undefined)) {
    out.push(`Exactly one of ${at}.MetricStat and ${at}.Expression must be given.`);
    return;
  }
  const stat = q.MetricStat;
  if (!stat) return;
  if (!validPeriod(stat.Period))
    out.push(
      `The parameter ${at}.MetricStat.Period must be 1, 5, 10, 30 or a multiple of 60 (got ${stat.Period}).`,
    );
  if (!isBasicStatistic(stat.Stat) && !isExtendedStatistic(stat.Stat))
    out.push(`The value for parameter ${at}.MetricStat.Stat is not a valid statistic.`);
  if (stat.Unit !== undefined && !STANDARD_UNITS.has(stat.Unit))
    out.push(`The value ${stat.Unit} for parameter ${at}.MetricStat.Unit is not a valid unit.`);
}

/** Throws the ValidationError (or, for what the sandbox does not compute, the
 *  InvalidParameterValue) a request deserves; returns when it is fine. */
export function checkGetMetricData(r: RequestShape): void {
  const problems: string[] = [];
  if (r.queries.length === 0)
    problems.push('The parameter MetricDataQueries must contain at least one query.');
  if (r.queries.length > MAX_QUERIES)
    problems.push(
      `The collection MetricDataQueries must not have a size greater than ${MAX_QUERIES}.`,
    );
  const seen = new Set<string>();
  r.queries.forEach((q, i) => {
    queryProblems(q, `MetricDataQueries.member.${i + 1}`, seen, problems);
  });
  if (!Number.isFinite(r.startMs) || !Number.isFinite(r.endMs))
    problems.push('The parameters StartTime and EndTime must be valid timestamps.');
  else if (r.startMs === r.endMs)
    problems.push('The parameter StartTime must not equal parameter EndTime.');
  else if (r.startMs > r.endMs)
    problems.push('The parameter StartTime must be less than the parameter EndTime.');
  if (r.scanBy !== undefined && !SCAN_BY.includes(String(r.scanBy)))
    problems.push(
      `1 validation error detected: Value '${String(r.scanBy).slice(0, 64)}' at 'scanBy' failed to satisfy constraint: Member must satisfy enum value set: [${SCAN_BY.join(', ')}]`,
    );
  if (r.maxDatapoints !== undefined && Number(r.maxDatapoints) < 1)
    problems.push('The parameter MaxDatapoints must be greater than 0.');
  if (problems.length > 0) throw new ApiError('ValidationError', problems.join('\n'));

  r.queries.forEach((q, i) => {
    const at = `MetricDataQueries.member.${i + 1}`;
    if (q.Expression !== undefined)
      throw new ApiError(
        'InvalidParameterValue',
        `The dms-tui sandbox does not evaluate metric math (${at}.Expression): use MetricStat.`,
      );
    if (q.MetricStat && !isBasicStatistic(q.MetricStat.Stat))
      throw new ApiError(
        'InvalidParameterValue',
        `The dms-tui sandbox computes Average, Sum, Minimum, Maximum and SampleCount, not ${q.MetricStat.Stat} (${at}.MetricStat.Stat).`,
      );
  });
}
