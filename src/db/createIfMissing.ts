// Creating what may already exist, from several sessions at once (two tasks starting on one
// target, each creating the shared control tables). PostgreSQL's IF NOT EXISTS looks in the
// catalog before it writes there: two sessions that both found nothing race, and the loser
// fails with a unique violation on the catalog (23505) or "already exists" (42P06 schema,
// 42P07 table, 42710 the table's row type), although what it asked for now exists.
import type { DbConnection } from './connection.js';

const CREATED_MEANWHILE = new Set(['23505', '42P06', '42P07', '42710']);

/** Runs a CREATE … IF NOT EXISTS; losing the race to another session that created it is fine. */
export async function createIfMissing(conn: DbConnection, sql: string): Promise<void> {
  try {
    await conn.query(sql);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (conn.family !== 'postgres' || !code || !CREATED_MEANWHILE.has(code)) throw error;
  }
}
