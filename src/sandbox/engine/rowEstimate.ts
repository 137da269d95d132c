// How many rows a source table holds, as DMS estimates it before a full load: the catalog's
// estimate (PostgreSQL's pg_class.reltuples, MySQL's information_schema.TABLES.TABLE_ROWS),
// or a count when the table was never analyzed (reltuples -1, or no estimate at all). The
// task's FullLoadProgressPercent moves with the rows loaded against it (src/sandbox/tasks.ts).
import type { DbConnection } from '../../db/connection.js';
import { countRows } from './recount.js';
import type { TableRef } from './types.js';

export async function estimateRows(conn: DbConnection, table: TableRef): Promise<number> {
  const estimate = await catalogEstimate(conn, table);
  return estimate !== undefined && estimate > 0 ? Math.round(estimate) : countRows(conn, table);
}

async function catalogEstimate(conn: DbConnection, table: TableRef): Promise<number | undefined> {
  const { rows } =
    conn.family === 'postgres'
      ? await conn.query<{ n: unknown }>(
          `SELECT c.reltuples AS n FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace
            WHERE s.nspname = $1 AND c.relname = $2`,
          [table.schema, table.table],
        )
      : await conn.query<{ n: unknown }>(
          'SELECT TABLE_ROWS AS n FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?',
          [table.schema, table.table],
        );
  const n = rows[0]?.n;
  return n === null || n === undefined ? undefined : Number(n);
}
