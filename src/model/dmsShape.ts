// The DMS API shape for what the app prints as JSON (`--output json`, `y`): field names as
// DescribeReplicationTasks and DescribeTableStatistics return them and as the AWS CLI prints
// them, so scripts written against the AWS docs work. The app's own reading goes under one
// extra field, "DmsTui", that DMS never uses. Pure.
import type { LagSample } from './taskMetrics.js';
import { mappingLines } from './taskDetails.js';
import type { TableStat } from './tableStatsRow.js';
import { endpointName, instanceName, type Task, type TaskNames } from './task.js';
import { readTask } from './taskReading.js';

/** The extra field every object printed in the DMS shape carries for the app's reading. */
export const APP_FIELD = 'DmsTui';

type Json = Record<string, unknown>;

const iso = (d: Date | undefined) => (d ? d.toISOString() : undefined);

/** A task as DescribeReplicationTasks returns it (ReplicationTaskIdentifier, Status, …). */
export function dmsTask(task: Task): Json {
  const s = task.stats;
  return defined({
    ReplicationTaskIdentifier: task.id,
    SourceEndpointArn: task.sourceEndpointArn,
    TargetEndpointArn: task.targetEndpointArn,
    ReplicationInstanceArn: task.instanceArn,
    MigrationType: task.migrationType,
    TableMappings: task.tableMappings,
    ReplicationTaskSettings: task.settings,
    Status: task.status,
    LastFailureMessage: task.lastFailureMessage,
    StopReason: task.stopReason,
    ReplicationTaskCreationDate: iso(task.createdAt),
    ReplicationTaskStartDate: iso(task.startedAt),
    CdcStartPosition: task.cdcStartPosition,
    CdcStopPosition: task.cdcStopPosition,
    RecoveryCheckpoint: task.recoveryCheckpoint,
    ReplicationTaskArn: task.arn,
    ReplicationTaskStats: s
      ? defined({
          FullLoadProgressPercent: s.progressPercent,
          ElapsedTimeMillis: s.elapsedMs,
          TablesLoaded: s.tablesLoaded,
          TablesLoading: s.tablesLoading,
          TablesQueued: s.tablesQueued,
          TablesErrored: s.tablesErrored,
          FreshStartDate: iso(s.freshStartDate),
          StartDate: iso(s.startDate),
          StopDate: iso(s.stopDate),
          FullLoadStartDate: iso(s.fullLoadStartDate),
          FullLoadFinishDate: iso(s.fullLoadFinishDate),
        })
      : undefined,
  });
}

/** The app's plain-language reading of a task: what the status means, progress, names. */
export function taskReadingFields(task: Task, names?: TaskNames, lag?: LagSample): Json {
  const reading = readTask(task, undefined, lag);
  return defined({
    reading: reading.words,
    progressPercent: reading.percent,
    lagSeconds: lag?.lagSeconds,
    sourceEndpoint: names ? endpointName(task.sourceEndpointArn, names) : undefined,
    targetEndpoint: names ? endpointName(task.targetEndpointArn, names) : undefined,
    replicationInstance: names ? instanceName(task.instanceArn, names) : undefined,
    tableMappings: task.tableMappings ? mappingLines(task.tableMappings) : undefined,
  });
}

/** A task in the DMS shape with the app's reading under "DmsTui" (extra fields added there). */
export function dmsTaskWithReading(
  task: Task,
  names?: TaskNames,
  extra: Json = {},
  lag?: LagSample,
): Json {
  return { ...dmsTask(task), [APP_FIELD]: { ...taskReadingFields(task, names, lag), ...extra } };
}

/** `{"ReplicationTasks": […]}`, as DescribeReplicationTasks and `aws dms
 *  describe-replication-tasks` print it. */
export function dmsTaskList(
  tasks: readonly Task[],
  names?: TaskNames,
  lags?: ReadonlyMap<string, LagSample>,
): Json {
  return {
    ReplicationTasks: tasks.map((t) => dmsTaskWithReading(t, names, {}, lags?.get(t.arn))),
  };
}

/** One row of DescribeTableStatistics. */
export function dmsTableStat(stat: TableStat): Json {
  return defined({
    SchemaName: stat.schema,
    TableName: stat.table,
    Inserts: stat.inserts,
    Deletes: stat.deletes,
    Updates: stat.updates,
    Ddls: stat.ddls,
    FullLoadRows: stat.fullLoadRows,
    FullLoadErrorRows: stat.errorRows,
    LastUpdateTime: iso(stat.lastUpdated),
    TableState: stat.state,
    ValidationState: stat.validationState,
  });
}

/** `{"ReplicationTaskArn", "TableStatistics": […]}` with what they add up to under "DmsTui". */
export function dmsTableStats(task: Task, tables: readonly TableStat[]): Json {
  return {
    ReplicationTaskArn: task.arn,
    TableStatistics: tables.map(dmsTableStat),
    [APP_FIELD]: { task: task.id, status: task.status, reading: readTask(task, tables).words },
  };
}

/** A CloudWatch Logs event as GetLogEvents returns it, with the parsed line under "DmsTui". */
export function logEvent(line: {
  timestamp: number;
  raw: string;
  component?: string;
  severity?: string;
}): Json {
  return {
    timestamp: line.timestamp,
    message: line.raw,
    [APP_FIELD]: defined({
      time: new Date(line.timestamp).toISOString(),
      component: line.component,
      severity: line.severity,
    }),
  };
}

function defined(o: Json): Json {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}
