// The log pane's state and commands (its controller): the task's log, follow/wrap/timestamps,
// severity, component and text filters, the cursor, next error, save, and enabling logging
// when there is none. The LogView screen only draws what this returns.
import { useEffect, useMemo, useState } from 'react';
import { useBindings } from '../ui/bindings.js';
import { command } from '../ui/commands.js';
import { useRouteState } from '../ui/useRouteState.js';
import { focusIndex, type ListCursor, moveCursor } from '../model/listCursor.js';
import type { LogLine, Severity } from '../model/logLine.js';
import {
  isFiltering,
  logStatusLine,
  nextComponent,
  nextErrorIndex,
  nextSeverity,
  seenComponents,
  shownIndices,
} from '../model/logView.js';
import type { RouteParams } from '../model/navigation.js';
import { useStatus } from '../ui/status.js';
import { useListFilter } from './useListFilter.js';
import { useMissingLog } from './useMissingLog.js';
import { useRefreshStatus } from './useRefreshStatus.js';
import { useTaskLogs } from './useTaskLogs.js';

export type LogDialog = 'none' | 'enable' | 'save';
type Move = 'up' | 'down' | 'pageUp' | 'pageDown' | 'top' | 'bottom';

function isLine(line: LogLine | undefined): line is LogLine {
  return line !== undefined;
}

export function useLogView(params: RouteParams['logs'], options: { height: number }) {
  const { arn, id, group, stream } = params;
  const { setNotice } = useStatus();
  const logs = useTaskLogs({ group, stream });
  useRefreshStatus(logs);
  const [follow, setFollow] = useRouteState('follow', true);
  const [wrap, setWrap] = useRouteState('wrap', false);
  const [timestamps, setTimestamps] = useRouteState('timestamps', false);
  const [severity, setSeverity] = useRouteState<Severity | undefined>('severity', undefined);
  const [component, setComponent] = useRouteState<string | undefined>('component', undefined);
  const filter = useListFilter({ matches: 'the line (time, component, severity, text)' });
  const filterText = filter.text;
  const [dialog, setDialog] = useState<LogDialog>('none');
  const [cursor, setCursor] = useState<ListCursor>({ index: 0, offset: 0 });
  const missing = useMissingLog({
    arn,
    id,
    group,
    stream,
    missing: logs.data?.missing,
    missingMessage: logs.data?.missingMessage,
  });

  const { buffer } = logs;
  const version = logs.data?.version ?? 0;
  const textFilter = filter.compiled;
  const test = textFilter.empty ? undefined : textFilter.test;
  const filtering = isFiltering({ severity, component, test });
  // biome-ignore lint/correctness/useExhaustiveDependencies: version stands for the buffer's content
  const shown = useMemo(
    () => shownIndices(buffer, { severity, component, test }),
    [buffer, version, test, severity, component],
  );
  const count = shown ? shown.length : buffer.length;
  const lineAt = (i: number) => buffer.at(shown ? (shown[i] ?? -1) : i);
  // biome-ignore lint/correctness/useExhaustiveDependencies: version stands for the buffer's content
  const components = useMemo(() => seenComponents(buffer), [buffer, version]);

  const paneHeight = Math.max(
    1,
    options.height - 2 - (filter.prompting ? 1 : 0) - (dialog === 'none' ? 0 : 5),
  );
  // Follow: keep the last line in view as lines arrive.
  useEffect(() => {
    if (follow) setCursor((c) => focusIndex(c, count - 1, count, paneHeight));
    else setCursor((c) => focusIndex(c, c.index, count, paneHeight));
  }, [follow, count, paneHeight]);

  const move = (m: Move) => () => {
    setFollow(m === 'bottom');
    setCursor((c) => moveCursor(c, m, count, paneHeight));
  };
  const nextError = () => {
    const i = nextErrorIndex(cursor.index, count, lineAt);
    if (i < 0) return setNotice('No more errors below');
    setFollow(false);
    setCursor((c) => focusIndex(c, i, count, paneHeight));
  };

  const { explanation } = missing;
  useBindings(
    [
      ...(explanation?.canEnable
        ? [command('logs.enable', () => setDialog('enable'), explanation.enableRefusal)]
        : []),
      command('list.up', move('up')),
      command('list.down', move('down')),
      command('list.pageUp', move('pageUp')),
      command('list.pageDown', move('pageDown')),
      command('list.top', move('top')),
      command('list.bottom', move('bottom')),
      command('logs.follow', () => setFollow((f) => !f)),
      command('logs.wrap', () => setWrap((w) => !w)),
      command('logs.timestamps', () => setTimestamps((t) => !t)),
      command('logs.nextError', nextError),
      command('logs.severity', () => setSeverity(nextSeverity)),
      command(
        'logs.component',
        () => setComponent((c) => nextComponent(c, components)),
        components.length === 0 && 'No components seen yet',
      ),
      ...filter.bindings,
      command('logs.save', () => setDialog('save'), count === 0 && 'Nothing to save'),
    ],
    { active: dialog === 'none' && !filter.prompting },
  );

  return {
    logs,
    count,
    lineAt,
    cursor,
    paneHeight,
    wrap,
    timestamps,
    explanation,
    status: logStatusLine({
      shown: count,
      total: buffer.length,
      dropped: buffer.dropped,
      follow,
      severity,
      component,
      filterText,
      filtering,
      group,
      stream,
    }),
    filter,
    dialog,
    enableLogging: () => {
      setDialog('none');
      missing.enable(logs.refresh);
    },
    closeDialog: () => setDialog('none'),
    /** What the save dialog saves: the lines the filters let through, or all. */
    saving: {
      filtering,
      shown: () => Array.from({ length: count }, (_, i) => lineAt(i)).filter(isLine),
      all: () => Array.from({ length: buffer.length }, (_, i) => buffer.at(i)).filter(isLine),
    },
  };
}
