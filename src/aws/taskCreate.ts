// CreateReplicationTask, as the task form sends it (starting and listing tasks: tasks.ts).
// Fails with an AwsError (call.ts).
import type { CreateTaskInput } from '../model/taskInput.js';
import { AwsError, dmsCall } from './call.js';
import type { AwsClients } from './clients.js';

export interface CreatedTask {
  arn: string;
  identifier: string;
  status: string;
}

export async function createReplicationTask(
  clients: AwsClients,
  input: CreateTaskInput,
): Promise<CreatedTask> {
  const out = await dmsCall(
    clients,
    'CreateReplicationTask',
    (client, { CreateReplicationTaskCommand }) =>
      client.send(
        new CreateReplicationTaskCommand({
          ...input,
          CdcStartTime: input.CdcStartTime ? new Date(input.CdcStartTime) : undefined,
        }),
      ),
  );
  const task = out.ReplicationTask;
  if (!task?.ReplicationTaskArn)
    throw new AwsError(
      'CreateReplicationTask returned no task: look for it in the task list before creating it again',
      { code: 'EmptyResponse' },
    );
  return {
    arn: task.ReplicationTaskArn,
    identifier: task.ReplicationTaskIdentifier ?? input.ReplicationTaskIdentifier,
    status: task.Status ?? 'creating',
  };
}
