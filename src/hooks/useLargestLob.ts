// Measures the largest LOB value in the tables the form's include rules select, on the
// project's source connection, once per change of the rules (after a short pause).
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
  enabled: boolean,
): LargestLobState {
  const patterns = includedPatterns(rows);
  const key = enabled && source ? `lob ${sourceKey(source)} ${JSON.stringify(patterns)}` : '';
  const state = useSourceCheck(key, () =>
    source ? largestLob(source, patterns) : Promise.reject(new Error('no source')),
  );
  return { result: state.result, loading: state.loading };
}
