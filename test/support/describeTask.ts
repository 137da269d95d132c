// One replication task as DescribeReplicationTasks returns it, looked up by its ARN.
import {
  type DatabaseMigrationServiceClient,
  DescribeReplicationTasksCommand,
  type ReplicationTask,
} from '@aws-sdk/client-database-migration-service';

/** The task with this ARN (undefined when the answer lists none). */
export async function describeTaskByArn(
  dms: DatabaseMigrationServiceClient,
  arn: string,
): Promise<ReplicationTask | undefined> {
  const out = await dms.send(
    new DescribeReplicationTasksCommand({
      Filters: [{ Name: 'replication-task-arn', Values: [arn] }],
    }),
  );
  return out.ReplicationTasks?.[0];
}
