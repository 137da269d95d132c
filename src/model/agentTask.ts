// An agent task (SCT's "Local & DMS task"): what it copies and where, and the state machine of
// the task and its two subtasks. The local subtask (the agent) extracts the selected tables to
// S3; the DMS subtask (an S3 source endpoint and a full-load task) loads them into the target
// once the local subtask is done. Pure.
import type { AwsTarget } from './awsTarget.js';
import type { ConnectionSpec } from './connection.js';
import type { PartitionPlan } from './agentPartitions.js';

export type AgentFormat = 'csv.gz' | 'csv' | 'parquet';
export const AGENT_FORMATS: readonly AgentFormat[] = ['csv.gz', 'csv', 'parquet'];

export interface AgentTaskSpec {
  name: string;
  /** The source connection, never with its password (that comes from the project store, a
   *  prompt or an environment variable, and stays in the agent's memory). */
  source: Omit<ConnectionSpec, 'password'>;
  /** Set when the source is a project's: the agent reads its password from the project store. */
  project?: string;
  /** Include/exclude patterns, `schema.table` with DMS wildcards; a leading `!` excludes. */
  select: string[];
  bucket: string;
  folder: string;
  targetEndpoint: string;
  instance: string;
  roleArn: string;
  format: AgentFormat;
  /** Objects are cut at about this many bytes (before compression). */
  maxFileBytes: number;
  /** Partitions extracted at once. */
  parallel: number;
  rowsPerPartition: number;
  nullMarker: string;
  /** Where the DMS subtask's and S3 calls go (a profile name, never keys). */
  aws: AwsTarget;
}

export type AgentTaskState =
  | 'ready'
  | 'extracting'
  | 'stopping'
  | 'stopped'
  /** The agent cannot read the source: it needs the password (restarted without it, or the
   *  source refused the one it had). Resuming with the password goes on. */
  | 'waiting'
  | 'loading'
  | 'completed'
  | 'failed';

export type LocalState = 'pending' | 'running' | 'stopped' | 'done' | 'failed';
export type DmsState = 'pending' | 'creating' | 'running' | 'done' | 'failed';

export interface PartitionDone {
  index: number;
  rows: number;
  bytes: number;
  objects: string[];
}

export interface AgentTableRecord {
  schema: string;
  table: string;
  /** The catalog's columns, as the ExternalTableDefinition and the reader use them. */
  columns: { name: string; fullType: string; nullable: boolean }[];
  primaryKey: string[];
  estimatedRows: number;
  plan: PartitionPlan;
  done: PartitionDone[];
  /** Milliseconds spent extracting (for rows/s), summed over runs. */
  activeMs: number;
}

export interface AgentTaskRecord {
  spec: AgentTaskSpec;
  createdAt: string;
  state: AgentTaskState;
  error?: string;
  /** The source takes a password (one was handed over or found when the task was made): an
   *  agent that no longer holds it waits for it instead of failing. Never the password itself. */
  passwordNeeded?: boolean;
  local: { state: LocalState; startedAt?: string; finishedAt?: string; tables: AgentTableRecord[] };
  dms: {
    state: DmsState;
    endpointArn?: string;
    taskArn?: string;
    /** The DMS task's FullLoadProgressPercent, 0–100. */
    percent: number;
    error?: string;
  };
}

export type AgentAction = 'start' | 'stop' | 'resume' | 'delete';

const ACTIONS: Record<AgentTaskState, AgentAction[]> = {
  ready: ['start', 'delete'],
  extracting: ['stop'],
  stopping: [],
  stopped: ['resume', 'delete'],
  waiting: ['resume', 'delete'],
  loading: [],
  completed: ['delete'],
  failed: ['resume', 'delete'],
};

const WHY_NOT: Record<AgentTaskState, string> = {
  ready: 'it has not started',
  extracting: 'it is extracting (stop it first)',
  stopping: 'it is stopping at a partition boundary',
  stopped: 'it is stopped',
  waiting: 'it is waiting for the source password',
  loading: 'DMS is loading the target',
  completed: 'it has completed',
  failed: 'it failed',
};

/** null when the action is allowed in this state, else one line saying why not. */
export function actionRefusal(record: Pick<AgentTaskRecord, 'state'>, action: AgentAction) {
  if (ACTIONS[record.state].includes(action)) return null;
  return `cannot ${action} agent task: ${WHY_NOT[record.state]}`;
}

export function allowedActions(state: AgentTaskState): readonly AgentAction[] {
  return ACTIONS[state];
}

export type AgentEvent =
  | { kind: 'start' }
  | { kind: 'resume' }
  | { kind: 'stop' }
  | { kind: 'stopped' }
  | { kind: 'extracted' }
  | { kind: 'loaded' }
  | { kind: 'failed'; error: string }
  /** The source needs a password the agent does not hold (error: the source's refusal). */
  | { kind: 'needsPassword'; error?: string }
  /** The agent restarted: work in flight when it died goes on (SCT: tasks restart). */
  | { kind: 'recovered' };

/** The next record after an event. Events that do not apply leave the record unchanged. */
export function advance(record: AgentTaskRecord, event: AgentEvent, now: string): AgentTaskRecord {
  const localDone = record.local.state === 'done';
  switch (event.kind) {
    case 'start':
    case 'resume':
      if (!['ready', 'stopped', 'waiting', 'failed'].includes(record.state)) return record;
      return localDone
        ? {
            ...record,
            state: 'loading',
            error: undefined,
            dms: { ...record.dms, state: 'pending', error: undefined },
          }
        : {
            ...record,
            state: 'extracting',
            error: undefined,
            local: { ...record.local, state: 'running', startedAt: record.local.startedAt ?? now },
          };
    case 'stop':
      return record.state === 'extracting' ? { ...record, state: 'stopping' } : record;
    case 'stopped':
      if (record.state !== 'stopping' && record.state !== 'extracting') return record;
      return { ...record, state: 'stopped', local: { ...record.local, state: 'stopped' } };
    case 'extracted':
      return {
        ...record,
        state: 'loading',
        local: { ...record.local, state: 'done', finishedAt: now },
        dms: { ...record.dms, state: 'pending' },
      };
    case 'loaded':
      return { ...record, state: 'completed', dms: { ...record.dms, state: 'done', percent: 100 } };
    case 'failed': {
      const inDms = record.state === 'loading';
      return {
        ...record,
        state: 'failed',
        error: event.error,
        local: inDms ? record.local : { ...record.local, state: 'failed' },
        dms: inDms ? { ...record.dms, state: 'failed', error: event.error } : record.dms,
      };
    }
    case 'needsPassword':
      if (record.state !== 'extracting' && record.state !== 'stopping') return record;
      return {
        ...record,
        state: 'waiting',
        passwordNeeded: true,
        error: event.error,
        local: { ...record.local, state: 'stopped' },
      };
    case 'recovered':
      return record.state === 'stopping'
        ? { ...record, state: 'stopped', local: { ...record.local, state: 'stopped' } }
        : record;
  }
}

/** What a task waiting for the source password tells the user to do. */
export function waitingText(name: string): string {
  return `waiting for the source password: dms-tui agent-task resume ${name} asks for it (or s on :agent)`;
}

/** The states in which the agent has work to do for the task. */
export function isActive(state: AgentTaskState): boolean {
  return state === 'extracting' || state === 'stopping' || state === 'loading';
}

export function newTaskRecord(spec: AgentTaskSpec, now: string): AgentTaskRecord {
  return {
    spec,
    createdAt: now,
    state: 'ready',
    local: { state: 'pending', tables: [] },
    dms: { state: 'pending', percent: 0 },
  };
}

/** Task names: letters, digits and hyphens, starting with a letter (like DMS identifiers). */
export function agentTaskNameError(name: string): string | null {
  if (!/^[A-Za-z][A-Za-z0-9-]{0,62}$/.test(name) || /--|-$/.test(name))
    return `agent task name "${name.slice(0, 70)}" must start with a letter and hold only letters, digits and single hyphens (at most 63)`;
  return null;
}

/** The object key of a partition's k-th file: `<folder>/<schema>/<table>/LOAD<pppp><kkkk>.<ext>`.
 *  The same partition always gets the same names, so a redo overwrites what a killed run wrote. */
export function objectKey(
  spec: Pick<AgentTaskSpec, 'folder' | 'format'>,
  schema: string,
  table: string,
  partition: number,
  file: number,
): string {
  const hex = (n: number) => n.toString(16).toUpperCase().padStart(4, '0');
  return `${partitionPrefix(spec, schema, table, partition)}${hex(file)}.${spec.format}`;
}

/** The key prefix all of one partition's files share (deleted before a partition is redone). */
export function partitionPrefix(
  spec: Pick<AgentTaskSpec, 'folder'>,
  schema: string,
  table: string,
  partition: number,
): string {
  const hex = partition.toString(16).toUpperCase().padStart(4, '0');
  return `${folderPrefix(spec.folder)}${schema}/${table}/LOAD${hex}`;
}

export function folderPrefix(folder: string): string {
  const trimmed = folder.replace(/^\/+|\/+$/g, '');
  return trimmed ? `${trimmed}/` : '';
}

/** The DMS resources of an agent task carry this prefix, so the Data Migration View can mark them. */
export const AGENT_RESOURCE_PREFIX = 'agent-';

export function dmsIdentifiers(taskName: string) {
  return {
    endpoint: `${AGENT_RESOURCE_PREFIX}${taskName}-s3`,
    task: `${AGENT_RESOURCE_PREFIX}${taskName}`,
  };
}
