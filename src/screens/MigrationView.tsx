// The Data Migration View: every replication task, live. Sort, filter, mark for bulk actions,
// start/stop/resume/delete with per-task results, and the way into details, table statistics
// and the log pane. The state and commands live in useMigrationView; this file draws the
// header, the table, the results and the dialog that is open.
import { Box } from 'ink';
import { Text } from '../components/Text.js';
import { keysFor } from '../ui/keyHint.js';
import { useBodySize } from '../ui/layout.js';
import type { ScreenProps } from '../ui/screenProps.js';
import { ChoiceDialog } from '../components/ChoiceDialog.js';
import { ConfirmDialog } from '../components/ConfirmDialog.js';
import { FilterPrompt } from '../components/FilterPrompt.js';
import { PreflightChecklist } from '../components/PreflightChecklist.js';
import { ProgressBar } from '../components/ProgressBar.js';
import { Table } from '../components/Table.js';
import { useMigrationView } from '../hooks/useMigrationView.js';
import { taskListText } from '../model/migrationView.js';
import { resultLines } from '../model/taskActions.js';
import type { TaskColumn, TaskRow } from '../model/taskRow.js';
import type { StartType } from '../model/taskLifecycle.js';
import { START_TYPE_TEXT } from '../model/taskStatus.js';

export function MigrationView({ params }: ScreenProps<'tasks'>) {
  const { width, height } = useBodySize();
  const view = useMigrationView(params, { height, width });
  const { tasks, marks, dialog, filter, answer } = view;

  return (
    <Box flexDirection="column">
      <Text color={tasks.error ? 'yellow' : undefined} dimColor={!tasks.error} wrap="truncate">
        {view.header}
      </Text>
      {view.preflight.view ? (
        <PreflightChecklist
          view={view.preflight.view}
          height={height - 1}
          width={width}
          onClose={view.preflight.close}
        />
      ) : tasks.data === undefined && !tasks.error ? (
        <Text dimColor>Loading replication tasks…</Text>
      ) : (
        <Table<TaskRow, TaskColumn>
          columns={view.columns}
          rows={view.rows}
          rowKey={(r) => r.key}
          cells={(r) => r.cells}
          tone={(r) => r.tone}
          marked={(r) => marks.has(r.key)}
          cursor={view.list.cursor}
          height={view.listHeight}
          width={width}
          sort={view.sort}
          renderCell={(r, c) =>
            c.id === 'progress' ? (
              <ProgressBar percent={r.percent} width={c.width} barStyle={r.barStyle} />
            ) : undefined
          }
          empty={
            tasks.tasks.length === 0
              ? `No replication tasks in this account and region (create one from the schema browser: ${keysFor('app.goto')}browser)`
              : 'No task matches the filter'
          }
        />
      )}
      {resultLines(view.results).map((line) => (
        <Text key={line} color={line.startsWith('✓') ? 'green' : 'red'} wrap="truncate">
          {line}
        </Text>
      ))}
      {filter.prompting ? <FilterPrompt {...filter.prompt} /> : null}
      {dialog.kind === 'delete' ? (
        <ConfirmDialog
          danger
          title={`Delete ${dialog.tasks.length === 1 ? 'task' : `${dialog.tasks.length} tasks`}?`}
          message={`Delete ${taskListText(dialog.tasks)}? This cannot be undone.`}
          onConfirm={() => answer.remove(dialog.tasks)}
          onCancel={answer.cancel}
        />
      ) : null}
      {dialog.kind === 'startChoice' ? (
        <ChoiceDialog<StartType>
          title={`Start ${taskListText(dialog.tasks)}`}
          message="The task has run before: resume where it stopped, or reload the target from scratch?"
          choices={[
            { value: 'resume-processing', label: START_TYPE_TEXT['resume-processing'] },
            { value: 'reload-target', label: START_TYPE_TEXT['reload-target'], danger: true },
          ]}
          onChoose={(choice) => answer.startWith(dialog.tasks, choice)}
          onCancel={answer.cancel}
        />
      ) : null}
      {dialog.kind === 'preflightFailed' ? (
        <ConfirmDialog
          title="Start despite a failed preflight?"
          message={`The last preflight failed for ${dialog.failures.join('; ')}. Start ${taskListText(dialog.tasks)} anyway?`}
          onConfirm={() => answer.startDespitePreflight(dialog.tasks)}
          onCancel={answer.cancel}
        />
      ) : null}
      {dialog.kind === 'reloadConfirm' ? (
        <ConfirmDialog
          danger
          title="Reload the target?"
          message={`Reload ${taskListText(dialog.tasks)}: the target tables are loaded again from scratch (their data is replaced).`}
          onConfirm={() => answer.reload(dialog.tasks)}
          onCancel={answer.cancel}
        />
      ) : null}
    </Box>
  );
}
