// The task lifecycle, table-driven: every status × every operation → allowed or the exact
// refusal (DMS's fault and message, the app's reason), for each migration type; the start types
// `s` offers per status; transient statuses; StopReasons and the fatal failure messages.
import { describe, expect, it } from 'vitest';
import {
  isTransient,
  LIFECYCLE,
  modifyEffect,
  type Refusal,
  refusalOf,
  TASK_OPERATIONS,
  TASK_STATUSES,
  type TaskOperation,
  type TaskStatus,
} from '../../src/model/taskLifecycle.js';
import {
  failsWhenNoTables,
  fatalFailure,
  noTablesFailure,
  stopReason,
} from '../../src/model/taskLifecycleFailures.js';
import {
  plainStatus,
  refusal,
  startChoices,
  transitionStatus,
} from '../../src/model/taskStatus.js';

// The expected answers, written out here rather than derived from the module under test.
// ✓ allowed · W wait (transient) · S wrong status · F start type valid for a first run only ·
// L start type valid only after a first run · T never for this migration type.
const OPS = [
  'start-replication',
  'resume-processing',
  'reload-target',
  'stop',
  'modify',
  'modify-log-severity',
  'delete',
  'reload-tables',
] as const satisfies readonly TaskOperation[];

//                    start  resume reload stop   modify m-sev  delete r-tabl
const FULL_LOAD: Record<TaskStatus, string> = {
  creating: /*    */ 'W      W      W      W      W      W      W      W',
  ready: /*       */ '✓      L      L      S      ✓      ✓      ✓      S',
  starting: /*    */ 'W      W      W      W      W      W      W      W',
  running: /*     */ 'S      S      S      ✓      S      ✓      S      ✓',
  stopping: /*    */ 'W      W      W      W      W      W      W      W',
  stopped: /*     */ 'F      ✓      ✓      S      ✓      ✓      ✓      S',
  failed: /*      */ 'F      ✓      ✓      S      ✓      ✓      ✓      S',
  deleting: /*    */ 'W      W      W      W      W      W      W      W',
  modifying: /*   */ 'W      W      W      W      W      W      W      W',
  moving: /*      */ 'W      W      W      W      W      W      ✓      W',
  'failed-move': /**/ 'S      S      S      S      S      S      ✓      S',
  testing: /*     */ 'W      W      W      W      W      W      W      W',
};
const CDC: Record<TaskStatus, string> = {
  creating: /*    */ 'W      W      W      W      W      W      W      W',
  ready: /*       */ '✓      L      T      S      ✓      ✓      ✓      T',
  starting: /*    */ 'W      W      W      W      W      W      W      W',
  running: /*     */ 'S      S      T      ✓      S      ✓      S      T',
  stopping: /*    */ 'W      W      W      W      W      W      W      W',
  stopped: /*     */ '✓      ✓      T      S      ✓      ✓      ✓      T',
  failed: /*      */ '✓      ✓      T      S      ✓      ✓      ✓      T',
  deleting: /*    */ 'W      W      W      W      W      W      W      W',
  modifying: /*   */ 'W      W      W      W      W      W      W      W',
  moving: /*      */ 'W      W      W      W      W      W      ✓      W',
  'failed-move': /**/ 'S      S      T      S      S      S      ✓      T',
  testing: /*     */ 'W      W      W      W      W      W      W      W',
};

const STARTED = 'Replication Task cannot be started, invalid state';
const STATE_MESSAGE: Record<TaskOperation, (s: string) => string> = {
  'start-replication': () => STARTED,
  'resume-processing': () => STARTED,
  'reload-target': () => STARTED,
  stop: () => 'Replication Task cannot be stopped, invalid state',
  modify: (s) =>
    s === 'running'
      ? 'Replication Task, excluding logging severity task settings, cannot be modified while it is running state.'
      : 'Replication Task cannot be modified, invalid state',
  'modify-log-severity': () => 'Replication Task cannot be modified, invalid state',
  delete: (s) =>
    `Replication Task cannot be deleted while it is in ${s} state.${s === 'running' ? ' Stop the task first.' : ''}`,
  'reload-tables': () => 'Replication Task must be in running state to reload tables',
};
const STATE_REASON: Record<TaskOperation, string> = {
  'start-replication': 'only a ready, stopped or failed task can be started',
  'resume-processing': 'only a stopped or failed task can be resumed',
  'reload-target': 'stop it before reloading the target',
  stop: 'only a running task can be stopped',
  modify: 'stop it before changing its settings',
  'modify-log-severity': 'stop it before changing its settings',
  delete: 'stop it before deleting',
  'reload-tables': 'tables can be reloaded only while it runs',
};

function expected(code: string, op: TaskOperation, s: TaskStatus): Refusal | null {
  const state = (reason: string): Refusal => ({
    fault: 'InvalidResourceStateFault',
    message: STATE_MESSAGE[op](s),
    reason,
  });
  switch (code) {
    case '✓':
      return null;
    case 'W':
      return state(`The task is ${s}: wait until it settles`);
    case 'S':
      return state(`The task is ${s}: ${STATE_REASON[op]}`);
    case 'F':
      return {
        fault: 'InvalidParameterCombinationException',
        message: 'Start Type : START_REPLICATION, valid only for tasks running for the first time',
        reason: 'The task has run before: resume it or reload the target',
      };
    case 'L':
      return {
        fault: 'InvalidParameterCombinationException',
        message: `Start Type : ${op === 'reload-target' ? 'RELOAD_TARGET' : 'RESUME_PROCESSING'}, valid only for tasks that have run before`,
        reason:
          op === 'reload-target'
            ? 'The task has never run: start it instead of reloading'
            : `The task is ${s}: only a stopped or failed task can be resumed`,
      };
    case 'T':
      return op === 'reload-target'
        ? {
            fault: 'InvalidParameterCombinationException',
            message: 'Start Type : RELOAD_TARGET, not valid for CDC-only tasks',
            reason: 'A CDC-only task: there is nothing to reload',
          }
        : {
            fault: 'InvalidResourceStateFault',
            message: 'Tables can be reloaded only for full-load and full-load-and-cdc tasks',
            reason: 'A CDC-only task: tables cannot be reloaded',
          };
    default:
      throw new Error(`unknown code ${code}`);
  }
}

const cells = (table: Record<TaskStatus, string>, migrationType: string) =>
  TASK_STATUSES.flatMap((status) => {
    const codes = table[status].split(/\s+/);
    return OPS.map((op, i) => [status, op, codes[i] as string, migrationType] as const);
  });

describe('every status × every operation', () => {
  it('the tables above cover every status and operation', () => {
    expect([...OPS].sort()).toEqual([...TASK_OPERATIONS].sort());
    for (const table of [FULL_LOAD, CDC])
      for (const s of TASK_STATUSES) expect(table[s].split(/\s+/)).toHaveLength(OPS.length);
  });

  it.each([
    ...cells(FULL_LOAD, 'full-load'),
    ...cells(FULL_LOAD, 'full-load-and-cdc'),
    ...cells(CDC, 'cdc'),
  ])('%s · %s → %s (%s)', (status, op, code, migrationType) => {
    expect(refusalOf({ status, migrationType }, op)).toEqual(expected(code, op, status));
  });

  it('run history comes from hasRun when known: a ready task that ran may resume, not start over', () => {
    const ranReady = { status: 'ready', migrationType: 'full-load', hasRun: true };
    expect(refusalOf(ranReady, 'resume-processing')).toBeNull();
    expect(refusalOf(ranReady, 'reload-target')).toBeNull();
    expect(refusalOf(ranReady, 'start-replication')?.fault).toBe(
      'InvalidParameterCombinationException',
    );
    expect(refusalOf({ ...ranReady, migrationType: 'cdc' }, 'start-replication')).toBeNull();
  });

  it('an unknown status allows nothing and is not transient', () => {
    expect(refusalOf({ status: 'upgrading', migrationType: 'full-load' }, 'delete')?.reason).toBe(
      'The task is upgrading: stop it before deleting',
    );
    expect(isTransient('upgrading')).toBe(false);
  });
});

describe('modify', () => {
  it.each([
    ['ready', false, 'modifying'],
    ['ready', true, 'modifying'],
    ['stopped', false, 'modifying'],
    ['running', true, 'in-place'],
    ['running', false, 'refused'],
    ['modifying', true, 'refused'],
    ['creating', false, 'refused'],
  ] as const)('%s (only log severities: %s) → %s', (status, onlySeverities, kind) => {
    expect(modifyEffect({ status, migrationType: 'full-load' }, onlySeverities).kind).toBe(kind);
  });
});

describe('start types and transitions', () => {
  it.each([
    ['ready', 'full-load', undefined, ['start-replication']],
    ['ready', 'cdc', undefined, ['start-replication']],
    ['ready', 'full-load', new Date(), ['resume-processing', 'reload-target']],
    ['ready', 'cdc', new Date(), ['resume-processing']],
    ['stopped', 'full-load', undefined, ['resume-processing', 'reload-target']],
    ['stopped', 'full-load-and-cdc', undefined, ['resume-processing', 'reload-target']],
    ['stopped', 'cdc', undefined, ['resume-processing']],
    ['failed', 'full-load', undefined, ['resume-processing', 'reload-target']],
    ['failed', 'cdc', undefined, ['resume-processing']],
    ['running', 'full-load', undefined, []],
    ['creating', 'full-load', undefined, []],
    ['starting', 'cdc', undefined, []],
    ['moving', 'full-load', undefined, []],
    ['failed-move', 'full-load', undefined, []],
  ] as const)('%s %s task (started %s): s offers %j', (status, migrationType, startedAt, types) => {
    expect(startChoices({ status, migrationType, startedAt })).toEqual(types);
    expect(refusal({ status, migrationType, startedAt }, 'start') === null).toBe(types.length > 0);
  });

  it.each([
    ['creating', ['ready']],
    ['starting', ['running', 'stopped', 'failed']],
    ['stopping', ['stopped', 'failed']],
    ['modifying', ['previous']],
    ['deleting', ['gone']],
    ['moving', ['stopped', 'failed-move']],
    ['testing', ['previous']],
  ] as const)('%s is transient and goes to %j', (status, next) => {
    expect(isTransient(status)).toBe(true);
    expect(LIFECYCLE[status].next).toEqual(next);
  });

  it('settled statuses stay until an operation moves them', () => {
    const settled = TASK_STATUSES.filter((s) => !isTransient(s));
    expect(settled).toEqual(['ready', 'running', 'stopped', 'failed', 'failed-move']);
  });

  it.each([
    ['start', 'starting'],
    ['resume', 'starting'],
    ['reload', 'starting'],
    ['stop', 'stopping'],
    ['delete', 'deleting'],
  ] as const)('%s shows %s at once', (action, status) => {
    expect(transitionStatus(action)).toBe(status);
  });
});

describe('plain words per status', () => {
  it.each([
    ['creating', 'Being created', 'busy'],
    ['ready', 'Ready to start', 'idle'],
    ['starting', 'Starting', 'busy'],
    ['running', 'Loading 0%', 'good'],
    ['stopping', 'Stopping', 'busy'],
    ['stopped', 'Stopped', 'idle'],
    ['failed', 'Failed', 'bad'],
    ['deleting', 'Being deleted', 'busy'],
    ['modifying', 'Being modified', 'busy'],
    ['moving', 'Moving to another instance', 'busy'],
    ['failed-move', 'Move failed', 'bad'],
    ['testing', 'Testing', 'busy'],
  ] as const)('%s reads "%s" (%s)', (status, text, tone) => {
    expect(plainStatus({ status, migrationType: 'full-load' })).toEqual({ text, tone });
  });

  it.each([
    ['NORMAL', 'Stopped', 'idle'],
    ['RECOVERABLE_ERROR', 'Stopped: recoverable error', 'bad'],
    ['FATAL_ERROR', 'Stopped: fatal error', 'bad'],
    ['FULL_LOAD_ONLY_FINISHED', 'Load complete', 'good'],
    ['STOPPED_AFTER_FULL_LOAD', 'Stopped after full load', 'good'],
    ['STOPPED_AFTER_CACHED_EVENTS', 'Stopped after cached changes', 'idle'],
    ['STOPPED_AFTER_DDL_APPLY', 'Stopped after DDL apply', 'idle'],
    ['STOPPED_DUE_TO_LOW_MEMORY', 'Stopped: low memory', 'bad'],
    ['STOPPED_DUE_TO_LOW_DISK', 'Stopped: low disk', 'bad'],
    ['SOMETHING_NEW', 'Stopped (something new)', 'idle'],
  ] as const)('stopped with Stop Reason %s reads "%s" (%s)', (code, text, tone) => {
    const task = {
      status: 'stopped',
      migrationType: 'full-load',
      stopReason: `Stop Reason ${code}`,
    };
    expect(plainStatus(task)).toEqual({ text, tone });
  });
});

describe('failure messages, one owner each', () => {
  it('writes StopReasons and fatal failures as DMS does', () => {
    expect(stopReason('FULL_LOAD_ONLY_FINISHED')).toBe('Stop Reason FULL_LOAD_ONLY_FINISHED');
    expect(fatalFailure('Cannot connect')).toBe(
      'Last Error  Cannot connect Stop Reason FATAL_ERROR Error Level FATAL',
    );
    expect(fatalFailure('Last Error  already whole')).toBe('Last Error  already whole');
  });

  it('no tables found: the log line and the LastFailureMessage', () => {
    const { log, lastFailureMessage } = noTablesFailure();
    expect(log).toBe(
      'No tables were found at task initialization. Either the selected table(s) or schemas(s) no longer exist or no explicit table(s) or schema(s) were selected.',
    );
    expect(lastFailureMessage).toBe(`Last Error  ${log} Stop Reason FATAL_ERROR Error Level FATAL`);
    expect(
      plainStatus({ status: 'failed', migrationType: 'full-load', lastFailureMessage }).text,
    ).toBe('Failed: No tables were found at task initialization. Either…');
  });

  it('FailOnNoTablesCaptured is on unless the settings turn it off', () => {
    expect(failsWhenNoTables({})).toBe(true);
    expect(failsWhenNoTables({ ErrorBehavior: { FailOnNoTablesCaptured: true } })).toBe(true);
    expect(failsWhenNoTables({ ErrorBehavior: { FailOnNoTablesCaptured: false } })).toBe(false);
  });
});
