// The schema browser's tree, pure: database → schema → table/view → column, flattened into the
// rows on screen from what has been loaded and what is expanded; the `/` filter across loaded
// names; marks; "missing in target"; and the selection handed to the Create DMS Task form.
// Flattening is one pass over loaded items, so 20,000 tables re-flatten in milliseconds; only
// the visible window is ever rendered.
import type {
  CatalogColumn,
  CatalogSchema,
  CatalogTable,
  TableDetail,
  TableList,
} from './catalog.js';
import type { CompiledFilter } from './listFilter.js';
import type { Loadable } from './loadable.js';
import type { BrowserSelection } from './project.js';

export type TreeRowKind =
  | 'database'
  | 'schema'
  | 'table'
  | 'view'
  | 'column'
  | 'loading'
  | 'error'
  | 'more'
  | 'empty';

export interface TreeRow {
  id: string;
  depth: number;
  kind: TreeRowKind;
  label: string;
  expandable: boolean;
  expanded: boolean;
  schema?: string;
  schemaInfo?: CatalogSchema;
  /** A schema's tables were loaded with this server-side name filter (F). */
  serverFilter?: string;
  table?: CatalogTable;
  column?: CatalogColumn;
}

export interface TreeSource {
  label: string;
  schemas?: Loadable<CatalogSchema[]>;
  tables: ReadonlyMap<string, Loadable<TableList>>;
  details: ReadonlyMap<string, Loadable<TableDetail>>;
}

const SEP = '\u0000';
export const DATABASE_ID = 'db';
export const schemaId = (schema: string) => `s${SEP}${schema}`;
export const tableId = (schema: string, table: string) => `t${SEP}${schema}${SEP}${table}`;
const columnId = (schema: string, table: string, column: string) =>
  `c${SEP}${schema}${SEP}${table}${SEP}${column}`;
const detailKey = (schema: string, table: string) => `${schema}${SEP}${table}`;

export type ParsedId =
  | { kind: 'database' }
  | { kind: 'schema'; schema: string }
  | { kind: 'table'; schema: string; table: string }
  | { kind: 'column'; schema: string; table: string; column: string }
  | { kind: 'other' };

export function parseId(id: string): ParsedId {
  if (id === DATABASE_ID) return { kind: 'database' };
  const [tag, a = '', b = '', c = ''] = id.split(SEP);
  if (tag === 's') return { kind: 'schema', schema: a };
  if (tag === 't') return { kind: 'table', schema: a, table: b };
  if (tag === 'c') return { kind: 'column', schema: a, table: b, column: c };
  return { kind: 'other' };
}

export const INITIAL_EXPANDED: readonly string[] = [DATABASE_ID];

function statusRow(
  parentId: string,
  depth: number,
  loadable: Loadable<unknown> | undefined,
): TreeRow | null {
  if (!loadable || loadable.state === 'loading')
    return {
      id: `${parentId}${SEP}loading`,
      depth,
      kind: 'loading',
      label: 'loading…',
      expandable: false,
      expanded: false,
    };
  if (loadable.state === 'error')
    return {
      id: `${parentId}${SEP}error`,
      depth,
      kind: 'error',
      label: loadable.message,
      expandable: false,
      expanded: false,
    };
  return null;
}

/**
 * The rows on screen, top to bottom. `options.qualified` also matches "schema.table" (worth it
 * only when the filter text has a dot: it costs a string per table per keystroke).
 */
export function flattenTree(
  source: TreeSource,
  expanded: ReadonlySet<string>,
  filter: CompiledFilter,
  options: { qualified?: boolean } = {},
): TreeRow[] {
  const anyDetails = source.details.size > 0;
  const rows: TreeRow[] = [];
  const dbOpen = expanded.has(DATABASE_ID) || !filter.empty;
  rows.push({
    id: DATABASE_ID,
    depth: 0,
    kind: 'database',
    label: source.label,
    expandable: true,
    expanded: dbOpen,
  });
  if (!dbOpen) return rows;
  const status = statusRow(DATABASE_ID, 1, source.schemas);
  if (status) {
    rows.push(status);
    return rows;
  }
  const schemas = (source.schemas as { value: CatalogSchema[] }).value;
  if (schemas.length === 0)
    rows.push({
      id: `${DATABASE_ID}${SEP}empty`,
      depth: 1,
      kind: 'empty',
      label: 'no schemas',
      expandable: false,
      expanded: false,
    });
  for (const schema of schemas) {
    const sid = schemaId(schema.name);
    const loaded = source.tables.get(schema.name);
    const tables = loaded?.state === 'ready' ? loaded.value.tables : undefined;
    // An inverted filter (!text) hides matching tables: a schema whose name passes it does
    // not bring all its tables along.
    const schemaMatch = filter.empty || (!filter.inverted && filter.test(schema.name));
    let shown: CatalogTable[] | undefined = tables;
    const tableMatchesByName = new Set<CatalogTable>();
    if (!filter.empty && tables) {
      if (schemaMatch) shown = tables;
      else {
        shown = [];
        for (const t of tables) {
          if (
            filter.test(t.name) ||
            (options.qualified && filter.test(`${schema.name}.${t.name}`))
          ) {
            tableMatchesByName.add(t);
            shown.push(t);
          } else if (
            anyDetails &&
            !filter.inverted &&
            columnsMatching(source, t, filter).length > 0
          )
            shown.push(t);
        }
      }
    }
    // Tables still loading: an inverted filter keeps the schema until they are known.
    const pending = filter.inverted && !tables && filter.test(schema.name);
    if (!schemaMatch && !pending && (!shown || shown.length === 0)) continue;
    const open = expanded.has(sid) || (!filter.empty && !schemaMatch);
    rows.push({
      id: sid,
      depth: 1,
      kind: 'schema',
      label: schema.name,
      expandable: true,
      expanded: open,
      schema: schema.name,
      schemaInfo: schema,
      ...(loaded?.state === 'ready' && loaded.value.nameFilter
        ? { serverFilter: loaded.value.nameFilter }
        : {}),
    });
    if (!open) continue;
    const tStatus = statusRow(sid, 2, loaded);
    if (tStatus) {
      rows.push(tStatus);
      continue;
    }
    const list = shown ?? [];
    if (list.length === 0)
      rows.push({
        id: `${sid}${SEP}empty`,
        depth: 2,
        kind: 'empty',
        label:
          loaded?.state === 'ready' && loaded.value.nameFilter
            ? `no tables matching "${loaded.value.nameFilter}" on the server`
            : 'no tables or views',
        expandable: false,
        expanded: false,
      });
    for (const table of list) {
      const tid = tableId(schema.name, table.name);
      const tOpen = expanded.has(tid);
      rows.push({
        id: tid,
        depth: 2,
        kind: table.kind,
        label: table.name,
        expandable: true,
        expanded: tOpen,
        schema: schema.name,
        table,
      });
      if (!tOpen) continue;
      const detail = source.details.get(detailKey(schema.name, table.name));
      const dStatus = statusRow(tid, 3, detail);
      if (dStatus) {
        rows.push(dStatus);
        continue;
      }
      const all = (detail as { value: TableDetail }).value.columns;
      const columns =
        filter.empty || schemaMatch || tableMatchesByName.has(table)
          ? all
          : columnsMatching(source, table, filter);
      for (const column of columns)
        rows.push({
          id: columnId(schema.name, table.name, column.name),
          depth: 3,
          kind: 'column',
          label: column.name,
          expandable: false,
          expanded: false,
          schema: schema.name,
          table,
          column,
        });
    }
    if (loaded?.state === 'ready' && loaded.value.truncated)
      rows.push({
        id: `${sid}${SEP}more`,
        depth: 2,
        kind: 'more',
        label: `first ${loaded.value.tables.length.toLocaleString('en-US')} shown; more on the server: F filters by name there`,
        expandable: false,
        expanded: false,
        schema: schema.name,
      });
  }
  return rows;
}

function columnsMatching(
  source: TreeSource,
  table: CatalogTable,
  filter: CompiledFilter,
): CatalogColumn[] {
  const detail = source.details.get(detailKey(table.schema, table.name));
  if (detail?.state !== 'ready') return [];
  return detail.value.columns.filter((c) => filter.test(c.name));
}

/** Index of the nearest row above with a smaller depth (for ← on a collapsed row). */
export function parentIndex(rows: readonly TreeRow[], index: number): number {
  const depth = rows[index]?.depth ?? 0;
  for (let i = index - 1; i >= 0; i--) if ((rows[i]?.depth ?? 0) < depth) return i;
  return index;
}

// ---- "missing in target" ----------------------------------------------------------------

export type Presence = 'present' | 'missing' | 'schemaMissing' | 'unknown';

export interface TargetIndex {
  /** Lower-cased schema name → the target's own spelling; undefined until loaded. */
  schemas?: Map<string, string>;
  /** Target schema (its own spelling) → lower-cased table names, when loaded. */
  tables: Map<string, Set<string>>;
}

export function targetIndex(target: TreeSource | undefined): TargetIndex {
  const index: TargetIndex = { tables: new Map() };
  if (!target) return index;
  if (target.schemas?.state === 'ready')
    index.schemas = new Map(target.schemas.value.map((s) => [s.name.toLowerCase(), s.name]));
  for (const [schema, list] of target.tables) {
    if (list.state === 'ready' && !list.value.nameFilter)
      index.tables.set(schema, new Set(list.value.tables.map((t) => t.name.toLowerCase())));
  }
  return index;
}

/** The target schema to load so a source schema's tables can be compared, if it exists. */
export function targetSchemaFor(index: TargetIndex, schema: string): string | undefined {
  return index.schemas?.get(schema.toLowerCase());
}

/** Does a table of the same name (compared case-insensitively) exist in the target? */
export function presenceIn(index: TargetIndex, schema: string, table: string): Presence {
  if (!index.schemas) return 'unknown';
  const targetSchema = index.schemas.get(schema.toLowerCase());
  if (targetSchema === undefined) return 'schemaMissing';
  const tables = index.tables.get(targetSchema);
  if (!tables) return 'unknown';
  return tables.has(table.toLowerCase()) ? 'present' : 'missing';
}

// ---- marks and selection -----------------------------------------------------------------

export function canMark(row: TreeRow | undefined): string | null {
  if (!row) return 'Nothing here to mark';
  if (row.kind === 'schema' || row.kind === 'table' || row.kind === 'view') return null;
  return 'Mark a schema, a table or a view';
}

export { toggleMark } from './marks.js';

export type SelectionResult =
  | { ok: true; selection: BrowserSelection }
  | { ok: false; error: string };

/**
 * What `c` hands over: the marked schemas and tables, or else the focused schema or table (a
 * column counts as its table). A table inside a marked schema is covered by the schema.
 */
export function selectionFrom(
  marks: ReadonlySet<string>,
  focused: TreeRow | undefined,
): SelectionResult {
  const ids = marks.size > 0 ? [...marks] : focused ? [focusedId(focused)] : [];
  const schemas: string[] = [];
  const tables: { schema: string; table: string }[] = [];
  for (const id of ids) {
    const parsed = parseId(id);
    if (parsed.kind === 'schema' && !schemas.includes(parsed.schema)) schemas.push(parsed.schema);
  }
  for (const id of ids) {
    const parsed = parseId(id);
    if (parsed.kind !== 'table' && parsed.kind !== 'column') continue;
    if (schemas.includes(parsed.schema)) continue;
    if (tables.some((t) => t.schema === parsed.schema && t.table === parsed.table)) continue;
    tables.push({ schema: parsed.schema, table: parsed.table });
  }
  if (schemas.length === 0 && tables.length === 0)
    return { ok: false, error: 'Focus or mark (Space) a schema or tables first' };
  return { ok: true, selection: { schemas, tables } };
}

function focusedId(row: TreeRow): string {
  if (row.kind === 'column' && row.schema && row.table) return tableId(row.schema, row.table.name);
  return row.id;
}
