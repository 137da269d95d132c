// Preview JSON: the exact input the form would send, scrollable (↑/↓, j/k, PgUp/PgDn, g/G).
import { Box } from 'ink';
import { Text } from '../../components/Text.js';
import { useLineScroll } from '../../ui/useLineScroll.js';

export function JsonPreview({
  title,
  lines,
  height,
  width,
  onClose,
}: {
  title: string;
  lines: string[];
  height: number;
  width: number;
  onClose(): void;
}) {
  const page = Math.max(1, height - 4);
  const offset = useLineScroll({ count: lines.length, page, onClose });
  const shown = lines.slice(offset, offset + page);
  const inner = Math.max(10, width - 4);
  return (
    <Box flexDirection="column" borderStyle="round" borderColor="cyan" paddingX={1}>
      <Text bold color="cyan">
        {title}{' '}
        <Text dimColor>
          lines {lines.length === 0 ? 0 : offset + 1}–{offset + shown.length} of {lines.length}
        </Text>
      </Text>
      {shown.map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines are positional
        <Text key={offset + i} wrap="truncate">
          {line.length > inner ? `${line.slice(0, inner - 1)}…` : line}
        </Text>
      ))}
    </Box>
  );
}
