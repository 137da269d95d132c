// A windowed tree: only the rows in view are rendered, so a tree of 20,000 rows scrolls as fast
// as one of 20. Rows come flattened (see src/model/schemaTree.ts); the caller decorates them.
import { Box } from 'ink';
import { Text } from './Text.js';
import { memo } from 'react';

export interface TreeLine {
  id: string;
  depth: number;
  label: string;
  expandable: boolean;
  expanded: boolean;
}

export interface RowDecoration {
  /** Drawn before the label (e.g. a mark). */
  marker?: string;
  markerColor?: string;
  labelColor?: string;
  dim?: boolean;
  /** Drawn at the right edge. */
  suffix?: string;
  suffixColor?: string;
}

export interface TreeProps<R extends TreeLine> {
  rows: readonly R[];
  cursor: number;
  offset: number;
  height: number;
  width: number;
  /** The pane has focus: the cursor row is drawn inverse; otherwise underlined. */
  active: boolean;
  decorate?: (row: R) => RowDecoration;
}

function TreeInner<R extends TreeLine>({
  rows,
  cursor,
  offset,
  height,
  width,
  active,
  decorate,
}: TreeProps<R>) {
  const start = Math.max(0, Math.min(offset, Math.max(0, rows.length - height)));
  const visible = rows.slice(start, start + height);
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      {visible.map((row, i) => {
        const index = start + i;
        const d = decorate?.(row) ?? {};
        const focused = index === cursor;
        const twisty = row.expandable ? (row.expanded ? '▾ ' : '▸ ') : '  ';
        return (
          <Box key={row.id} width={width}>
            <Box flexGrow={1} flexShrink={1} overflow="hidden">
              <Text
                wrap="truncate-end"
                maxLength={width}
                inverse={focused && active}
                underline={focused && !active}
              >
                {'  '.repeat(row.depth)}
                {twisty}
                {d.marker ? <Text color={d.markerColor}>{d.marker}</Text> : null}
                <Text color={d.labelColor} dimColor={d.dim} maxLength={width}>
                  {row.label}
                </Text>
              </Text>
            </Box>
            {d.suffix ? (
              <Box flexShrink={0} marginLeft={1}>
                <Text
                  color={d.suffixColor}
                  dimColor={!d.suffixColor}
                  wrap="truncate-end"
                  maxLength={width}
                >
                  {d.suffix}
                </Text>
              </Box>
            ) : null}
          </Box>
        );
      })}
    </Box>
  );
}

export const Tree = memo(TreeInner) as typeof TreeInner;
