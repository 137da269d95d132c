// Task status semantics (DMS-API-NOTES.md §3): the plain-language reading of a status, its
// colour, and which actions the state allows (with a reason when it does not).
import type { Task } from './task.js';

export type Tone = 'good' | 'busy' | 'idle' | 'warn' | 'bad';

export type TaskAction =
  | 'start'
  | 'stop'
  | 'resume'
  | 'reload'
  | 'delete'
  | 'modify'
  | 'reloadTables';

export type StartType = 'start-replication' | 'resume-processing' | 'reload-target';

const TRANSITIONAL = new Set([
  'creating',
  'starting',
  'stopping',
  'modifying',
  'deleting',
  'testing',
]);

/** "Stop Reason FULL_LOAD_ONLY_FINISHED" → "FULL_LOAD_ONLY_FINISHED". */
export function stopReasonCode(stopReason: string | undefined): string | undefined {
  if (!stopReason) return undefined;
  return stopReason.replace(/^Stop Reason\s+/i, '').trim() || undefined;
}

const STOP_REASONS: Record<string, string> = {
  FULL_LOAD_ONLY_FINISHED: 'Load complete',
  NORMAL: 'Stopped',
  RECOVERABLE_ERROR: 'Stopped: recoverable error',
  FATAL_ERROR: 'Stopped: fatal error',
  STOPPED_AFTER_FULL_LOAD: 'Stopped after full load',
  STOPPED_AFTER_CACHED_EVENTS: 'Stopped after cached changes',
  STOPPED_AFTER_DDL_APPLY: 'Stopped after DDL apply',
  STOPPED_DUE_TO_LOW_MEMORY: 'Stopped: low memory',
  STOPPED_DUE_TO_LOW_DISK: 'Stopped: low disk',
};

/** The first words of a LastFailureMessage, without DMS's "Last Error" prefix. */
export function failureSummary(message: string | undefined, words = 8): string {
  if (!message) return '';
  const text = message
    .replace(/^\s*Last Error\s+/i, '')
    .replace(/\s+/g, ' ')
    .trim();
  const parts = text.split(' ');
  return parts.length > words ? `${parts.slice(0, words).join(' ')}…` : text;
}

export interface StatusReading {
  /** What the user reads, e.g. "Load complete", "Running 45%", "Failed: No tables were found…". */
  text: string;
  tone: Tone;
}

type StatusInput = Pick<Task, 'status' | 'stopReason' | 'lastFailureMessage' | 'migrationType'> & {
  stats?: { progressPercent: number } | undefined;
};

export function plainStatus(task: StatusInput): StatusReading {
  const status = task.status;
  const percent = task.stats?.progressPercent ?? 0;
  switch (status) {
    case 'creating':
      return { text: 'Being created', tone: 'busy' };
    case 'ready':
      return { text: 'Ready to start', tone: 'idle' };
    case 'starting':
      return { text: 'Starting', tone: 'busy' };
    case 'running':
      if (task.migrationType !== 'full-load' && percent >= 100)
        return { text: 'Replicating changes', tone: 'good' };
      return { text: `Loading ${percent}%`, tone: 'good' };
    case 'stopping':
      return { text: 'Stopping', tone: 'busy' };
    case 'stopped': {
      const code = stopReasonCode(task.stopReason);
      if (code && STOP_REASONS[code]) {
        const tone: Tone =
          code === 'FULL_LOAD_ONLY_FINISHED' || code === 'STOPPED_AFTER_FULL_LOAD'
            ? 'good'
            : /ERROR|LOW_/.test(code)
              ? 'bad'
              : 'idle';
        return { text: STOP_REASONS[code], tone };
      }
      return {
        text: code ? `Stopped (${code.toLowerCase().replace(/_/g, ' ')})` : 'Stopped',
        tone: 'idle',
      };
    }
    case 'failed': {
      const summary = failureSummary(task.lastFailureMessage);
      return { text: summary ? `Failed: ${summary}` : 'Failed', tone: 'bad' };
    }
    case 'modifying':
      return { text: 'Being modified', tone: 'busy' };
    case 'deleting':
      return { text: 'Being deleted', tone: 'busy' };
    case 'moving':
      return { text: 'Moving to another instance', tone: 'busy' };
    case 'failed-move':
      return { text: 'Move failed', tone: 'bad' };
    case 'testing':
      return { text: 'Testing', tone: 'busy' };
    default:
      return { text: status, tone: 'warn' };
  }
}

/** True when the task has never run (only start-replication makes sense). */
export function neverRan(task: Pick<Task, 'status' | 'startedAt'>): boolean {
  return task.status === 'ready' && !task.startedAt;
}

/**
 * Whether an action is allowed now: null when it is, else one line saying why not.
 * Follows the state table in DMS-API-NOTES.md §3.
 */
export function refusal(
  task: Pick<Task, 'status' | 'migrationType'>,
  action: TaskAction,
): string | null {
  const s = task.status;
  if (TRANSITIONAL.has(s)) return `The task is ${s}: wait until it settles`;
  switch (action) {
    case 'start':
      return s === 'ready' || s === 'stopped' || s === 'failed'
        ? null
        : `The task is ${s}: only a ready, stopped or failed task can be started`;
    case 'resume':
      return s === 'stopped' || s === 'failed'
        ? null
        : `The task is ${s}: only a stopped or failed task can be resumed`;
    case 'reload':
      if (task.migrationType === 'cdc') return `A CDC-only task: there is nothing to reload`;
      return s === 'stopped' || s === 'failed' || s === 'ready'
        ? null
        : `The task is ${s}: stop it before reloading the target`;
    case 'stop':
      return s === 'running' ? null : `The task is ${s}: only a running task can be stopped`;
    case 'delete':
      return s === 'ready' ||
        s === 'stopped' ||
        s === 'failed' ||
        s === 'moving' ||
        s === 'failed-move'
        ? null
        : `The task is ${s}: stop it before deleting`;
    case 'modify':
      return s === 'ready' || s === 'stopped' || s === 'failed'
        ? null
        : `The task is ${s}: stop it before changing its settings`;
    case 'reloadTables':
      if (task.migrationType === 'cdc') return `A CDC-only task: tables cannot be reloaded`;
      return s === 'running' ? null : `The task is ${s}: tables can be reloaded only while it runs`;
  }
}

/**
 * What `s` does for a task: one start type, or a choice the user must make
 * (resume-processing vs reload-target for a stopped or failed task).
 */
export function startChoices(
  task: Pick<Task, 'status' | 'migrationType' | 'startedAt'>,
): StartType[] {
  if (task.status === 'ready') {
    return task.migrationType === 'cdc' && task.startedAt
      ? ['resume-processing']
      : ['start-replication'];
  }
  if (task.status === 'stopped' || task.status === 'failed') {
    return task.migrationType === 'cdc'
      ? ['resume-processing']
      : ['resume-processing', 'reload-target'];
  }
  return [];
}

/** The status a task shows at once after an action, before the next refresh confirms it. */
export function transitionStatus(
  action: 'start' | 'resume' | 'reload' | 'stop' | 'delete',
): string {
  switch (action) {
    case 'stop':
      return 'stopping';
    case 'delete':
      return 'deleting';
    default:
      return 'starting';
  }
}

export const START_TYPE_TEXT: Record<StartType, string> = {
  'start-replication': 'Start (first run)',
  'resume-processing': 'Resume where it stopped',
  'reload-target': 'Reload the target from scratch (destructive)',
};
