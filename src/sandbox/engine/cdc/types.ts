// The contract between the task runner and the change data capture engine: the runner opens a
// session before the full load (so changes made during the load are kept at the source), then
// runs it until the task stops. See docs/dms-api.md "Change data capture".
import type { RowChange } from '../../../db/cdc/types.js';
import type { ConnectionSpec } from '../../../model/connection.js';
import type { TableMappings } from '../../../model/tableMappings.js';
import type { LogComponent, Severity } from '../types.js';
import type { CachedChanges } from './cachedChanges.js';

export type OpCounts = { insert: number; update: number; delete: number };

export interface CdcMetricsSample {
  /** Seconds between the newest change read from the source and now (0 when idle). */
  latencySource: number;
  /** Seconds the oldest change not yet committed on the target has waited (0 when none). */
  latencyTarget: number;
  /** Changes read from the source and not yet committed on the target. */
  incoming: number;
  /** Changes read from the source during the last second. */
  throughputSource: number;
  /** Changes committed on the target during the last second. */
  throughputTarget: number;
}

export interface CdcJob {
  /** The task's resource id: names the slot, publications, triggers and checkpoint row. */
  taskId: string;
  source: ConnectionSpec;
  target: ConnectionSpec;
  /** PostgreSQLSettings/MySQLSettings of the source endpoint (SlotName …). */
  sourceSettings: Record<string, unknown>;
  tableMappings: TableMappings;
  settings: Record<string, unknown>;
  /** A fresh start (start-replication, reload-target): forget any slot and checkpoint first. */
  fresh: boolean;
  /** cdc-only tasks: create missing target tables (there is no full load to do it). */
  createTargetTables: boolean;
  signal: AbortSignal;
  log(component: LogComponent, severity: Severity, message: string, sourceFile?: string): void;
  /** Changes read (captured) and committed on the target (applied), per source table. */
  onCounts(kind: 'captured' | 'applied', counts: Map<string, OpCounts>): void;
  onDdl(table: string): void;
  /** The changes of a batch just committed on the target. */
  onApplied?(changes: RowChange[]): void;
  /** A new recovery checkpoint committed on the target. */
  onCheckpoint(checkpoint: string): void;
  /** Once a second while changes are replicated. */
  onMetrics(sample: CdcMetricsSample): void;
}

/** Where ongoing replication ends by itself (CdcStopPosition). */
export type CdcStop = { kind: 'server_time' | 'commit_time'; atMs: number };

export interface CdcRunOptions {
  /** Native position to read after (exclusive). */
  from: string;
  /** Changes committed before this time are skipped (CdcStartTime). */
  notBeforeMs?: number;
  /** The source position when the full load finished: changes up to it are the cached ones. */
  cachedUntil?: string;
  /** Started beside the full load: the changes of tables not loaded yet, held per table. */
  cache?: CachedChanges;
  /** StopTaskCachedChangesApplied: end once the cached changes are applied. */
  stopAfterCached: boolean;
  stop?: CdcStop;
  onCachedApplied(): void;
}

export type CdcOutcome =
  | { kind: 'stopped' }
  | { kind: 'failed'; message: string }
  | { kind: 'cached-applied' }
  | { kind: 'stop-position'; reason: 'STOPPED_AT_SERVER_TIME' | 'STOPPED_AT_COMMIT_TIME' };

export interface CdcSession {
  /** What kind of position the source has ('lsn' | 'binlog' | 'seq'). */
  readonly positionKind: 'lsn' | 'binlog' | 'seq';
  /** Where this session's capture begins when nothing was applied yet. */
  readonly startPosition: string;
  /** The checkpoint the target holds for this task (null: none yet). */
  readonly targetCheckpoint: string | null;
  /** The source tables the selection rules matched. */
  readonly tables: { schema: string; table: string }[];
  /** The earliest position the source still has (for CdcStartTime on MySQL: its first binlog). */
  earliestPosition(): Promise<string>;
  currentPosition(): Promise<string>;
  run(options: CdcRunOptions): Promise<CdcOutcome>;
  close(): Promise<void>;
}

export type OpenCdc = (
  job: CdcJob,
) => Promise<{ kind: 'ready'; session: CdcSession } | { kind: 'failed'; message: string }>;

/**
 * Drops the task's capture objects at the source (task deleted): slot, publications, triggers.
 * A source it cannot reach keeps them: `left` then says which, by name (null: nothing left).
 */
export type DropCdc = (taskId: string, source: ConnectionSpec) => Promise<{ left: string | null }>;

export interface CdcEngine {
  open: OpenCdc;
  drop: DropCdc;
}
