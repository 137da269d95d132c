// A check run on the project's source connection once per change of what it depends on (after
// a short pause, so typing does not start one per key), its answer kept until the next change.
// The LOB measurement and the CDC prerequisites of the Create Task form both use it.
import { useEffect, useRef, useState } from 'react';
import type { ConnectionSpec } from '../model/connection.js';

export interface SourceCheckState<T> {
  result?: T;
  loading: boolean;
  /** Why the check could not run (one line). */
  error?: string;
}

/** Which database a check ran on (never the password). */
export function sourceKey(spec: ConnectionSpec): string {
  return `${spec.engine}://${spec.user}@${spec.host}:${spec.port}/${spec.database}`;
}

/** Runs `run` when `key` changes (nothing while it is ''). */
export function useSourceCheck<T>(key: string, run: () => Promise<T>): SourceCheckState<T> {
  const [state, setState] = useState<SourceCheckState<T>>({ loading: false });
  const latest = useRef(run);
  latest.current = run;
  useEffect(() => {
    if (!key) {
      setState({ loading: false });
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      setState((s) => ({ ...s, loading: true }));
      latest.current().then(
        (result) => live && setState({ result, loading: false }),
        (error: unknown) =>
          live &&
          setState({
            loading: false,
            error: String((error as Error)?.message ?? error).split('\n')[0],
          }),
      );
    }, 300);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key]);
  return state;
}
