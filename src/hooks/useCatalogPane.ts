// One side of the schema browser: the catalog of its connection (loaded lazily as the tree is
// expanded, cached for the run), the tree rows drawn from it, which rows are expanded and the
// `/` filter (both remembered for the route), and the loads the browser's keys ask for.
import { useCallback, useEffect, useMemo } from 'react';
import { useRouteState } from '../ui/useRouteState.js';
import {
  expandedSchemas,
  loadsFor,
  serverFilterOf,
  toggleExpanded,
  withSchemaExpanded,
} from '../model/browserPane.js';
import type { ConnectionSpec } from '../model/connection.js';
import { compileFilter } from '../model/listFilter.js';
import type { Side } from '../model/project.js';
import {
  flattenTree,
  INITIAL_EXPANDED,
  type TreeRow,
  type TreeSource,
} from '../model/schemaTree.js';
import { useCatalog } from './useCatalog.js';

/** The most schemas whose tables a `/` filter loads to search them. */
export const SEARCH_SCHEMAS = 200;

export interface CatalogPane {
  side: Side;
  /** A catalog session exists (the side has a connection). */
  connected: boolean;
  rows: TreeRow[];
  expanded: ReadonlySet<string>;
  /** The schemas expanded in this pane. */
  schemasExpanded: string[];
  toggle(row: TreeRow): void;
  ensureExpanded(schema: string): void;
  filter: string;
  filterError?: string;
  setFilter(text: string): void;
  /** The server's version once connected. */
  serverVersion?: string;
  /** The connection or its schema list failed. */
  failed: boolean;
  /** The catalog as loaded so far (what the source compares with on the target side). */
  tree: TreeSource;
  /** The server-side name filter a schema's tables were loaded with. */
  serverFilter(schema: string): string;
  loadSchemas(): void;
  loadTables(schema: string, nameFilter?: string): void;
  loadDetail(schema: string, table: string): void;
  /** Drops the cached catalog and loads the schemas again. */
  reload(): void;
}

export function useCatalogPane(side: Side, spec: ConnectionSpec | null | undefined): CatalogPane {
  const { session, snapshot } = useCatalog(spec);
  const [expandedList, setExpanded] = useRouteState<string[]>(`expanded-${side}`, [
    ...INITIAL_EXPANDED,
  ]);
  const [filter, setFilter] = useRouteState<string>(`filter-${side}`, '');
  const expanded = useMemo(() => new Set(expandedList), [expandedList]);
  const schemasExpanded = useMemo(() => expandedSchemas(expandedList), [expandedList]);
  const compiled = useMemo(() => compileFilter(filter), [filter]);

  // Lazy loading: whatever is expanded gets loaded (again after a reload empties the snapshot).
  // biome-ignore lint/correctness/useExhaustiveDependencies: snapshot.schemas re-runs it after a reload
  useEffect(() => {
    if (!session) return;
    void session.loadSchemas();
    for (const load of loadsFor(expanded)) {
      if (load.kind === 'tables') void session.loadTables(load.schema);
      else void session.loadDetail(load.schema, load.table);
    }
  }, [session, expanded, snapshot.schemas]);

  // `/` searches every schema, not only the expanded ones: a filter loads the table lists of
  // the schemas not loaded yet (at most SEARCH_SCHEMAS of them; cached for the run).
  const filtering = filter !== '';
  useEffect(() => {
    if (!session || !filtering || snapshot.schemas?.state !== 'ready') return;
    for (const schema of snapshot.schemas.value.slice(0, SEARCH_SCHEMAS))
      if (!snapshot.tables.has(schema.name)) void session.loadTables(schema.name);
  }, [session, filtering, snapshot.schemas, snapshot.tables]);

  const label =
    snapshot.connection?.state === 'ready'
      ? snapshot.connection.value.label
      : spec
        ? spec.database || spec.host
        : '';
  const rows = useMemo(
    () =>
      spec
        ? flattenTree(
            {
              label,
              schemas:
                snapshot.connection?.state === 'error' ? snapshot.connection : snapshot.schemas,
              tables: snapshot.tables,
              details: snapshot.details,
            },
            expanded,
            compiled,
            { qualified: filter.includes('.') },
          )
        : [],
    [spec, label, snapshot, expanded, compiled, filter],
  );
  const tree = useMemo(
    () => ({
      label: '',
      schemas: snapshot.schemas,
      tables: snapshot.tables,
      details: snapshot.details,
    }),
    [snapshot],
  );
  const loadTables = useCallback(
    (schema: string, nameFilter?: string) => void session?.loadTables(schema, nameFilter),
    [session],
  );
  return {
    side,
    connected: Boolean(session),
    rows,
    expanded,
    schemasExpanded,
    filter,
    filterError: compiled.error,
    setFilter,
    toggle: (row) => setExpanded((list) => toggleExpanded(list, row)),
    ensureExpanded: (schema) => setExpanded((list) => withSchemaExpanded(list, schema)),
    serverVersion:
      snapshot.connection?.state === 'ready' ? snapshot.connection.value.serverVersion : undefined,
    failed: snapshot.connection?.state === 'error' || snapshot.schemas?.state === 'error',
    tree,
    serverFilter: (schema) => serverFilterOf(snapshot.tables, schema),
    loadSchemas: () => void session?.loadSchemas(),
    loadTables,
    loadDetail: (schema, table) => void session?.loadDetail(schema, table),
    reload: () => void session?.reload().then(() => session?.loadSchemas()),
  };
}
