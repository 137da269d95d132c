// :alerts — every alert raised this run (a task that failed, a lag over the threshold), newest
// first, with the time it was raised and whether it still holds; Enter opens the task.
import { Box } from 'ink';
import { Text } from '../components/Text.js';
import { Table } from '../components/Table.js';
import { useListCursor } from '../hooks/useListCursor.js';
import { useTaskWatch } from '../hooks/useTaskWatch.js';
import { ALERT_COLUMNS, type AlertColumn, type AlertRow, alertRows } from '../model/alertRows.js';
import { lagText } from '../model/taskMetrics.js';
import { taskDetailsRoute } from '../model/taskRoutes.js';
import { useBindings } from '../ui/bindings.js';
import { withItem } from '../ui/commands.js';
import { useBodySize } from '../ui/layout.js';
import { useNavigation } from '../ui/navigation.js';

export function AlertsScreen() {
  const { width, height } = useBodySize();
  const navigation = useNavigation();
  const { alerts, thresholdSeconds } = useTaskWatch();
  const rows = alertRows(alerts);
  const listHeight = Math.max(1, height - 2);
  const list = useListCursor({ name: 'alerts', count: rows.length, height: listHeight });
  const focused = rows[list.cursor.index];
  const onRow = withItem(focused, 'No alert here');
  useBindings([
    ...list.bindings,
    onRow('alerts.open', (r) =>
      navigation.push(taskDetailsRoute({ arn: r.alert.taskArn, id: r.alert.taskId })),
    ),
  ]);
  return (
    <Box flexDirection="column">
      <Text dimColor wrap="truncate">
        {`${alerts.active.length} active · ${alerts.history.length} raised this run · a failed task, or lag over ${lagText(thresholdSeconds)} (preference lagAlertSeconds)`}
      </Text>
      <Table<AlertRow, AlertColumn>
        columns={ALERT_COLUMNS}
        rows={rows}
        rowKey={(r) => r.key}
        cells={(r) => r.cells}
        tone={(r) => (r.active ? 'bad' : 'idle')}
        cursor={list.cursor}
        height={listHeight}
        width={width}
        empty="No alerts: every task watched is fine"
      />
    </Box>
  );
}
