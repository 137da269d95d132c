// The replication task as the app sees it: plain data built from DescribeReplicationTasks
// (src/aws/tasks.ts converts the SDK shape into this). Pure: no SDK types here.
import type { Endpoint } from './endpoint.js';
import type { ReplicationInstance } from './instance.js';

export interface TaskStats {
  /** 0–100. */
  progressPercent: number;
  elapsedMs: number;
  tablesLoaded: number;
  tablesLoading: number;
  tablesQueued: number;
  tablesErrored: number;
  freshStartDate?: Date;
  startDate?: Date;
  stopDate?: Date;
  fullLoadStartDate?: Date;
  fullLoadFinishDate?: Date;
}

export interface Task {
  /** ReplicationTaskIdentifier. */
  id: string;
  arn: string;
  status: string;
  migrationType: string;
  sourceEndpointArn: string;
  targetEndpointArn: string;
  instanceArn: string;
  stopReason?: string;
  lastFailureMessage?: string;
  createdAt?: Date;
  startedAt?: Date;
  stats?: TaskStats;
  /** JSON string as DMS keeps it. */
  tableMappings?: string;
  /** JSON string; absent when fetched WithoutSettings. */
  settings?: string;
  cdcStartPosition?: string;
  cdcStopPosition?: string;
  recoveryCheckpoint?: string;
}

/** The endpoints and replication instances keyed by ARN, for showing "source → target" in words. */
export interface TaskNames {
  endpoints: ReadonlyMap<string, Endpoint>;
  instances: ReadonlyMap<string, ReplicationInstance>;
}

export const NO_NAMES: TaskNames = { endpoints: new Map(), instances: new Map() };

/** The last part of an ARN: "arn:aws:dms:us-east-1:1:task:ABC" → "ABC". */
export function arnResource(arn: string): string {
  const parts = arn.split(':');
  return parts.length >= 7 ? parts.slice(6).join(':') : arn;
}

export function isArn(text: string): boolean {
  return text.startsWith('arn:');
}

/** The CloudWatch log group and stream of a task (docs/dms-api.md §5 CloudWatch Logs). */
export function taskLogLocation(
  task: Pick<Task, 'arn' | 'instanceArn'>,
  instanceId: string,
): { group: string; stream: string } {
  return { group: `dms-tasks-${instanceId}`, stream: `dms-task-${arnResource(task.arn)}` };
}

export function endpointName(arn: string, names: TaskNames): string {
  return names.endpoints.get(arn)?.identifier ?? arnResource(arn);
}

export function instanceName(arn: string, names: TaskNames): string {
  return names.instances.get(arn)?.identifier ?? arnResource(arn);
}
