// DescribeTableStatistics rows for the table statistics screen: domain shape, cells, sort keys,
// the "errors only" test. Pure.
import type { ColumnSpec } from './taskRow.js';
import { timestampText } from './time.js';

export interface TableStat {
  schema: string;
  table: string;
  state: string;
  fullLoadRows: number;
  inserts: number;
  updates: number;
  deletes: number;
  ddls: number;
  errorRows: number;
  validationState?: string;
  lastUpdated?: Date;
}

export type TableStatColumn =
  | 'schema'
  | 'table'
  | 'state'
  | 'rows'
  | 'inserts'
  | 'updates'
  | 'deletes'
  | 'ddls'
  | 'errors'
  | 'validation'
  | 'updated';

// Lower priority stays longer: at 80 columns the table keeps its name, state, rows loaded,
// error rows and validation, and drops the change counts and the time first.
export const TABLE_STAT_COLUMNS: ColumnSpec<TableStatColumn>[] = [
  { id: 'schema', title: 'SCHEMA', width: 10, priority: 1 },
  { id: 'table', title: 'TABLE', width: 18 },
  { id: 'state', title: 'STATE', width: 15 },
  { id: 'rows', title: 'FULL LOAD', width: 9, align: 'right', priority: 1 },
  { id: 'inserts', title: 'INS', width: 6, align: 'right', priority: 4 },
  { id: 'updates', title: 'UPD', width: 6, align: 'right', priority: 4 },
  { id: 'deletes', title: 'DEL', width: 6, align: 'right', priority: 4 },
  { id: 'ddls', title: 'DDL', width: 4, align: 'right', priority: 5 },
  { id: 'errors', title: 'ERR ROWS', width: 8, align: 'right', priority: 1 },
  { id: 'validation', title: 'VALIDATION', width: 12, priority: 2 },
  { id: 'updated', title: 'LAST UPDATED', width: 19, priority: 6 },
];

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
    errors: String(s.errorRows),
    validation: s.validationState ?? '—',
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
    case 'errors':
      return s.errorRows;
    case 'updated':
      return s.lastUpdated?.getTime() ?? 0;
    default:
      return tableStatCells(s)[column].toLowerCase();
  }
}
