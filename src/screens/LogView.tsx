// The task's CloudWatch log (SCT's Show Log): backfilled then followed; follow, wrap,
// timestamps, severity and component filters, `/` text filter, jump to the next error, save to
// a file. When there is no log it says why and, if logging is off, offers to turn it on.
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Box, Text } from 'ink';
import { useEffect, useMemo, useState } from 'react';
import { useBindings } from '../ui/bindings.js';
import { keyOf } from '../ui/keyHints.js';
import { useBodySize } from '../ui/layout.js';
import type { ScreenProps } from '../ui/screenProps.js';
import { useServices } from '../ui/services.js';
import { useStatus } from '../ui/status.js';
import { useRouteState } from '../ui/useRouteState.js';
import { errorLine } from '../aws/call.js';
import { findTask, modifyTaskSettings } from '../aws/tasks.js';
import { ConfirmDialog } from '../components/ConfirmDialog.js';
import { FilterPrompt } from '../components/FilterPrompt.js';
import { LogPane } from '../components/LogPane.js';
import { useTaskLogs } from '../hooks/useTaskLogs.js';
import { focusIndex, type ListCursor, moveCursor, visibleRange } from '../model/listCursor.js';
import { compileFilter } from '../model/listFilter.js';
import { displayLogLine, type LogLine, matchesLogFilter, type Severity } from '../model/logLine.js';
import { enableLoggingSettings, settingsSummary } from '../model/taskDetails.js';
import { refusal } from '../model/taskStatus.js';
import { useRefreshStatus } from './screenHelpers.js';

const SEVERITIES: (Severity | undefined)[] = [undefined, 'I', 'W', 'E'];

interface Explanation {
  text: string;
  canEnable: boolean;
  enableRefusal?: string;
  settings?: string;
}

export function LogView({ params }: ScreenProps<'logs'>) {
  const { arn, id, group, stream } = params;
  const { clients } = useServices();
  const { setError, setNotice } = useStatus();
  const { width, height } = useBodySize();
  const logs = useTaskLogs({ group, stream });
  useRefreshStatus(logs);
  const [follow, setFollow] = useRouteState('follow', true);
  const [wrap, setWrap] = useRouteState('wrap', false);
  const [timestamps, setTimestamps] = useRouteState('timestamps', false);
  const [severity, setSeverity] = useRouteState<Severity | undefined>('severity', undefined);
  const [component, setComponent] = useRouteState<string | undefined>('component', undefined);
  const [filterText, setFilterText] = useRouteState('filter', '');
  const [dialog, setDialog] = useState<'none' | 'filter' | 'enable'>('none');
  const [cursor, setCursor] = useState<ListCursor>({ index: 0, offset: 0 });
  const [explanation, setExplanation] = useState<Explanation | null>(null);
  const [explainAgain, setExplainAgain] = useState(0);

  const buffer = logs.buffer;
  const version = logs.data?.version ?? 0;
  const textFilter = useMemo(() => compileFilter(filterText), [filterText]);
  const filtering = !textFilter.empty || severity !== undefined || component !== undefined;
  // Indices into the buffer of the lines shown (all of them when nothing filters).
  // biome-ignore lint/correctness/useExhaustiveDependencies: version stands for the buffer's content
  const shown = useMemo(() => {
    if (!filtering) return null;
    const out: number[] = [];
    const test = textFilter.empty ? undefined : textFilter.test;
    for (let i = 0; i < buffer.length; i++) {
      const line = buffer.at(i) as LogLine;
      if (matchesLogFilter(line, { severity, component }, test)) out.push(i);
    }
    return out;
  }, [buffer, version, filtering, textFilter, severity, component]);
  const count = shown ? shown.length : buffer.length;
  const lineAt = (i: number) => buffer.at(shown ? (shown[i] ?? -1) : i);

  const paneHeight = Math.max(
    1,
    height - 2 - (dialog === 'none' ? 0 : dialog === 'filter' ? 1 : 4),
  );
  // Follow: keep the last line in view as lines arrive.
  useEffect(() => {
    if (follow) setCursor((c) => focusIndex(c, count - 1, count, paneHeight));
    else setCursor((c) => focusIndex(c, c.index, count, paneHeight));
  }, [follow, count, paneHeight]);

  // No log: find out why (logging off in the settings, or no group = the IAM role).
  const missing = logs.data?.missing;
  useEffect(() => {
    // explainAgain: asked again after logging was enabled (the answer changes).
    if (!missing || explainAgain < 0) {
      setExplanation(null);
      return;
    }
    let live = true;
    findTask(clients, arn, { withSettings: true }).then(
      (task) => {
        if (!live) return;
        const s = settingsSummary(task.settings);
        const enableRefusal = refusal(task, 'modify') ?? undefined;
        if (s && !s.loggingEnabled) {
          setExplanation({
            text: `Logging is not enabled in ${id}'s task settings, so DMS writes no CloudWatch log.${enableRefusal ? ` To enable it, stop the task first (${task.status}).` : ` Press ${keyOf('logs.enable')} to enable it (ModifyReplicationTask), then start the task.`}`,
            canEnable: true,
            enableRefusal,
            settings: task.settings,
          });
        } else if (missing === 'no-group') {
          setExplanation({
            text:
              task.status === 'running'
                ? `Logging is on and ${id} is running, but log group ${group} does not exist: DMS needs the IAM role dms-cloudwatch-logs-role (trusting dms.amazonaws.com, with the AmazonDMSCloudWatchLogsRole policy) to write logs. Create it, then restart the task.`
                : `Logging is on, but log group ${group} does not exist yet: DMS creates it when the task runs with logging on, so ${id} has not run since logging was enabled. Start it; if the group still does not appear, the IAM role dms-cloudwatch-logs-role is missing.`,
            canEnable: false,
          });
        } else {
          setExplanation({
            text: `Logging is on, but stream ${stream} does not exist yet: ${id} has not run since logging was enabled. Start it and the log appears here.`,
            canEnable: false,
          });
        }
      },
      (e) =>
        live &&
        setExplanation({
          text: `${logs.data?.missingMessage ?? ''} (${errorLine(e)})`,
          canEnable: false,
        }),
    );
    return () => {
      live = false;
    };
  }, [missing, clients, arn, id, group, stream, logs.data?.missingMessage, explainAgain]);

  const move = (m: 'up' | 'down' | 'pageUp' | 'pageDown' | 'top' | 'bottom') => {
    setFollow(m === 'bottom');
    setCursor((c) => moveCursor(c, m, count, paneHeight));
  };
  const nextError = () => {
    for (let i = cursor.index + 1; i < count; i++) {
      if (lineAt(i)?.severity === 'E') {
        setFollow(false);
        setCursor((c) => focusIndex(c, i, count, paneHeight));
        return;
      }
    }
    setNotice('No more errors below');
  };
  const components = useMemo(() => {
    const seen = new Set<string>();
    for (let i = 0; i < buffer.length && seen.size < 40; i++) {
      const c = buffer.at(i)?.component;
      if (c) seen.add(c);
    }
    return version >= 0 ? [...seen].sort() : [];
  }, [buffer, version]);
  const save = () => {
    const path = resolve(`${id || 'task'}-${new Date().toISOString().replace(/[:.]/g, '-')}.log`);
    const text = Array.from({ length: count }, (_, i) =>
      displayLogLine(lineAt(i) as LogLine, true),
    ).join('\n');
    writeFile(path, `${text}\n`, { mode: 0o600 }).then(
      () => setNotice(`Saved ${count} lines to ${path}`),
      (e: Error) => setError(`Cannot save the log: ${e.message}`),
    );
  };
  const enable = () => {
    setDialog('none');
    modifyTaskSettings(clients, arn, enableLoggingSettings(explanation?.settings)).then(
      () => {
        setError(null);
        setNotice(`Logging enabled for ${id}: start the task to see its log`);
        setExplainAgain((n) => n + 1);
        logs.refresh();
      },
      (e) => setError(`Cannot enable logging: ${errorLine(e)}`),
    );
  };

  useBindings(
    [
      ...(explanation?.canEnable
        ? [
            {
              command: 'logs.enable' as const,
              handler: () => setDialog('enable'),
              disabledReason: explanation.enableRefusal ?? null,
            },
          ]
        : []),
      { command: 'list.up', handler: () => move('up') },
      { command: 'list.down', handler: () => move('down') },
      { command: 'list.pageUp', handler: () => move('pageUp') },
      { command: 'list.pageDown', handler: () => move('pageDown') },
      { command: 'list.top', handler: () => move('top') },
      { command: 'list.bottom', handler: () => move('bottom') },
      { command: 'logs.follow', handler: () => setFollow((f) => !f) },
      { command: 'logs.wrap', handler: () => setWrap((w) => !w) },
      { command: 'logs.timestamps', handler: () => setTimestamps((t) => !t) },
      { command: 'logs.nextError', handler: nextError },
      {
        command: 'logs.severity',
        handler: () =>
          setSeverity((s) => SEVERITIES[(SEVERITIES.indexOf(s) + 1) % SEVERITIES.length]),
      },
      {
        command: 'logs.component',
        handler: () => {
          const all = [undefined, ...components];
          setComponent((c) => all[(all.indexOf(c) + 1) % all.length]);
        },
        disabledReason: components.length ? null : 'No components seen yet',
      },
      { command: 'list.filter', handler: () => setDialog('filter') },
      { command: 'logs.save', handler: save, disabledReason: count ? null : 'Nothing to save' },
    ],
    { active: dialog === 'none' },
  );

  const { start, end } = visibleRange(cursor, count, paneHeight);
  const visible = [];
  for (let i = start; i < end; i++) {
    const line = lineAt(i);
    if (line) visible.push({ index: i, line });
  }
  const status = [
    `${count}${filtering ? ` of ${buffer.length}` : ''} lines${buffer.dropped ? ` (${buffer.dropped} oldest dropped)` : ''}`,
    follow ? 'following' : 'paused',
    severity ? `severity ≤ ${severity}` : '',
    component ? `component ${component}` : '',
    filterText ? `filter ${filterText}` : '',
    `${group} / ${stream}`,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <Box flexDirection="column">
      <Text dimColor wrap="truncate">
        {status}
      </Text>
      {missing ? (
        <Text color="yellow" wrap="wrap">
          {explanation?.text ?? logs.data?.missingMessage}
        </Text>
      ) : logs.data === undefined ? (
        <Text color={logs.error ? 'red' : undefined}>{logs.error ?? 'Reading the log…'}</Text>
      ) : count === 0 ? (
        <Text dimColor>
          {buffer.length ? 'No line matches the filters' : 'The log is empty so far'}
        </Text>
      ) : (
        <LogPane
          lines={visible}
          focusedIndex={cursor.index}
          width={width}
          wrap={wrap}
          timestamps={timestamps}
        />
      )}
      {dialog === 'filter' ? (
        <FilterPrompt
          value={filterText}
          onChange={setFilterText}
          onAccept={() => setDialog('none')}
          onCancel={() => {
            setFilterText('');
            setDialog('none');
          }}
          error={textFilter.error}
        />
      ) : null}
      {dialog === 'enable' ? (
        <ConfirmDialog
          title="Enable CloudWatch logging?"
          message={`Turn on Logging.EnableLogging for ${id} (ModifyReplicationTask). DMS writes the log from the next run.`}
          onConfirm={enable}
          onCancel={() => setDialog('none')}
        />
      ) : null}
    </Box>
  );
}
