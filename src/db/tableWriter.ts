// Creates target tables per TargetTablePrepMode and bulk-loads COPY-text batches into them:
// COPY … FROM STDIN on PostgreSQL, LOAD DATA LOCAL INFILE from a stream on MySQL/MariaDB, and
// multi-row INSERTs on PGlite (its socket server cannot take COPY FROM STDIN).
import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { finished } from 'node:stream/promises';
import type { Connection as MysqlPromiseConnection, ResultSetHeader } from 'mysql2/promise';
import type pg from 'pg';
import type { DbConnection } from './connection.js';
import { createIfMissing } from './createIfMissing.js';
import type { TablePlan } from './loadPlan.js';
import { decodeLine } from './rowCodec.js';
import { quoteIdent } from './sourceTables.js';

export type PrepMode = 'DROP_AND_CREATE' | 'TRUNCATE_BEFORE_LOAD' | 'DO_NOTHING';

/** What preparing the target did, for the task log. */
export type PrepAction = 'created' | 'dropped and created' | 'truncated' | 'kept';

function qualified(plan: TablePlan): string {
  const q = (n: string) => quoteIdent(plan.targetFamily, n);
  return `${q(plan.target.schema)}.${q(plan.target.table)}`;
}

export function createTableSql(plan: TablePlan, ifNotExists: boolean): string {
  const q = (n: string) => quoteIdent(plan.targetFamily, n);
  const cols = plan.columns.map(
    (c) => `${q(c.target)} ${c.targetSql}${c.nullable ? '' : ' NOT NULL'}`,
  );
  if (plan.primaryKey.length > 0) cols.push(`PRIMARY KEY (${plan.primaryKey.map(q).join(', ')})`);
  const suffix = plan.targetFamily === 'mysql' ? ' ENGINE=InnoDB DEFAULT CHARSET=utf8mb4' : '';
  return `CREATE TABLE ${ifNotExists ? 'IF NOT EXISTS ' : ''}${qualified(plan)} (\n  ${cols.join(',\n  ')}\n)${suffix}`;
}

async function tableExists(conn: DbConnection, plan: TablePlan): Promise<boolean> {
  if (conn.family === 'postgres') {
    const { rows } = await conn.query<{ r: string | null }>('SELECT to_regclass($1) AS r', [
      qualified(plan),
    ]);
    return rows[0]?.r != null;
  }
  const { rows } = await conn.query(
    'SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?',
    [plan.target.schema, plan.target.table],
  );
  return rows.length > 0;
}

async function ensureSchema(conn: DbConnection, plan: TablePlan): Promise<void> {
  const name = quoteIdent(plan.targetFamily, plan.target.schema);
  await createIfMissing(
    conn,
    conn.family === 'postgres'
      ? `CREATE SCHEMA IF NOT EXISTS ${name}`
      : `CREATE DATABASE IF NOT EXISTS ${name}`,
  );
}

/** Prepares the target table. DMS creates a missing table under every mode, DO_NOTHING too. */
export async function prepareTargetTable(
  conn: DbConnection,
  plan: TablePlan,
  mode: PrepMode,
): Promise<PrepAction> {
  await ensureSchema(conn, plan);
  const exists = await tableExists(conn, plan);
  if (mode === 'DROP_AND_CREATE') {
    if (exists)
      await conn.query(
        `DROP TABLE IF EXISTS ${qualified(plan)}${conn.family === 'postgres' ? ' CASCADE' : ''}`,
      );
    await conn.query(createTableSql(plan, false));
    return exists ? 'dropped and created' : 'created';
  }
  if (!exists) {
    await conn.query(createTableSql(plan, true));
    return 'created';
  }
  if (mode === 'TRUNCATE_BEFORE_LOAD') {
    await conn.query(`TRUNCATE TABLE ${qualified(plan)}`);
    return 'truncated';
  }
  return 'kept';
}

/** One batch (one commit) of rows going into the target. */
export interface BatchSink {
  write(chunk: Buffer): Promise<void>;
  /** Ends the batch; resolves with the rows the target skipped (duplicates, bad values). */
  end(): Promise<{ skipped: number }>;
}

/**
 * How rows go in: `bulk` is COPY FROM STDIN (PostgreSQL) or LOAD DATA LOCAL INFILE (MySQL);
 * `insert` is multi-row INSERTs, for PGlite behind pglite-socket (no COPY FROM STDIN) and for
 * MySQL servers with local_infile off.
 */
export type WriteMethod = 'bulk' | 'insert';

export interface WriterOptions {
  method: WriteMethod;
}

export async function openBatch(
  conn: DbConnection,
  plan: TablePlan,
  options: WriterOptions,
): Promise<BatchSink> {
  if (options.method === 'insert') return insertBatch(conn, plan);
  return conn.family === 'mysql' ? loadDataBatch(conn, plan) : copyBatch(conn, plan);
}

async function copyBatch(conn: DbConnection, plan: TablePlan): Promise<BatchSink> {
  const { from } = await import('pg-copy-streams');
  const client = conn.raw as pg.Client;
  const cols = plan.columns.map((c) => quoteIdent('postgres', c.target)).join(', ');
  const stream = client.query(from(`COPY ${qualified(plan)} (${cols}) FROM STDIN`));
  let failure: Error | undefined;
  stream.on('error', (error: Error) => {
    failure = error;
  });
  return {
    async write(chunk) {
      if (failure) throw failure;
      if (!stream.write(chunk)) await once(stream, 'drain');
    },
    async end() {
      if (failure) throw failure;
      stream.end();
      await finished(stream);
      return { skipped: 0 };
    },
  };
}

async function loadDataBatch(conn: DbConnection, plan: TablePlan): Promise<BatchSink> {
  const connection = conn.raw as MysqlPromiseConnection;
  const input = new PassThrough({ highWaterMark: 1 << 20 });
  const targets: string[] = [];
  const sets: string[] = [];
  plan.columns.forEach((c, i) => {
    const q = quoteIdent('mysql', c.target);
    if (c.binary) {
      targets.push(`@v${i}`);
      sets.push(`${q} = UNHEX(@v${i})`);
    } else targets.push(q);
  });
  const sql =
    `LOAD DATA LOCAL INFILE 'dms-tui-full-load' INTO TABLE ${qualified(plan)} CHARACTER SET utf8mb4 ` +
    `FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' (${targets.join(', ')})` +
    (sets.length > 0 ? ` SET ${sets.join(', ')}` : '');
  const done = connection
    .query({ sql, infileStreamFactory: () => input } as Parameters<typeof connection.query>[0])
    .then(([result]) => result as ResultSetHeader);
  // Keep an early failure (e.g. a missing column) from going unhandled before end() awaits it.
  done.catch(() => undefined);
  return {
    async write(chunk) {
      if (!input.write(chunk)) await Promise.race([once(input, 'drain'), done]);
    },
    async end() {
      input.end();
      const result = await done;
      const skipped = /Skipped:\s*(\d+)/.exec(result.info ?? '');
      return { skipped: skipped ? Number(skipped[1]) : 0 };
    },
  };
}

async function insertBatch(conn: DbConnection, plan: TablePlan): Promise<BatchSink> {
  const family = conn.family;
  const cols = plan.columns.map((c) => quoteIdent(family, c.target)).join(', ');
  const width = plan.columns.length;
  const binary = plan.columns.map((c) => c.binary);
  const rowsPerInsert = Math.max(1, Math.min(500, Math.floor(30000 / Math.max(1, width))));
  const decoder = new StringDecoder('utf8');
  let carry = '';
  let rows: unknown[][] = [];
  const toRow = (line: string): unknown[] => {
    const fields = decodeLine(line);
    // MySQL targets get binary columns as hex (see tableReader.ts); PostgreSQL as \x… text.
    if (family === 'mysql')
      return fields.map((f, i) => (f !== null && binary[i] ? Buffer.from(f, 'hex') : f));
    return fields;
  };
  const flush = async () => {
    if (rows.length === 0) return;
    const params: unknown[] = [];
    const tuples = rows.map((row) => {
      const start = params.length;
      params.push(...row);
      const marks = row.map((_, i) => (family === 'postgres' ? `$${start + i + 1}` : '?'));
      return `(${marks.join(', ')})`;
    });
    rows = [];
    await conn.query(
      `INSERT INTO ${qualified(plan)} (${cols}) VALUES ${tuples.join(', ')}`,
      params,
    );
  };
  return {
    async write(chunk) {
      const text = carry + decoder.write(chunk);
      const lines = text.split('\n');
      carry = lines.pop() ?? '';
      for (const line of lines) {
        rows.push(toRow(line));
        if (rows.length >= rowsPerInsert) await flush();
      }
    },
    async end() {
      carry += decoder.end();
      if (carry) rows.push(toRow(carry));
      carry = '';
      await flush();
      return { skipped: 0 };
    },
  };
}
