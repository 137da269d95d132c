// A DMS resource list for a form: fetched once when the screen opens, refreshable, extendable at
// once with a resource the screen has just created; an error becomes one readable line and the
// last good list stays.
import { useCallback, useEffect, useState } from 'react';
import { useServices } from '../ui/services.js';
import type { AwsClients } from '../aws/clients.js';
import { errorLine } from '../aws/call.js';

export interface ResourceList<T> {
  data?: T[];
  error?: string;
  loading: boolean;
  refresh(): void;
  /** Adds (or replaces, by key) one item without waiting for a refetch. */
  add(item: T): void;
}

export function useResourceList<T>({
  fetch,
  key,
}: {
  /** Fails with an AwsError, whose message is the line shown. */
  fetch: (clients: AwsClients) => Promise<T[]>;
  key: (item: T) => string;
}): ResourceList<T> {
  const { clients } = useServices();
  const [state, setState] = useState<{ data?: T[]; error?: string; loading: boolean }>({
    loading: true,
  });
  const [generation, setGeneration] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: generation re-runs the fetch; fetch is fixed per caller
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    fetch(clients).then(
      (data) => live && setState({ data, loading: false }),
      (error) =>
        live &&
        setState((s) => ({
          data: s.data,
          loading: false,
          error: errorLine(error),
        })),
    );
    return () => {
      live = false;
    };
  }, [clients, generation]);
  const refresh = useCallback(() => setGeneration((g) => g + 1), []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: key is fixed per caller
  const add = useCallback(
    (item: T) =>
      setState((s) => ({
        ...s,
        data: [...(s.data ?? []).filter((e) => key(e) !== key(item)), item],
      })),
    [],
  );
  return { ...state, refresh, add };
}
