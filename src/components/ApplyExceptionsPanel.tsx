// A CDC task's apply exceptions under its table statistics: one line saying how many changes
// of each table went to the target's awsdms_apply_exceptions (and that it was read there), and,
// opened with `x`, the latest few with their error and statement.
import { Box } from 'ink';
import { Text } from './Text.js';
import type { PollingState } from '../hooks/usePolling.js';
import {
  type ApplyExceptions,
  exceptionLines,
  exceptionsSummary,
} from '../model/applyExceptions.js';

export function ApplyExceptionsPanel({
  state,
  open,
  lines,
  width,
}: {
  state: PollingState<ApplyExceptions>;
  open: boolean;
  /** Exceptions listed at most when open. */
  lines: number;
  width: number;
}) {
  const x = state.data;
  const summary = x
    ? exceptionsSummary(x, width)
    : state.error
      ? `Apply exceptions: cannot read the project's target connection: ${state.error}`
      : 'Apply exceptions: reading the target…';
  const total = x ? [...x.perTable.values()].reduce((a, b) => a + b, 0) : 0;
  return (
    <Box flexDirection="column">
      <Text color={total > 0 ? 'yellow' : undefined} dimColor={total === 0} wrap="truncate">
        {summary}
      </Text>
      {open && x
        ? exceptionLines(x, width)
            .slice(0, lines)
            .map((line, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: lines have no identity of their own
              <Text key={i} wrap="truncate">
                {line}
              </Text>
            ))
        : null}
    </Box>
  );
}
