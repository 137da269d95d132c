// Counts the rows a target table really holds: at the start of a DO_NOTHING load (the rows that
// were there before) and after a crash, when the sandbox restarts and sets FullLoadRows from the
// target instead of from the last figure that reached the state file (src/sandbox/recover.ts).
import { type DbConnection, openConnection } from '../../db/connection.js';
import { forceClose } from '../../db/forceClose.js';
import { quoteIdent } from '../../db/sourceTables.js';
import type { ConnectionSpec } from '../../model/connection.js';
import type { TableRef } from './types.js';

export async function countRows(conn: DbConnection, table: TableRef): Promise<number> {
  const q = (n: string) => quoteIdent(conn.family, n);
  const { rows } = await conn.query<{ n: unknown }>(
    `SELECT count(*) AS n FROM ${q(table.schema)}.${q(table.table)}`,
  );
  return Number(rows[0]?.n ?? 0);
}

/** The rows of one target table, on a connection of its own; undefined when it cannot tell. */
export async function countTargetRows(
  spec: ConnectionSpec,
  table: TableRef,
  timeoutMs = 10_000,
): Promise<number | undefined> {
  let conn: DbConnection | undefined;
  const timer = setTimeout(() => conn && forceClose(conn), timeoutMs);
  try {
    conn = await openConnection(spec, { applicationName: 'dms-tui-sandbox' });
    return await countRows(conn, table);
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
    await conn?.close().catch(() => undefined);
  }
}
