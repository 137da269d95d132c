// Log lines in a window: severity colours (E red, W yellow, D dim), optional wrap and
// timestamps, the focused line marked. Generic over any list of parsed DMS log lines.
import { Box, Text } from 'ink';
import { displayLogLine, type LogLine } from '../model/logLine.js';

const COLOR: Record<string, string | undefined> = { E: 'red', W: 'yellow' };

export function LogPane({
  lines,
  focusedIndex,
  width,
  wrap,
  timestamps,
}: {
  /** The lines on screen, already windowed. */
  lines: readonly { index: number; line: LogLine }[];
  focusedIndex: number;
  width: number;
  wrap: boolean;
  timestamps: boolean;
}) {
  return (
    <Box flexDirection="column">
      {lines.map(({ index, line }) => {
        const text = displayLogLine(line, timestamps);
        const shown =
          wrap || text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`;
        return (
          <Text
            key={index}
            wrap={wrap ? 'wrap' : 'truncate'}
            inverse={index === focusedIndex}
            color={line.severity ? COLOR[line.severity] : undefined}
            dimColor={line.severity === 'D'}
          >
            {shown}
          </Text>
        );
      })}
    </Box>
  );
}
