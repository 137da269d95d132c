// The `/` filter of a list that matches what the screen shows: the columns that fit the width
// (as the Table draws them), joined into one text per row. The Data Migration View, table
// statistics, validation failures, `:endpoints` and `:instances` filter this way; `columns` are
// the shown columns (what `o` sorts by) and the header says what the filter matched.
import { useMemo } from 'react';
import { applyFilter } from '../model/listFilter.js';
import { type ColumnSpec, fitColumns } from '../model/taskRow.js';
import { filterSummary, type ListFilter, useListFilter } from './useListFilter.js';

export interface ColumnFilter<T, C extends string> {
  filter: ListFilter;
  /** The columns that fit the width, in order. */
  columns: ColumnSpec<C>[];
  /** The rows the filter keeps, in their order. */
  rows: T[];
  /** "filter x on name, engine" or '' when no filter is on. */
  summary: string;
}

export function useColumnFilter<T, C extends string>({
  columns,
  width,
  rows,
  cells,
  onChange,
}: {
  columns: readonly ColumnSpec<C>[];
  /** The Table's width. */
  width: number;
  rows: readonly T[];
  /** A row's cell texts; a stable function (module-level or useCallback) keeps the filtering
   *  memoized. */
  cells: (row: T) => Record<C, string>;
  onChange: () => void;
}): ColumnFilter<T, C> {
  const shown = useMemo(() => fitColumns(columns, width - 2), [columns, width]);
  const filter = useListFilter({
    matches: shown.map((c) => c.title.toLowerCase()).join(', '),
    onChange,
  });
  const { compiled } = filter;
  const kept = useMemo(
    () =>
      applyFilter(rows, compiled, (row) => {
        const text = cells(row);
        return shown.map((c) => text[c.id]).join(' ');
      }),
    [rows, compiled, shown, cells],
  );
  return { filter, columns: shown, rows: kept, summary: filterSummary(filter) };
}
