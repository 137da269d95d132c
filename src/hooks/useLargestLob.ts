// Measures the largest LOB value in the tables the form's include rules select, on the
// project's source connection, once per change of the rules (after a short pause). Without
// LOBs in the task (measure false) it only lists the LOB columns (which are NOT NULL).
import { type LargestLob, largestLob } from '../db/largestLob.js';
import type { ConnectionSpec } from '../model/connection.js';
import type { MappingRow } from '../model/selectionMappings.js';
import { includedPatterns } from '../model/selectionMappings.js';
import { sourceKey, useSourceCheck } from './useSourceCheck.js';

export interface LargestLobState {
  result?: LargestLob;
  loading: boolean;
}

export function useLargestLob(
  source: ConnectionSpec | null | undefined,
  rows: readonly MappingRow[],
  measure: boolean,
): LargestLobState {
  const patterns = includedPatterns(rows);
  const key = source ? `lob ${sourceKey(source)} ${JSON.stringify({ patterns, measure })}` : '';
  const state = useSourceCheck(key, () =>
    source ? largestLob(source, patterns, { measure }) : Promise.reject(new Error('no source')),
  );
  return { result: state.result, loading: state.loading };
}
