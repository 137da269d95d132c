// A table's full-load plan: which source columns go where, as which target type, and how
// values travel. The engine builds it from the catalog, the mappings and the LOB settings.
import type { TableRef } from './sourceTables.js';

export type Family = 'postgres' | 'mysql';

export interface ColumnPlan {
  source: string;
  target: string;
  /** Target DDL type. */
  targetSql: string;
  nullable: boolean;
  /** bytea/blob: travels as hex. */
  binary: boolean;
  /** boolean: travels as 1/0 to MySQL. */
  bool: boolean;
  /** timestamp with time zone: travels as a UTC wall-clock value to MySQL. */
  timestampTz: boolean;
  /** date/datetime: MySQL zero dates become NULL. */
  temporal: boolean;
  /** PostgreSQL source: read as ::text (types the target does not have). */
  castText: boolean;
  /** Limited LOB mode: values cut to this many bytes (characters for text). */
  truncateTo?: number;
}

export interface TablePlan {
  source: TableRef;
  target: TableRef;
  sourceFamily: Family;
  targetFamily: Family;
  columns: ColumnPlan[];
  /** Target names of the primary key columns that are loaded. */
  primaryKey: string[];
}
