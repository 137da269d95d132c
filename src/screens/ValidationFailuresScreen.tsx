// One table's data validation failures (awsdms_validation_failures_v1 on the target, read
// through the project's target connection): key, failure type, time and what differed, the
// first FAILURES_SHOWN of them; Enter shows a failure's source and target rows side by side.
// Read-only.
import { Box } from 'ink';
import { useMemo } from 'react';
import { Text } from '../components/Text.js';
import { FilterPrompt } from '../components/FilterPrompt.js';
import { Table } from '../components/Table.js';
import { useColumnFilter } from '../hooks/useColumnFilter.js';
import { useListCursor } from '../hooks/useListCursor.js';
import { useRefreshStatus } from '../hooks/useRefreshStatus.js';
import { useValidationFailures } from '../hooks/useValidationFailures.js';
import { nextSortColumn, reverseSort, type SortState, sortRows } from '../model/taskSort.js';
import {
  FAILURE_COLUMNS,
  type FailureColumn,
  failureCells,
  failureSortKey,
  failuresSummary,
  type ValidationFailure,
} from '../model/validationFailures.js';
import { useBindings } from '../ui/bindings.js';
import { command, withItem } from '../ui/commands.js';
import { useBodySize } from '../ui/layout.js';
import { useNavigation } from '../ui/navigation.js';
import type { ScreenProps } from '../ui/screenProps.js';
import { useRouteState } from '../ui/useRouteState.js';

const failureKeyOf = (f: ValidationFailure) => `${f.keyText}|${f.type}`;
const NO_FAILURES: ValidationFailure[] = [];

export function ValidationFailuresScreen({ params }: ScreenProps<'validationFailures'>) {
  const { arn, id, schema, table } = params;
  const { width, height } = useBodySize();
  const nav = useNavigation();
  const state = useValidationFailures({ arn, schema, table });
  const { failures } = state;
  useRefreshStatus(failures);
  const [sort, setSort] = useRouteState<SortState<FailureColumn>>('sort', {
    column: 'key',
    descending: false,
  });
  const all = failures.data?.failures ?? NO_FAILURES;
  const shown = useColumnFilter({
    columns: FAILURE_COLUMNS,
    width,
    rows: all,
    cells: failureCells,
    onChange: () => list.focus(0),
  });
  const { filter, columns } = shown;
  const rows = useMemo(() => sortRows(shown.rows, sort, failureSortKey), [shown.rows, sort]);
  const notes = [state.unreadable, state.mismatch].filter((n): n is string => !!n);
  const listHeight = Math.max(1, height - 2 - notes.length - (filter.prompting ? 1 : 0));
  const list = useListCursor({ name: 'failures', count: rows.length, height: listHeight });
  const focused = rows[list.cursor.index];
  const onFailure = withItem(focused, 'No failure here');

  useBindings(
    [
      ...list.bindings,
      ...filter.bindings,
      onFailure(
        'failures.open',
        (f) =>
          nav.push({
            screen: 'validationDiff',
            params: { arn, id, schema, table, key: f.key ?? [], type: f.type },
          }),
        !focused?.key && "This failure's KEY is not the validator's JSON: it cannot be looked up",
      ),
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
    { active: !filter.prompting },
  );

  const x = failures.data;
  return (
    <Box flexDirection="column">
      <Text dimColor wrap="truncate">
        {`${schema}.${table} of ${id}: `}
        {x ? failuresSummary(x) : failures.error ? '' : 'reading the target…'}
        {shown.summary ? ` · ${rows.length} of ${all.length} · ${shown.summary}` : ''}
      </Text>
      {notes.map((n) => (
        <Text key={n} color="yellow" wrap="truncate">
          {n}
        </Text>
      ))}
      {state.unreadable ? null : x === undefined ? (
        <Text color={failures.error ? 'red' : undefined}>
          {failures.error
            ? `Cannot read the failures through the project's target connection: ${failures.error}`
            : 'Reading awsdms_validation_failures_v1…'}
        </Text>
      ) : (
        <Table<ValidationFailure, FailureColumn>
          columns={FAILURE_COLUMNS}
          rows={rows}
          rowKey={failureKeyOf}
          cells={failureCells}
          tone={(f) => (f.type === 'RECORD_DIFF' ? 'warn' : 'bad')}
          cursor={list.cursor}
          height={listHeight}
          width={width}
          sort={sort}
          empty={
            all.length === 0
              ? `No validation failures of ${schema}.${table} for this task`
              : 'No failure matches'
          }
        />
      )}
      {filter.prompting ? <FilterPrompt {...filter.prompt} /> : null}
    </Box>
  );
}
