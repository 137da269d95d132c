// The change data capture phase of a task, between the runner and the CDC engine: opens the
// capture before the full load, fixes where it starts (CdcStartPosition, CdcStartTime, the
// target's checkpoint on resume), counts changes into the table statistics, keeps
// RecoveryCheckpoint, and records the task's CDC metrics once a second.
import type { RowChange } from '../db/cdc/types.js';
import { nativePosition, positionFits, positionOrder } from '../db/cdc/positions.js';
import type { ConnectionSpec } from '../model/connection.js';
import type { TableMappings } from '../model/tableMappings.js';
import { parseStopPosition, startPositionTime } from './cdcOptions.js';
import type { StopReasonCode } from '../model/taskLifecycleFailures.js';
import type {
  CdcEngine,
  CdcJob,
  CdcOutcome,
  CdcRunOptions,
  CdcSession,
  OpCounts,
} from './engine/cdc/types.js';
import type { LogComponent, Severity } from './engine/types.js';
import type { MetricsStore } from './metrics/store.js';
import type { CdcTableCounts, EndpointRecord, TableStatRecord, TaskRecord } from './state.js';
import type { Store } from './store.js';

export interface ReplicationDeps {
  store: Store;
  cdc: CdcEngine;
  metrics?: MetricsStore;
  log(
    task: TaskRecord,
    component: LogComponent,
    severity: Severity,
    message: string,
    file?: string,
  ): void;
  tableRecord(task: TaskRecord, ref: { schema: string; table: string }): TableStatRecord;
}

export interface OpenedReplication {
  session: CdcSession;
  /** Everything the run needs but the cached-changes position (known after the full load). */
  options: Omit<CdcRunOptions, 'onCachedApplied' | 'stopAfterCached'>;
}

function emptyCounts(): CdcTableCounts {
  return {
    inserts: 0,
    updates: 0,
    deletes: 0,
    ddls: 0,
    appliedInserts: 0,
    appliedUpdates: 0,
    appliedDeletes: 0,
    appliedDdls: 0,
  };
}

function splitKey(key: string): { schema: string; table: string } {
  const dot = key.indexOf('.');
  return { schema: key.slice(0, dot), table: key.slice(dot + 1) };
}

function instanceId(deps: Pick<ReplicationDeps, 'store'>, task: TaskRecord): string {
  return (
    deps.store.state.instances.find((i) => i.arn === task.instanceArn)?.identifier ?? 'sandbox'
  );
}

/** Records a task metric with DMS's dimensions (instance identifier, task resource id). */
export function recordTaskMetric(
  deps: Pick<ReplicationDeps, 'store' | 'metrics'>,
  task: TaskRecord,
  name: string,
  value: number,
): void {
  deps.metrics?.record(
    name,
    {
      ReplicationInstanceIdentifier: instanceId(deps, task),
      ReplicationTaskIdentifier: task.resourceId,
    },
    value,
  );
}

export async function openReplication(
  deps: ReplicationDeps,
  task: TaskRecord,
  args: {
    fresh: boolean;
    source: ConnectionSpec;
    target: ConnectionSpec;
    sourceSettings: Record<string, unknown>;
    mappings: TableMappings;
    signal: AbortSignal;
    /** The rows a batch committed on the target (data validation re-checks their keys). */
    onApplied?(changes: RowChange[]): void;
  },
): Promise<{ ok: true; opened: OpenedReplication } | { ok: false; message: string }> {
  const job: CdcJob = {
    taskId: task.resourceId,
    source: args.source,
    target: args.target,
    sourceSettings: args.sourceSettings,
    tableMappings: args.mappings,
    settings: task.settings,
    fresh: args.fresh,
    createTargetTables: task.migrationType === 'cdc',
    signal: args.signal,
    log: (c, s, m, f) => deps.log(task, c, s, m, f),
    onCounts(kind, counts) {
      for (const [key, n] of counts) addCounts(deps, task, key, kind, n);
      deps.store.changed();
    },
    onDdl(key) {
      const ref = splitKey(key);
      const rec = task.tables.find((t) => t.schema === ref.schema && t.table === ref.table);
      if (!rec) return;
      rec.cdc ??= emptyCounts();
      rec.cdc.ddls++;
      deps.log(
        task,
        'SOURCE_CAPTURE',
        'W',
        `A DDL change of table '${ref.schema}'.'${ref.table}' was captured and counted; it is NOT applied to the target (the sandbox applies row changes only): change the target table yourself`,
        args.source.engine.includes('postgres')
          ? 'postgres_endpoint_wal_engine.c:1894'
          : 'mysql_endpoint_capture.c:2048',
      );
      deps.store.changed();
    },
    onApplied: args.onApplied,
    onCheckpoint(checkpoint) {
      task.recoveryCheckpoint = checkpoint;
      deps.store.changed();
    },
    onMetrics(sample) {
      const record = (name: string, value: number) => recordTaskMetric(deps, task, name, value);
      record('CDCLatencySource', sample.latencySource);
      record('CDCLatencyTarget', sample.latencyTarget);
      record('CDCIncomingChanges', sample.incoming);
      record('CDCThroughputRowsSource', sample.throughputSource);
      record('CDCThroughputRowsTarget', sample.throughputTarget);
    },
  };
  const opened = await deps.cdc.open(job);
  if (opened.kind === 'failed') return { ok: false, message: opened.message };
  const { session } = opened;
  const fail = async (message: string) => {
    await session.close();
    return { ok: false as const, message };
  };
  let stop: CdcRunOptions['stop'];
  if (task.cdcStopPosition) {
    const parsed = parseStopPosition(task.cdcStopPosition);
    if (!parsed.ok) return fail(parsed.error);
    stop = parsed.stop;
  }
  const kind = session.positionKind;
  if (args.fresh || !task.cdc) {
    let from = session.startPosition;
    let notBeforeMs: number | undefined;
    const startTime =
      task.cdcStartTime ??
      (task.cdcStartPosition ? startPositionTime(task.cdcStartPosition) : null) ??
      undefined;
    if (startTime !== undefined) {
      if (kind === 'lsn')
        return fail(
          'CdcStartTime is not supported for PostgreSQL sources: use CdcStartPosition with an LSN',
        );
      from = await session.earliestPosition();
      notBeforeMs = startTime;
    } else if (task.cdcStartPosition) {
      if (!positionFits(kind, task.cdcStartPosition))
        return fail(`Invalid CdcStartPosition '${task.cdcStartPosition}' for this source endpoint`);
      const native = nativePosition(task.cdcStartPosition);
      // The slot cannot go back before it was created: PostgreSQL starts at the later of the two.
      from = kind === 'lsn' && positionOrder.lsn(native, from) < 0 ? from : native;
    }
    task.cdc = { startPosition: from, notBeforeMs };
    delete task.recoveryCheckpoint;
    await deps.store.flush();
  }
  const checkpoint = args.fresh ? null : session.targetCheckpoint;
  const from = checkpoint ? nativePosition(checkpoint) : task.cdc.startPosition;
  if (checkpoint) task.recoveryCheckpoint = checkpoint;
  return {
    ok: true,
    opened: { session, options: { from, notBeforeMs: task.cdc.notBeforeMs, stop } },
  };
}

function addCounts(
  deps: ReplicationDeps,
  task: TaskRecord,
  key: string,
  kind: 'captured' | 'applied',
  n: OpCounts,
): void {
  const rec = deps.tableRecord(task, splitKey(key));
  rec.cdc ??= emptyCounts();
  const c = rec.cdc;
  if (kind === 'captured') {
    c.inserts += n.insert;
    c.updates += n.update;
    c.deletes += n.delete;
  } else {
    c.appliedInserts += n.insert;
    c.appliedUpdates += n.update;
    c.appliedDeletes += n.delete;
  }
  rec.lastUpdateMs = Date.now();
}

/** FullLoadSettings.<name> === true in the task's settings. */
export function fullLoadFlag(task: TaskRecord, name: string): boolean {
  const full = task.settings.FullLoadSettings;
  return !!full && typeof full === 'object' && (full as Record<string, unknown>)[name] === true;
}

/** The source endpoint's engine settings object (PostgreSQLSettings or MySQLSettings). */
export function sourceEngineSettings(source: EndpointRecord): Record<string, unknown> {
  const name = source.engineName.includes('postgres') ? 'PostgreSQLSettings' : 'MySQLSettings';
  return source.engineSettings[name] ?? {};
}

/** FullLoadThroughputRowsTarget: rows committed to the target per second during a load. */
export function startLoadSampler(
  deps: Pick<ReplicationDeps, 'store' | 'metrics'>,
  task: TaskRecord,
): NodeJS.Timeout {
  const total = () => task.tables.reduce((n, t) => n + t.fullLoadRows, 0);
  let last = total();
  return setInterval(() => {
    const now = total();
    recordTaskMetric(deps, task, 'FullLoadThroughputRowsTarget', Math.max(0, now - last));
    last = now;
  }, 1000);
}

/** How a replication run ends the task: its StopReason and log line, or a failure. */
export function cdcEnding(
  task: TaskRecord,
  outcome: CdcOutcome,
): { failure: string } | { reason: StopReasonCode; message: string; file: string } {
  switch (outcome.kind) {
    case 'failed':
      return { failure: outcome.message };
    case 'cached-applied':
      return {
        reason: 'STOPPED_AFTER_CACHED_EVENTS',
        message:
          'Task is stopping after the cached changes were applied (StopTaskCachedChangesApplied)',
        file: 'replicationtask.c:2692',
      };
    case 'stop-position':
      return {
        reason: outcome.reason,
        message: `Task is stopping: CdcStopPosition '${task.cdcStopPosition}' reached`,
        file: 'replicationtask.c:2697',
      };
    default:
      return { reason: 'NORMAL', message: 'Task stopped', file: 'replicationtask.c:2110' };
  }
}
