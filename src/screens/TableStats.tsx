// Table statistics of one task (DescribeTableStatistics, all pages), refreshed while visible:
// sortable, filterable, "errors only"; marked tables can be reloaded (ReloadTables) or only
// validated again (validate-only); `v` lists a table's validation failures.
import { Box } from 'ink';
import { Text } from '../components/Text.js';
import { useMemo, useState } from 'react';
import { useBindings } from '../ui/bindings.js';
import { command, withItem } from '../ui/commands.js';
import { useNavigation } from '../ui/navigation.js';
import { useServices } from '../ui/services.js';
import { useStatus } from '../ui/status.js';
import { useBodySize } from '../ui/layout.js';
import type { ScreenProps } from '../ui/screenProps.js';
import { useRouteState } from '../ui/useRouteState.js';
import { ConfirmDialog } from '../components/ConfirmDialog.js';
import { FilterPrompt } from '../components/FilterPrompt.js';
import { Table } from '../components/Table.js';
import { useListCursor } from '../hooks/useListCursor.js';
import { useReloadTables } from '../hooks/useReloadTables.js';
import { useTableStats } from '../hooks/useTableStats.js';
import { useColumnFilter } from '../hooks/useColumnFilter.js';
import { toggleMark } from '../model/marks.js';
import {
  hasErrors,
  type ReloadOption,
  tableStatColumns,
  type TableStat,
  type TableStatColumn,
  tableStatCells,
  tableStatKey,
  tableStatSortKey,
  tableStatTone,
} from '../model/tableStatsRow.js';
import { hasValidationFailures, noFailuresReason } from '../model/validationReport.js';
import { nextSortColumn, reverseSort, type SortState, sortRows } from '../model/taskSort.js';
import { useRefreshStatus } from '../hooks/useRefreshStatus.js';
import { useApplyExceptions } from '../hooks/useApplyExceptions.js';
import { ApplyExceptionsPanel } from '../components/ApplyExceptionsPanel.js';

/** The latest apply exceptions listed when `x` opens them (two lines each). */
const EXCEPTIONS_SHOWN = 4;
const NO_STATS: TableStat[] = [];

export function TableStats({ params }: ScreenProps<'tableStats'>) {
  const { arn } = params;
  const id = params.id || arn;
  const { width, height } = useBodySize();
  const stats = useTableStats({ taskArn: arn });
  const reloader = useReloadTables({ arn, id });
  useRefreshStatus(stats);
  const [sort, setSort] = useRouteState<SortState<TableStatColumn>>('sort', {
    column: 'schema',
    descending: false,
  });
  const [errorsOnly, setErrorsOnly] = useRouteState('errorsOnly', false);
  const [marks, setMarks] = useRouteState<ReadonlySet<string>>('marks', new Set());
  const [dialog, setDialog] = useState<'none' | 'reload' | 'revalidate'>('none');
  const { project } = useServices();
  const { setError } = useStatus();
  const nav = useNavigation();
  const [showExceptions, setShowExceptions] = useRouteState('exceptions', false);

  // The columns on screen: `/` matches what they show and `o` sorts by them, nothing hidden.
  const cdc = params.cdc === true;
  const exceptions = useApplyExceptions({ taskArn: arn, enabled: cdc });
  const exceptionLines = exceptions ? (showExceptions ? 1 + 2 * EXCEPTIONS_SHOWN : 1) : 0;
  const all = stats.data ?? NO_STATS;
  const candidates = useMemo(() => (errorsOnly ? all.filter(hasErrors) : all), [all, errorsOnly]);
  const allColumns = useMemo(() => tableStatColumns(cdc), [cdc]);
  const shown = useColumnFilter({
    columns: allColumns,
    width,
    rows: candidates,
    cells: tableStatCells,
    onChange: () => list.focus(0),
  });
  const { filter, columns } = shown;
  const rows = useMemo(() => sortRows(shown.rows, sort, tableStatSortKey), [shown.rows, sort]);
  const listHeight = Math.max(
    1,
    height - 3 - exceptionLines - (filter.prompting ? 1 : 0) - (dialog === 'none' ? 0 : 4),
  );
  const list = useListCursor({ name: 'tables', count: rows.length, height: listHeight });
  const focused = rows[list.cursor.index];
  const marked = rows.filter((r) => marks.has(tableStatKey(r)));
  const toReload = marked.length > 0 ? marked : focused ? [focused] : [];

  const reload = (option: ReloadOption) => {
    setDialog('none');
    reloader.reload(
      toReload,
      () => {
        setMarks(new Set());
        stats.refresh();
      },
      option,
    );
  };
  const askRevalidate = () => {
    reloader.revalidateRefusal().then((reason) => {
      if (reason) setError(`Re-validate: ${reason}`);
      else setDialog('revalidate');
    });
  };
  const onTable = withItem(focused, 'No table here');

  useBindings(
    [
      ...list.bindings,
      command('tables.errorsOnly', () => setErrorsOnly((v) => !v)),
      command('tables.refresh', () => {
        stats.refresh();
        exceptions?.refresh();
      }),
      command(
        'tables.exceptions',
        () => setShowExceptions((v) => !v),
        !cdc && 'Apply exceptions are for tasks that capture changes (CDC)',
        !exceptions &&
          'Apply exceptions are read through the project target connection: none is set',
      ),
      command('tables.reload', () => setDialog('reload'), reloader.refusal(toReload.length)),
      onTable(
        'tables.failures',
        (t) =>
          nav.push({
            screen: 'validationFailures',
            params: { arn, id, schema: t.schema, table: t.table },
          }),
        focused && !hasValidationFailures(focused) && noFailuresReason(focused),
        !project?.target &&
          "Validation failures are read through the project's target connection: none is set",
      ),
      command(
        'tables.revalidate',
        askRevalidate,
        reloader.refusal(toReload.length, 'validate-only'),
      ),
      ...filter.bindings,
      command('list.mark', () => {
        if (!focused) return;
        setMarks((m) => toggleMark(m, tableStatKey(focused)));
        list.move('down');
      }),
      command('list.sort', () =>
        setSort((s) =>
          nextSortColumn(
            s,
            columns.map((c) => c.id),
          ),
        ),
      ),
      command('list.sortReverse', () => setSort(reverseSort)),
    ],
    { active: dialog === 'none' && !filter.prompting },
  );

  const errored = all.filter(hasErrors).length;
  return (
    <Box flexDirection="column">
      <Text dimColor>
        {`${id}: ${rows.length} of ${all.length} tables`}
        {errored ? ` · ${errored} with errors` : ''}
        {errorsOnly ? ' · errors only' : ''}
        {shown.summary ? ` · ${shown.summary}` : ''}
        {marks.size ? ` · ${marked.length} marked` : ''}
      </Text>
      {stats.data === undefined ? (
        <Text color={stats.error ? 'red' : undefined}>
          {stats.error ?? 'Loading table statistics…'}
        </Text>
      ) : (
        <Table<TableStat, TableStatColumn>
          columns={tableStatColumns(cdc)}
          rows={rows}
          rowKey={tableStatKey}
          cells={tableStatCells}
          tone={tableStatTone}
          marked={(r) => marks.has(tableStatKey(r))}
          cursor={list.cursor}
          height={listHeight}
          width={width}
          sort={sort}
          empty={
            all.length === 0
              ? 'No table statistics yet: the task has not loaded any table'
              : 'No table matches'
          }
        />
      )}
      {exceptions ? (
        <ApplyExceptionsPanel
          state={exceptions}
          open={showExceptions}
          lines={2 * EXCEPTIONS_SHOWN}
          width={width}
        />
      ) : null}
      {filter.prompting ? <FilterPrompt {...filter.prompt} /> : null}
      {dialog === 'reload' ? (
        <ConfirmDialog
          danger
          title="Reload tables?"
          message={`Reload ${toReload.map(tableStatKey).join(', ')} of ${id}: their target data is loaded again.`}
          onConfirm={() => reload('data-reload')}
          onCancel={() => setDialog('none')}
        />
      ) : null}
      {dialog === 'revalidate' ? (
        <ConfirmDialog
          danger
          title="Re-validate tables?"
          message={`Validate ${toReload.map(tableStatKey).join(', ')} of ${id} again (validate-only: no data is loaded); their failures are compared anew.`}
          onConfirm={() => reload('validate-only')}
          onCancel={() => setDialog('none')}
        />
      ) : null}
    </Box>
  );
}
