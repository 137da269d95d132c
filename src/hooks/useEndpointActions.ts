// What `:endpoints` does to an endpoint: TestConnection from a chosen replication instance, and
// DeleteEndpoint (which DMS refuses while a task uses the endpoint: its reason is shown as it
// came, naming the endpoint). Each outcome is one line on the status bar; the list refreshes.
import { useState } from 'react';
import { useStatus } from '../ui/status.js';
import { useServices } from '../ui/services.js';
import { errorLine } from '../aws/call.js';
import { deleteEndpoint, startConnectionTest } from '../aws/endpoints.js';
import type { Endpoint } from '../model/endpoint.js';
import type { ReplicationInstance } from '../model/instance.js';

export interface EndpointActions {
  busy: boolean;
  /** The last refusal in full (the status bar may have to cut it), until the next action. */
  refusal: string | null;
  test(endpoint: Endpoint, instance: ReplicationInstance): void;
  remove(endpoint: Endpoint): void;
}

export function useEndpointActions(refresh: () => void): EndpointActions {
  const { clients } = useServices();
  const { setError, setNotice } = useStatus();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const run = (endpoint: Endpoint, work: Promise<unknown>, done: string, failed: string) => {
    setBusy(true);
    setError(null);
    setRefusal(null);
    work.then(
      () => {
        setBusy(false);
        setNotice(done);
        refresh();
      },
      (error) => {
        setBusy(false);
        setNotice(null);
        // DMS names the endpoint by its ARN: the name reads better.
        const line = `${failed}: ${errorLine(error).replaceAll(endpoint.arn, endpoint.identifier)}`;
        setError(line);
        setRefusal(line);
        refresh();
      },
    );
  };
  return {
    busy,
    refusal,
    test: (endpoint, instance) =>
      run(
        endpoint,
        startConnectionTest(clients, { instanceArn: instance.arn, endpointArn: endpoint.arn }),
        `Testing ${endpoint.identifier} from ${instance.identifier}: the LAST TEST column shows the result`,
        `Cannot test ${endpoint.identifier}`,
      ),
    remove: (endpoint) =>
      run(
        endpoint,
        deleteEndpoint(clients, endpoint.arn),
        `Deleting endpoint ${endpoint.identifier}`,
        `DMS refused to delete ${endpoint.identifier}`,
      ),
  };
}
