// Replication instances, endpoints, tasks and connection tests, fetched together and polled
// while the `:instances` or `:endpoints` screen is visible: each resource with the tasks that
// use it. An account with none of a kind has an empty list (not an error).
import { useCallback } from 'react';
import { useServices } from '../ui/services.js';
import { AwsError } from '../aws/call.js';
import { listConnections, listEndpoints } from '../aws/endpoints.js';
import { listReplicationInstances } from '../aws/instances.js';
import { listTasks } from '../aws/tasks.js';
import type { Endpoint } from '../model/endpoint.js';
import type { ReplicationInstance } from '../model/instance.js';
import type { EndpointConnection } from '../model/resourceRows.js';
import type { Task } from '../model/task.js';
import { type PollingApi, usePolling } from './usePolling.js';

export interface DmsResources {
  instances: ReplicationInstance[];
  endpoints: Endpoint[];
  tasks: Task[];
  connections: EndpointConnection[];
}

const noneFound = <T>(error: unknown): T[] => {
  if (error instanceof AwsError && error.code === 'ResourceNotFoundFault') return [];
  throw error;
};

export function useDmsResources(options: { active?: boolean } = {}): PollingApi<DmsResources> {
  const services = useServices();
  const { clients } = services;
  const fetch = useCallback(
    async (signal: AbortSignal): Promise<DmsResources> => {
      const [instances, endpoints, tasks, connections] = await Promise.all([
        listReplicationInstances(clients).catch(noneFound<ReplicationInstance>),
        listEndpoints(clients),
        listTasks(clients, { signal }).then((r) => r.tasks),
        listConnections(clients).catch(noneFound<EndpointConnection>),
      ]);
      return { instances, endpoints, tasks, connections };
    },
    [clients],
  );
  return usePolling({
    fetch,
    intervalMs: services.refreshSeconds * 1000,
    active: options.active,
    resetKey: JSON.stringify(clients.target),
  });
}
