// The DMS endpoints for the form: fetched once when the screen opens, refreshable, and
// extended at once with an endpoint the form has just created.
import { useCallback, useEffect, useState } from 'react';
import { useServices } from '../app/services.js';
import { listEndpoints } from '../aws/endpoints.js';
import { describeAwsError } from '../aws/errors.js';
import type { EndpointSummary } from '../model/taskFormState.js';
import type { ResourceList } from './useInstances.js';

export interface EndpointList extends ResourceList<EndpointSummary> {
  /** Adds (or replaces) one endpoint without waiting for a refetch. */
  add(endpoint: EndpointSummary): void;
}

export function useEndpoints(): EndpointList {
  const { clients, target } = useServices();
  const [state, setState] = useState<{
    data?: EndpointSummary[];
    error?: string;
    loading: boolean;
  }>({ loading: true });
  const [generation, setGeneration] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: generation re-runs the fetch
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    listEndpoints(clients).then(
      (data) => live && setState({ data, loading: false }),
      (error) =>
        live &&
        setState((s) => ({
          data: s.data,
          loading: false,
          error: describeAwsError(error, { target, action: 'DescribeEndpoints' }),
        })),
    );
    return () => {
      live = false;
    };
  }, [clients, target, generation]);
  const refresh = useCallback(() => setGeneration((g) => g + 1), []);
  const add = useCallback(
    (endpoint: EndpointSummary) =>
      setState((s) => ({
        ...s,
        data: [...(s.data ?? []).filter((e) => e.arn !== endpoint.arn), endpoint],
      })),
    [],
  );
  return { ...state, refresh, add };
}
