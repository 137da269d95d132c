// Typed wrappers for the DMS task calls the Data Migration View and the command line use.
// Every call reads all pages, returns domain types (src/model/task.ts) and fails with an
// AwsError whose message is one readable line.
import type {
  Endpoint,
  ReplicationInstance,
  ReplicationTask,
} from '@aws-sdk/client-database-migration-service';
import {
  type EndpointInfo,
  type InstanceInfo,
  isArn,
  type Task,
  type TaskNames,
} from '../model/task.js';
import type { StartType } from '../model/taskLifecycle.js';
import { AwsError, awsCall } from './call.js';
import type { AwsClients } from './clients.js';
import { loadDms } from './sdk.js';

export function toTask(t: ReplicationTask): Task {
  const s = t.ReplicationTaskStats;
  return {
    id: t.ReplicationTaskIdentifier ?? '',
    arn: t.ReplicationTaskArn ?? '',
    status: t.Status ?? 'unknown',
    migrationType: t.MigrationType ?? '',
    sourceEndpointArn: t.SourceEndpointArn ?? '',
    targetEndpointArn: t.TargetEndpointArn ?? '',
    instanceArn: t.ReplicationInstanceArn ?? '',
    stopReason: t.StopReason,
    lastFailureMessage: t.LastFailureMessage,
    createdAt: t.ReplicationTaskCreationDate,
    startedAt: t.ReplicationTaskStartDate,
    tableMappings: t.TableMappings,
    settings: t.ReplicationTaskSettings,
    cdcStartPosition: t.CdcStartPosition,
    cdcStopPosition: t.CdcStopPosition,
    recoveryCheckpoint: t.RecoveryCheckpoint,
    stats: s
      ? {
          progressPercent: s.FullLoadProgressPercent ?? 0,
          elapsedMs: s.ElapsedTimeMillis ?? 0,
          tablesLoaded: s.TablesLoaded ?? 0,
          tablesLoading: s.TablesLoading ?? 0,
          tablesQueued: s.TablesQueued ?? 0,
          tablesErrored: s.TablesErrored ?? 0,
          freshStartDate: s.FreshStartDate,
          startDate: s.StartDate,
          stopDate: s.StopDate,
          fullLoadStartDate: s.FullLoadStartDate,
          fullLoadFinishDate: s.FullLoadFinishDate,
        }
      : undefined,
  };
}

export interface ListTasksResult {
  tasks: Task[];
  /** How many DescribeReplicationTasks calls it took (one per page). */
  calls: number;
}

export interface TaskFilter {
  Name: string;
  Values: string[];
}

/** DescribeReplicationTasks, all pages. An empty account is an empty list, not an error. */
export async function listTasks(
  clients: AwsClients,
  options: { withSettings?: boolean; filters?: TaskFilter[]; signal?: AbortSignal } = {},
): Promise<ListTasksResult> {
  const { DescribeReplicationTasksCommand } = await loadDms();
  const client = await awsCall(clients.target, 'dms', 'DescribeReplicationTasks', () =>
    clients.dms(),
  );
  const tasks: Task[] = [];
  let marker: string | undefined;
  let calls = 0;
  do {
    calls++;
    try {
      const page = await awsCall(clients.target, 'dms', 'DescribeReplicationTasks', () =>
        client.send(
          new DescribeReplicationTasksCommand({
            MaxRecords: 100,
            Marker: marker,
            WithoutSettings: !options.withSettings,
            Filters: options.filters,
          }),
          { abortSignal: options.signal },
        ),
      );
      for (const t of page.ReplicationTasks ?? []) tasks.push(toTask(t));
      marker = page.Marker || undefined;
    } catch (error) {
      if (error instanceof AwsError && error.code === 'ResourceNotFoundFault' && tasks.length === 0)
        return { tasks: [], calls };
      throw error;
    }
  } while (marker);
  return { tasks, calls };
}

/** Finds one task by identifier or ARN; a missing task is an AwsError with a clear line. */
export async function findTask(
  clients: AwsClients,
  idOrArn: string,
  options: { withSettings?: boolean } = {},
): Promise<Task> {
  const filter: TaskFilter = isArn(idOrArn)
    ? { Name: 'replication-task-arn', Values: [idOrArn] }
    : { Name: 'replication-task-id', Values: [idOrArn.toLowerCase()] };
  const { tasks } = await listTasks(clients, {
    withSettings: options.withSettings,
    filters: [filter],
  });
  const task = tasks[0];
  if (!task) throw new TaskNotFoundError(idOrArn);
  return task;
}

export class TaskNotFoundError extends Error {
  constructor(readonly task: string) {
    super(
      `No replication task "${task}" in this account and region (check the name, --profile and --region)`,
    );
    this.name = 'TaskNotFoundError';
  }
}

export async function startTask(clients: AwsClients, arn: string, type: StartType): Promise<Task> {
  const { StartReplicationTaskCommand } = await loadDms();
  const client = await clients.dms();
  const out = await awsCall(clients.target, 'dms', 'StartReplicationTask', () =>
    client.send(
      new StartReplicationTaskCommand({ ReplicationTaskArn: arn, StartReplicationTaskType: type }),
    ),
  );
  return toTask(out.ReplicationTask ?? {});
}

export async function stopTask(clients: AwsClients, arn: string): Promise<Task> {
  const { StopReplicationTaskCommand } = await loadDms();
  const client = await clients.dms();
  const out = await awsCall(clients.target, 'dms', 'StopReplicationTask', () =>
    client.send(new StopReplicationTaskCommand({ ReplicationTaskArn: arn })),
  );
  return toTask(out.ReplicationTask ?? {});
}

export async function deleteTask(clients: AwsClients, arn: string): Promise<Task> {
  const { DeleteReplicationTaskCommand } = await loadDms();
  const client = await clients.dms();
  const out = await awsCall(clients.target, 'dms', 'DeleteReplicationTask', () =>
    client.send(new DeleteReplicationTaskCommand({ ReplicationTaskArn: arn })),
  );
  return toTask(out.ReplicationTask ?? {});
}

/** ModifyReplicationTask with a (partial) settings document. */
export async function modifyTaskSettings(
  clients: AwsClients,
  arn: string,
  settings: string,
): Promise<Task> {
  const { ModifyReplicationTaskCommand } = await loadDms();
  const client = await clients.dms();
  const out = await awsCall(clients.target, 'dms', 'ModifyReplicationTask', () =>
    client.send(
      new ModifyReplicationTaskCommand({
        ReplicationTaskArn: arn,
        ReplicationTaskSettings: settings,
      }),
    ),
  );
  return toTask(out.ReplicationTask ?? {});
}

function toEndpoint(e: Endpoint): EndpointInfo {
  return {
    arn: e.EndpointArn ?? '',
    id: e.EndpointIdentifier ?? '',
    type: (e.EndpointType ?? '').toLowerCase(),
    engine: e.EngineName ?? '',
    server: e.ServerName,
    port: e.Port,
    database: e.DatabaseName,
  };
}

function toInstance(i: ReplicationInstance): InstanceInfo {
  return {
    arn: i.ReplicationInstanceArn ?? '',
    id: i.ReplicationInstanceIdentifier ?? '',
    instanceClass: i.ReplicationInstanceClass,
    status: i.ReplicationInstanceStatus,
  };
}

/** Endpoint and replication-instance names (all pages), to show ARNs as names. */
export async function listNames(clients: AwsClients): Promise<TaskNames> {
  const { DescribeEndpointsCommand, DescribeReplicationInstancesCommand } = await loadDms();
  const client = await awsCall(clients.target, 'dms', 'DescribeEndpoints', () => clients.dms());
  const endpoints = new Map<string, EndpointInfo>();
  const instances = new Map<string, InstanceInfo>();
  let marker: string | undefined;
  do {
    const page = await awsCall(clients.target, 'dms', 'DescribeEndpoints', () =>
      client.send(new DescribeEndpointsCommand({ MaxRecords: 100, Marker: marker })),
    ).catch((e: AwsError) => {
      if (e.code === 'ResourceNotFoundFault') return { Endpoints: [], Marker: undefined };
      throw e;
    });
    for (const e of page.Endpoints ?? []) endpoints.set(e.EndpointArn ?? '', toEndpoint(e));
    marker = page.Marker || undefined;
  } while (marker);
  do {
    const page = await awsCall(clients.target, 'dms', 'DescribeReplicationInstances', () =>
      client.send(new DescribeReplicationInstancesCommand({ MaxRecords: 100, Marker: marker })),
    ).catch((e: AwsError) => {
      if (e.code === 'ResourceNotFoundFault')
        return { ReplicationInstances: [], Marker: undefined };
      throw e;
    });
    for (const i of page.ReplicationInstances ?? [])
      instances.set(i.ReplicationInstanceArn ?? '', toInstance(i));
    marker = page.Marker || undefined;
  } while (marker);
  return { endpoints, instances };
}
