// The `/` filter of a resource list that matches what the screen shows: the columns that fit
// the width (as the Table draws them), joined into one text per row. Used by `:endpoints` and
// `:instances`; the header says what the filter matched.
import { useMemo } from 'react';
import { applyFilter } from '../model/listFilter.js';
import { type ColumnSpec, fitColumns } from '../model/taskRow.js';
import { filterSummary, type ListFilter, useListFilter } from './useListFilter.js';

export interface ColumnFilter<T> {
  filter: ListFilter;
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
  cells: (row: T) => Record<C, string>;
  onChange: () => void;
}): ColumnFilter<T> {
  const shown = useMemo(() => fitColumns(columns, width - 2), [columns, width]);
  const filter = useListFilter({
    matches: shown.map((c) => c.title.toLowerCase()).join(', '),
    onChange,
  });
  // A few hundred resources at most, and `cells` is new on every render: filtered each time.
  const kept = applyFilter(rows, filter.compiled, (row) => {
    const text = cells(row);
    return shown.map((c) => text[c.id]).join(' ');
  });
  return { filter, rows: kept, summary: filterSummary(filter) };
}
