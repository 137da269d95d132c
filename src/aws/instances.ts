// DMS replication instances: DescribeReplicationInstances (all pages) into the one
// ReplicationInstance type (src/model/instance.ts). Fails with an AwsError (call.ts); an
// account without instances is DMS's ResourceNotFoundFault, left to the caller (the task form
// shows DMS's line, the task list's names take it as none).
import type { ReplicationInstance as SdkReplicationInstance } from '@aws-sdk/client-database-migration-service';
import type { ReplicationInstance } from '../model/instance.js';
import { dmsCall } from './call.js';
import type { AwsClients } from './clients.js';

export function toReplicationInstance(i: SdkReplicationInstance): ReplicationInstance {
  return {
    identifier: i.ReplicationInstanceIdentifier ?? '',
    arn: i.ReplicationInstanceArn ?? '',
    instanceClass: i.ReplicationInstanceClass ?? '',
    status: i.ReplicationInstanceStatus ?? 'unknown',
    engineVersion: i.EngineVersion,
    allocatedStorageGb: i.AllocatedStorage,
  };
}

export async function listReplicationInstances(
  clients: AwsClients,
): Promise<ReplicationInstance[]> {
  return dmsCall(
    clients,
    'DescribeReplicationInstances',
    async (client, { paginateDescribeReplicationInstances }) => {
      const all: ReplicationInstance[] = [];
      const pages = paginateDescribeReplicationInstances({ client, pageSize: 100 }, {});
      for await (const page of pages)
        for (const i of page.ReplicationInstances ?? []) all.push(toReplicationInstance(i));
      return all;
    },
  );
}
