// The CDC prerequisites of the project's source (wal_level, replication privileges, binlog
// format and row image, tables without a primary key), checked while the Create Task form's
// migration type captures changes, once per change of the selection.
import { checkCdcPrerequisites } from '../db/cdcPrerequisites.js';
import type { CdcFacts } from '../model/cdcPrerequisites.js';
import type { ConnectionSpec } from '../model/connection.js';
import { includedPatterns, type MappingRow } from '../model/selectionMappings.js';
import { type SourceCheckState, sourceKey, useSourceCheck } from './useSourceCheck.js';

export function useCdcPrerequisites(
  source: ConnectionSpec | null | undefined,
  rows: readonly MappingRow[],
  enabled: boolean,
): SourceCheckState<CdcFacts> {
  const patterns = includedPatterns(rows);
  const key = enabled && source ? `cdc ${sourceKey(source)} ${JSON.stringify(patterns)}` : '';
  return useSourceCheck(key, () =>
    source ? checkCdcPrerequisites(source, patterns) : Promise.reject(new Error('no source')),
  );
}
