// The app's reading of the task lifecycle (taskLifecycle.ts): a status in plain words with its
// colour (read in taskReading.ts, tables and progress bar included), and the app's task actions
// (the keys and commands) in terms of DMS operations: which are allowed now (with a reason when
// not) and which start type `s` uses.
import type { Task } from './task.js';
import {
  type LifecycleTask,
  OPERATION_ENTERS,
  refusalOf,
  START_TYPE_ROWS,
  type StartType,
  type TaskOperation,
  type Tone,
} from './taskLifecycle.js';
import { failureSummary, type ReadingInput, readTask, type TableLike } from './taskReading.js';

export type { Tone };

/** What the app offers: `start` lets the task's state pick the start type. */
export type TaskAction =
  | 'start'
  | 'stop'
  | 'resume'
  | 'reload'
  | 'delete'
  | 'modify'
  | 'reloadTables';

const OPERATION: Record<Exclude<TaskAction, 'start'>, TaskOperation> = {
  stop: 'stop',
  resume: 'resume-processing',
  reload: 'reload-target',
  delete: 'delete',
  modify: 'modify',
  reloadTables: 'reload-tables',
};

export { failureSummary };

export interface StatusReading {
  /** What the user reads, e.g. "Load complete", "Loading 45%", "Failed: No tables were found…". */
  text: string;
  tone: Tone;
}

/** The words and tone of readTask (taskReading.ts), for callers that draw no bar. */
export function plainStatus(task: ReadingInput, tables?: readonly TableLike[]): StatusReading {
  const { words, tone } = readTask(task, tables);
  return { text: words, tone };
}

type ActionInput = Pick<Task, 'status' | 'migrationType'> & Partial<Pick<Task, 'startedAt'>>;

function lifecycleTask(task: ActionInput): LifecycleTask {
  return {
    status: task.status,
    migrationType: task.migrationType,
    // DMS sets ReplicationTaskStartDate on the first start; without it, the status tells.
    hasRun: task.startedAt ? true : undefined,
  };
}

/** True when the task has never run (only start-replication makes sense). */
export function neverRan(task: Pick<Task, 'status' | 'startedAt'>): boolean {
  return task.status === 'ready' && !task.startedAt;
}

/**
 * What `s` does for a task: one start type, or a choice the user must make (resume-processing
 * vs reload-target for a task that has run), or none when the task cannot start now.
 */
export function startChoices(task: ActionInput): StartType[] {
  const t = lifecycleTask(task);
  const fits = (type: StartType) => refusalOf(t, type) === null;
  if (fits('start-replication') && !fits('resume-processing')) return ['start-replication'];
  return (['resume-processing', 'reload-target'] as const).filter(fits);
}

/** Whether an action is allowed now: null when it is, else one line saying why not. */
export function refusal(task: ActionInput, action: TaskAction): string | null {
  const t = lifecycleTask(task);
  if (action === 'start')
    return startChoices(task).length > 0
      ? null
      : (refusalOf(t, 'start-replication')?.reason ??
          `The task is ${task.status}: it cannot start`);
  return refusalOf(t, OPERATION[action])?.reason ?? null;
}

/** The start type an action sends; `choice` is what the user picked when `s` offered two. */
export function startTypeOf(
  action: 'start' | 'resume' | 'reload',
  task: ActionInput,
  choice?: StartType,
): StartType {
  if (action === 'resume') return 'resume-processing';
  if (action === 'reload') return 'reload-target';
  const choices = startChoices(task);
  if (choice && choices.includes(choice)) return choice;
  return choices[0] ?? 'start-replication';
}

/** The status a task shows at once after an action, before the next refresh confirms it. */
export function transitionStatus(
  action: 'start' | 'resume' | 'reload' | 'stop' | 'delete',
): string {
  const op = action === 'start' ? 'start-replication' : OPERATION[action];
  return OPERATION_ENTERS[op];
}

export const START_TYPE_TEXT: Record<StartType, string> = {
  'start-replication': START_TYPE_ROWS['start-replication'].label,
  'resume-processing': START_TYPE_ROWS['resume-processing'].label,
  'reload-target': START_TYPE_ROWS['reload-target'].label,
};
