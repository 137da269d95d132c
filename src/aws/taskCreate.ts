// CreateReplicationTask (and StartReplicationTask for "start now"), plus the task names in use
// so the form can suggest a free one.
import type { CreateTaskInput } from '../model/taskInput.js';
import type { AwsClients } from './clients.js';
import { errorName } from './errors.js';
import { loadDms } from './sdk.js';

export interface CreatedTask {
  arn: string;
  identifier: string;
  status: string;
}

export async function createReplicationTask(
  clients: AwsClients,
  input: CreateTaskInput,
): Promise<CreatedTask> {
  const { CreateReplicationTaskCommand } = await loadDms();
  const client = await clients.dms();
  const out = await client.send(new CreateReplicationTaskCommand({ ...input }));
  const task = out.ReplicationTask;
  if (!task?.ReplicationTaskArn) throw new Error('CreateReplicationTask returned no task');
  return {
    arn: task.ReplicationTaskArn,
    identifier: task.ReplicationTaskIdentifier ?? input.ReplicationTaskIdentifier,
    status: task.Status ?? 'creating',
  };
}

export async function describeTaskStatus(
  clients: AwsClients,
  arn: string,
): Promise<string | undefined> {
  const { DescribeReplicationTasksCommand } = await loadDms();
  const client = await clients.dms();
  const out = await client.send(
    new DescribeReplicationTasksCommand({
      Filters: [{ Name: 'replication-task-arn', Values: [arn] }],
      WithoutSettings: true,
    }),
  );
  return out.ReplicationTasks?.[0]?.Status;
}

/** Starts a new task for the first time (start-replication). */
export async function startNewReplicationTask(clients: AwsClients, arn: string): Promise<string> {
  const { StartReplicationTaskCommand } = await loadDms();
  const client = await clients.dms();
  const out = await client.send(
    new StartReplicationTaskCommand({
      ReplicationTaskArn: arn,
      StartReplicationTaskType: 'start-replication',
    }),
  );
  return out.ReplicationTask?.Status ?? 'starting';
}

/** Identifiers of the existing tasks (for a free name suggestion). */
export async function listTaskIdentifiers(clients: AwsClients): Promise<string[]> {
  const { DescribeReplicationTasksCommand } = await loadDms();
  const client = await clients.dms();
  const names: string[] = [];
  let marker: string | undefined;
  try {
    do {
      const out = await client.send(
        new DescribeReplicationTasksCommand({
          MaxRecords: 100,
          Marker: marker,
          WithoutSettings: true,
        }),
      );
      for (const t of out.ReplicationTasks ?? [])
        if (t.ReplicationTaskIdentifier) names.push(t.ReplicationTaskIdentifier);
      marker = out.Marker || undefined;
    } while (marker);
  } catch (error) {
    if (errorName(error) !== 'ResourceNotFoundFault') throw error;
  }
  return names;
}
