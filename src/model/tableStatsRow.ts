// DescribeTableStatistics rows for the table statistics screen: domain shape, cells, sort keys,
// the "errors only" test. Pure.
import type { ColumnSpec } from './taskRow.js';
import { timestampText } from './time.js';
import { validationCell } from './validationReport.js';

export interface TableStat {
  schema: string;
  table: string;
  state: string;
  fullLoadRows: number;
  inserts: number;
  updates: number;
  deletes: number;
  ddls: number;
  /** The changes applied to the target (the counts above are those captured at the source). */
  appliedInserts: number;
  appliedUpdates: number;
  appliedDeletes: number;
  appliedDdls: number;
  errorRows: number;
  validationState?: string;
  validationPending?: number;
  validationFailed?: number;
  validationSuspended?: number;
  validationDetails?: string;
  lastUpdated?: Date;
}

/** What ReloadTables does: load the tables again (and validate them), or only validate them. */
export type ReloadOption = 'data-reload' | 'validate-only';

export type TableStatColumn =
  | 'schema'
  | 'table'
  | 'state'
  | 'rows'
  | 'inserts'
  | 'updates'
  | 'deletes'
  | 'ddls'
  | 'applied'
  | 'errors'
  | 'validation'
  | 'updated';

/** Lower priority stays longer. A full load's statistics have no changes to show, so the
 *  change columns are for CDC tasks only (tableStatColumns). At 80 columns a full load keeps
 *  table, state, rows loaded, error rows and validation in words; a CDC task keeps table,
 *  state, rows loaded, the changes captured (inserts, updates, deletes) and error rows; DDLs,
 *  applied counts, validation and the update time come back as the terminal widens. */
export const TABLE_STAT_COLUMNS: ColumnSpec<TableStatColumn>[] = [
  { id: 'schema', title: 'SCHEMA', width: 10, priority: 3 },
  { id: 'table', title: 'TABLE', width: 18, priority: 0 },
  { id: 'state', title: 'STATE', width: 15, priority: 0 },
  { id: 'rows', title: 'FULL LOAD', width: 9, align: 'right', priority: 1 },
  { id: 'inserts', title: 'INS', width: 6, align: 'right', priority: 2 },
  { id: 'updates', title: 'UPD', width: 6, align: 'right', priority: 2 },
  { id: 'deletes', title: 'DEL', width: 6, align: 'right', priority: 2 },
  { id: 'ddls', title: 'DDL', width: 4, align: 'right', priority: 5 },
  { id: 'applied', title: 'APPLIED I/U/D/DDL', width: 17, priority: 4 },
  { id: 'errors', title: 'ERR ROWS', width: 8, align: 'right', priority: 1 },
  { id: 'validation', title: 'VALIDATION', width: 21, priority: 2 },
  { id: 'updated', title: 'LAST UPDATED', width: 19, priority: 6 },
];

const CHANGE_COLUMNS: ReadonlySet<TableStatColumn> = new Set([
  'inserts',
  'updates',
  'deletes',
  'ddls',
  'applied',
]);

/** The columns for a task: the change counts only where the task captures changes. */
export function tableStatColumns(cdc: boolean): ColumnSpec<TableStatColumn>[] {
  return cdc ? TABLE_STAT_COLUMNS : TABLE_STAT_COLUMNS.filter((c) => !CHANGE_COLUMNS.has(c.id));
}

export function tableStatKey(s: TableStat): string {
  return `${s.schema}.${s.table}`;
}

export function hasErrors(s: TableStat): boolean {
  return (
    s.errorRows > 0 ||
    s.state === 'Table error' ||
    /error|fail|mismatch/i.test(s.validationState ?? '')
  );
}

export function tableStatTone(s: TableStat): 'good' | 'busy' | 'idle' | 'bad' {
  if (hasErrors(s)) return 'bad';
  if (s.state === 'Table completed') return 'good';
  if (s.state === 'Full load' || s.state === 'Table is being reloaded') return 'busy';
  return 'idle';
}

export function tableStatCells(s: TableStat): Record<TableStatColumn, string> {
  return {
    schema: s.schema,
    table: s.table,
    state: s.state,
    rows: String(s.fullLoadRows),
    inserts: String(s.inserts),
    updates: String(s.updates),
    deletes: String(s.deletes),
    ddls: String(s.ddls),
    applied: `${s.appliedInserts}/${s.appliedUpdates}/${s.appliedDeletes}/${s.appliedDdls}`,
    errors: String(s.errorRows),
    validation: validationCell(s),
    updated: s.lastUpdated ? timestampText(s.lastUpdated) : '—',
  };
}

export function tableStatSortKey(s: TableStat, column: TableStatColumn): string | number {
  switch (column) {
    case 'rows':
      return s.fullLoadRows;
    case 'inserts':
      return s.inserts;
    case 'updates':
      return s.updates;
    case 'deletes':
      return s.deletes;
    case 'ddls':
      return s.ddls;
    case 'applied':
      return s.appliedInserts + s.appliedUpdates + s.appliedDeletes + s.appliedDdls;
    case 'errors':
      return s.errorRows;
    case 'updated':
      return s.lastUpdated?.getTime() ?? 0;
    default:
      return tableStatCells(s)[column].toLowerCase();
  }
}
