// The replication instances for the form.
import { listReplicationInstances } from '../aws/instances.js';
import type { ReplicationInstance } from '../model/instance.js';
import { type ResourceList, useResourceList } from './useResourceList.js';

export type { ResourceList } from './useResourceList.js';

export function useInstances(): ResourceList<ReplicationInstance> {
  return useResourceList({ fetch: listReplicationInstances, key: (i) => i.arn });
}
