// Sorting any list by a column: a stable sort on a key function, ascending or descending.
// `o` cycles the column, `O` reverses (list.sort / list.sortReverse).

export interface SortState<C extends string = string> {
  column: C;
  descending: boolean;
}

export function sortRows<T, C extends string>(
  rows: readonly T[],
  sort: SortState<C>,
  key: (row: T, column: C) => string | number,
): T[] {
  const keyed = rows.map((row, index) => ({ row, index, k: key(row, sort.column) }));
  const dir = sort.descending ? -1 : 1;
  keyed.sort((a, b) => {
    let c = 0;
    if (typeof a.k === 'number' && typeof b.k === 'number') c = a.k - b.k;
    else c = String(a.k).localeCompare(String(b.k), undefined, { numeric: true });
    return c !== 0 ? c * dir : a.index - b.index;
  });
  return keyed.map((k) => k.row);
}

/** The next column in `columns` after the current one (wrapping), ascending. */
export function nextSortColumn<C extends string>(
  sort: SortState<C>,
  columns: readonly C[],
): SortState<C> {
  const i = columns.indexOf(sort.column);
  return { column: columns[(i + 1) % columns.length] as C, descending: false };
}

export function reverseSort<C extends string>(sort: SortState<C>): SortState<C> {
  return { ...sort, descending: !sort.descending };
}
