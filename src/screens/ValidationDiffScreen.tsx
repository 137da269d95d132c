// One validation failure's source row and target row side by side, fetched by key through the
// project's connections: each column on a line with its source and target value, the columns
// that differ (as validation compares them) marked ≠ and in red, "missing" for a row a side
// lacks. Enter shows a column's whole values; `d` shows only the differing columns. Read-only.
import { Box } from 'ink';
import { type ReactNode, useMemo, useState } from 'react';
import { Text } from '../components/Text.js';
import { ValueView } from '../components/ValueView.js';
import { useListCursor } from '../hooks/useListCursor.js';
import { useValidationDiff } from '../hooks/useValidationDiff.js';
import { visibleRange } from '../model/listCursor.js';
import { fitText } from '../model/taskRow.js';
import {
  cellText,
  columnLabel,
  DIFFERS_MARK,
  type DiffLine,
  diffColumnWidths,
  diffLines,
  diffSummary,
  lineTexts,
} from '../model/validationDiff.js';
import { keyLabel } from '../model/validationFailures.js';
import { useBindings } from '../ui/bindings.js';
import { command, withItem } from '../ui/commands.js';
import { useBodySize } from '../ui/layout.js';
import type { ScreenProps } from '../ui/screenProps.js';
import { useRouteState } from '../ui/useRouteState.js';

export function ValidationDiffScreen({ params }: ScreenProps<'validationDiff'>) {
  const { width, height } = useBodySize();
  const state = useValidationDiff(params);
  const [differingOnly, setDifferingOnly] = useRouteState('differingOnly', false);
  const [whole, setWhole] = useState<DiffLine | null>(null);
  const data = state.rows.result;
  const all = useMemo(
    () => (data ? diffLines(data.columns, data.source, data.target) : []),
    [data],
  );
  const lines = differingOnly ? all.filter((l) => l.differs) : all;
  const notes = state.mismatches;
  const listHeight = Math.max(1, height - 3 - notes.length);
  const list = useListCursor({ name: 'columns', count: lines.length, height: listHeight });
  const focused = lines[list.cursor.index];
  const onLine = withItem(focused, 'No column here');
  useBindings(
    [
      ...list.bindings,
      onLine('diff.value', (l) => setWhole(l)),
      command('diff.differing', () => setDifferingOnly((v) => !v), !data && 'No rows yet'),
    ],
    { active: whole === null },
  );

  const target = state.targetTable;
  const where = `source ${params.schema}.${params.table} → target ${target ? `${target.schema}.${target.table}` : '…'}`;
  const header = `Key ${keyLabel({ key: params.key, keyText: '' })} · ${params.type} · ${where}`;
  const { name, value } = diffColumnWidths(all, width);
  const { start, end } = visibleRange(list.cursor, lines.length, listHeight);

  let body: ReactNode;
  if (state.unreadable) body = <Text color="yellow">{state.unreadable}</Text>;
  else if (state.rows.error)
    body = <Text color="red">{`Cannot read the rows: ${state.rows.error}`}</Text>;
  else if (!data) body = <Text dimColor>Reading the source and target rows by key…</Text>;
  else if (whole)
    body = (
      <ValueView
        width={width}
        height={height - 1}
        onClose={() => setWhole(null)}
        sections={[
          {
            title: `${columnLabel(whole.column)} · source${whole.differs ? ` (${DIFFERS_MARK} differs)` : ''}`,
            text: cellText(whole.source),
          },
          { title: `${columnLabel(whole.column)} · target`, text: cellText(whole.target) },
        ]}
      />
    );
  else {
    const summary = diffSummary(all);
    body = (
      <>
        <Text color={all.some((l) => l.differs) ? 'red' : 'yellow'} wrap="truncate">
          {summary}
          {differingOnly ? ' · differing columns only' : ''}
        </Text>
        <Text bold wrap="truncate">
          {`  ${fitText('COLUMN', name)} ${fitText('SOURCE', value)} ${fitText('TARGET', value)}`}
        </Text>
        {lines.length === 0 ? <Text dimColor>No column differs</Text> : null}
        {lines.slice(start, end).map((l, i) => {
          const label = `${columnLabel(l.column)}${l.column.key ? ' (key)' : ''}`;
          const [sourceText, targetText] = lineTexts(l, value);
          return (
            <Text
              key={`${l.column.source}|${l.column.target}`}
              inverse={start + i === list.cursor.index}
              color={l.differs ? 'red' : undefined}
              wrap="truncate"
            >
              {`${l.differs ? DIFFERS_MARK : ' '} ${fitText(label, name)} ${fitText(sourceText, value)} ${fitText(targetText, value)}`}
            </Text>
          );
        })}
      </>
    );
  }
  return (
    <Box flexDirection="column">
      <Text dimColor wrap="truncate">
        {header}
      </Text>
      {whole
        ? null
        : notes.map((n) => (
            <Text key={n} color="yellow" wrap="truncate">
              {n}
            </Text>
          ))}
      {body}
    </Box>
  );
}
