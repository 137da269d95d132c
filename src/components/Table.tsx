// A windowed table: a header and only the rows on screen, the focused one inverse, marked
// rows with a ● in front, columns that do not fit dropped by priority. Generic: callers give
// the cells, the tone, and optionally a renderer for special cells (a progress bar).
import { Box } from 'ink';
import { Text } from './Text.js';
import type { ReactNode } from 'react';
import type { ListCursor } from '../model/listCursor.js';
import { visibleRange } from '../model/listCursor.js';
import { type ColumnSpec, fitColumns, fitText } from '../model/taskRow.js';
import type { Tone } from '../model/taskStatus.js';
import { visible } from '../model/visibleText.js';
import type { SortState } from '../model/taskSort.js';
import { TONE_COLOR } from './StatusBadge.js';

export interface TableProps<T, C extends string> {
  columns: readonly ColumnSpec<C>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  cells: (row: T) => Record<C, string>;
  tone?: (row: T) => Tone;
  marked?: (row: T) => boolean;
  cursor: ListCursor;
  /** Rows of data on screen (the header is extra). */
  height: number;
  width: number;
  sort?: SortState<C>;
  /** Draws a cell specially (return undefined for the plain text). */
  renderCell?: (row: T, column: ColumnSpec<C>, focused: boolean) => ReactNode | undefined;
  empty?: string;
}

export function Table<T, C extends string>(props: TableProps<T, C>) {
  const { rows, cursor, height, width } = props;
  const columns = fitColumns(props.columns, width - 2);
  const { start, end } = visibleRange(cursor, rows.length, height);
  const header = columns
    .map((c) => {
      const arrow = props.sort?.column === c.id ? (props.sort.descending ? '↓' : '↑') : '';
      // The sort arrow always shows, even on a title as wide as its column.
      return fitText(`${c.title.slice(0, c.width - arrow.length)}${arrow}`, c.width, c.align);
    })
    .join(' ');
  return (
    <Box flexDirection="column">
      <Text bold>{`  ${header}`}</Text>
      {rows.length === 0 ? <Text dimColor>{props.empty ?? '(nothing here)'}</Text> : null}
      {rows.slice(start, end).map((row, i) => {
        const index = start + i;
        const focused = index === cursor.index;
        const cells = props.cells(row);
        const color = props.tone ? TONE_COLOR[props.tone(row)] : undefined;
        const mark = props.marked?.(row) ? '● ' : '  ';
        // One Text per row (cells are nested Text, which Ink lays out as a single node).
        return (
          <Text key={props.rowKey(row)} inverse={focused} wrap="truncate">
            <Text color="yellow">{mark}</Text>
            {columns.map((c, ci) => {
              const special = props.renderCell?.(row, c, focused);
              const gap = ci < columns.length - 1 ? ' ' : '';
              return (
                <Text key={c.id} color={special ? undefined : color}>
                  {special ??
                    fitText(visible(cells[c.id] ?? '', { maxLength: c.width }), c.width, c.align)}
                  {gap}
                </Text>
              );
            })}
          </Text>
        );
      })}
    </Box>
  );
}
