// The schema browser's state and commands (its controller): the open project (re-read after a
// password is typed), both panes and their cursors, the target index the source compares with,
// marks, the prompts (filter, server-side filter, password) and every key's handler. The
// SchemaBrowser screen draws what this returns.
import { useEffect, useMemo, useState } from 'react';
import { type Binding, useBindings } from '../ui/bindings.js';
import { command } from '../ui/commands.js';
import { keysFor } from '../ui/keyHint.js';
import { useNavigation } from '../ui/navigation.js';
import { useServices } from '../ui/services.js';
import { useStatus } from '../ui/status.js';
import { useRouteState } from '../ui/useRouteState.js';
import { collapseAction, expandAction } from '../model/browserPane.js';
import type { Side } from '../model/project.js';
import {
  canMark,
  selectionFrom,
  type TreeRow,
  targetIndex,
  targetSchemaFor,
  toggleMark,
} from '../model/schemaTree.js';
import { useCatalogPane } from './useCatalogPane.js';
import { useListCursor } from './useListCursor.js';
import { useProjectStore } from './useProjectStore.js';
import { useTargetRefresh } from './useTargetRefresh.js';

export type BrowserPrompt =
  | { kind: 'none' }
  | { kind: 'filter' }
  | { kind: 'server'; schema: string };

export function useSchemaBrowser({ height }: { height: number }) {
  const { project } = useServices();
  const navigation = useNavigation();
  const { setError, setNotice } = useStatus();
  const store = useProjectStore();

  // Re-read the project after a password was typed (this run only).
  // biome-ignore lint/correctness/useExhaustiveDependencies: store.version forces a re-read
  const live = useMemo(
    () => (project && store.available ? (store.get(project.name) ?? project) : project),
    [project, store.available, store.version],
  );
  const askFor: Side | undefined = (['source', 'target'] as const).find(
    (s) => live?.[s] && project && store.needsPassword(project.name, s),
  );

  const [pane, setPane] = useRouteState<Side>('pane', 'source');
  const [prompt, setPrompt] = useState<BrowserPrompt>({ kind: 'none' });
  const [marksList, setMarks] = useRouteState<string[]>('marks', []);
  const marks = useMemo(() => new Set(marksList), [marksList]);

  const src = useCatalogPane('source', askFor === 'source' ? null : live?.source);
  const tgt = useCatalogPane('target', askFor ? null : live?.target);
  useTargetRefresh({ project: project?.name, target: live?.target, reload: tgt.reload });
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
  const index = useMemo(
    () => (live?.target && !tgt.failed ? targetIndex(tgt.tree) : undefined),
    [tgt.tree, live?.target, tgt.failed],
  );

  // Compare the expanded source schemas with their target counterparts.
  const loadTargetTables = tgt.loadTables;
  useEffect(() => {
    if (!index?.schemas) return;
    for (const schema of src.schemasExpanded) {
      const other = targetSchemaFor(index, schema);
      if (other !== undefined) loadTargetTables(other);
    }
  }, [index, src.schemasExpanded, loadTargetTables]);

  const expand = () => {
    const action = expandAction(active.rows, cursor.cursor.index);
    switch (action.kind) {
      case 'toggle':
        return active.toggle(action.row);
      case 'serverFilter':
        return setPrompt({ kind: 'server', schema: action.schema });
      case 'loadSchemas':
        return active.loadSchemas();
      case 'loadTables':
        return active.loadTables(action.schema);
      case 'loadDetail':
        return active.loadDetail(action.schema, action.table);
    }
  };

  const collapse = () => {
    const action = collapseAction(active.rows, cursor.cursor.index, active.expanded);
    if (action.kind === 'toggle') active.toggle(action.row);
    else if (action.kind === 'focus') cursor.focus(action.index);
  };

  const onSourceSide = `(${keysFor('list.nextPane')})`;
  const mark = () => {
    const reason =
      pane === 'target' ? `Marks are made on the source side ${onSourceSide}` : canMark(focused);
    if (reason) return setError(reason);
    setMarks((m) => [...toggleMark(new Set(m), focused!.id)]);
    cursor.move('down');
  };

  const createFor = (screen: 'taskForm' | 'agentTaskForm') => {
    const result = selectionFrom(marks, pane === 'source' ? focused : undefined);
    if (!result.ok)
      return setError(
        pane === 'target' && marks.size === 0
          ? `Focus or mark objects on the source side ${onSourceSide}`
          : result.error,
      );
    navigation.push({ screen, params: { selection: result.selection } });
  };

  const reload = () => {
    if (!active.connected) return;
    active.reload();
    setNotice(`Reloading the ${pane} catalog`);
  };

  const noProject = !project && `No project open: ${keysFor('app.goto')}project opens one`;
  const bindings: Binding[] =
    prompt.kind === 'none' && !askFor
      ? [
          ...cursor.bindings,
          command('browser.expand', expand, noProject),
          command('browser.collapse', collapse, noProject),
          command('list.filter', () => setPrompt({ kind: 'filter' })),
          ...(active.filter
            ? [
                command('list.clearFilter', () => {
                  active.setFilter('');
                  setNotice(`Filter ${active.filter} cleared`);
                }),
              ]
            : []),
          command('list.mark', mark, noProject),
          command('list.nextPane', () => setPane((p) => (p === 'source' ? 'target' : 'source'))),
          command('browser.reload', reload, noProject),
          command(
            'browser.serverFilter',
            () => focused?.schema && setPrompt({ kind: 'server', schema: focused.schema }),
            !focused?.schema && 'Focus a schema or a table first',
          ),
          command('browser.createTask', () => createFor('taskForm'), noProject),
          command('browser.createAgentTask', () => createFor('agentTaskForm'), noProject),
        ]
      : [];
  useBindings(bindings);

  return {
    project,
    live,
    askFor,
    pane,
    prompt,
    marks,
    src,
    tgt,
    srcCursor: srcCursor.cursor,
    tgtCursor: tgtCursor.cursor,
    active,
    index,
    paneHeight,
    treeHeight,
    /** The password prompt's answers. */
    password: {
      submit(password: string): null {
        if (project && askFor) store.setSessionPassword(project.name, askFor, password);
        return null;
      },
      cancel: () => navigation.pop(),
    },
    /** The `/` prompt's answers (FilterPrompt), on the focused pane's filter. */
    filterPrompt: {
      value: active.filter,
      matches: 'schema, table and column names',
      error: active.filterError,
      onChange: (text: string) => active.setFilter(text),
      onAccept: () => setPrompt({ kind: 'none' }),
      onCancel: () => {
        active.setFilter('');
        setPrompt({ kind: 'none' });
      },
    },
    /** The server-side filter prompt's answers. */
    serverFilter: {
      submit(schema: string, text: string): null {
        active.loadTables(schema, text.trim());
        active.ensureExpanded(schema);
        setPrompt({ kind: 'none' });
        return null;
      },
      cancel: () => setPrompt({ kind: 'none' }),
    },
  };
}
