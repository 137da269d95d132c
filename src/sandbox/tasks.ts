// Replication tasks: Create, Describe, Start, Stop, Modify, Delete, ReloadTables. Which status
// allows which operation, and the refusal DMS gives, come from src/model/taskLifecycle.ts.
import {
  loggingEnabled,
  onlyLogSeveritiesDiffer,
  parseTaskSettings,
  type TaskSettings,
} from '../model/taskSettings.js';
import { parseTableMappings } from '../model/tableMappings.js';
import {
  MIGRATION_TYPES,
  modifyEffect,
  type Refusal,
  refusalOf,
  START_TYPES,
  type StartType,
  type TaskOperation,
} from '../model/taskLifecycle.js';
import { stopReason } from '../model/taskLifecycleFailures.js';
import { dmsArn, newResourceId } from './arn.js';
import { cdcStartTimeMs, parseStopPosition } from './cdcOptions.js';
import type { Call, Handler, Input } from './context.js';
import { findEndpoint, identifierProblem } from './endpoints.js';
import { findInstance } from './instances.js';
import { applyFilters, page, seconds } from './paging.js';
import {
  alreadyExists,
  invalidCombination,
  invalidState,
  invalidValue,
  notFound,
} from './protocol/errors.js';
import { regionOf, type TableStatRecord, type TaskRecord } from './state.js';
import { addTags, readTags } from './tags.js';
import { logGroupName, logStreamName } from './taskLog.js';

function refused(refusal: Refusal) {
  return refusal.fault === 'InvalidResourceStateFault'
    ? invalidState(refusal.message)
    : invalidCombination(refusal.message);
}

/** Throws DMS's refusal when the task's lifecycle does not allow the operation now. */
function check(task: TaskRecord, op: TaskOperation): void {
  const refusal = refusalOf(task, op);
  if (refusal) throw refused(refusal);
}

function inRegion(call: Call): TaskRecord[] {
  return call.sandbox.store.state.tasks.filter((t) => regionOf(t.arn) === call.region);
}

export function findTask(call: Call, arn: string): TaskRecord {
  const task = call.sandbox.store.state.tasks.find((t) => t.arn === arn);
  if (!task) throw notFound(`Replication Task ${arn} not found`);
  return task;
}

/** Fills Logging.CloudWatchLogGroup/Stream as DMS does when logging is on. */
function withLogTargets(
  call: Call,
  task: Pick<TaskRecord, 'resourceId' | 'instanceArn'>,
  settings: TaskSettings,
): TaskSettings {
  const logging = { ...(settings.Logging as Record<string, unknown>) };
  if (loggingEnabled(settings)) {
    const instance = call.sandbox.store.state.instances.find((i) => i.arn === task.instanceArn);
    logging.CloudWatchLogGroup = logGroupName(instance?.identifier ?? 'sandbox');
    logging.CloudWatchLogStream = logStreamName(task);
  } else {
    logging.CloudWatchLogGroup = null;
    logging.CloudWatchLogStream = null;
  }
  return { ...settings, Logging: logging };
}

/** A table still loading never counts as done, whatever its estimate said. */
const LOADING_AT_MOST = 0.99;

/** How much of a table is loaded, 0 to 1: a completed table is done; a loading one has loaded
 *  its rows so far against the source's row estimate (as DMS estimates); a table in error or
 *  cancelled is not progress (issue 10 item 15). */
function tableDone(t: TableStatRecord): number {
  if (t.state === 'Table completed') return 1;
  if (t.state !== 'Full load' && t.state !== 'Table is being reloaded') return 0;
  if (!t.estimatedRows) return 0;
  const loaded = t.fullLoadRows - (t.carriedRows ?? 0);
  return Math.max(0, Math.min(LOADING_AT_MOST, loaded / t.estimatedRows));
}

export function taskStats(task: TaskRecord) {
  const count = (...states: string[]) => task.tables.filter((t) => states.includes(t.state)).length;
  const total = task.tables.length;
  const loaded = count('Table completed');
  const finished =
    task.stopReason === stopReason('FULL_LOAD_ONLY_FINISHED') ||
    task.stats.fullLoadFinishMs !== undefined;
  // Each table weighs the same; within a table, the rows loaded so far count.
  const done = task.tables.reduce((sum, t) => sum + tableDone(t), 0);
  const percent =
    total === 0
      ? finished && task.status !== 'failed'
        ? 100
        : 0
      : Math.floor((100 * done) / total);
  const s = task.stats;
  const elapsed = s.startMs === undefined ? 0 : (s.stopMs ?? Date.now()) - s.startMs;
  return {
    FullLoadProgressPercent: percent,
    ElapsedTimeMillis: Math.max(0, elapsed),
    TablesLoaded: loaded,
    TablesLoading: count('Full load', 'Table is being reloaded'),
    // A cancelled table waits for a resume: queued, as DMS has no counter of its own for it.
    TablesQueued: count('Before load', 'Table cancelled'),
    TablesErrored: count('Table error'),
    FreshStartDate: seconds(s.freshStartMs),
    StartDate: seconds(s.startMs),
    StopDate: seconds(s.stopMs),
    FullLoadStartDate: seconds(s.fullLoadStartMs),
    FullLoadFinishDate: seconds(s.fullLoadFinishMs),
  };
}

export function renderTask(
  task: TaskRecord,
  options: { withSettings: boolean; withStats: boolean },
) {
  return {
    ReplicationTaskIdentifier: task.identifier,
    SourceEndpointArn: task.sourceEndpointArn,
    TargetEndpointArn: task.targetEndpointArn,
    ReplicationInstanceArn: task.instanceArn,
    MigrationType: task.migrationType,
    TableMappings: task.tableMappings,
    ReplicationTaskSettings: options.withSettings ? JSON.stringify(task.settings) : undefined,
    Status: task.status,
    LastFailureMessage: task.lastFailureMessage,
    StopReason: task.stopReason,
    ReplicationTaskCreationDate: seconds(task.createdMs),
    ReplicationTaskStartDate: seconds(task.startMs),
    CdcStartPosition: task.cdcStartPosition,
    CdcStopPosition: task.cdcStopPosition,
    RecoveryCheckpoint: task.recoveryCheckpoint,
    ReplicationTaskArn: task.arn,
    ReplicationTaskStats: options.withStats ? taskStats(task) : undefined,
    TaskData: task.taskData,
  };
}

function checkMigrationType(value: string): TaskRecord['migrationType'] {
  if (!(MIGRATION_TYPES as readonly string[]).includes(value))
    throw invalidValue(
      `Invalid value for MigrationType: ${value}. Valid values are ${MIGRATION_TYPES.join(', ')}`,
    );
  return value as TaskRecord['migrationType'];
}

function checkMappings(json: string): void {
  const parsed = parseTableMappings(json);
  if (!parsed.ok) throw invalidValue(parsed.error);
}

/** CdcStartTime xor CdcStartPosition; no CdcStartTime for PostgreSQL sources; a readable stop. */
function checkCdcStart(call: Call, input: Input, sourceArn?: string): void {
  if (input.CdcStartTime !== undefined && input.CdcStartPosition !== undefined)
    throw invalidCombination('CdcStartTime and CdcStartPosition cannot both be specified.');
  if (input.CdcStartTime !== undefined && cdcStartTimeMs(input.CdcStartTime) === undefined)
    throw invalidValue('Invalid CdcStartTime');
  const source = sourceArn
    ? call.sandbox.store.state.endpoints.find((e) => e.arn === sourceArn)
    : undefined;
  if (input.CdcStartTime !== undefined && source?.engineName.includes('postgres'))
    throw invalidCombination(
      'CdcStartTime is not supported for PostgreSQL source endpoints. Use CdcStartPosition with a native LSN instead.',
    );
  if (input.CdcStopPosition !== undefined) {
    const stop = parseStopPosition(input.CdcStopPosition);
    if (!stop.ok) throw invalidValue(stop.error);
  }
}

/** Stores the CDC start and stop given to Create, Modify or Start. */
function takeCdcOptions(task: TaskRecord, input: Input): void {
  if (input.CdcStartPosition !== undefined) {
    task.cdcStartPosition = input.CdcStartPosition;
    delete task.cdcStartTime;
  }
  if (input.CdcStartTime !== undefined) {
    task.cdcStartTime = cdcStartTimeMs(input.CdcStartTime);
    delete task.cdcStartPosition;
  }
  if (input.CdcStopPosition !== undefined) task.cdcStopPosition = input.CdcStopPosition;
}

function checkTaskIdentifier(call: Call, identifier: string, self?: TaskRecord): void {
  const problem = identifierProblem('ReplicationTaskIdentifier', identifier, 'task');
  if (problem) throw invalidValue(problem);
  const taken = inRegion(call).find(
    (t) => t !== self && t.identifier.toLowerCase() === identifier.toLowerCase(),
  );
  if (taken) throw alreadyExists('ReplicationTaskIdentifier already in use', taken.arn);
}

const createReplicationTask: Handler = (call, input: Input) => {
  checkTaskIdentifier(call, input.ReplicationTaskIdentifier);
  const instance = findInstance(call, input.ReplicationInstanceArn);
  const source = findEndpoint(call, input.SourceEndpointArn);
  const target = findEndpoint(call, input.TargetEndpointArn);
  if (source.type !== 'source')
    throw invalidValue(`Endpoint ${source.arn} is not a source endpoint`);
  if (target.type !== 'target')
    throw invalidValue(`Endpoint ${target.arn} is not a target endpoint`);
  const migrationType = checkMigrationType(input.MigrationType);
  checkMappings(input.TableMappings);
  checkCdcStart(call, input, source.arn);
  const settings = parseTaskSettings(input.ReplicationTaskSettings, { onCreate: true });
  if (!settings.ok) throw invalidValue(settings.error);
  if (
    input.ResourceIdentifier !== undefined &&
    !/^[A-Za-z][A-Za-z0-9-]{0,30}$/.test(input.ResourceIdentifier)
  )
    throw invalidValue('Invalid ResourceIdentifier.');
  const resourceId = input.ResourceIdentifier ?? newResourceId();
  const arn = dmsArn(call.region, 'task', resourceId);
  if (call.sandbox.store.state.tasks.some((t) => t.arn === arn))
    throw alreadyExists('The resource identifier is already in use.', arn);
  const task: TaskRecord = {
    arn,
    identifier: input.ReplicationTaskIdentifier,
    resourceId,
    sourceEndpointArn: source.arn,
    targetEndpointArn: target.arn,
    instanceArn: instance.arn,
    migrationType,
    tableMappings: input.TableMappings,
    settings: {},
    status: 'creating',
    createdMs: Date.now(),
    taskData: input.TaskData,
    hasRun: false,
    stats: { elapsedBeforeMs: 0 },
    tables: [],
  };
  takeCdcOptions(task, input);
  addTags(task, readTags(input.Tags));
  task.settings = withLogTargets(call, task, settings.value);
  call.sandbox.store.state.tasks.push(task);
  call.sandbox.store.changed();
  call.sandbox.later(call.sandbox.transientMs, () => {
    if (task.status === 'creating') {
      task.status = 'ready';
      call.sandbox.store.changed();
    }
  });
  return { ReplicationTask: renderTask(task, { withSettings: true, withStats: false }) };
};

const describeReplicationTasks: Handler = (call, input: Input) => {
  const matched = applyFilters(inRegion(call), input.Filters, {
    'replication-task-arn': (t) => [t.arn],
    'replication-task-id': (t) => [t.identifier],
    'migration-type': (t) => [t.migrationType],
    'endpoint-arn': (t) => [t.sourceEndpointArn, t.targetEndpointArn],
    'replication-instance-arn': (t) => [t.instanceArn],
  });
  const { items, Marker } = page(matched, input);
  if (matched.length === 0) throw notFound('No Tasks found matching provided filters');
  return {
    Marker,
    ReplicationTasks: items.map((t) =>
      renderTask(t, { withSettings: input.WithoutSettings !== true, withStats: true }),
    ),
  };
};

const startReplicationTask: Handler = (call, input: Input) => {
  const task = findTask(call, input.ReplicationTaskArn);
  const type = input.StartReplicationTaskType as StartType;
  if (!START_TYPES.includes(type))
    throw invalidValue(
      `Invalid value for StartReplicationTaskType: ${String(type)}. Valid values are ${START_TYPES.join(', ')}`,
    );
  checkCdcStart(call, input, task.sourceEndpointArn);
  check(task, type);
  takeCdcOptions(task, input);
  call.sandbox.runner.start(task, type);
  return { ReplicationTask: renderTask(task, { withSettings: true, withStats: true }) };
};

const stopReplicationTask: Handler = (call, input: Input) => {
  const task = findTask(call, input.ReplicationTaskArn);
  check(task, 'stop');
  call.sandbox.runner.stop(task);
  return { ReplicationTask: renderTask(task, { withSettings: true, withStats: true }) };
};

const modifyReplicationTask: Handler = (call, input: Input) => {
  const task = findTask(call, input.ReplicationTaskArn);
  const settings =
    input.ReplicationTaskSettings !== undefined
      ? parseTaskSettings(input.ReplicationTaskSettings, { onCreate: false, base: task.settings })
      : ({ ok: true, value: task.settings } as const);
  if (!settings.ok) throw invalidValue(settings.error);
  const onlySettings = Object.keys(input).every((k) =>
    ['ReplicationTaskArn', 'ReplicationTaskSettings'].includes(k),
  );
  const effect = modifyEffect(
    task,
    onlySettings && onlyLogSeveritiesDiffer(task.settings, settings.value),
  );
  if (effect.kind === 'refused') throw refused(effect.refusal);
  if (effect.kind === 'in-place') {
    task.settings = withLogTargets(call, task, settings.value);
    call.sandbox.store.changed();
    return { ReplicationTask: renderTask(task, { withSettings: true, withStats: true }) };
  }
  if (input.ReplicationTaskIdentifier !== undefined)
    checkTaskIdentifier(call, input.ReplicationTaskIdentifier, task);
  const migrationType =
    input.MigrationType !== undefined
      ? checkMigrationType(input.MigrationType)
      : task.migrationType;
  if (input.TableMappings !== undefined) checkMappings(input.TableMappings);
  checkCdcStart(call, input, task.sourceEndpointArn);
  if (input.ReplicationTaskIdentifier !== undefined)
    task.identifier = input.ReplicationTaskIdentifier;
  task.migrationType = migrationType;
  if (input.TableMappings !== undefined) task.tableMappings = input.TableMappings;
  takeCdcOptions(task, input);
  if (input.TaskData !== undefined) task.taskData = input.TaskData;
  task.settings = withLogTargets(call, task, settings.value);
  task.statusBeforeModify = task.status;
  task.status = 'modifying';
  call.sandbox.store.changed();
  const rendered = renderTask(task, { withSettings: true, withStats: true });
  call.sandbox.later(call.sandbox.transientMs, () => {
    if (task.status === 'modifying') {
      task.status = task.statusBeforeModify ?? 'ready';
      delete task.statusBeforeModify;
      call.sandbox.store.changed();
    }
  });
  return { ReplicationTask: rendered };
};

const deleteReplicationTask: Handler = (call, input: Input) => {
  const task = findTask(call, input.ReplicationTaskArn);
  check(task, 'delete');
  task.status = 'deleting';
  call.sandbox.store.changed();
  // DMS leaves nothing at the source: the slot and publications (or triggers) go too.
  call.sandbox.track(call.sandbox.runner.forget(task).catch(() => undefined));
  const rendered = renderTask(task, { withSettings: true, withStats: true });
  call.sandbox.later(call.sandbox.transientMs, () => {
    const { state } = call.sandbox.store;
    state.tasks = state.tasks.filter((t) => t !== task);
    call.sandbox.store.changed();
  });
  return { ReplicationTask: rendered };
};

const reloadTables: Handler = (call, input: Input) => {
  const task = findTask(call, input.ReplicationTaskArn);
  const option = input.ReloadOption ?? 'data-reload';
  if (option !== 'data-reload' && option !== 'validate-only')
    throw invalidValue(`Invalid value for ReloadOption: ${String(option)}`);
  check(task, 'reload-tables');
  const tables = input.TablesToReload as { SchemaName: string; TableName: string }[];
  if (tables.length === 0 || tables.length > 10)
    throw invalidValue('TablesToReload must list between 1 and 10 tables');
  const refs = tables.map((t) => ({ schema: t.SchemaName, table: t.TableName }));
  if (option === 'data-reload') call.sandbox.runner.reload(task, refs);
  else call.sandbox.runner.revalidate?.(task, refs);
  return { ReplicationTaskArn: task.arn };
};

export const taskHandlers: Record<string, Handler> = {
  CreateReplicationTask: createReplicationTask,
  DescribeReplicationTasks: describeReplicationTasks,
  StartReplicationTask: startReplicationTask,
  StopReplicationTask: stopReplicationTask,
  ModifyReplicationTask: modifyReplicationTask,
  DeleteReplicationTask: deleteReplicationTask,
  ReloadTables: reloadTables,
};
