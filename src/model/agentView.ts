// What the agent's control channel shows of a task and of itself: the record without its
// checkpoints, with progress worked out (agentProgress.ts), in-flight partitions included. The CLI and the Agent screen read
// these. Pure.
import {
  type LiveProgress,
  overallPercent,
  type TableProgress,
  tableProgress,
} from './agentProgress.js';
import {
  type AgentTaskRecord,
  type AgentTaskSpec,
  type AgentTaskState,
  type DmsState,
  type LocalState,
  waitingText,
} from './agentTask.js';

export interface AgentTaskView {
  name: string;
  state: AgentTaskState;
  error?: string;
  progress: number;
  /** Start or resume must hand the agent the source password: it does not hold one. */
  needsPassword: boolean;
  createdAt: string;
  spec: AgentTaskSpec;
  local: { state: LocalState; startedAt?: string; finishedAt?: string; tables: TableProgress[] };
  dms: AgentTaskRecord['dms'] & { state: DmsState };
}

export interface AgentStatusView {
  pid: number;
  version: string;
  dataDir: string;
  startedAt: string;
  tasks: { name: string; state: AgentTaskState; progress: number; needsPassword: boolean }[];
}

/** Whether starting or resuming the task needs the password handed over: the local subtask
 *  still reads the source, which takes a password, and the agent holds none (or waits for the
 *  right one). */
export function needsPassword(record: AgentTaskRecord, passwordHeld: boolean): boolean {
  if (record.local.state === 'done' || !record.passwordNeeded) return false;
  return record.state === 'waiting' || !passwordHeld;
}

/** `passwordHeld`: the agent holds the source password; `live`: its partitions in flight. */
export function taskView(
  record: AgentTaskRecord,
  { passwordHeld = false, live }: { passwordHeld?: boolean; live?: LiveProgress } = {},
): AgentTaskView {
  return {
    name: record.spec.name,
    state: record.state,
    error: record.error,
    progress: overallPercent(record, live),
    needsPassword: needsPassword(record, passwordHeld),
    createdAt: record.createdAt,
    spec: record.spec,
    local: {
      state: record.local.state,
      startedAt: record.local.startedAt,
      finishedAt: record.local.finishedAt,
      tables: record.local.tables.map((t) => tableProgress(t, live)),
    },
    dms: record.dms,
  };
}

/** "12/40" partitions of a task. */
export function partitionsText(view: AgentTaskView): string {
  const done = view.local.tables.reduce((s, t) => s + t.partitionsDone, 0);
  const total = view.local.tables.reduce((s, t) => s + t.partitionsTotal, 0);
  return `${done}/${total}`;
}

/** "3m20s", "—" for an ETA in seconds. */
export function etaText(seconds: number | null): string {
  if (seconds === null) return '—';
  if (seconds <= 0) return 'done';
  if (seconds < 60) return `${seconds}s`;
  if (seconds < 3600)
    return `${Math.floor(seconds / 60)}m${seconds % 60 ? `${seconds % 60}s` : ''}`;
  return `${Math.floor(seconds / 3600)}h${Math.floor((seconds % 3600) / 60)}m`;
}

/** What a task that needs the source password handed over tells the user to do, or null. */
export function passwordHint(t: {
  name: string;
  state: AgentTaskState;
  needsPassword: boolean;
}): string | null {
  if (t.state === 'waiting') return waitingText(t.name);
  if (!t.needsPassword) return null;
  return `the agent holds no source password (it restarted): dms-tui agent-task ${t.state === 'ready' ? 'start' : 'resume'} ${t.name} asks for it (or s on :agent)`;
}
