// Measures the largest LOB value in the tables the form's include rules select, on the
// project's source connection, once per change of the rules (after a short pause). Without
// LOBs in the task (measure false) it only lists the LOB columns (which are NOT NULL).
import { useEffect, useState } from 'react';
import { type LargestLob, type LobPattern, largestLob } from '../db/largestLob.js';
import type { ConnectionSpec } from '../model/connection.js';
import type { MappingRow } from '../model/selectionMappings.js';

export interface LargestLobState {
  result?: LargestLob;
  loading: boolean;
}

export function useLargestLob(
  source: ConnectionSpec | null | undefined,
  rows: readonly MappingRow[],
  measure: boolean,
): LargestLobState {
  const [state, setState] = useState<LargestLobState>({ loading: false });
  const patterns = rows
    .filter((r) => r.action === 'include')
    .map((r) => ({ schema: r.schema, table: r.table }));
  const key = source ? JSON.stringify({ patterns, measure }) : '';
  useEffect(() => {
    if (!key || !source) {
      setState({ loading: false });
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      setState((s) => ({ ...s, loading: true }));
      const asked = JSON.parse(key) as { patterns: LobPattern[]; measure: boolean };
      largestLob(source, asked.patterns, { measure: asked.measure }).then(
        (result) => live && setState({ result, loading: false }),
        () => live && setState({ loading: false }),
      );
    }, 300);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key, source]);
  return state;
}
