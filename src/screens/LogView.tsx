// The task's CloudWatch log (SCT's Show Log): backfilled then followed; follow, wrap,
// timestamps, severity and component filters, `/` text filter, jump to the next error, save to
// a file. When there is no log it says why and, if logging is off, offers to turn it on.
// The state and commands live in useLogView; this file draws them.
import { Box } from 'ink';
import { Text } from '../components/Text.js';
import { useBodySize } from '../ui/layout.js';
import type { ScreenProps } from '../ui/screenProps.js';
import { ConfirmDialog } from '../components/ConfirmDialog.js';
import { FilterPrompt } from '../components/FilterPrompt.js';
import { LogPane } from '../components/LogPane.js';
import { SaveLogDialog } from './log/SaveLogDialog.js';
import { useLogView } from '../hooks/useLogView.js';
import { visibleRange } from '../model/listCursor.js';
import type { LogLine } from '../model/logLine.js';

export function LogView({ params }: ScreenProps<'logs'>) {
  const { width, height } = useBodySize();
  const view = useLogView(params, { height });
  const { logs, count, cursor, paneHeight, filter } = view;

  const { start, end } = visibleRange(cursor, count, paneHeight);
  const visible: { index: number; line: LogLine }[] = [];
  for (let i = start; i < end; i++) {
    const line = view.lineAt(i);
    if (line) visible.push({ index: i, line });
  }
  return (
    <Box flexDirection="column">
      <Text dimColor wrap="truncate">
        {view.status}
      </Text>
      {logs.data?.missing ? (
        <Text color="yellow" wrap="wrap">
          {view.explanation?.text ?? logs.data.missingMessage}
        </Text>
      ) : logs.data === undefined ? (
        <Text color={logs.error ? 'red' : undefined}>{logs.error ?? 'Reading the log…'}</Text>
      ) : count === 0 ? (
        <Text dimColor>
          {logs.buffer.length ? 'No line matches the filters' : 'The log is empty so far'}
        </Text>
      ) : (
        <LogPane
          lines={visible}
          focusedIndex={cursor.index}
          width={width}
          wrap={view.wrap}
          timestamps={view.timestamps}
        />
      )}
      {filter.prompting ? <FilterPrompt {...filter.prompt} /> : null}
      {view.dialog === 'save' ? (
        <SaveLogDialog taskId={params.id} {...view.saving} onClose={view.closeDialog} />
      ) : null}
      {view.dialog === 'enable' ? (
        <ConfirmDialog
          title="Enable CloudWatch logging?"
          message={`Turn on Logging.EnableLogging for ${params.id} (ModifyReplicationTask). DMS writes the log from the next run.`}
          onConfirm={view.enableLogging}
          onCancel={view.closeDialog}
        />
      ) : null}
    </Box>
  );
}
