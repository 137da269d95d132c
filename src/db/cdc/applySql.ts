// The statements CDC apply runs on the target, built per table from its load plan: multi-row
// upserts (idempotent by primary key), deletes by key, plain inserts for tables without a key,
// and the conversion of each captured value into what the target's driver takes.
import type { ColumnPlan, Family, TablePlan } from '../loadPlan.js';
import { quoteIdent } from '../sourceTables.js';
import type { RowChange } from './types.js';

export interface Statement {
  sql: string;
  params: unknown[];
}

/** A captured value as the target's driver wants it. */
export function targetValue(
  c: ColumnPlan,
  value: unknown,
  source: Family,
  target: Family,
): unknown {
  if (value === null || value === undefined) return null;
  if (Buffer.isBuffer(value))
    return target === 'postgres' || c.binary ? value : value.toString('utf8');
  if (typeof value === 'object') return JSON.stringify(value);
  if (typeof value !== 'string') {
    if (target === 'postgres' && c.bool) return value ? 'true' : 'false';
    return String(value);
  }
  if (c.temporal && value.startsWith('0000-00-00')) return null;
  if (source === 'postgres' && target === 'mysql') {
    if (c.bool) return value === 't' || value === 'true' ? 1 : 0;
    if (c.binary && value.startsWith('\\x')) return Buffer.from(value.slice(2), 'hex');
    if (c.timestampTz) return value.replace('T', ' ').replace(/([+-]\d\d(:\d\d)?|Z)$/, '');
  }
  return value;
}

export class TableStatements {
  readonly hasKey: boolean;
  private readonly q: (n: string) => string;
  private readonly name: string;
  private readonly keyColumns: ColumnPlan[];

  constructor(readonly plan: TablePlan) {
    this.hasKey = plan.primaryKey.length > 0;
    this.q = (n) => quoteIdent(plan.targetFamily, n);
    this.name = `${this.q(plan.target.schema)}.${this.q(plan.target.table)}`;
    this.keyColumns = plan.primaryKey
      .map((k) => plan.columns.find((c) => c.target === k))
      .filter((c): c is ColumnPlan => c !== undefined);
  }

  private value(c: ColumnPlan, row: Record<string, unknown>): unknown {
    return targetValue(c, row[c.source], this.plan.sourceFamily, this.plan.targetFamily);
  }

  private mark(params: unknown[], value: unknown): string {
    params.push(value);
    return this.plan.targetFamily === 'postgres' ? `$${params.length}` : '?';
  }

  /** The key's values as one string, to tell rows apart within a batch. */
  keyText(row: Record<string, unknown>): string {
    return JSON.stringify(this.keyColumns.map((c) => String(row[c.source] ?? '')));
  }

  /** Whether an update moved the row to another key. */
  keyChanged(change: RowChange): boolean {
    if (!change.oldKey) return false;
    const old = change.oldKey;
    return this.keyColumns.some(
      (c) => old[c.source] !== undefined && String(old[c.source]) !== String(change.row[c.source]),
    );
  }

  /** Rows go in whole (every column known): the common case, batched. */
  complete(row: Record<string, unknown>): boolean {
    return this.plan.columns.every((c) => row[c.source] !== undefined);
  }

  /** INSERT … ON CONFLICT/DUPLICATE KEY UPDATE of whole rows (plain INSERT without a key). */
  upsert(rows: Record<string, unknown>[]): Statement {
    const params: unknown[] = [];
    const cols = this.plan.columns;
    const tuples = rows.map(
      (r) => `(${cols.map((c) => this.mark(params, this.value(c, r))).join(', ')})`,
    );
    let sql = `INSERT INTO ${this.name} (${cols.map((c) => this.q(c.target)).join(', ')}) VALUES ${tuples.join(', ')}`;
    if (this.hasKey) {
      const keys = new Set(this.plan.primaryKey);
      const rest = cols.filter((c) => !keys.has(c.target)).map((c) => this.q(c.target));
      if (this.plan.targetFamily === 'postgres') {
        sql += ` ON CONFLICT (${this.plan.primaryKey.map(this.q).join(', ')}) DO ${
          rest.length === 0
            ? 'NOTHING'
            : `UPDATE SET ${rest.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}`
        }`;
      } else {
        const set = rest.length === 0 ? [this.q(this.plan.primaryKey[0] as string)] : rest;
        sql += ` ON DUPLICATE KEY UPDATE ${set.map((c) => `${c} = VALUES(${c})`).join(', ')}`;
      }
    }
    return { sql, params };
  }

  private where(params: unknown[], rows: Record<string, unknown>[]): string {
    const keys = this.keyColumns;
    if (keys.length === 1) {
      const k = keys[0] as ColumnPlan;
      return `${this.q(k.target)} IN (${rows.map((r) => this.mark(params, this.value(k, r))).join(', ')})`;
    }
    const tuples = rows.map(
      (r) => `(${keys.map((k) => this.mark(params, this.value(k, r))).join(', ')})`,
    );
    return `(${keys.map((k) => this.q(k.target)).join(', ')}) IN (${tuples.join(', ')})`;
  }

  /**
   * PostgreSQL targets whose columns are no arrays take a batch's rows as one array per column
   * (`unnest`): a statement of a few parameters whatever the number of rows, parsed once.
   */
  get columnArrays(): boolean {
    return (
      this.plan.targetFamily === 'postgres' &&
      this.plan.columns.every((c) => !c.targetSql.trim().endsWith(']'))
    );
  }

  private arrays(columns: ColumnPlan[], rows: Record<string, unknown>[]) {
    const params = columns.map((c) => rows.map((r) => this.value(c, r)));
    const unnest = `unnest(${columns.map((c, i) => `$${i + 1}::${c.targetSql}[]`).join(', ')})`;
    return { params, unnest };
  }

  /** The upsert of `rows` with one array parameter per column (see columnArrays). */
  upsertColumns(rows: Record<string, unknown>[]): Statement {
    const cols = this.plan.columns;
    const { params, unnest } = this.arrays(cols, rows);
    const keys = new Set(this.plan.primaryKey);
    const rest = cols.filter((c) => !keys.has(c.target)).map((c) => this.q(c.target));
    let sql = `INSERT INTO ${this.name} (${cols.map((c) => this.q(c.target)).join(', ')}) SELECT * FROM ${unnest}`;
    if (this.hasKey)
      sql += ` ON CONFLICT (${this.plan.primaryKey.map(this.q).join(', ')}) DO ${
        rest.length === 0
          ? 'NOTHING'
          : `UPDATE SET ${rest.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}`
      }`;
    return { sql, params };
  }

  /** The delete of the rows with these keys, one array parameter per key column. */
  deleteColumns(rows: Record<string, unknown>[]): Statement {
    const { params, unnest } = this.arrays(this.keyColumns, rows);
    const keys = this.keyColumns.map((k) => this.q(k.target)).join(', ');
    return { sql: `DELETE FROM ${this.name} WHERE (${keys}) IN (SELECT * FROM ${unnest})`, params };
  }

  /** DELETE of the rows with these keys. */
  delete(rows: Record<string, unknown>[]): Statement {
    const params: unknown[] = [];
    return { sql: `DELETE FROM ${this.name} WHERE ${this.where(params, rows)}`, params };
  }

  /** UPDATE of the known columns of one row (some values were not sent: unchanged TOAST). */
  partialUpdate(row: Record<string, unknown>): Statement {
    const params: unknown[] = [];
    const keys = new Set(this.plan.primaryKey);
    const set = this.plan.columns
      .filter((c) => !keys.has(c.target) && row[c.source] !== undefined)
      .map((c) => `${this.q(c.target)} = ${this.mark(params, this.value(c, row))}`);
    if (set.length === 0) return { sql: 'SELECT 1', params: [] };
    return {
      sql: `UPDATE ${this.name} SET ${set.join(', ')} WHERE ${this.where(params, [row])}`,
      params,
    };
  }

  /** Statement text for the exceptions table: the operation and the row's key. */
  describe(change: RowChange): string {
    const key = this.hasKey ? ` key ${this.keyText(change.row)}` : '';
    return `${change.op.toUpperCase()} ${this.plan.target.schema}.${this.plan.target.table}${key}`;
  }
}
