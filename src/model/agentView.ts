// What the agent's control channel shows of a task and of itself: the record without its
// checkpoints, with progress worked out (agentProgress.ts), in-flight partitions included. The CLI and the Agent screen read
// these. Pure.
import {
  type LiveProgress,
  overallPercent,
  type TableProgress,
  tableProgress,
} from './agentProgress.js';
import type {
  AgentTaskRecord,
  AgentTaskSpec,
  AgentTaskState,
  DmsState,
  LocalState,
} from './agentTask.js';

export interface AgentTaskView {
  name: string;
  state: AgentTaskState;
  error?: string;
  progress: number;
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
  tasks: { name: string; state: AgentTaskState; progress: number }[];
}

export function taskView(record: AgentTaskRecord, live?: LiveProgress): AgentTaskView {
  return {
    name: record.spec.name,
    state: record.state,
    error: record.error,
    progress: overallPercent(record, live),
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
