// The last hour of a task's latency and throughput as sparklines, one metric a line.
import { Box } from 'ink';
import { Text } from './Text.js';
import { METRIC_LABEL_WIDTH, metricLines } from '../model/taskMetricsView.js';
import type { MetricHistory } from '../model/taskMetrics.js';
import { timestampText } from '../model/time.js';

/** Lines it takes on screen. */
export const SPARKLINES_HEIGHT = 6;

export function MetricSparklines({
  history,
  to,
  periodSeconds,
  width,
  error,
}: {
  history?: MetricHistory;
  /** The end of the hour drawn (epoch ms). */
  to?: number;
  periodSeconds?: number;
  width: number;
  error?: string;
}) {
  const caption = history
    ? `Last hour from CloudWatch (per ${periodSeconds ?? 60} s) · ${timestampText(new Date(to ?? 0))}`
    : error
      ? `CloudWatch metrics: ${error}`
      : 'CloudWatch metrics: loading…';
  const lines = history
    ? metricLines(history, { from: (to ?? 0) - 3_600_000, to: to ?? 0 }, width)
    : [];
  return (
    <Box flexDirection="column" height={SPARKLINES_HEIGHT}>
      <Text bold color={error && !history ? 'yellow' : undefined} wrap="truncate">
        {caption}
      </Text>
      {lines.map((l) => (
        <Box key={l.metric}>
          <Text>{l.label.padEnd(METRIC_LABEL_WIDTH)}</Text>
          <Text color="cyan">{l.line}</Text>
          <Text dimColor> {l.tail}</Text>
        </Box>
      ))}
    </Box>
  );
}
