// What the schema browser's keys do to one pane's tree, decided from the rows alone: which
// rows are expanded after a toggle, what Enter on an error or "more" row loads again, where ←
// goes, which catalog parts an expanded tree needs, and a schema's server-side name filter.
// Pure: the browser hook carries these out against the catalog session.
import type { TableList } from './catalog.js';
import type { Loadable } from './loadable.js';
import { DATABASE_ID, parentIndex, parseId, schemaId, type TreeRow } from './schemaTree.js';

/** The expanded ids after Enter on `row`: collapsed if shown expanded (the root stays
 *  expanded by default, so it collapses only once it was listed), expanded otherwise. */
export function toggleExpanded(expanded: readonly string[], row: TreeRow): string[] {
  return expanded.includes(row.id) || (row.expanded && row.id !== DATABASE_ID)
    ? expanded.filter((id) => id !== row.id)
    : [...expanded, row.id];
}

/** The expanded ids with `schema` expanded (after a server-side filter loaded its tables). */
export function withSchemaExpanded(expanded: readonly string[], schema: string): string[] {
  const id = schemaId(schema);
  return expanded.includes(id) ? [...expanded] : [...expanded, id];
}

export type ExpandAction =
  | { kind: 'none' }
  | { kind: 'toggle'; row: TreeRow }
  /** "more tables than shown": ask for a server-side name filter. */
  | { kind: 'serverFilter'; schema: string }
  /** Enter on a failed row: load its parent's level again. */
  | { kind: 'loadSchemas' }
  | { kind: 'loadTables'; schema: string }
  | { kind: 'loadDetail'; schema: string; table: string };

/** What Enter (or →) on the row at `index` does. */
export function expandAction(rows: readonly TreeRow[], index: number): ExpandAction {
  const row = rows[index];
  if (!row) return { kind: 'none' };
  if (row.kind === 'error' || row.kind === 'more') {
    const parent = rows[parentIndex(rows, index)];
    if (row.kind === 'more' && parent?.schema)
      return { kind: 'serverFilter', schema: parent.schema };
    if (parent?.kind === 'database') return { kind: 'loadSchemas' };
    if (parent?.kind === 'schema' && parent.schema)
      return { kind: 'loadTables', schema: parent.schema };
    if (parent?.schema && parent.table)
      return { kind: 'loadDetail', schema: parent.schema, table: parent.table.name };
    return { kind: 'none' };
  }
  return row.expandable ? { kind: 'toggle', row } : { kind: 'none' };
}

export type CollapseAction =
  | { kind: 'none' }
  | { kind: 'toggle'; row: TreeRow }
  | { kind: 'focus'; index: number };

/** What ← on the row at `index` does: collapse it when it is expanded, else go to its parent. */
export function collapseAction(
  rows: readonly TreeRow[],
  index: number,
  expanded: ReadonlySet<string>,
): CollapseAction {
  const row = rows[index];
  if (!row) return { kind: 'none' };
  if (row.expanded && expanded.has(row.id)) return { kind: 'toggle', row };
  return { kind: 'focus', index: parentIndex(rows, index) };
}

export type CatalogLoad =
  | { kind: 'tables'; schema: string }
  | { kind: 'detail'; schema: string; table: string };

/** The tables and table details an expanded tree shows (lazy loading: loaded when expanded). */
export function loadsFor(expanded: Iterable<string>): CatalogLoad[] {
  const loads: CatalogLoad[] = [];
  for (const id of expanded) {
    const parsed = parseId(id);
    if (parsed.kind === 'schema') loads.push({ kind: 'tables', schema: parsed.schema });
    else if (parsed.kind === 'table')
      loads.push({ kind: 'detail', schema: parsed.schema, table: parsed.table });
  }
  return loads;
}

/** The schemas expanded in a tree. */
export function expandedSchemas(expanded: Iterable<string>): string[] {
  return loadsFor(expanded).flatMap((load) => (load.kind === 'tables' ? [load.schema] : []));
}

/** The server-side name filter a schema's tables were loaded with ("" for none). */
export function serverFilterOf(
  tables: ReadonlyMap<string, Loadable<TableList>>,
  schema: string,
): string {
  const t = tables.get(schema);
  return t?.state === 'ready' ? t.value.nameFilter : '';
}
