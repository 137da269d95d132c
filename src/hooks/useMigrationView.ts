// The Data Migration View's state and commands (its controller): the polled task list sorted
// and filtered, marks, the cursor (focusing a task the route names), and every key: start /
// stop / resume / delete on the marked or focused tasks (each guard declared once), the way
// into details, table statistics, log and JSON, sort, filter, refresh pace. The dialogs'
// answers are here too; the MigrationView screen only draws.
import { useEffect, useMemo, useState } from 'react';
import { useBindings } from '../ui/bindings.js';
import { command, withItem } from '../ui/commands.js';
import { useNavigation } from '../ui/navigation.js';
import { useServices } from '../ui/services.js';
import { useRouteState } from '../ui/useRouteState.js';
import { actionRefusal, migrationHeader, nextRefreshInterval } from '../model/migrationView.js';
import type { Route, RouteParams } from '../model/navigation.js';
import { toggleMark } from '../model/marks.js';
import type { Task } from '../model/task.js';
import { type ActionKind, needsStartChoice, planAction } from '../model/taskActions.js';
import {
  type TaskColumn,
  type TaskRow,
  taskColumns,
  taskSortKey,
  taskToRow,
} from '../model/taskRow.js';
import { tableStatsRoute, taskDetailsRoute, taskLogRoute } from '../model/taskRoutes.js';
import { nextSortColumn, reverseSort, type SortState, sortRows } from '../model/taskSort.js';
import type { StartType } from '../model/taskLifecycle.js';
import { refusal as taskRefusal } from '../model/taskStatus.js';
import { useAgentTaskNames } from './useAgentTaskNames.js';
import { useColumnFilter } from './useColumnFilter.js';
import { useListCursor } from './useListCursor.js';
import { useRefreshStatus } from './useRefreshStatus.js';
import { useTaskActions } from './useTaskActions.js';
import { useTasks } from './useTasks.js';
import { usePreflight } from './usePreflight.js';
import { useValidationBadges } from './useValidationBadges.js';
import { visibleRange } from '../model/listCursor.js';
import { findTask } from '../aws/tasks.js';
import { preflightRequest } from '../model/preflightRequest.js';
import { failedTitles } from '../model/preflightView.js';
import { useTaskWatch } from './useTaskWatch.js';

export type MigrationDialog =
  | { kind: 'none' }
  | { kind: 'delete'; tasks: Task[] }
  | { kind: 'startChoice'; tasks: Task[] }
  | { kind: 'reloadConfirm'; tasks: Task[] }
  /** The last preflight of some of the tasks failed: start anyway? (lines name the failures) */
  | { kind: 'preflightFailed'; tasks: Task[]; failures: string[] };

const rowCells = (row: TaskRow) => row.cells;

/** Action results shown under the list (at most). */
const RESULT_LINES = 4;

export function useMigrationView(
  params: RouteParams['tasks'] | undefined,
  options: { height: number; width: number },
) {
  const services = useServices();
  const navigation = useNavigation();
  const [sort, setSort] = useRouteState<SortState<TaskColumn>>('sort', {
    column: 'name',
    descending: false,
  });
  const [marks, setMarks] = useRouteState<ReadonlySet<string>>('marks', new Set());
  const [dialog, setDialog] = useState<MigrationDialog>({ kind: 'none' });
  const tasks = useTasks();
  useRefreshStatus(tasks);
  const actions = useTaskActions({ markTransition: tasks.markTransition, refresh: tasks.refresh });

  const watch = useTaskWatch();
  const { observe, lags } = watch;
  useEffect(() => {
    if (tasks.data) observe(tasks.data.tasks, tasks.data.names);
  }, [tasks.data, observe]);
  // The columns on screen: `/` matches what they show and `o` sorts by them, nothing hidden.
  const agentTasks = useAgentTaskNames(tasks.tasks);
  const columns = useMemo(
    () => taskColumns(tasks.tasks, { agentTasks: agentTasks.size > 0 }),
    [tasks.tasks, agentTasks],
  );
  const validation = useValidationBadges({ active: dialog.kind === 'none' });
  const { badges } = validation;
  const all = useMemo(
    () =>
      tasks.tasks.map((t) =>
        taskToRow(t, tasks.names, {
          lag: lags.get(t.arn),
          badge: badges.get(t.arn),
          agentTask: agentTasks.get(t.arn),
        }),
      ),
    [tasks.tasks, tasks.names, lags, badges, agentTasks],
  );
  const filtered = useColumnFilter({
    columns,
    width: options.width,
    rows: all,
    cells: rowCells,
    onChange: () => list.focus(0),
  });
  const { filter, columns: shown } = filtered;
  const rows = useMemo(() => sortRows(filtered.rows, sort, taskSortKey), [filtered.rows, sort]);

  const results = actions.results.slice(0, RESULT_LINES);
  const chrome = 2 + (filter.prompting ? 1 : 0) + results.length + (dialog.kind !== 'none' ? 6 : 0);
  const listHeight = Math.max(1, options.height - chrome);
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
  // Badges are read for the tasks on screen only.
  const { start: first, end: last } = visibleRange(list.cursor, rows.length, listHeight);
  const onScreen = useMemo(() => rows.slice(first, last).map((r) => r.task), [rows, first, last]);
  const watchBadges = validation.watch;
  useEffect(() => watchBadges(onScreen), [watchBadges, onScreen]);
  const focused: TaskRow | undefined = rows[list.cursor.index];
  const marked = rows.filter((r) => marks.has(r.key)).map((r) => r.task);
  /** What an action acts on: the marked tasks, else the focused one. */
  const chosen = (): Task[] => (marked.length > 0 ? marked : focused ? [focused.task] : []);
  const refusalOf = (action: ActionKind) => actionRefusal(focused?.task, marked, action);

  const act = (action: ActionKind, on: Task[], choice?: StartType) => {
    setDialog({ kind: 'none' });
    void actions.run(action, on, choice).then(() => {
      if (action === 'delete') setMarks(new Set());
    });
  };
  const preflight = usePreflight();
  const runPreflight = (task: Task) =>
    preflight.start(task.arn, `Preflight of ${task.id}`, () =>
      findTask(services.clients, task.arn, { withSettings: true }).then(preflightRequest),
    );
  const start = () => {
    const on = chosen();
    const failures = on.flatMap((t) => {
      const last = preflight.last.get(t.arn);
      return last?.verdict === 'fail' ? [`${t.id}: ${failedTitles(last.checks)}`] : [];
    });
    if (failures.length > 0) setDialog({ kind: 'preflightFailed', tasks: on, failures });
    else startChecked(on);
  };
  const startChecked = (on: Task[]) => {
    if (needsStartChoice(planAction(on, 'start').run))
      setDialog({ kind: 'startChoice', tasks: on });
    else act('start', on);
  };
  const open = (route: Route) => navigation.push(route);

  const onRow = withItem(focused, 'No task here');
  useBindings(
    [
      ...list.bindings,
      onRow('task.details', (r) => open(taskDetailsRoute(r.task))),
      command('task.start', start, refusalOf('start')),
      command('task.stop', () => act('stop', chosen()), refusalOf('stop')),
      command('task.resume', () => act('resume', chosen()), refusalOf('resume')),
      command(
        'task.delete',
        () => setDialog({ kind: 'delete', tasks: chosen() }),
        refusalOf('delete'),
      ),
      onRow('task.preflight', (r) => runPreflight(r.task)),
      command('task.refresh', tasks.refresh),
      onRow('task.logs', (r) => open(taskLogRoute(r.task, tasks.names))),
      onRow('task.tableStats', (r) => open(tableStatsRoute(r.task))),
      onRow('task.json', (r) => open(taskDetailsRoute(r.task, { json: true }))),
      onRow(
        'task.modify',
        (r) => open({ screen: 'taskForm', params: { modify: { arn: r.task.arn, id: r.task.id } } }),
        focused && taskRefusal(focused.task, 'modify'),
      ),
      ...filter.bindings,
      onRow('list.mark', (r) => {
        setMarks((m) => toggleMark(m, r.key));
        list.move('down');
      }),
      command('list.sort', () =>
        setSort((s) =>
          nextSortColumn(
            s,
            shown.map((c) => c.id),
          ),
        ),
      ),
      command('list.sortReverse', () => setSort(reverseSort)),
      command('task.slower', () =>
        services.setRefreshSeconds(nextRefreshInterval(services.refreshSeconds, 1)),
      ),
      command('task.faster', () =>
        services.setRefreshSeconds(nextRefreshInterval(services.refreshSeconds, -1)),
      ),
    ],
    { active: dialog.kind === 'none' && !filter.prompting && !preflight.view },
  );

  const close = () => setDialog({ kind: 'none' });
  return {
    tasks,
    rows,
    columns,
    list,
    listHeight,
    marks,
    sort,
    dialog,
    /** Results shown under the list: several, or any failure (one success is in the status bar). */
    results:
      results.length > 0 && (actions.results.length > 1 || actions.results.some((r) => !r.ok))
        ? results
        : [],
    header: migrationHeader({
      shown: rows.length,
      total: tasks.tasks.length,
      filtering: !filter.compiled.empty,
      filterText: filtered.summary,
      marked: marked.length,
      anyMarks: marks.size > 0,
      sort,
      refreshSeconds: services.refreshSeconds,
      refreshing: tasks.refreshing,
      error: tasks.error,
      failures: tasks.failures,
      nextDelayMs: tasks.nextDelayMs,
    }),
    filter,
    preflight,
    /** The dialogs' answers. */
    answer: {
      cancel: close,
      startDespitePreflight: (on: Task[]) => {
        close();
        startChecked(on);
      },
      remove: (on: Task[]) => act('delete', on),
      startWith: (on: Task[], choice: StartType) =>
        choice === 'reload-target'
          ? setDialog({ kind: 'reloadConfirm', tasks: on })
          : act('start', on, choice),
      reload: (on: Task[]) => act('start', on, 'reload-target'),
    },
  };
}
