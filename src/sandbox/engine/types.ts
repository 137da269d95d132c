// The contract between the sandbox's task runner (src/sandbox/*) and its full-load engine
// (src/sandbox/engine/*). The runner owns task state, statistics and logs; the engine moves rows.
import type { ConnectionSpec } from '../../model/connection.js';
import type { TableMappings } from '../../model/tableMappings.js';

/** DMS log components (docs/dms-api.md §4 Task settings). */
export type LogComponent =
  | 'TASK_MANAGER'
  | 'TABLES_MANAGER'
  | 'SOURCE_UNLOAD'
  | 'TARGET_LOAD'
  | 'SOURCE_CAPTURE'
  | 'TARGET_APPLY'
  | 'METADATA_MANAGER'
  | 'COMMON'
  | 'TRANSFORMATION'
  | 'IO'
  | 'PERFORMANCE'
  | 'VALIDATOR_EXT';

export type Severity = 'E' | 'W' | 'I' | 'D';

export type TableState =
  | 'Table does not exist'
  | 'Before load'
  | 'Full load'
  | 'Table completed'
  | 'Table cancelled'
  | 'Table error'
  | 'Table is being reloaded';

/** A table as the source names it. */
export interface TableRef {
  schema: string;
  table: string;
}

export interface TableProgress extends TableRef {
  state: TableState;
  /** Rows this load has committed to the target (a stopped or failed load keeps its count). */
  fullLoadRows: number;
  errorRows: number;
  startTime?: Date;
  endTime?: Date;
  /**
   * Where the rows go and how many rows that table held when this load of it began (after
   * TargetTablePrepMode): what a recount after a crash needs (src/sandbox/recover.ts).
   */
  target?: { spec: TableRef; rowsBefore: number };
}

export interface FullLoadJob {
  source: ConnectionSpec;
  target: ConnectionSpec;
  tableMappings: TableMappings;
  /** The task's whole ReplicationTaskSettings, already merged with DMS defaults. */
  settings: Record<string, unknown>;
  /** Source tables ("schema.table") completed by an earlier run: resume-processing skips them. */
  skipTables?: ReadonlySet<string>;
  /** Aborted by StopReplicationTask; the engine must stop within a second or two. */
  signal: AbortSignal;
  /** The tables the selection rules matched, before any is loaded ("Before load"). */
  onTables(tables: TableRef[]): void;
  /** Progress as rows land (at most a few times a second per table) and on every state change. */
  onTableUpdate(progress: TableProgress): void;
  /** One task-log line; the runner formats and stores it (DMS line format). */
  log(component: LogComponent, severity: Severity, message: string, sourceFile?: string): void;
}

export type FullLoadOutcome =
  | { kind: 'completed' }
  | { kind: 'stopped' }
  /** No source table matched the selection rules: the runner fails the task or not, as
   *  ErrorBehavior.FailOnNoTablesCaptured says (src/model/taskLifecycleFailures.ts). */
  | { kind: 'no-tables' }
  /** Fatal: the task goes to "failed" with this as LastFailureMessage. */
  | { kind: 'failed'; message: string };

export type RunFullLoad = (job: FullLoadJob) => Promise<FullLoadOutcome>;

/** An Amazon S3 source endpoint (EngineName s3) as the sandbox reads it: files in its own S3. */
export interface S3SourceSpec {
  /** The sandbox's S3 folder (<dataDir>/s3): buckets are its subfolders. */
  s3Dir: string;
  bucket: string;
  /** BucketFolder, without leading or trailing "/" ('' for none). */
  folder: string;
  /** The ExternalTableDefinition text (checked when the load starts). */
  tableDefinition: string;
  dataFormat: 'csv' | 'parquet';
  /** One character each (DMS's "\n", "\t" escapes already read). */
  csvDelimiter: string;
  csvRowDelimiter: string;
  /** Unset: an unquoted empty field is NULL. Set: an unquoted field equal to it is NULL. */
  csvNullValue?: string;
  ignoreHeaderRows: number;
  rfc4180: boolean;
}

/** The full-load job of a task whose source is an S3 endpoint. */
export type S3FullLoadJob = Omit<FullLoadJob, 'source'> & { source: S3SourceSpec };
export type RunS3FullLoad = (job: S3FullLoadJob) => Promise<FullLoadOutcome>;
