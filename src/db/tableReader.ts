// Streams a source table as COPY-text lines (see rowCodec.ts), never holding the table in
// memory: PostgreSQL through COPY (SELECT …) TO STDOUT, MySQL through a streaming query.
import { type Readable, Transform, type TransformCallback } from 'node:stream';
import type { Connection as MysqlCallbackConnection } from 'mysql2';
import type { Connection as MysqlPromiseConnection } from 'mysql2/promise';
import type pg from 'pg';
import type { DbConnection } from './connection.js';
import type { ColumnPlan, TablePlan } from './loadPlan.js';
import { escapeField, PgToMysqlEscapes } from './rowCodec.js';
import { quoteMysql, quotePg } from './sourceTables.js';

/**
 * The date and time values MySQL and MariaDB hold (DATE, DATETIME): years 1 to 9999. A
 * PostgreSQL value outside it (infinity, -infinity, BC dates, years past 9999) is read as NULL
 * and counted (countUnheldPg), never left to the target to turn into 0000-00-00.
 */
export const MYSQL_DATE_RANGE = { from: '0001-01-01', to: '9999-12-31 23:59:59.999999' } as const;

function pgHeldByMysql(column: string): string {
  return `${quotePg(column)} BETWEEN '${MYSQL_DATE_RANGE.from}' AND '${MYSQL_DATE_RANGE.to}'`;
}

/** PostgreSQL → MySQL: how many values of each temporal column MySQL cannot hold. */
export async function countUnheldPg(
  conn: DbConnection,
  plan: TablePlan,
): Promise<Map<string, number>> {
  const counted = new Map<string, number>();
  const temporal = plan.columns.filter((c) => c.temporal);
  if (plan.targetFamily !== 'mysql' || temporal.length === 0) return counted;
  const counts = temporal
    .map(
      (c, i) =>
        `count(*) FILTER (WHERE ${quotePg(c.source)} IS NOT NULL AND NOT (${pgHeldByMysql(c.source)}))::int AS n${i}`,
    )
    .join(', ');
  const { rows } = await conn.query<Record<string, number>>(
    `SELECT ${counts} FROM ${quotePg(plan.source.schema)}.${quotePg(plan.source.table)}`,
  );
  temporal.forEach((c, i) => {
    const n = Number(rows[0]?.[`n${i}`] ?? 0);
    if (n > 0) counted.set(c.source, n);
  });
  return counted;
}

function pgExpression(c: ColumnPlan, toMysql: boolean): string {
  let e = quotePg(c.source);
  if (c.castText) e = `${e}::text`;
  if (c.binary) {
    if (c.truncateTo !== undefined) e = `substring(${e} from 1 for ${c.truncateTo})`;
    if (toMysql) e = `encode(${e}, 'hex')`;
  } else if (c.truncateTo !== undefined) e = `left(${e}::text, ${c.truncateTo})`;
  if (toMysql && c.bool) e = `${e}::int`;
  if (toMysql && c.timestampTz) e = `to_char(${e} AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US')`;
  if (toMysql && c.temporal) e = `CASE WHEN ${pgHeldByMysql(c.source)} THEN ${e} END`;
  return e;
}

/** The SELECT the source runs for a plan. */
export function sourceSelect(plan: TablePlan): string {
  if (plan.sourceFamily === 'postgres') {
    const toMysql = plan.targetFamily === 'mysql';
    const cols = plan.columns.map((c) => pgExpression(c, toMysql)).join(', ');
    return `SELECT ${cols} FROM ${quotePg(plan.source.schema)}.${quotePg(plan.source.table)}`;
  }
  const cols = plan.columns
    .map((c) => {
      const q = quoteMysql(c.source);
      return c.truncateTo !== undefined ? `LEFT(${q}, ${c.truncateTo})` : q;
    })
    .join(', ');
  return `SELECT ${cols} FROM ${quoteMysql(plan.source.schema)}.${quoteMysql(plan.source.table)}`;
}

/**
 * Source rows as a byte stream of COPY-text lines ready for the plan's target. MySQL zero
 * dates, which PostgreSQL cannot hold, travel as NULL and are counted per column in `unheld`.
 */
export async function readTable(
  conn: DbConnection,
  plan: TablePlan,
  unheld: Map<string, number> = new Map(),
): Promise<Readable> {
  if (conn.family === 'postgres') {
    const { to } = await import('pg-copy-streams');
    const client = conn.raw as pg.Client;
    const stream = client.query(to(`COPY (${sourceSelect(plan)}) TO STDOUT`));
    if (plan.targetFamily !== 'mysql') return stream;
    const escapes = new PgToMysqlEscapes();
    // pipe() does not forward errors: a source failure must end the reader, not stall it.
    stream.once('error', (error: Error) => escapes.destroy(error));
    escapes.once('close', () => stream.destroy());
    return stream.pipe(escapes);
  }
  const raw = (conn.raw as MysqlPromiseConnection & { connection: MysqlCallbackConnection })
    .connection;
  const rows = raw
    .query({ sql: sourceSelect(plan), rowsAsArray: true })
    .stream({ highWaterMark: 2000 });
  const encoders = plan.columns.map((c) =>
    mysqlValueEncoder(c, plan.targetFamily, () =>
      unheld.set(c.source, (unheld.get(c.source) ?? 0) + 1),
    ),
  );
  const encode = new MysqlRowEncoder(encoders);
  rows.on('error', (error: Error) => encode.destroy(error));
  return (rows as Readable).pipe(encode);
}

type Encoder = (value: unknown) => string;

function mysqlValueEncoder(
  c: ColumnPlan,
  target: 'postgres' | 'mysql',
  onUnheld: () => void,
): Encoder {
  return (value) => {
    if (value === null || value === undefined) return '\\N';
    if (Buffer.isBuffer(value)) {
      const hex = value.toString('hex');
      return target === 'postgres' ? `\\\\x${hex}` : hex;
    }
    if (typeof value === 'string') {
      if (c.temporal && value.startsWith('0000-00-00')) {
        if (target === 'postgres') onUnheld();
        return '\\N';
      }
      return escapeField(value);
    }
    if (typeof value === 'object') return escapeField(JSON.stringify(value));
    return String(value);
  };
}

/** mysql2 row arrays → COPY-text lines, batched into buffers of a few hundred rows. */
class MysqlRowEncoder extends Transform {
  private pending: string[] = [];

  constructor(private readonly encoders: Encoder[]) {
    super({ writableObjectMode: true, readableHighWaterMark: 1 << 16 });
  }

  override _transform(row: unknown[], _enc: BufferEncoding, done: TransformCallback): void {
    const fields = new Array<string>(row.length);
    for (let i = 0; i < row.length; i++) fields[i] = (this.encoders[i] as Encoder)(row[i]);
    this.pending.push(`${fields.join('\t')}\n`);
    if (this.pending.length >= 256) {
      this.push(Buffer.from(this.pending.join('')));
      this.pending = [];
    }
    done();
  }

  override _flush(done: TransformCallback): void {
    if (this.pending.length > 0) this.push(Buffer.from(this.pending.join('')));
    done();
  }
}
