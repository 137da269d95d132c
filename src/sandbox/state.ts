// The sandbox's persistent state: what DMS and CloudWatch Logs would hold for one account.
// Times are epoch milliseconds; the DMS handlers render them as epoch seconds.
import type { MigrationType, TaskStatus } from '../model/taskLifecycle.js';
import type { TaskSettings } from '../model/taskSettings.js';
import type { TableValidation } from '../model/validation.js';
import type { TableState } from './engine/types.js';

export const ACCOUNT_ID = '000000000000';
export const DEFAULT_REGION = 'us-east-1';
export const INSTANCE_ID = 'sandbox';

/** A resource tag (src/sandbox/tags.ts). */
export interface Tag {
  Key: string;
  Value: string;
}

export interface InstanceRecord {
  arn: string;
  identifier: string;
  createdMs: number;
  tags?: Tag[];
}

export interface EndpointRecord {
  arn: string;
  identifier: string;
  /** 'source' | 'target' (rendered uppercase). */
  type: 'source' | 'target';
  engineName: string;
  username?: string;
  /** Kept so the sandbox can connect, as DMS keeps it; never returned by any operation. */
  password?: string;
  serverName?: string;
  port?: number;
  databaseName?: string;
  extraConnectionAttributes?: string;
  sslMode: string;
  certificateArn?: string;
  /** Per-engine settings objects (PostgreSQLSettings, MySQLSettings, …) minus passwords. */
  engineSettings: Record<string, Record<string, unknown>>;
  status: 'active' | 'deleting';
  createdMs: number;
  tags?: Tag[];
}

export interface ConnectionRecord {
  endpointArn: string;
  instanceArn: string;
  status: 'testing' | 'successful' | 'failed' | 'deleting';
  lastFailureMessage?: string;
}

export interface TableStatRecord {
  schema: string;
  table: string;
  state: TableState;
  fullLoadRows: number;
  errorRows: number;
  /** The source's row estimate when this load of the table began; see TableProgress. */
  estimatedRows?: number;
  reloaded: boolean;
  /**
   * Rows an earlier run of this task left in the target that this load keeps (a resume with
   * DO_NOTHING): FullLoadRows counts them too, so it says what the task put in the table.
   */
  carriedRows?: number;
  /** The target table and its rows when this load of it began, for a recount after a crash. */
  target?: { schema: string; table: string; rowsBefore: number };
  startMs?: number;
  endMs?: number;
  lastUpdateMs: number;
  /** Change data capture counts: captured at the source and applied to the target. */
  cdc?: CdcTableCounts;
  /** Data validation figures (absent: "Not enabled"). */
  validation?: TableValidation;
}

export interface CdcTableCounts {
  inserts: number;
  updates: number;
  deletes: number;
  ddls: number;
  appliedInserts: number;
  appliedUpdates: number;
  appliedDeletes: number;
  appliedDdls: number;
}

/** Where a task's change data capture starts, fixed on its fresh start (DMS: "it can't be changed"). */
export interface CdcStartRecord {
  /** Native position capture reads after when the target holds no checkpoint yet. */
  startPosition: string;
  /** CdcStartTime: changes committed earlier are skipped (MySQL/MariaDB sources). */
  notBeforeMs?: number;
}

export interface TaskStats {
  elapsedBeforeMs: number;
  freshStartMs?: number;
  startMs?: number;
  stopMs?: number;
  fullLoadStartMs?: number;
  fullLoadFinishMs?: number;
}

export interface TaskRecord {
  arn: string;
  identifier: string;
  resourceId: string;
  sourceEndpointArn: string;
  targetEndpointArn: string;
  instanceArn: string;
  migrationType: MigrationType;
  tableMappings: string;
  settings: TaskSettings;
  /** Its place in the lifecycle of src/model/taskLifecycle.ts. */
  status: TaskStatus;
  /** The status a modify returns to. */
  statusBeforeModify?: TaskStatus;
  lastFailureMessage?: string;
  stopReason?: string;
  createdMs: number;
  startMs?: number;
  cdcStartPosition?: string;
  /** CdcStartTime, epoch ms. */
  cdcStartTime?: number;
  cdcStopPosition?: string;
  /** The last checkpoint committed on the target ("checkpoint:V1#…"), for RecoveryCheckpoint. */
  recoveryCheckpoint?: string;
  cdc?: CdcStartRecord;
  taskData?: string;
  hasRun: boolean;
  stats: TaskStats;
  tables: TableStatRecord[];
  tags?: Tag[];
}

export interface LogEvent {
  timestamp: number;
  ingestionTime: number;
  message: string;
}

export interface LogStreamRecord {
  name: string;
  createdMs: number;
  events: LogEvent[];
}

export interface LogGroupRecord {
  name: string;
  region: string;
  createdMs: number;
  streams: LogStreamRecord[];
}

export interface SandboxState {
  version: 1;
  instances: InstanceRecord[];
  endpoints: EndpointRecord[];
  connections: ConnectionRecord[];
  tasks: TaskRecord[];
  logGroups: LogGroupRecord[];
}

export function emptyState(): SandboxState {
  return { version: 1, instances: [], endpoints: [], connections: [], tasks: [], logGroups: [] };
}

/** The region part of an ARN. */
export function regionOf(arn: string): string {
  return arn.split(':')[3] ?? DEFAULT_REGION;
}
