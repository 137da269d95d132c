// The Data Migration View: every replication task, live. Sort, filter, mark for bulk actions,
// start/stop/resume/delete with per-task results, and the way into details, table statistics
// and the log pane.
import { Box, Text } from 'ink';
import { useEffect, useMemo, useState } from 'react';
import { type Binding, useBindings } from '../ui/bindings.js';
import { keyOf } from '../ui/keyHints.js';
import { useBodySize } from '../ui/layout.js';
import { useNavigation } from '../ui/navigation.js';
import type { ScreenProps } from '../ui/screenProps.js';
import { useServices } from '../ui/services.js';
import { useStatus } from '../ui/status.js';
import { useRouteState } from '../ui/useRouteState.js';
import { ChoiceDialog } from '../components/ChoiceDialog.js';
import { ConfirmDialog } from '../components/ConfirmDialog.js';
import { FilterPrompt } from '../components/FilterPrompt.js';
import { ProgressBar } from '../components/ProgressBar.js';
import { Table } from '../components/Table.js';
import { useListCursor } from '../hooks/useListCursor.js';
import { useTaskActions } from '../hooks/useTaskActions.js';
import { useTasks } from '../hooks/useTasks.js';
import { applyFilter, compileFilter } from '../model/listFilter.js';
import {
  type ActionKind,
  needsStartChoice,
  planAction,
  resultLines,
} from '../model/taskActions.js';
import type { Route } from '../model/navigation.js';
import type { Task } from '../model/task.js';
import { tableStatsRoute, taskDetailsRoute, taskLogRoute } from '../model/taskRoutes.js';
import {
  TASK_COLUMNS,
  type TaskColumn,
  type TaskRow,
  taskSortKey,
  taskToRow,
} from '../model/taskRow.js';
import { nextSortColumn, reverseSort, type SortState, sortRows } from '../model/taskSort.js';
import { refusal, START_TYPE_TEXT, type StartType } from '../model/taskStatus.js';
import { useRefreshStatus } from '../hooks/useRefreshStatus.js';

type Dialog =
  | { kind: 'none' }
  | { kind: 'filter' }
  | { kind: 'delete'; tasks: Task[] }
  | { kind: 'startChoice'; tasks: Task[] }
  | { kind: 'reloadConfirm'; tasks: Task[] };

const INTERVALS = [1, 2, 5, 10, 30, 60];

export function MigrationView({ params }: ScreenProps<'tasks'>) {
  const services = useServices();
  const navigation = useNavigation();
  const { setError } = useStatus();
  const { width, height } = useBodySize();
  const [sort, setSort] = useRouteState<SortState<TaskColumn>>('sort', {
    column: 'name',
    descending: false,
  });
  const [filterText, setFilterText] = useRouteState('filter', '');
  const [marks, setMarks] = useRouteState<ReadonlySet<string>>('marks', new Set());
  const [dialog, setDialog] = useState<Dialog>({ kind: 'none' });
  const tasks = useTasks();
  useRefreshStatus(tasks);
  const actions = useTaskActions({ markTransition: tasks.markTransition, refresh: tasks.refresh });

  const filter = useMemo(() => compileFilter(filterText), [filterText]);
  const rows = useMemo(() => {
    const all = tasks.tasks.map((t) => taskToRow(t, tasks.names));
    return sortRows(
      applyFilter(all, filter, (r) => r.search),
      sort,
      taskSortKey,
    );
  }, [tasks.tasks, tasks.names, filter, sort]);

  const resultsShown = actions.results.slice(0, 4);
  const chrome =
    2 +
    (dialog.kind === 'filter' ? 1 : 0) +
    resultsShown.length +
    (dialog.kind !== 'none' && dialog.kind !== 'filter' ? 6 : 0);
  const listHeight = Math.max(1, height - chrome);
  const list = useListCursor({ name: 'tasks', count: rows.length, height: listHeight });
  // Opened on a task (the Create Task form's "start now" lands here): focus it once it is listed.
  const focusTaskArn = params?.focusTaskArn;
  const [focusedOnce, setFocusedOnce] = useState(false);
  useEffect(() => {
    if (!focusTaskArn || focusedOnce) return;
    const index = rows.findIndex((r) => r.task.arn === focusTaskArn);
    if (index < 0) return;
    setFocusedOnce(true);
    list.focus(index);
  }, [focusTaskArn, focusedOnce, rows, list]);
  const focused: TaskRow | undefined = rows[list.cursor.index];
  const markedTasks = rows.filter((r) => marks.has(r.key)).map((r) => r.task);
  const chosen = (): Task[] =>
    markedTasks.length > 0 ? markedTasks : focused ? [focused.task] : [];
  const bulk = markedTasks.length > 0;

  const reasonFor = (action: ActionKind): string | null => {
    if (!focused) return 'No task here';
    if (bulk) {
      const plan = planAction(markedTasks, action);
      return plan.run.length > 0 ? null : (plan.refused[0]?.reason ?? 'No marked task allows this');
    }
    return refusal(focused.task, action);
  };

  const act = (action: ActionKind, list: Task[], choice?: StartType) => {
    setDialog({ kind: 'none' });
    void actions.run(action, list, choice).then(() => {
      if (action === 'delete') setMarks(new Set());
    });
  };

  const start = () => {
    const chosenTasks = chosen();
    if (needsStartChoice(planAction(chosenTasks, 'start').run))
      setDialog({ kind: 'startChoice', tasks: chosenTasks });
    else act('start', chosenTasks);
  };

  const open = (route: (task: Task) => Route) => {
    if (focused) navigation.push(route(focused.task));
  };

  const changeInterval = (step: 1 | -1) => {
    const i = INTERVALS.findIndex((s) => s >= services.refreshSeconds);
    const next =
      INTERVALS[
        Math.max(0, Math.min(INTERVALS.length - 1, (i < 0 ? INTERVALS.length - 1 : i) + step))
      ] ?? 5;
    services.setRefreshSeconds(next);
  };

  const screenBindings: Binding[] = [
    ...list.bindings,
    {
      command: 'task.details',
      handler: () => open((t) => taskDetailsRoute(t)),
      disabledReason: focused ? null : 'No task here',
    },
    { command: 'task.start', handler: start, disabledReason: reasonFor('start') },
    {
      command: 'task.stop',
      handler: () => act('stop', chosen()),
      disabledReason: reasonFor('stop'),
    },
    {
      command: 'task.resume',
      handler: () => act('resume', chosen()),
      disabledReason: reasonFor('resume'),
    },
    {
      command: 'task.delete',
      handler: () => setDialog({ kind: 'delete', tasks: chosen() }),
      disabledReason: reasonFor('delete'),
    },
    { command: 'task.refresh', handler: tasks.refresh },
    {
      command: 'task.logs',
      handler: () => open((t) => taskLogRoute(t, tasks.names)),
      disabledReason: focused ? null : 'No task here',
    },
    {
      command: 'task.tableStats',
      handler: () => open(tableStatsRoute),
      disabledReason: focused ? null : 'No task here',
    },
    {
      command: 'task.json',
      handler: () => open((t) => taskDetailsRoute(t, { json: true })),
      disabledReason: focused ? null : 'No task here',
    },
    { command: 'list.filter', handler: () => setDialog({ kind: 'filter' }) },
    {
      command: 'list.mark',
      handler: () => {
        if (!focused) return;
        setMarks((m) => {
          const next = new Set(m);
          if (next.has(focused.key)) next.delete(focused.key);
          else next.add(focused.key);
          return next;
        });
        list.move('down');
      },
      disabledReason: focused ? null : 'No task here',
    },
    {
      command: 'list.sort',
      handler: () =>
        setSort((s) =>
          nextSortColumn(
            s,
            TASK_COLUMNS.map((c) => c.id),
          ),
        ),
    },
    { command: 'list.sortReverse', handler: () => setSort(reverseSort) },
    { command: 'task.slower', handler: () => changeInterval(1) },
    { command: 'task.faster', handler: () => changeInterval(-1) },
  ];
  useBindings(screenBindings, { active: dialog.kind === 'none' });

  const names = (list: Task[]) =>
    list.length <= 3
      ? list.map((t) => t.id).join(', ')
      : `${list
          .slice(0, 3)
          .map((t) => t.id)
          .join(', ')} and ${list.length - 3} more`;

  const header = [
    `${rows.length}${filter.empty ? '' : ` of ${tasks.tasks.length}`} task${tasks.tasks.length === 1 ? '' : 's'}`,
    marks.size > 0 ? `${markedTasks.length} marked` : '',
    filter.empty ? '' : `filter ${filterText}`,
    `sort ${sort.column}${sort.descending ? '↓' : '↑'}`,
    `every ${services.refreshSeconds}s`,
    tasks.refreshing ? 'refreshing…' : '',
    tasks.error
      ? `⚠ ${tasks.error}${tasks.failures > 0 && tasks.nextDelayMs ? ` (retry in ${Math.round(tasks.nextDelayMs / 1000)}s)` : ''}`
      : '',
  ]
    .filter(Boolean)
    .join(' · ');

  return (
    <Box flexDirection="column">
      <Text color={tasks.error ? 'yellow' : undefined} dimColor={!tasks.error} wrap="truncate">
        {header}
      </Text>
      {tasks.data === undefined && !tasks.error ? (
        <Text dimColor>Loading replication tasks…</Text>
      ) : (
        <Table<TaskRow, TaskColumn>
          columns={TASK_COLUMNS}
          rows={rows}
          rowKey={(r) => r.key}
          cells={(r) => r.cells}
          tone={(r) => r.tone}
          marked={(r) => marks.has(r.key)}
          cursor={list.cursor}
          height={listHeight}
          width={width}
          sort={sort}
          renderCell={(r, c) =>
            c.id === 'progress' ? <ProgressBar percent={r.percent} width={c.width} /> : undefined
          }
          empty={
            tasks.tasks.length === 0
              ? `No replication tasks in this account and region (create one from the schema browser: ${keyOf('app.goto')}browser)`
              : 'No task matches the filter'
          }
        />
      )}
      {resultsShown.length > 0 && (actions.results.length > 1 || actions.results.some((r) => !r.ok))
        ? resultLines(resultsShown).map((line) => (
            <Text key={line} color={line.startsWith('✓') ? 'green' : 'red'} wrap="truncate">
              {line}
            </Text>
          ))
        : null}
      {dialog.kind === 'filter' ? (
        <FilterPrompt
          value={filterText}
          onChange={(v) => {
            setFilterText(v);
            list.focus(0);
          }}
          onAccept={() => {
            if (filter.error) setError(filter.error);
            setDialog({ kind: 'none' });
          }}
          onCancel={() => {
            setFilterText('');
            setDialog({ kind: 'none' });
          }}
          error={filter.error}
        />
      ) : null}
      {dialog.kind === 'delete' ? (
        <ConfirmDialog
          danger
          title={`Delete ${dialog.tasks.length === 1 ? 'task' : `${dialog.tasks.length} tasks`}?`}
          message={`Delete ${names(dialog.tasks)}? This cannot be undone.`}
          onConfirm={() => act('delete', dialog.tasks)}
          onCancel={() => setDialog({ kind: 'none' })}
        />
      ) : null}
      {dialog.kind === 'startChoice' ? (
        <ChoiceDialog<StartType>
          title={`Start ${names(dialog.tasks)}`}
          message="The task has run before: resume where it stopped, or reload the target from scratch?"
          choices={[
            { value: 'resume-processing', label: START_TYPE_TEXT['resume-processing'] },
            { value: 'reload-target', label: START_TYPE_TEXT['reload-target'], danger: true },
          ]}
          onChoose={(choice) => {
            if (choice === 'reload-target')
              setDialog({ kind: 'reloadConfirm', tasks: dialog.tasks });
            else act('start', dialog.tasks, choice);
          }}
          onCancel={() => setDialog({ kind: 'none' })}
        />
      ) : null}
      {dialog.kind === 'reloadConfirm' ? (
        <ConfirmDialog
          danger
          title="Reload the target?"
          message={`Reload ${names(dialog.tasks)}: the target tables are loaded again from scratch (their data is replaced).`}
          onConfirm={() => act('start', dialog.tasks, 'reload-target')}
          onCancel={() => setDialog({ kind: 'none' })}
        />
      ) : null}
    </Box>
  );
}
