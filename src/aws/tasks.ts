// Typed wrappers for the DMS task calls the Data Migration View and the command line use.
// Every call reads all pages (the SDK's paginators), returns domain types (src/model/task.ts)
// and fails with an AwsError (call.ts) whose message is one readable line.
import type { ReplicationTask } from '@aws-sdk/client-database-migration-service';
import type { Endpoint } from '../model/endpoint.js';
import type { ReplicationInstance } from '../model/instance.js';
import { isArn, type Task, type TaskNames } from '../model/task.js';
import type { StartType } from '../model/taskLifecycle.js';
import type { ModifyTaskInput } from '../model/taskModify.js';
import { AwsError, dmsCall } from './call.js';
import type { AwsClients } from './clients.js';
import { listEndpoints } from './endpoints.js';
import { listReplicationInstances } from './instances.js';

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
  const tasks: Task[] = [];
  let calls = 0;
  try {
    await dmsCall(
      clients,
      'DescribeReplicationTasks',
      async (client, { paginateDescribeReplicationTasks }) => {
        const pages = paginateDescribeReplicationTasks(
          {
            client,
            pageSize: 100,
            withCommand: (command) => {
              calls++;
              return command;
            },
          },
          { WithoutSettings: !options.withSettings, Filters: options.filters },
          { abortSignal: options.signal },
        );
        for await (const page of pages)
          for (const t of page.ReplicationTasks ?? []) tasks.push(toTask(t));
      },
    );
  } catch (error) {
    if (error instanceof AwsError && error.code === 'ResourceNotFoundFault' && tasks.length === 0)
      return { tasks: [], calls };
    throw error;
  }
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

/** No task by that name or ARN: an AwsError with DMS's code for a missing resource. */
export class TaskNotFoundError extends AwsError {
  constructor(readonly task: string) {
    super(
      `No replication task "${task}" in this account and region (check the name, --profile and --region)`,
      { code: 'ResourceNotFoundFault' },
    );
    this.name = 'TaskNotFoundError';
  }
}

export async function startTask(clients: AwsClients, arn: string, type: StartType): Promise<Task> {
  const out = await dmsCall(clients, 'StartReplicationTask', (client, sdk) =>
    client.send(
      new sdk.StartReplicationTaskCommand({
        ReplicationTaskArn: arn,
        StartReplicationTaskType: type,
      }),
    ),
  );
  return toTask(out.ReplicationTask ?? {});
}

export async function stopTask(clients: AwsClients, arn: string): Promise<Task> {
  const out = await dmsCall(clients, 'StopReplicationTask', (client, sdk) =>
    client.send(new sdk.StopReplicationTaskCommand({ ReplicationTaskArn: arn })),
  );
  return toTask(out.ReplicationTask ?? {});
}

export async function deleteTask(clients: AwsClients, arn: string): Promise<Task> {
  const out = await dmsCall(clients, 'DeleteReplicationTask', (client, sdk) =>
    client.send(new sdk.DeleteReplicationTaskCommand({ ReplicationTaskArn: arn })),
  );
  return toTask(out.ReplicationTask ?? {});
}

/** ModifyReplicationTask with a (partial) settings document. */
export async function modifyTaskSettings(
  clients: AwsClients,
  arn: string,
  settings: string,
): Promise<Task> {
  const out = await dmsCall(clients, 'ModifyReplicationTask', (client, sdk) =>
    client.send(
      new sdk.ModifyReplicationTaskCommand({
        ReplicationTaskArn: arn,
        ReplicationTaskSettings: settings,
      }),
    ),
  );
  return toTask(out.ReplicationTask ?? {});
}

/** ModifyReplicationTask from the task form (type, mappings, settings, identifier). */
export async function modifyTask(clients: AwsClients, input: ModifyTaskInput): Promise<Task> {
  const out = await dmsCall(clients, 'ModifyReplicationTask', (client, sdk) =>
    client.send(new sdk.ModifyReplicationTaskCommand({ ...input })),
  );
  return toTask(out.ReplicationTask ?? {});
}

/** Endpoint and replication-instance names (all pages), to show ARNs as names. An account
 *  without endpoints or instances has none of them (not an error). */
export async function listNames(clients: AwsClients): Promise<TaskNames> {
  const [endpoints, instances] = await Promise.all([
    listEndpoints(clients),
    listReplicationInstances(clients).catch((error: unknown) => {
      if (error instanceof AwsError && error.code === 'ResourceNotFoundFault') return [];
      throw error;
    }),
  ]);
  return {
    endpoints: new Map(endpoints.map((e): [string, Endpoint] => [e.arn, e])),
    instances: new Map(instances.map((i): [string, ReplicationInstance] => [i.arn, i])),
  };
}
