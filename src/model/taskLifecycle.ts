// The DMS replication-task lifecycle (docs/dms-api.md §3 Task lifecycle), one table for the app
// and the sandbox: the statuses, which operations each allows, the refusal DMS gives for each
// one it does not (with the app's one-line reason beside it), what each start type does, where
// transient statuses go, and the plain words for each status. StopReason strings and fatal
// failure messages are in taskLifecycleFailures.ts. Pure.

export const TASK_STATUSES = [
  'creating',
  'ready',
  'starting',
  'running',
  'stopping',
  'stopped',
  'failed',
  'deleting',
  'modifying',
  'moving',
  'failed-move',
  'testing',
] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const MIGRATION_TYPES = ['full-load', 'cdc', 'full-load-and-cdc'] as const;
export type MigrationType = (typeof MIGRATION_TYPES)[number];

/** StartReplicationTaskType values. */
export const START_TYPES = ['start-replication', 'resume-processing', 'reload-target'] as const;
export type StartType = (typeof START_TYPES)[number];

/** The operations that change a task; DescribeReplicationTasks works in every status. */
export const TASK_OPERATIONS = [
  ...START_TYPES,
  'stop',
  'modify',
  'modify-log-severity',
  'delete',
  'reload-tables',
] as const;
export type TaskOperation = (typeof TASK_OPERATIONS)[number];

export type Tone = 'good' | 'busy' | 'idle' | 'warn' | 'bad';

/** Where a transient status goes; `previous` = the status before it, `gone` = deleted. */
export type NextStatus = TaskStatus | 'previous' | 'gone';

export interface StatusRow {
  /** Operations DMS accepts in this status. */
  allows: readonly TaskOperation[];
  /** Set for statuses DMS leaves by itself: where they go next. */
  next?: readonly NextStatus[];
  /** Where the task goes when the work behind this status is cut short (the sandbox restarts). */
  interrupted?: { to: NextStatus; stopReason?: 'NORMAL' | 'RECOVERABLE_ERROR' };
  /** The plain words (running, stopped and failed are refined by taskStatus.ts). */
  text: string;
  tone: Tone;
}

const SETTLED: readonly TaskOperation[] = [
  ...START_TYPES,
  'modify',
  'modify-log-severity',
  'delete',
];

export const LIFECYCLE: Readonly<Record<TaskStatus, StatusRow>> = {
  creating: {
    allows: [],
    next: ['ready'],
    interrupted: { to: 'ready' },
    text: 'Being created',
    tone: 'busy',
  },
  ready: { allows: SETTLED, text: 'Ready to start', tone: 'idle' },
  starting: {
    allows: [],
    next: ['running', 'stopped', 'failed'],
    interrupted: { to: 'stopped', stopReason: 'RECOVERABLE_ERROR' },
    text: 'Starting',
    tone: 'busy',
  },
  running: {
    allows: ['stop', 'reload-tables', 'modify-log-severity'],
    interrupted: { to: 'stopped', stopReason: 'RECOVERABLE_ERROR' },
    text: 'Running',
    tone: 'good',
  },
  stopping: {
    allows: [],
    next: ['stopped', 'failed'],
    interrupted: { to: 'stopped', stopReason: 'NORMAL' },
    text: 'Stopping',
    tone: 'busy',
  },
  stopped: { allows: SETTLED, text: 'Stopped', tone: 'idle' },
  failed: { allows: SETTLED, text: 'Failed', tone: 'bad' },
  deleting: {
    allows: [],
    next: ['gone'],
    interrupted: { to: 'gone' },
    text: 'Being deleted',
    tone: 'busy',
  },
  modifying: {
    allows: [],
    next: ['previous'],
    interrupted: { to: 'previous' },
    text: 'Being modified',
    tone: 'busy',
  },
  moving: {
    allows: ['delete'],
    next: ['stopped', 'failed-move'],
    text: 'Moving to another instance',
    tone: 'busy',
  },
  'failed-move': { allows: ['delete'], text: 'Move failed', tone: 'bad' },
  testing: { allows: [], next: ['previous'], text: 'Testing', tone: 'busy' },
};

export function isTaskStatus(status: string): status is TaskStatus {
  return Object.hasOwn(LIFECYCLE, status);
}

/** True for a status DMS leaves by itself (creating, starting, stopping, …). */
export function isTransient(status: string): boolean {
  return isTaskStatus(status) && LIFECYCLE[status].next !== undefined;
}

/** What each start type does. */
export interface StartTypeRow {
  /** Valid only for a task's first run (`start-replication`), only after it (the others). */
  run: 'first' | 'later';
  /** Also valid after the first run for these migration types. */
  laterAlsoFor?: readonly MigrationType[];
  /** Not valid at all for these migration types. */
  invalidFor?: readonly MigrationType[];
  /** Tables completed by an earlier run are kept (the load goes on from the checkpoint). */
  keepsCompletedTables: boolean;
  does: string;
  /** How the app offers it. */
  label: string;
}

export const START_TYPE_ROWS: Readonly<Record<StartType, StartTypeRow>> = {
  'start-replication': {
    run: 'first',
    laterAlsoFor: ['cdc'],
    keepsCompletedTables: false,
    does: 'The first run: loads every selected table (a cdc task captures from now or from CdcStartPosition)',
    label: 'Start (first run)',
  },
  'resume-processing': {
    run: 'later',
    keepsCompletedTables: true,
    does: 'Goes on from the last checkpoint: tables completed earlier are kept, the rest loaded',
    label: 'Resume where it stopped',
  },
  'reload-target': {
    run: 'later',
    invalidFor: ['cdc'],
    keepsCompletedTables: false,
    does: 'Loads every selected table again from the start, as the target table preparation says',
    label: 'Reload the target from scratch (destructive)',
  },
};

/** The status an operation puts the task in at once, or `same` when it stays as it is. */
export const OPERATION_ENTERS: Readonly<Record<TaskOperation, TaskStatus | 'same'>> = {
  'start-replication': 'starting',
  'resume-processing': 'starting',
  'reload-target': 'starting',
  stop: 'stopping',
  modify: 'modifying',
  'modify-log-severity': 'same',
  delete: 'deleting',
  'reload-tables': 'same',
};

/** What the lifecycle needs to know about a task. */
export interface LifecycleTask {
  status: string;
  migrationType: string;
  /** Whether it ever started; when unknown, a stopped or failed task has, a ready one has not. */
  hasRun?: boolean;
}

/** Why DMS refuses an operation, as DMS says it and as the app says it. */
export interface Refusal {
  fault: 'InvalidResourceStateFault' | 'InvalidParameterCombinationException';
  /** DMS's message: the sandbox answers with it. */
  message: string;
  /** One line for the user: why not, and what to do. */
  reason: string;
}

const STARTED = 'Replication Task cannot be started, invalid state';
export const MODIFY_WHILE_RUNNING =
  'Replication Task, excluding logging severity task settings, cannot be modified while it is running state.';

/** The refusal an operation gets from a status that does not allow it. */
function stateRefusal(op: TaskOperation, s: string): Refusal {
  const refuse = (message: string, reason: string): Refusal => ({
    fault: 'InvalidResourceStateFault',
    message,
    reason: isTransient(s) ? `The task is ${s}: wait until it settles` : reason,
  });
  switch (op) {
    case 'start-replication':
      return refuse(
        STARTED,
        `The task is ${s}: only a ready, stopped or failed task can be started`,
      );
    case 'resume-processing':
      return refuse(STARTED, `The task is ${s}: only a stopped or failed task can be resumed`);
    case 'reload-target':
      return refuse(STARTED, `The task is ${s}: stop it before reloading the target`);
    case 'stop':
      return refuse(
        'Replication Task cannot be stopped, invalid state',
        `The task is ${s}: only a running task can be stopped`,
      );
    case 'modify':
    case 'modify-log-severity':
      return refuse(
        s === 'running' && op === 'modify'
          ? MODIFY_WHILE_RUNNING
          : 'Replication Task cannot be modified, invalid state',
        `The task is ${s}: stop it before changing its settings`,
      );
    case 'delete':
      return refuse(
        `Replication Task cannot be deleted while it is in ${s} state.${s === 'running' ? ' Stop the task first.' : ''}`,
        `The task is ${s}: stop it before deleting`,
      );
    case 'reload-tables':
      return refuse(
        'Replication Task must be in running state to reload tables',
        `The task is ${s}: tables can be reloaded only while it runs`,
      );
  }
}

const combination = (message: string, reason: string): Refusal => ({
  fault: 'InvalidParameterCombinationException',
  message,
  reason,
});

/** Refusals that hold whatever the status: what the migration type never allows. */
function typeRefusal(op: TaskOperation, migrationType: string): Refusal | null {
  if (migrationType !== 'cdc') return null;
  if (op === 'reload-target')
    return combination(
      'Start Type : RELOAD_TARGET, not valid for CDC-only tasks',
      'A CDC-only task: there is nothing to reload',
    );
  if (op === 'reload-tables')
    return {
      fault: 'InvalidResourceStateFault',
      message: 'Tables can be reloaded only for full-load and full-load-and-cdc tasks',
      reason: 'A CDC-only task: tables cannot be reloaded',
    };
  return null;
}

/** Start types valid only on a first run, or only after it. */
function runRefusal(op: TaskOperation, task: LifecycleTask): Refusal | null {
  if (!(START_TYPES as readonly string[]).includes(op)) return null;
  const row = START_TYPE_ROWS[op as StartType];
  const ran = hasRun(task);
  const code = op.toUpperCase().replace('-', '_');
  if (
    row.run === 'first' &&
    ran &&
    !row.laterAlsoFor?.includes(task.migrationType as MigrationType)
  )
    return combination(
      `Start Type : ${code}, valid only for tasks running for the first time`,
      'The task has run before: resume it or reload the target',
    );
  if (row.run === 'later' && !ran)
    return combination(
      `Start Type : ${code}, valid only for tasks that have run before`,
      op === 'resume-processing'
        ? `The task is ${task.status}: only a stopped or failed task can be resumed`
        : 'The task has never run: start it instead of reloading',
    );
  return null;
}

export function hasRun(task: LifecycleTask): boolean {
  return task.hasRun ?? (task.status !== 'ready' && task.status !== 'creating');
}

/** Whether a status allows an operation at all (before migration type and run history). */
export function statusAllows(status: string, op: TaskOperation): boolean {
  return isTaskStatus(status) && LIFECYCLE[status].allows.includes(op);
}

/**
 * Null when DMS accepts the operation on this task now, else the refusal. Checked in this
 * order: a transient status; what the migration type never allows; the status; the run history.
 */
export function refusalOf(task: LifecycleTask, op: TaskOperation): Refusal | null {
  const allowed = statusAllows(task.status, op);
  if (!allowed && isTransient(task.status)) return stateRefusal(op, task.status);
  const byType = typeRefusal(op, task.migrationType);
  if (byType) return byType;
  if (!allowed) return stateRefusal(op, task.status);
  return runRefusal(op, task);
}

/**
 * What ModifyReplicationTask does: a running task takes a change of log severities at once;
 * otherwise the task goes through `modifying`, or the change is refused.
 */
export function modifyEffect(
  task: LifecycleTask,
  onlyLogSeverities: boolean,
): { kind: 'in-place' } | { kind: 'modifying' } | { kind: 'refused'; refusal: Refusal } {
  const full = refusalOf(task, 'modify');
  if (!full) return { kind: 'modifying' };
  if (onlyLogSeverities && !refusalOf(task, 'modify-log-severity')) return { kind: 'in-place' };
  return { kind: 'refused', refusal: full };
}
