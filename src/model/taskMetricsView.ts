// The details screen's metric lines: for each metric of the last hour a label, a sparkline and
// its latest and largest value in words ("Target latency ▁▂▅█▃ now 2 s · max 40 s"). Pure.
import { sparkline } from './sparkline.js';
import {
  HISTORY_METRICS,
  lagText,
  type MetricHistory,
  type TaskMetricName,
} from './taskMetrics.js';

const LABELS: Record<(typeof HISTORY_METRICS)[number], string> = {
  CDCLatencySource: 'Source latency',
  CDCLatencyTarget: 'Target latency',
  CDCThroughputRowsSource: 'Source rows/s',
  CDCThroughputRowsTarget: 'Target rows/s',
  FullLoadThroughputRowsTarget: 'Full load rows/s',
};

export const METRIC_LABEL_WIDTH = 17;
const TAIL_WIDTH = 26;

export interface MetricLine {
  metric: TaskMetricName;
  label: string;
  /** The sparkline, `width` cells (spaces where there is no data). */
  line: string;
  /** "now 2 s · max 40 s", or "no data". */
  tail: string;
}

const count = (n: number) =>
  n >= 100 ? Math.round(n).toLocaleString('en-US') : String(Math.round(n * 10) / 10);

function valueText(metric: TaskMetricName, value: number): string {
  return metric.startsWith('CDCLatency') ? lagText(value) : count(value);
}

/** The sparkline's width for a screen `width` columns wide. */
export function sparklineWidth(width: number): number {
  return Math.max(8, width - METRIC_LABEL_WIDTH - TAIL_WIDTH - 2);
}

export function metricLines(
  history: MetricHistory,
  window: { from: number; to: number },
  width: number,
): MetricLine[] {
  const cells = sparklineWidth(width);
  return HISTORY_METRICS.map((metric) => {
    const s = sparkline(history[metric] ?? [], { width: cells, ...window });
    const tail =
      s.last === undefined || s.max === undefined
        ? 'no data'
        : `now ${valueText(metric, s.last)} · max ${valueText(metric, s.max)}`;
    return { metric, label: LABELS[metric], line: s.text, tail };
  });
}
