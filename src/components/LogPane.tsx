// Log lines in a window: severity colours (E red, W yellow, D dim), optional wrap and
// timestamps, the focused line marked. Generic over any list of parsed DMS log lines.
import { Box } from 'ink';
import { Text } from './Text.js';
import { displayLogLine, type LogLine } from '../model/logLine.js';
import { DISPLAY_MAX, visible } from '../model/visibleText.js';

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
        // Escaped and cut before Ink measures it: a line as wide as the pane, or a few screens
        // of it when wrapping.
        const shown = visible(displayLogLine(line, timestamps), {
          maxLength: wrap ? DISPLAY_MAX : Math.max(1, width),
        });
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
