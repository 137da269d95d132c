// The Agent screen (`:agent`): whether the replication agent runs (S starts it, X stops it), its
// Local & DMS tasks with both subtasks and a progress bar (0–50 % extraction, 50–100 % DMS),
// the focused task's tables (partitions, rows, bytes, rows/s, ETA), and SCT's two log tabs,
// the Agent log and the Task log.
import { Box } from 'ink';
import { useState } from 'react';
import { ChoiceDialog } from '../components/ChoiceDialog.js';
import { TextPrompt } from '../components/form/TextPrompt.js';
import { progressText } from '../components/ProgressBar.js';
import { Text } from '../components/Text.js';
import { useAgent } from '../hooks/useAgent.js';
import { useListCursor } from '../hooks/useListCursor.js';
import { rateText } from '../model/agentProgress.js';
import { actionRefusal } from '../model/agentTask.js';
import { type AgentTaskView, etaText, partitionsText } from '../model/agentView.js';
import { bytesText } from '../model/catalog.js';
import { fitColumns, fitText } from '../model/taskRow.js';
import { useBindings } from '../ui/bindings.js';
import { command, withItem } from '../ui/commands.js';
import { hintFor } from '../ui/keyHint.js';
import { useBodySize } from '../ui/layout.js';

type DeleteChoice = 'task' | 'objects' | 'all';
type TableColumn = 'table' | 'partitions' | 'rows' | 'bytes' | 'rate' | 'eta';

const startAction = (t: AgentTaskView) => (t.state === 'ready' ? 'start' : 'resume');

function TaskLine({
  task,
  focused,
  width,
}: {
  task: AgentTaskView;
  focused: boolean;
  width: number;
}) {
  const head = `${focused ? '›' : ' '} ${task.name.padEnd(20).slice(0, 20)} ${task.state.padEnd(10)} local ${task.local.state.padEnd(8)} DMS ${task.dms.state.padEnd(8)} `;
  return (
    <Text
      color={task.state === 'failed' ? 'red' : task.state === 'completed' ? 'green' : undefined}
      inverse={focused}
    >
      {head}
      {progressText(task.progress, Math.max(10, width - head.length - 1))}
    </Text>
  );
}

/** The focused task's tables as columns that fit the width (the least useful dropped first),
 *  and under a table extracted as one partition, why (no key: a restart redoes it). */
function TableLines({ task, width }: { task: AgentTaskView; width: number }) {
  if (task.local.tables.length === 0)
    return (
      <Text dimColor>
        {task.state === 'ready' ? '  Not started: s starts it' : '  Planning partitions…'}
      </Text>
    );
  const rows = task.local.tables.map((t) => ({
    key: `${t.schema}.${t.table}`,
    note: t.note,
    cells: {
      table: `${t.schema}.${t.table}`,
      partitions: `${t.partitionsDone}/${t.partitionsTotal}`,
      rows: `${t.rows.toLocaleString('en-US')}/${t.estimatedRows.toLocaleString('en-US')}`,
      bytes: bytesText(t.bytes),
      rate: rateText(t.rowsPerSecond),
      eta: etaText(t.etaSeconds),
    } as Record<TableColumn, string>,
  }));
  const widest = (id: TableColumn, title: string) =>
    Math.max(title.length, ...rows.map((r) => r.cells[id].length));
  const columns = fitColumns<TableColumn>(
    [
      { id: 'table', title: 'TABLE', width: 22, growTo: widest('table', 'TABLE'), priority: 0 },
      { id: 'partitions', title: 'PARTITIONS', width: 10, priority: 0 },
      { id: 'rows', title: 'ROWS', width: widest('rows', 'ROWS'), priority: 0 },
      { id: 'bytes', title: 'BYTES', width: widest('bytes', 'BYTES'), priority: 2 },
      { id: 'rate', title: 'RATE', width: widest('rate', 'RATE'), priority: 1 },
      { id: 'eta', title: 'ETA', width: widest('eta', 'ETA'), priority: 1 },
    ],
    width - 3,
  );
  const line = (cell: (c: (typeof columns)[number]) => string) =>
    `  ${columns.map((c) => fitText(cell(c), c.width)).join(' ')}`.trimEnd();
  return (
    <Box flexDirection="column">
      <Text dimColor>{line((c) => c.title)}</Text>
      {rows.map((r) => (
        <Box key={r.key} flexDirection="column">
          <Text>{line((c) => r.cells[c.id])}</Text>
          {r.note ? <Text dimColor wrap="truncate-end">{`    ${r.note}`}</Text> : null}
        </Box>
      ))}
    </Box>
  );
}

export function AgentScreen() {
  const { width, height } = useBodySize();
  const [tab, setTab] = useState<'agent' | 'task'>('agent');
  const [dialog, setDialog] = useState<AgentTaskView | null>(null);
  /** The task whose start or resume waits for the source password typed here. */
  const [asking, setAsking] = useState<AgentTaskView | null>(null);
  const [focusName, setFocusName] = useState<string | null>(null);
  const agent = useAgent({ logTask: tab === 'task' ? focusName : null });
  const tasks = agent.snapshot.data?.tasks ?? [];
  const list = useListCursor({
    name: 'agentTasks',
    count: tasks.length,
    height: Math.max(1, Math.min(8, tasks.length)),
  });
  const focused = tasks[list.cursor.index];
  if ((focused?.name ?? null) !== focusName) setFocusName(focused?.name ?? null);
  const status = agent.snapshot.data?.status;
  const onTask = withItem(focused, 'No agent task here');
  const notRunning = agent.running ? null : 'The agent is not running: S starts it';

  useBindings(
    [
      ...list.bindings,
      command(
        'agent.startAgent',
        agent.startAgent,
        agent.running && 'The agent is already running',
      ),
      command('agent.stopAgent', agent.stopAgent, notRunning),
      onTask(
        'agent.taskStart',
        (t) => (t.needsPassword ? setAsking(t) : agent.act(t, startAction(t))),
        notRunning,
        focused && actionRefusal(focused, startAction(focused)),
      ),
      onTask(
        'agent.taskStop',
        (t) => agent.act(t, 'stop'),
        notRunning,
        focused && actionRefusal(focused, 'stop'),
      ),
      onTask(
        'agent.taskDelete',
        (t) => setDialog(t),
        notRunning,
        focused && actionRefusal(focused, 'delete'),
      ),
      command('agent.logTab', () => setTab((t) => (t === 'agent' ? 'task' : 'agent'))),
      command('agent.refresh', () => {
        agent.snapshot.refresh();
        agent.log.refresh();
      }),
    ],
    { active: dialog === null && asking === null },
  );

  const logLines = agent.log.data ?? [];
  const logHeight = Math.max(
    2,
    height -
      9 -
      Math.min(8, tasks.length) -
      (focused?.local.tables.length ?? 0) -
      (focused?.local.tables.filter((t) => t.note).length ?? 0) -
      (dialog ? 8 : 0) -
      (asking ? 4 : 0) -
      (focused?.error ? 1 : 0) -
      (focused?.needsPassword ? 1 : 0),
  );
  return (
    <Box flexDirection="column">
      <Text color={status ? 'green' : 'yellow'} wrap="truncate-end">
        {status
          ? `Agent running · pid ${status.pid} · version ${status.version} · since ${status.startedAt} · ${agent.dir}`
          : agent.snapshot.data
            ? `Agent not running on ${agent.dir} · S starts it (it keeps running when you quit)`
            : 'Looking for the agent…'}
      </Text>
      {agent.message ? (
        <Text color={agent.message.error ? 'red' : undefined}>{agent.message.text}</Text>
      ) : null}
      {tasks.length === 0 ? (
        <Text dimColor>
          No agent tasks: create one from the schema browser or with `dms-tui agent-task create`
        </Text>
      ) : (
        tasks.map((t, i) => (
          <TaskLine key={t.name} task={t} focused={i === list.cursor.index} width={width} />
        ))
      )}
      {focused ? (
        <Box flexDirection="column" marginTop={1}>
          <Text bold wrap="truncate-end">
            {`${focused.name}: ${focused.progress}% · partitions ${partitionsText(focused)} · s3://${focused.spec.bucket}/${focused.spec.folder} → ${focused.spec.targetEndpoint}`}
          </Text>
          {focused.error ? (
            <Text color={focused.state === 'waiting' ? 'yellow' : 'red'} wrap="truncate-end">
              {`  ${focused.error}`}
            </Text>
          ) : null}
          {focused.needsPassword ? (
            <Text color="yellow" wrap="truncate-end">
              {focused.state === 'waiting'
                ? `  Waiting for the source password: ${hintFor('agent.taskStart', 'resumes it and asks for it')}`
                : `  The agent holds no source password (it restarted): ${hintFor('agent.taskStart', 'asks for it')}`}
            </Text>
          ) : null}
          <TableLines task={focused} width={width} />
        </Box>
      ) : null}
      <Box marginTop={1}>
        <Text inverse={tab === 'agent'}> Agent log </Text>
        <Text> </Text>
        <Text inverse={tab === 'task'}>{` Task log${focusName ? ` (${focusName})` : ''} `}</Text>
      </Box>
      {logLines.slice(-logHeight).map((line, i) => (
        <Text
          // biome-ignore lint/suspicious/noArrayIndexKey: a tail's lines repeat; their place in the window is who they are
          key={`${i}:${line}`}
          wrap="truncate-end"
          dimColor={/ I /.test(line.slice(24, 27))}
          color={/ E /.test(line.slice(24, 27)) ? 'red' : undefined}
        >
          {line.slice(0, Math.max(10, width - 1))}
        </Text>
      ))}
      {asking ? (
        <TextPrompt
          purpose={`agent-password:${asking.name}`}
          label={`Source password for ${asking.name} (${asking.spec.source.user}@${asking.spec.source.host}:${asking.spec.source.port}/${asking.spec.source.database}):`}
          mask
          hint={[
            'Kept in the agent’s memory only',
            hintFor('prompt.accept', `${startAction(asking)}s`),
            hintFor('prompt.cancel', 'cancels'),
          ].join(' · ')}
          onCancel={() => setAsking(null)}
          onSubmit={(password) => {
            setAsking(null);
            agent.act(asking, startAction(asking), password);
            return null;
          }}
        />
      ) : null}
      {dialog ? (
        <ChoiceDialog<DeleteChoice>
          title={`Delete agent task ${dialog.name}?`}
          message="The agent forgets the task. Remove what it made too?"
          choices={[
            { value: 'task', label: 'Task only' },
            { value: 'objects', label: 'Task and its S3 objects', danger: true },
            { value: 'all', label: 'Task, S3 objects, DMS task and endpoint', danger: true },
          ]}
          onChoose={(choice) => {
            setDialog(null);
            agent.remove(dialog, { objects: choice !== 'task', dms: choice === 'all' });
          }}
          onCancel={() => setDialog(null)}
        />
      ) : null}
    </Box>
  );
}
