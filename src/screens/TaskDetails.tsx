// Task details: for a CDC task the last hour of CloudWatch latency and throughput as
// sparklines, then
// identifiers, endpoints with engine and server, instance, dates, stop reason, failure, LOB
// and logging settings in words, the table mappings as sentences; `y` shows the full JSON
// (fetched with settings).
import { Box } from 'ink';
import { Text } from '../components/Text.js';
import { useEffect, useMemo, useState } from 'react';
import { useBindings } from '../ui/bindings.js';
import { keysFor } from '../ui/keyHint.js';
import { useBodySize } from '../ui/layout.js';
import { useNavigation } from '../ui/navigation.js';
import type { ScreenProps } from '../ui/screenProps.js';
import { JsonView } from '../components/JsonView.js';
import { MetricSparklines, SPARKLINES_HEIGHT } from '../components/MetricSparklines.js';
import { useAgentTaskNames } from '../hooks/useAgentTaskNames.js';
import { useTaskHistory } from '../hooks/useTaskHistory.js';
import { useTaskWatch } from '../hooks/useTaskWatch.js';
import { instanceName } from '../model/task.js';
import { isCdcTask } from '../model/taskMetrics.js';
import { useListCursor } from '../hooks/useListCursor.js';
import { useTaskDetails } from '../hooks/useTaskDetails.js';
import { visibleRange } from '../model/listCursor.js';
import { tableStatsRoute, taskLogRoute } from '../model/taskRoutes.js';
import { taskDetailsView, taskJson } from '../model/taskDetailsView.js';
import { useRefreshStatus } from '../hooks/useRefreshStatus.js';

export function TaskDetails({ params }: ScreenProps<'taskDetails'>) {
  const { arn } = params;
  const navigation = useNavigation();
  const { height, width } = useBodySize();
  const [json, setJson] = useState(Boolean(params.json));
  const polling = useTaskDetails({ arn });
  useRefreshStatus(polling);
  const data = polling.data;
  const { observe } = useTaskWatch();
  useEffect(() => {
    if (data) observe([data.task], data.names);
  }, [data, observe]);
  // Latency and throughput of changes: only a CDC task has them.
  const cdc = data !== undefined && isCdcTask(data.task);
  const metrics = useTaskHistory({
    arn,
    instanceId: cdc ? instanceName(data.task.instanceArn, data.names) : undefined,
  });
  const lag = metrics.data?.lag;
  const shownTask = useMemo(() => (data ? [data.task] : []), [data]);
  const agentTask = useAgentTaskNames(shownTask).get(arn);

  // Numbered once, so each line keeps its key as the view scrolls.
  const lines = useMemo(
    () =>
      data
        ? taskDetailsView(data.task, data.names, lag, agentTask).map((line, n) => ({ ...line, n }))
        : [],
    [data, lag, agentTask],
  );

  const listHeight = Math.max(1, height - 1 - (cdc ? SPARKLINES_HEIGHT : 0));
  const list = useListCursor({ name: 'details', count: lines.length, height: listHeight });
  const openFrom = (screen: 'logs' | 'tableStats') => {
    if (!data) return;
    navigation.push(
      screen === 'logs' ? taskLogRoute(data.task, data.names) : tableStatsRoute(data.task),
    );
  };
  useBindings(
    json
      ? []
      : [
          ...list.bindings,
          {
            command: 'details.json',
            handler: () => setJson(true),
            disabledReason: data ? null : 'Still loading',
          },
          {
            command: 'details.logs',
            handler: () => openFrom('logs'),
            disabledReason: data ? null : 'Still loading',
          },
          {
            command: 'details.tableStats',
            handler: () => openFrom('tableStats'),
            disabledReason: data ? null : 'Still loading',
          },
        ],
    { active: !json },
  );

  if (!data) {
    return (
      <Text color={polling.error ? 'red' : undefined}>{polling.error ?? 'Loading the task…'}</Text>
    );
  }
  if (json) {
    return (
      <Box flexDirection="column">
        <Text dimColor>
          Full JSON of {data.task.id} ({keysFor('dialog.cancel')} closes)
        </Text>
        <JsonView
          value={taskJson(data.task, data.names)}
          height={listHeight - 1}
          name="details-json"
          onClose={() => setJson(false)}
        />
      </Box>
    );
  }
  const { start, end } = visibleRange(list.cursor, lines.length, listHeight);
  return (
    <Box flexDirection="column">
      {cdc ? (
        <MetricSparklines
          history={metrics.data?.history}
          to={metrics.data?.to}
          periodSeconds={metrics.data?.periodSeconds}
          width={width}
          error={metrics.error}
        />
      ) : null}
      {lines.slice(start, end).map((l) => (
        <Text
          key={l.n}
          color={l.bad ? 'red' : undefined}
          bold={l.title}
          inverse={l.n === list.cursor.index}
        >
          {l.text || ' '}
        </Text>
      ))}
    </Box>
  );
}
