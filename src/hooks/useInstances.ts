// The replication instances for the form: fetched once when the screen opens, refreshable.
import { useCallback, useEffect, useState } from 'react';
import { useServices } from '../app/services.js';
import { describeAwsError } from '../aws/errors.js';
import { listReplicationInstances } from '../aws/instances.js';
import type { InstanceSummary } from '../model/taskFormState.js';

export interface ResourceList<T> {
  data?: T[];
  error?: string;
  loading: boolean;
  refresh(): void;
}

export function useInstances(): ResourceList<InstanceSummary> {
  const { clients, target } = useServices();
  const [state, setState] = useState<{
    data?: InstanceSummary[];
    error?: string;
    loading: boolean;
  }>({ loading: true });
  const [generation, setGeneration] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: generation re-runs the fetch
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    listReplicationInstances(clients).then(
      (data) => live && setState({ data, loading: false }),
      (error) =>
        live &&
        setState((s) => ({
          data: s.data,
          loading: false,
          error: describeAwsError(error, { target, action: 'DescribeReplicationInstances' }),
        })),
    );
    return () => {
      live = false;
    };
  }, [clients, target, generation]);
  const refresh = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...state, refresh };
}
