// What the replication agent reads from a source: a table's partition key (its primary key, or
// else a unique key) with the bounds that cut it into ranges, a row estimate, and one
// partition's rows as RFC 4180 CSV bytes (see src/model/agentCsv.ts), streamed with bounded
// memory in chunks of whole rows, counted as they stream: PostgreSQL through COPY … (FORMAT csv)
// (pgCopyOut.ts) with the columns that can hold an empty value always quoted (so '' is never a
// bare empty field), MySQL/MariaDB through a streaming query encoded row by row.
import { type Readable, Transform, type TransformCallback } from 'node:stream';
import type { Connection as MysqlCallbackConnection } from 'mysql2';
import type { Connection as MysqlPromiseConnection } from 'mysql2/promise';
import type pg from 'pg';
import { csvRow, normaliseValue } from '../model/agentCsv.js';
import type { KeyBounds, Partition } from '../model/agentPartitions.js';
import {
  type DmsColumnType,
  dmsColumnShape,
  neutralTypeOf,
} from '../model/agentTableDefinition.js';
import type { DbConnection } from './connection.js';
import { copyOut } from './pgCopyOut.js';
import { quoteIdent, quotePg, type TableInfo, type TableRef } from './sourceTables.js';

export interface PartitionKey {
  column: string;
  nullable: boolean;
  integer: boolean;
}

/** The first column of the primary key, or of a unique key when there is none; null if neither. */
export async function partitionKey(
  conn: DbConnection,
  table: TableInfo,
): Promise<PartitionKey | null> {
  let column = table.primaryKey[0];
  if (!column) column = await firstUniqueColumn(conn, table);
  if (!column) return null;
  const info = table.columns.find((c) => c.name === column);
  if (!info) return null;
  const type = neutralTypeOf(conn.family, info.fullType);
  return { column, nullable: info.nullable, integer: type.kind === 'int' };
}

async function firstUniqueColumn(conn: DbConnection, ref: TableRef): Promise<string | undefined> {
  if (conn.family === 'postgres') {
    const { rows } = await conn.query<{ name: string }>(
      `SELECT a.attname AS name FROM pg_index i
         JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
        WHERE i.indrelid = $1::regclass AND i.indisunique AND i.indpred IS NULL AND i.indexprs IS NULL
        ORDER BY i.indnkeyatts, i.indexrelid LIMIT 1`,
      [`${quotePg(ref.schema)}.${quotePg(ref.table)}`],
    );
    return rows[0]?.name;
  }
  const { rows } = await conn.query<{ name: string }>(
    `SELECT COLUMN_NAME AS name FROM information_schema.STATISTICS
      WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND NON_UNIQUE = 0 AND SEQ_IN_INDEX = 1
      ORDER BY INDEX_NAME LIMIT 1`,
    [ref.schema, ref.table],
  );
  return rows[0] ? String(rows[0].name) : undefined;
}

const qualified = (conn: DbConnection, ref: TableRef) =>
  `${quoteIdent(conn.family, ref.schema)}.${quoteIdent(conn.family, ref.table)}`;

/** The planner's estimate (PostgreSQL reltuples, MySQL TABLE_ROWS); count(*) when unknown. */
export async function estimateRows(conn: DbConnection, ref: TableRef): Promise<number> {
  let estimate: number | null = null;
  if (conn.family === 'postgres') {
    const { rows } = await conn.query<{ n: number }>(
      'SELECT reltuples::float8 AS n FROM pg_class WHERE oid = $1::regclass',
      [`${quotePg(ref.schema)}.${quotePg(ref.table)}`],
    );
    estimate = rows[0] && rows[0].n >= 0 ? Number(rows[0].n) : null;
  } else {
    const { rows } = await conn.query<{ n: unknown }>(
      'SELECT TABLE_ROWS AS n FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?',
      [ref.schema, ref.table],
    );
    estimate = rows[0]?.n === null || rows[0]?.n === undefined ? null : Number(rows[0].n);
  }
  if (estimate !== null && estimate > 0) return Math.round(estimate);
  const { rows } = await conn.query<{ n: unknown }>(
    `SELECT count(*) AS n FROM ${qualified(conn, ref)}`,
  );
  return Number(rows[0]?.n ?? 0);
}

/** The bounds partition planning needs: min/max of an integer key, else sampled boundaries. */
export async function keyBounds(
  conn: DbConnection,
  ref: TableRef,
  key: PartitionKey,
  estimatedRows: number,
  partitions: number,
): Promise<KeyBounds> {
  const col = quoteIdent(conn.family, key.column);
  const from = qualified(conn, ref);
  if (key.integer) {
    const { rows } = await conn.query<{ lo: unknown; hi: unknown }>(
      `SELECT min(${col}) AS lo, max(${col}) AS hi FROM ${from}`,
    );
    const lo = rows[0]?.lo;
    const hi = rows[0]?.hi;
    return {
      kind: 'integer',
      column: key.column,
      nullable: key.nullable,
      min: lo === null || lo === undefined ? null : String(lo),
      max: hi === null || hi === undefined ? null : String(hi),
    };
  }
  const boundaries: string[] = [];
  const text = conn.family === 'postgres' ? `${col}::text` : col;
  for (let i = 1; i < partitions; i++) {
    const offset = Math.floor((estimatedRows * i) / partitions);
    const { rows } = await conn.query<{ v: unknown }>(
      `SELECT ${text} AS v FROM ${from} WHERE ${col} IS NOT NULL ORDER BY ${col} LIMIT 1 OFFSET ${offset}`,
    );
    if (rows[0]?.v === undefined || rows[0]?.v === null) break;
    boundaries.push(String(rows[0].v));
  }
  return { kind: 'ordered', column: key.column, nullable: key.nullable, boundaries };
}

function pgLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** The WHERE clause of a partition (empty for the whole table). */
export function partitionWhere(
  family: DbConnection['family'],
  column: string | null,
  p: Partition,
  literal: (v: string) => string,
): string {
  if (!column || (p.lower === null && p.upper === null)) return '';
  const col = quoteIdent(family, column);
  const parts: string[] = [];
  if (p.lower !== null) parts.push(`${col} >= ${literal(p.lower)}`);
  if (p.upper !== null) parts.push(`${col} < ${literal(p.upper)}`);
  const range = parts.join(' AND ');
  return p.nulls ? ` WHERE (${range}) OR ${col} IS NULL` : ` WHERE ${range}`;
}

function pgColumnExpression(name: string, type: DmsColumnType, fullType: string): string {
  const c = quotePg(name);
  if (type === 'BLOB' || type === 'BYTE') return `encode(${c}, 'hex')`;
  if (type === 'BOOLEAN') return `${c}::int`;
  if (/with time zone/.test(fullType) && type === 'DATETIME')
    return `to_char(${c} AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US')`;
  return c;
}

const CAN_BE_EMPTY = new Set<DmsColumnType>(['STRING', 'CLOB', 'BLOB', 'BYTE']);

export interface PartitionStream {
  /** The CSV; every chunk ends at a row end. */
  csv: Readable;
  /** Rows read so far (all of them once the stream has ended). */
  rows(): number;
  /** CSV bytes read so far. */
  bytes(): number;
}

/** One partition's rows as CSV bytes (no header), NULL as `nullMarker`. */
export async function readPartitionCsv(
  conn: DbConnection,
  table: TableInfo,
  column: string | null,
  partition: Partition,
  nullMarker: string,
): Promise<PartitionStream> {
  const types = table.columns.map(
    (c) => dmsColumnShape(neutralTypeOf(conn.family, c.fullType)).ColumnType,
  );
  if (conn.family === 'postgres') {
    const exprs = table.columns.map(
      (c, i) => `${pgColumnExpression(c.name, types[i] as DmsColumnType, c.fullType)} AS "c${i}"`,
    );
    // Text and binary can be empty: quoted, '' never reads as a bare empty field. Numbers,
    // dates and booleans are never empty, so they go unquoted (less to write and to gzip).
    const quoted = types.flatMap((t, i) => (CAN_BE_EMPTY.has(t) ? [`"c${i}"`] : []));
    const force = quoted.length ? `, FORCE_QUOTE (${quoted.join(', ')})` : '';
    const where = partitionWhere('postgres', column, partition, pgLiteral);
    const sql = `COPY (SELECT ${exprs.join(', ')} FROM ${qualified(conn, table)}${where}) TO STDOUT WITH (FORMAT csv, NULL ${pgLiteral(nullMarker)}${force})`;
    const stream = copyOut(conn.raw as pg.Client, sql);
    return { csv: stream, rows: () => stream.rows, bytes: () => stream.bytes };
  }
  const raw = (conn.raw as MysqlPromiseConnection & { connection: MysqlCallbackConnection })
    .connection;
  await conn.query("SET time_zone = '+00:00'");
  const params: string[] = [];
  const where = partitionWhere('mysql', column, partition, (v) => {
    params.push(v);
    return '?';
  });
  const cols = table.columns.map((c) => quoteIdent('mysql', c.name)).join(', ');
  const rows = raw
    .query({
      sql: `SELECT ${cols} FROM ${qualified(conn, table)}${where}`,
      values: params,
      rowsAsArray: true,
    })
    .stream({ highWaterMark: 1000 });
  const encoder = new CsvRowEncoder(types, nullMarker);
  rows.on('error', (error: Error) => encoder.destroy(error));
  (rows as Readable).pipe(encoder);
  return { csv: encoder, rows: () => encoder.count, bytes: () => encoder.bytes };
}

/** Driver row arrays → CSV lines, a few hundred whole rows per buffer. */
class CsvRowEncoder extends Transform {
  count = 0;
  bytes = 0;
  private pending = '';

  constructor(
    private readonly types: DmsColumnType[],
    private readonly nullMarker: string,
  ) {
    super({ writableObjectMode: true, readableHighWaterMark: 1 << 16 });
  }

  override _transform(row: unknown[], _enc: BufferEncoding, done: TransformCallback): void {
    const values = row.map((v, i) => normaliseValue(this.types[i] as DmsColumnType, v));
    this.pending += csvRow(values, this.nullMarker);
    this.count++;
    if (this.pending.length >= 1 << 16) this.pushPending();
    done();
  }

  override _flush(done: TransformCallback): void {
    if (this.pending) this.pushPending();
    done();
  }

  private pushPending(): void {
    const chunk = Buffer.from(this.pending);
    this.bytes += chunk.length;
    this.pending = '';
    this.push(chunk);
  }
}
