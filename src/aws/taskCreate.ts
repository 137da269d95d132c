// CreateReplicationTask, as the task form sends it (starting and listing tasks: tasks.ts).
import type { CreateTaskInput } from '../model/taskInput.js';
import type { AwsClients } from './clients.js';
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
