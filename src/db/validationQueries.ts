// The queries data validation runs (src/sandbox/engine/validation): one side's rows by primary
// key in keyset partitions, or for a list of keys, every column printed as text in a form both
// engines agree on (UTC timestamps with six fraction digits, hex for binary, 1/0 for booleans);
// and the failures control table, awsdms_validation_failures_v1, on the target.
import type { Connection as MysqlPromiseConnection } from 'mysql2/promise';
import type pg from 'pg';
import type { CompareKind, FailureType } from '../model/validation.js';
import type { DbConnection } from './connection.js';
import { createIfMissing } from './createIfMissing.js';
import { quoteIdent, type TableRef } from './sourceTables.js';

export interface SideColumn {
  /** The column's name on this side. */
  name: string;
  kind: CompareKind;
  binary: boolean;
  /** timestamp with time zone (printed in UTC). */
  tz: boolean;
}

/** One side of a comparison: a table, its key columns first, then the compared columns. */
export interface ValidationSide {
  conn: DbConnection;
  table: TableRef;
  columns: SideColumn[];
  keyCount: number;
}

export type TextRow = (string | null)[];

function expression(family: 'postgres' | 'mysql', c: SideColumn): string {
  const q = quoteIdent(family, c.name);
  if (family === 'postgres') {
    if (c.binary) return `encode(${q}, 'hex')`;
    if (c.kind === 'bool') return `CASE WHEN ${q} THEN '1' WHEN NOT ${q} THEN '0' END`;
    if (c.kind === 'time' && c.tz)
      return `to_char(${q} AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US')`;
    return `${q}::text`;
  }
  if (c.binary) return `LOWER(HEX(${q}))`;
  return `CAST(${q} AS CHAR)`;
}

function mark(family: 'postgres' | 'mysql', i: number): string {
  return family === 'postgres' ? `$${i}` : '?';
}

function from(side: ValidationSide): string {
  const q = (n: string) => quoteIdent(side.conn.family, n);
  return `${q(side.table.schema)}.${q(side.table.table)}`;
}

function selectList(side: ValidationSide, keysOnly: boolean): string {
  const cols = keysOnly ? side.columns.slice(0, side.keyCount) : side.columns;
  return cols.map((c, i) => `${expression(side.conn.family, c)} AS c${i}`).join(', ');
}

function keyTuple(side: ValidationSide): string {
  const names = side.columns
    .slice(0, side.keyCount)
    .map((c) => quoteIdent(side.conn.family, c.name));
  return names.length === 1 ? (names[0] as string) : `(${names.join(', ')})`;
}

const cell = (v: unknown): string | null =>
  v === null || v === undefined ? null : Buffer.isBuffer(v) ? v.toString() : String(v);

/** Rows as arrays of text, straight from the driver (no row objects). */
async function textRows(conn: DbConnection, sql: string, params: unknown[]): Promise<TextRow[]> {
  if (conn.family === 'postgres') {
    // Every selected expression is text: the driver's strings and nulls are kept as they come.
    const client = conn.raw as pg.Client;
    const result = await client.query<TextRow>({ text: sql, values: params, rowMode: 'array' });
    return result.rows;
  }
  const raw = conn.raw as MysqlPromiseConnection;
  const [rows] = await raw.query({ sql, values: params, rowsAsArray: true });
  return (rows as unknown[][]).map((r) => r.map(cell));
}

/** The next `limit` rows after key `after` (null: from the start), in key order. */
export function readPartition(
  side: ValidationSide,
  after: TextRow | null,
  limit: number,
  keysOnly = false,
): Promise<TextRow[]> {
  const { order, filter, params } = rangeFilter(side, { after, upTo: null });
  const sql = `SELECT ${selectList(side, keysOnly)} FROM ${from(side)}${filter} ORDER BY ${order} LIMIT ${limit}`;
  return textRows(side.conn, sql, params);
}

/** A key range: the key after `after` (exclusive) and up to `upTo` (inclusive), each a key
 *  tuple as printed; null leaves that end open. */
export interface KeyRange {
  after: TextRow | null;
  upTo: TextRow | null;
}

/** The rows of a key range, in key order. */
export function readRange(side: ValidationSide, range: KeyRange): Promise<TextRow[]> {
  const { order, filter, params } = rangeFilter(side, range);
  const sql = `SELECT ${selectList(side, false)} FROM ${from(side)}${filter} ORDER BY ${order}`;
  return textRows(side.conn, sql, params);
}

/** The key columns in order ("a, b"), for ORDER BY (MySQL cannot order by a row value). */
function keyOrder(side: ValidationSide): string {
  return side.columns
    .slice(0, side.keyCount)
    .map((c) => quoteIdent(side.conn.family, c.name))
    .join(', ');
}

/** The WHERE clause of a key range ('' when both ends are open), with row-value comparisons
 *  for a key of several columns, and then bounds on its first column too: they change no
 *  answer, but without them PostgreSQL's planner cannot estimate a row-value range and may scan
 *  the whole table for each range (3 times slower over 1,000,000 rows). */
function rangeFilter(
  side: ValidationSide,
  range: KeyRange,
): { order: string; filter: string; params: (string | null)[] } {
  const f = side.conn.family;
  const key = keyTuple(side);
  const params: (string | null)[] = [];
  const bound = (tuple: TextRow) => {
    const marks = tuple.slice(0, side.keyCount).map((v) => mark(f, params.push(v)));
    return marks.length === 1 ? (marks[0] as string) : `(${marks.join(', ')})`;
  };
  const first = quoteIdent(f, (side.columns[0] as SideColumn).name);
  const lead = (op: string, tuple: TextRow) =>
    side.keyCount > 1 ? [`${first} ${op} ${mark(f, params.push(tuple[0] ?? null))}`] : [];
  const where: string[] = [];
  if (range.after !== null)
    where.push(`${key} > ${bound(range.after)}`, ...lead('>=', range.after));
  if (range.upTo !== null) where.push(`${key} <= ${bound(range.upTo)}`, ...lead('<=', range.upTo));
  return {
    order: keyOrder(side),
    filter: where.length ? ` WHERE ${where.join(' AND ')}` : '',
    params,
  };
}

/** What two sides of one engine agree on when every compared text of a key range agrees. */
export interface RangeDigest {
  rows: number;
  digest: string;
}

/** Each compared text of a row, in a form no two different rows share: PostgreSQL's record
 *  text (values quoted as needed, NULL apart from ''), MySQL's length-prefixed values. */
function rowText(side: ValidationSide): string {
  const f = side.conn.family;
  const exprs = side.columns.map((c) => expression(f, c));
  if (f === 'postgres') return `ROW(${exprs.join(', ')})::text`;
  return `CONCAT(${exprs.map((e) => `COALESCE(CONCAT(CHAR_LENGTH(${e}), ':', ${e}), '-')`).join(', ')})`;
}

/** The count and a hash of the rows of a key range, computed by the server so that no row
 *  crosses the network, with a few bytes per row whatever the rows hold: the exact sum of a hash
 *  of each row text. PostgreSQL hashes a row text to 64 bits (hashtextextended), MySQL sums the
 *  two halves of its MD5 (exact DECIMAL sums). A sum needs no order (an ordered aggregate sorted
 *  each range: 2.5 times slower), and loses nothing: every row text holds its key, and keys are
 *  unique. */
export async function rangeDigest(side: ValidationSide, range: KeyRange): Promise<RangeDigest> {
  const { filter, params } = rangeFilter(side, range);
  const sql =
    side.conn.family === 'postgres'
      ? `SELECT count(*)::int AS n, coalesce(sum(hashtextextended(${rowText(side)}, 0)::numeric), 0)::text AS d FROM ${from(side)}${filter}`
      : `SELECT COUNT(*) AS n, CONCAT(COALESCE(SUM(CAST(CONV(LEFT(h, 16), 16, 10) AS UNSIGNED)), 0), '/', COALESCE(SUM(CAST(CONV(RIGHT(h, 16), 16, 10) AS UNSIGNED)), 0)) AS d FROM (SELECT MD5(${rowText(side)}) AS h FROM ${from(side)}${filter}) x`;
  const { rows } = await side.conn.query<{ n: unknown; d: unknown }>(sql, params);
  const row = rows[0];
  return { rows: Number(row?.n ?? 0), digest: String(row?.d ?? '') };
}

/** The key of the row `size` rows after `after` (its partition's last key), or null past the
 *  end. */
export async function partitionEnd(
  side: ValidationSide,
  after: TextRow | null,
  size: number,
): Promise<TextRow | null> {
  const { order, filter, params } = rangeFilter(side, { after, upTo: null });
  const rows = await textRows(
    side.conn,
    `SELECT ${selectList(side, true)} FROM ${from(side)}${filter} ORDER BY ${order} LIMIT 1 OFFSET ${size - 1}`,
    params,
  );
  return rows[0] ?? null;
}

/** Rows per statement: keeps parameters well under PostgreSQL's 65,535. */
const MAX_PARAMS = 30_000;

/** The rows whose keys are in `keys` (key values as the other side printed them). */
export async function readByKeys(
  side: ValidationSide,
  keys: readonly TextRow[],
  keysOnly = false,
): Promise<TextRow[]> {
  const family = side.conn.family;
  const per = Math.max(1, Math.floor(MAX_PARAMS / side.keyCount));
  const out: TextRow[] = [];
  for (let at = 0; at < keys.length; at += per) {
    const chunk = keys.slice(at, at + per);
    let n = 0;
    const tuples = chunk.map((k) => {
      const marks = k.slice(0, side.keyCount).map(() => mark(family, ++n));
      return side.keyCount === 1 ? marks[0] : `(${marks.join(', ')})`;
    });
    const sql = `SELECT ${selectList(side, keysOnly)} FROM ${from(side)} WHERE ${keyTuple(side)} IN (${tuples.join(', ')})`;
    const params = chunk.flatMap((k) => k.slice(0, side.keyCount));
    out.push(...(await textRows(side.conn, sql, params)));
  }
  return out;
}

export const FAILURES_TABLE = 'awsdms_validation_failures_v1';

/** DMS's control schema: public on PostgreSQL, awsdms_control on MySQL/MariaDB. */
export function controlSchema(conn: DbConnection): string {
  return conn.family === 'postgres' ? 'public' : 'awsdms_control';
}

function failuresTable(conn: DbConnection): string {
  const q = (n: string) => quoteIdent(conn.family, n);
  return `${q(controlSchema(conn))}.${q(FAILURES_TABLE)}`;
}

export async function ensureFailuresTable(conn: DbConnection): Promise<void> {
  const pg = conn.family === 'postgres';
  const q = (n: string) => quoteIdent(conn.family, n);
  if (!pg) await conn.query(`CREATE DATABASE IF NOT EXISTS ${q(controlSchema(conn))}`);
  const text = pg ? 'text' : 'longtext';
  const ts = pg ? 'timestamp' : 'datetime(6)';
  const cols = [
    `${q('TASK_NAME')} varchar(128) NOT NULL`,
    `${q('TABLE_OWNER')} varchar(128) NOT NULL`,
    `${q('TABLE_NAME')} varchar(128) NOT NULL`,
    `${q('FAILURE_TIME')} ${ts} NOT NULL`,
    `${q('KEY_TYPE')} varchar(128) NOT NULL`,
    `${q('KEY')} ${text} NOT NULL`,
    `${q('FAILURE_TYPE')} varchar(128) NOT NULL`,
    `${q('DETAILS')} ${text} NOT NULL`,
  ];
  await createIfMissing(
    conn,
    `CREATE TABLE IF NOT EXISTS ${failuresTable(conn)} (${cols.join(', ')})`,
  );
}

export interface FailureRow {
  key: string;
  type: FailureType;
  details: string;
}

/** Removes a table's failures (all of them, or those of the given keys). */
export async function clearFailures(
  conn: DbConnection,
  taskName: string,
  table: TableRef,
  keys?: readonly string[],
): Promise<void> {
  const q = (n: string) => quoteIdent(conn.family, n);
  const f = conn.family;
  const base = `DELETE FROM ${failuresTable(conn)} WHERE ${q('TASK_NAME')} = ${mark(f, 1)} AND ${q('TABLE_OWNER')} = ${mark(f, 2)} AND ${q('TABLE_NAME')} = ${mark(f, 3)}`;
  const params = [taskName, table.schema, table.table];
  if (!keys) {
    await conn.query(base, params);
    return;
  }
  for (let at = 0; at < keys.length; at += 1000) {
    const chunk = keys.slice(at, at + 1000);
    const marks = chunk.map((_, i) => mark(f, i + 4)).join(', ');
    await conn.query(`${base} AND ${q('KEY')} IN (${marks})`, [...params, ...chunk]);
  }
}

export async function insertFailures(
  conn: DbConnection,
  taskName: string,
  table: TableRef,
  failures: readonly FailureRow[],
): Promise<void> {
  const q = (n: string) => quoteIdent(conn.family, n);
  const f = conn.family;
  const now = f === 'postgres' ? "(now() AT TIME ZONE 'UTC')" : 'UTC_TIMESTAMP(6)';
  const cols = ['TASK_NAME', 'TABLE_OWNER', 'TABLE_NAME', 'FAILURE_TIME', 'KEY_TYPE', 'KEY']
    .concat(['FAILURE_TYPE', 'DETAILS'])
    .map(q)
    .join(', ');
  for (let at = 0; at < failures.length; at += 500) {
    const chunk = failures.slice(at, at + 500);
    let n = 0;
    const values = chunk.map(() => {
      const m = () => mark(f, ++n);
      return `(${m()}, ${m()}, ${m()}, ${now}, 'Row', ${m()}, ${m()}, ${m()})`;
    });
    const params = chunk.flatMap((r) => [
      taskName,
      table.schema,
      table.table,
      r.key,
      r.type,
      r.details,
    ]);
    await conn.query(
      `INSERT INTO ${failuresTable(conn)} (${cols}) VALUES ${values.join(', ')}`,
      params,
    );
  }
}
