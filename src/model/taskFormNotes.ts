// What the Create DMS Task form says beside its fields, besides errors: the warnings (a LOB
// limit that would truncate, an endpoint whose connection test failed), the line about the
// largest LOB value measured, why a new endpoint cannot be created yet, and the question about
// a kept draft. Pure.
import { connectionTestWarning, type EndpointTest } from './endpointTest.js';
import { type LobMode, lobTruncationWarning } from './lobSettings.js';
import type { FieldId, TaskFormDraft, TaskFormValues } from './taskFormState.js';
import type { ReplicationInstance } from './instance.js';

/** The largest LOB value measured in the selected tables (db/largestLob.ts measures it). */
export interface LobMeasure {
  bytes: number;
  /** "schema.table.column" holding it. */
  where?: string;
  columns: number;
  /** LOB columns not measured. */
  unmeasured: number;
  /** LOB columns declared NOT NULL ("schema.table.column"). */
  notNull?: readonly string[];
}

/** The warnings under the fields (shown when the field has no error). */
export function formWarnings(options: {
  values: TaskFormValues;
  /** The largest LOB value in bytes, when known. */
  largestLobBytes?: number;
  /** LOB columns declared NOT NULL in the selected tables. */
  notNullLobs?: readonly string[];
  tests: { source?: EndpointTest; target?: EndpointTest };
  /** What the source lacks for change data capture (cdc and full-load-and-cdc only). */
  cdc?: { warnings?: string[]; error?: string };
}): Partial<Record<FieldId, string>> {
  const { values, largestLobBytes, tests } = options;
  const warnings: Partial<Record<FieldId, string>> = {};
  const required = values.lobMode === 'none' ? notNullLobWarning(options.notNullLobs ?? []) : null;
  if (required) warnings.lobMode = required;
  if (values.migrationType !== 'full-load') {
    const cdc = options.cdc;
    if (cdc?.warnings?.length) warnings.migrationType = `Source: ${cdc.warnings.join('; ')}`;
    else if (cdc?.error)
      warnings.migrationType = `The source's CDC prerequisites could not be checked: ${cdc.error}`;
  }
  const lob = lobTruncationWarning(values.lobMode, Number(values.lobMaxKb), largestLobBytes);
  if (lob) warnings.lobSize = lob;
  const source = connectionTestWarning(tests.source, values.sourceArn);
  if (source) warnings.source = source;
  const target = connectionTestWarning(tests.target, values.targetArn);
  if (target) warnings.target = target;
  return warnings;
}

/** "Don't include LOB columns" with a NOT NULL LOB column: its rows cannot load. */
export function notNullLobWarning(columns: readonly string[]): string | null {
  if (columns.length === 0) return null;
  const one = columns.length === 1;
  const named = one
    ? columns[0]
    : `${columns.slice(0, 2).join(', ')}${columns.length > 2 ? ` and ${columns.length - 2} more` : ''}`;
  return `${named} ${one ? 'is a' : 'are'} NOT NULL LOB column${one ? '' : 's'}: left out, the rows fail to load where the target requires ${one ? 'it' : 'them'}. Include LOB columns.`;
}

/** The largest LOB value the form knows of: given by the caller, else the measured one. */
export function largestLobBytes(
  given: number | undefined,
  measured: LobMeasure | undefined,
): number | undefined {
  return given ?? (measured?.columns ? measured.bytes : undefined);
}

/** The line under the fields about the LOB measurement, or null when there is nothing to say. */
export function lobSummary(
  mode: LobMode,
  lob: { loading: boolean; result?: LobMeasure },
): string | null {
  if (mode === 'none') return null;
  if (lob.loading) return 'Measuring the largest LOB value in the selected tables…';
  const r = lob.result;
  if (!r) return null;
  if (r.columns === 0) return 'The selected tables have no LOB columns';
  const where = r.where ? ` (${r.where})` : '';
  const unmeasured = r.unmeasured ? `, ${r.unmeasured} not measured` : '';
  return `Largest LOB value: ${Math.ceil(r.bytes / 1024)} KB${where}, ${r.columns} LOB column(s)${unmeasured}`;
}

/** Why a new endpoint cannot be created and tested yet (it is tested from the instance). */
export function newEndpointBlocker(
  values: TaskFormValues,
  instances: readonly ReplicationInstance[] | undefined,
): string | null {
  if (!values.instanceArn)
    return 'Choose the replication instance first: the new endpoint is tested from it';
  const i = instances?.find((x) => x.arn === values.instanceArn);
  if (i && i.status !== 'available')
    return `Replication instance ${i.identifier} is ${i.status}: choose an available one first`;
  return null;
}

/** "2026-11-24 16:08 UTC (task sales-x)": which kept draft the form offers back. */
export function draftDescription(draft: TaskFormDraft): string {
  return `${draft.savedAt.replace('T', ' ').slice(0, 16)} UTC (task ${draft.values.name || 'unnamed'})`;
}
