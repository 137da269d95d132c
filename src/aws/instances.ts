// DescribeReplicationInstances → the form's instance list.
import type { ReplicationInstance } from '@aws-sdk/client-database-migration-service';
import type { InstanceSummary } from '../model/taskFormState.js';
import type { AwsClients } from './clients.js';
import { loadDms } from './sdk.js';

export function toInstanceSummary(i: ReplicationInstance): InstanceSummary {
  return {
    identifier: i.ReplicationInstanceIdentifier ?? '',
    arn: i.ReplicationInstanceArn ?? '',
    instanceClass: i.ReplicationInstanceClass ?? '',
    status: i.ReplicationInstanceStatus ?? 'unknown',
    engineVersion: i.EngineVersion,
  };
}

export async function listReplicationInstances(clients: AwsClients): Promise<InstanceSummary[]> {
  const { DescribeReplicationInstancesCommand } = await loadDms();
  const client = await clients.dms();
  const all: InstanceSummary[] = [];
  let marker: string | undefined;
  do {
    const out = await client.send(
      new DescribeReplicationInstancesCommand({ MaxRecords: 100, Marker: marker }),
    );
    all.push(...(out.ReplicationInstances ?? []).map(toInstanceSummary));
    marker = out.Marker || undefined;
  } while (marker);
  return all;
}
