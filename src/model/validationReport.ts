// What a task's table statistics say about data validation, for `dms-tui validation` (a
// cut-over script's gate) and the screens: per-table figures, a one-line summary, and whether
// anything blocks a cut-over. Pure.
import type { TableStat } from './tableStatsRow.js';

/** States that mean the target cannot be trusted yet. */
const BLOCKING = ['Mismatched records', 'Suspended records', 'Table error', 'Error'];

export function blocksCutover(state: string | undefined): boolean {
  return state !== undefined && BLOCKING.includes(state);
}

export interface ValidationRow {
  schema: string;
  table: string;
  state: string;
  pending: number;
  failed: number;
  suspended: number;
  details: string;
}

export function validationRows(tables: readonly TableStat[]): ValidationRow[] {
  return tables.map((t) => ({
    schema: t.schema,
    table: t.table,
    state: t.validationState ?? 'Not enabled',
    pending: t.validationPending ?? 0,
    failed: t.validationFailed ?? 0,
    suspended: t.validationSuspended ?? 0,
    details: t.validationDetails ?? '',
  }));
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "12 tables: 10 validated, 1 mismatched (3 records), 1 no primary key". */
export function validationSummary(rows: readonly ValidationRow[]): string {
  const count = (state: string) => rows.filter((r) => r.state === state).length;
  const failed = rows.reduce((n, r) => n + r.failed, 0);
  const parts: string[] = [];
  const add = (n: number, words: string) => {
    if (n > 0) parts.push(`${n} ${words}`);
  };
  add(count('Validated'), 'validated');
  const mismatched = count('Mismatched records');
  if (mismatched > 0) parts.push(`${mismatched} mismatched (${plural(failed, 'record')})`);
  add(count('Suspended records'), 'suspended');
  add(count('Table error') + count('Error'), 'in error');
  add(count('Pending records'), 'pending');
  add(count('No primary key'), 'without a primary key (not validated)');
  add(count('Not enabled'), 'not validated (validation not enabled)');
  return `${plural(rows.length, 'table')}: ${parts.join(', ') || 'none'}`;
}

/** The words the task list shows beside a task's status: "Validated", "3 tables mismatched". */
export function validationBadge(tables: readonly TableStat[]): string | undefined {
  const states = tables.map((t) => t.validationState ?? 'Not enabled');
  const validated = states.filter((s) => s !== 'Not enabled' && s !== 'No primary key');
  if (validated.length === 0) return undefined;
  const mismatched = states.filter((s) => s === 'Mismatched records').length;
  const errors = states.filter((s) => s === 'Table error' || s === 'Error').length;
  const suspended = states.filter((s) => s === 'Suspended records').length;
  const pending = states.filter((s) => s === 'Pending records').length;
  if (mismatched > 0) return `${plural(mismatched, 'table')} mismatched`;
  if (errors > 0) return `${plural(errors, 'table')} in validation error`;
  if (suspended > 0) return `${plural(suspended, 'table')} suspended`;
  if (pending > 0) return `validating ${plural(pending, 'table')}`;
  return 'Validated';
}

const BAR = 8;

/** A table's validation in words for the statistics table: counts, and a bar while pending. */
export function validationCell(t: TableStat): string {
  const state = t.validationState;
  if (!state || state === 'Not enabled') return '—';
  const pending = t.validationPending ?? 0;
  if (state === 'Pending records') {
    if (pending === 0 || t.fullLoadRows === 0) return 'Pending';
    const done = Math.max(0, Math.min(1, 1 - pending / t.fullLoadRows));
    const filled = Math.round(done * BAR);
    return `Pending ${'█'.repeat(filled)}${'░'.repeat(BAR - filled)} ${Math.floor(done * 100)}%`;
  }
  if (state === 'Mismatched records')
    return `Mismatched: ${plural(t.validationFailed ?? 0, 'row')}`;
  if (state === 'Suspended records')
    return `Suspended: ${plural(t.validationSuspended ?? 0, 'row')}`;
  return state;
}

/** A table whose validation failures are worth listing: failed records, or a state that says
 *  rows did not match or were suspended. */
export function hasValidationFailures(t: TableStat): boolean {
  return (
    (t.validationFailed ?? 0) > 0 ||
    t.validationState === 'Mismatched records' ||
    t.validationState === 'Suspended records'
  );
}

/** Why a table has no failures to list (its validation state in words). */
export function noFailuresReason(t: TableStat): string {
  const state = t.validationState ?? 'Not enabled';
  return state === 'Not enabled'
    ? `${t.schema}.${t.table} is not validated (data validation is not enabled)`
    : `${t.schema}.${t.table} has no validation failures (${state})`;
}
