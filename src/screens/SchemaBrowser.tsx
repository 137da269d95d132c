// The schema browser: source and target side by side (Tab switches), each a tree
// database → schema → table/view → column, loaded lazily on expand and cached for the run
// (r reloads the pane). `/` filters loaded names; F filters a schema's table names on the
// server when it has too many to load; Space marks schemas and tables on the source side,
// where each table says plainly when it is missing in the target; c hands the marked (or the
// focused) objects to the Create DMS Task form.
import { Box, Text } from 'ink';
import { useEffect, useMemo, useState } from 'react';
import { type Binding, useBindings } from '../ui/bindings.js';
import { hintLine, keyOf } from '../ui/keyHints.js';
import { useBodySize } from '../ui/layout.js';
import { useNavigation } from '../ui/navigation.js';
import { useServices } from '../ui/services.js';
import { useStatus } from '../ui/status.js';
import { useRouteState } from '../ui/useRouteState.js';
import { TextField } from '../components/form/TextField.js';
import { TextPrompt } from '../components/form/TextPrompt.js';
import { Tree } from '../components/Tree.js';
import type { Side } from '../config/projects.js';
import type { CatalogSession, CatalogSnapshot } from '../db/catalog/session.js';
import { useCatalog } from '../hooks/useCatalog.js';
import { useListCursor } from '../hooks/useListCursor.js';
import { type ConnectionSpec, describeConnection, engineInfo } from '../model/connection.js';
import { compileFilter } from '../model/listFilter.js';
import {
  canMark,
  flattenTree,
  INITIAL_EXPANDED,
  parentIndex,
  parseId,
  selectionFrom,
  type TargetIndex,
  type TreeRow,
  targetIndex,
  targetSchemaFor,
  toggleMark,
} from '../model/schemaTree.js';
import { decorateRow } from './browser/decorate.js';

type Prompt = { kind: 'none' } | { kind: 'filter' } | { kind: 'server'; schema: string };

export function SchemaBrowser() {
  const services = useServices();
  const navigation = useNavigation();
  const { setError, setNotice } = useStatus();
  const { width, height } = useBodySize();
  const store = services.projects;
  const project = services.project;
  const [passwordsVersion, setPasswordsVersion] = useState(0);

  // Re-read the project after a password was typed (this run only).
  // biome-ignore lint/correctness/useExhaustiveDependencies: passwordsVersion forces a re-read
  const live = useMemo(
    () => (project && store ? (store.get(project.name) ?? project) : project),
    [project, store, passwordsVersion],
  );
  const askFor = (['source', 'target'] as const).find(
    (s) => live?.[s] && project && store?.needsPassword(project.name, s),
  );

  const [pane, setPane] = useRouteState<Side>('pane', 'source');
  const [prompt, setPrompt] = useState<Prompt>({ kind: 'none' });
  const [marksList, setMarks] = useRouteState<string[]>('marks', []);
  const marks = useMemo(() => new Set(marksList), [marksList]);

  const src = usePane('source', askFor === 'source' ? null : live?.source);
  const tgt = usePane('target', askFor ? null : live?.target);
  const bottomLines = askFor || prompt.kind === 'server' ? 4 : 1;
  const paneHeight = Math.max(3, height - bottomLines);
  const treeHeight = paneHeight - 1;
  const srcCursor = useListCursor({
    name: 'browser-source',
    count: src.rows.length,
    height: treeHeight,
  });
  const tgtCursor = useListCursor({
    name: 'browser-target',
    count: tgt.rows.length,
    height: treeHeight,
  });
  const active = pane === 'source' ? src : tgt;
  const cursor = pane === 'source' ? srcCursor : tgtCursor;
  const focused: TreeRow | undefined = active.rows[cursor.cursor.index];

  // The target as the source side compares with it; none when it has no connection or failed
  // (then the source shows no presence marks rather than guessing).
  const targetFailed =
    tgt.snapshot.connection?.state === 'error' || tgt.snapshot.schemas?.state === 'error';
  const index = useMemo(
    () => (live?.target && !targetFailed ? targetIndex(toTree(tgt.snapshot, '')) : undefined),
    [tgt.snapshot, live?.target, targetFailed],
  );

  // Compare the expanded source schemas with their target counterparts.
  useEffect(() => {
    if (!index?.schemas || !tgt.session) return;
    for (const id of src.expanded) {
      const parsed = parseId(id);
      if (parsed.kind !== 'schema') continue;
      const other = targetSchemaFor(index, parsed.schema);
      if (other !== undefined) void tgt.session.loadTables(other);
    }
  }, [index, src.expanded, tgt.session]);

  const expand = () => {
    if (!focused) return;
    const pick = active;
    if (focused.kind === 'error' || focused.kind === 'more') {
      const parent = active.rows[parentIndex(active.rows, cursor.cursor.index)];
      if (focused.kind === 'more' && parent?.schema)
        return setPrompt({ kind: 'server', schema: parent.schema });
      if (parent?.kind === 'database') void pick.session?.loadSchemas();
      else if (parent?.kind === 'schema') void pick.session?.loadTables(parent.schema!);
      else if (parent?.schema && parent.table)
        void pick.session?.loadDetail(parent.schema, parent.table.name);
      return;
    }
    if (!focused.expandable) return;
    pick.toggle(focused);
  };

  const collapse = () => {
    if (!focused) return;
    if (focused.expanded && active.expanded.has(focused.id)) active.toggle(focused);
    else cursor.focus(parentIndex(active.rows, cursor.cursor.index));
  };

  const mark = () => {
    const reason =
      pane === 'target'
        ? `Marks are made on the source side (${keyOf('list.nextPane')})`
        : canMark(focused);
    if (reason) return setError(reason);
    setMarks((m) => [...toggleMark(new Set(m), focused!.id)]);
    cursor.move('down');
  };

  const createTask = () => {
    const result = selectionFrom(marks, pane === 'source' ? focused : undefined);
    if (!result.ok)
      return setError(
        pane === 'target' && marks.size === 0
          ? `Focus or mark objects on the source side (${keyOf('list.nextPane')})`
          : result.error,
      );
    navigation.push({ screen: 'taskForm', params: { selection: result.selection } });
  };

  const reload = () => {
    if (!active.session) return;
    void active.session.reload().then(() => active.session?.loadSchemas());
    setNotice(`Reloading the ${pane} catalog`);
  };

  const noProject = project ? null : `No project open: ${keyOf('app.goto')}project opens one`;
  const bindings: Binding[] =
    prompt.kind === 'none' && !askFor
      ? [
          ...cursor.bindings,
          { command: 'browser.expand', handler: expand, disabledReason: noProject },
          { command: 'browser.collapse', handler: collapse, disabledReason: noProject },
          { command: 'list.filter', handler: () => setPrompt({ kind: 'filter' }) },
          { command: 'list.mark', handler: mark, disabledReason: noProject },
          {
            command: 'list.nextPane',
            handler: () => setPane((p) => (p === 'source' ? 'target' : 'source')),
          },
          { command: 'browser.reload', handler: reload, disabledReason: noProject },
          {
            command: 'browser.serverFilter',
            handler: () => focused?.schema && setPrompt({ kind: 'server', schema: focused.schema }),
            disabledReason: focused?.schema ? null : 'Focus a schema or a table first',
          },
          { command: 'browser.createTask', handler: createTask, disabledReason: noProject },
        ]
      : prompt.kind === 'filter'
        ? [
            { command: 'prompt.accept', handler: () => setPrompt({ kind: 'none' }) },
            {
              command: 'prompt.cancel',
              handler: () => {
                active.setFilter('');
                setPrompt({ kind: 'none' });
              },
            },
          ]
        : [];
  useBindings(bindings, {
    kind: prompt.kind === 'filter' ? 'dialog' : 'screen',
    textInput: prompt.kind === 'filter',
  });

  if (!project)
    return (
      <Text>
        No project open. Open or create one on the projects screen (
        <Text bold>{keyOf('app.goto')}project</Text>).
      </Text>
    );

  const paneWidth = Math.max(20, Math.floor((width - 1) / 2));
  const filterText = active.filter;
  return (
    <Box flexDirection="column">
      <Box height={paneHeight} flexShrink={0}>
        <PaneView
          title="SOURCE"
          spec={live?.source}
          pane={src}
          cursor={srcCursor.cursor}
          height={treeHeight}
          width={paneWidth}
          focused={pane === 'source'}
          marks={marks}
          target={live?.target ? index : undefined}
        />
        <Box width={1} />
        <PaneView
          title="TARGET"
          spec={live?.target}
          pane={tgt}
          cursor={tgtCursor.cursor}
          height={treeHeight}
          width={paneWidth}
          focused={pane === 'target'}
          marks={new Set()}
        />
      </Box>
      {askFor ? (
        <TextPrompt
          label={`Password for the ${askFor} (${describeConnection(live![askFor]!)}):`}
          mask
          hint={`Kept in memory for this run only · ${hintLine(['prompt.accept', 'connects'], ['prompt.cancel', 'goes back'])}`}
          onCancel={() => navigation.pop()}
          onSubmit={(pw) => {
            store?.setSessionPassword(project.name, askFor, pw);
            setPasswordsVersion((v) => v + 1);
            return null;
          }}
        />
      ) : prompt.kind === 'server' ? (
        <TextPrompt
          label={`Server-side name filter for ${prompt.schema}:`}
          initial={currentServerFilter(active.snapshot, prompt.schema)}
          hint="Tables whose name contains this text are loaded from the server · empty loads all"
          onCancel={() => setPrompt({ kind: 'none' })}
          onSubmit={(text) => {
            void active.session?.loadTables(prompt.schema, text.trim());
            active.ensureExpanded(prompt.schema);
            setPrompt({ kind: 'none' });
            return null;
          }}
        />
      ) : prompt.kind === 'filter' ? (
        <Box>
          <Text color="cyan">/</Text>
          <TextField value={filterText} onChange={(text) => active.setFilter(text)} />
          {active.filterError ? <Text color="red"> {active.filterError}</Text> : null}
        </Box>
      ) : (
        <Text dimColor wrap="truncate-end">
          {filterText ? `filter /${filterText} (${pane}) · ` : ''}
          {marks.size > 0
            ? `${marks.size} marked · ${keyOf('browser.createTask')} creates a DMS task for them`
            : `${hintLine(['list.mark', 'marks'], ['browser.createTask', 'creates a DMS task for the focused object'])}`}
        </Text>
      )}
    </Box>
  );
}

function currentServerFilter(snapshot: CatalogSnapshot, schema: string): string {
  const t = snapshot.tables.get(schema);
  return t?.state === 'ready' ? t.value.nameFilter : '';
}

function toTree(snapshot: CatalogSnapshot, label: string) {
  return { label, schemas: snapshot.schemas, tables: snapshot.tables, details: snapshot.details };
}

interface PaneState {
  side: Side;
  session?: CatalogSession;
  snapshot: CatalogSnapshot;
  rows: TreeRow[];
  expanded: ReadonlySet<string>;
  toggle(row: TreeRow): void;
  ensureExpanded(schema: string): void;
  filter: string;
  filterError?: string;
  setFilter(text: string | ((previous: string) => string)): void;
}

function usePane(side: Side, spec: ConnectionSpec | null | undefined): PaneState {
  const { session, snapshot } = useCatalog(spec);
  const [expandedList, setExpanded] = useRouteState<string[]>(`expanded-${side}`, [
    ...INITIAL_EXPANDED,
  ]);
  const [filter, setFilter] = useRouteState<string>(`filter-${side}`, '');
  const expanded = useMemo(() => new Set(expandedList), [expandedList]);
  const compiled = useMemo(() => compileFilter(filter), [filter]);

  // Lazy loading: whatever is expanded gets loaded (again after a reload empties the snapshot).
  // biome-ignore lint/correctness/useExhaustiveDependencies: snapshot.schemas re-runs it after a reload
  useEffect(() => {
    if (!session) return;
    void session.loadSchemas();
    for (const id of expanded) {
      const parsed = parseId(id);
      if (parsed.kind === 'schema') void session.loadTables(parsed.schema);
      else if (parsed.kind === 'table') void session.loadDetail(parsed.schema, parsed.table);
    }
  }, [session, expanded, snapshot.schemas]);

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
  return {
    side,
    session,
    snapshot,
    rows,
    expanded,
    filter,
    filterError: compiled.error,
    setFilter,
    toggle: (row) =>
      setExpanded((list) =>
        list.includes(row.id) || (row.expanded && row.id !== 'db')
          ? list.filter((id) => id !== row.id)
          : [...list, row.id],
      ),
    ensureExpanded: (schema) =>
      setExpanded((list) =>
        list.includes(`s\u0000${schema}`) ? list : [...list, `s\u0000${schema}`],
      ),
  };
}

function PaneView({
  title,
  spec,
  pane,
  cursor,
  height,
  width,
  focused,
  marks,
  target,
}: {
  title: string;
  spec: ConnectionSpec | null | undefined;
  pane: PaneState;
  cursor: { index: number; offset: number };
  height: number;
  width: number;
  focused: boolean;
  marks: ReadonlySet<string>;
  target?: TargetIndex;
}) {
  const version =
    pane.snapshot.connection?.state === 'ready'
      ? pane.snapshot.connection.value.serverVersion
      : undefined;
  const decorate = useMemo(
    () => (row: TreeRow) =>
      decorateRow(row, { side: pane.side, marks, target, serverVersion: version }),
    [pane.side, marks, target, version],
  );
  return (
    <Box flexDirection="column" width={width}>
      <Text bold color={focused ? 'cyan' : undefined} wrap="truncate-end">
        {title} {spec ? `${engineInfo(spec.engine).label} · ${describeConnection(spec)}` : ''}
      </Text>
      {spec ? (
        <Tree
          rows={pane.rows}
          cursor={cursor.index}
          offset={cursor.offset}
          height={height}
          width={width}
          active={focused}
          decorate={decorate}
        />
      ) : (
        <Text dimColor>
          No {title.toLowerCase()} connection: set it on the projects screen ({keyOf('app.goto')}
          project, then {keyOf(title === 'SOURCE' ? 'projects.source' : 'projects.target')}).
        </Text>
      )}
    </Box>
  );
}
