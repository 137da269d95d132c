// The replication instances for the form.
import { listReplicationInstances } from '../aws/instances.js';
import type { InstanceSummary } from '../model/taskFormState.js';
import { type ResourceList, useResourceList } from './useResourceList.js';

export type { ResourceList } from './useResourceList.js';

export function useInstances(): ResourceList<InstanceSummary> {
  return useResourceList({
    fetch: listReplicationInstances,
    action: 'DescribeReplicationInstances',
    key: (i) => i.arn,
  });
}
