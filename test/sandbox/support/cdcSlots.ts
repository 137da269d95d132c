// The replication slots a CDC task leaves at a PostgreSQL source (named after the task's
// resource id, as DMS names them), and the clean-up that keeps failed runs from filling the disk.
import type { DbConnection } from '../../../src/db/connection.js';

export async function slotsOf(conn: DbConnection, taskId: string): Promise<string[]> {
  const { rows } = await conn.query<{ slot_name: string }>(
    'SELECT slot_name FROM pg_replication_slots WHERE slot_name LIKE $1',
    [`${taskId.toLowerCase()}%`],
  );
  return rows.map((r) => r.slot_name);
}

/** Drops what tasks of a test left at the source: slots (ended first) and publications. An
 *  empty id (a task never created) is skipped: as a prefix it would match every other test
 *  file's slots on this server. */
export async function dropLeftoverSlots(conn: DbConnection, taskIds: string[]): Promise<void> {
  for (const id of taskIds.filter((t) => t.length > 0)) {
    const prefix = `${id.toLowerCase()}%`;
    await conn.query(
      'SELECT pg_terminate_backend(active_pid) FROM pg_replication_slots WHERE slot_name LIKE $1 AND active_pid IS NOT NULL',
      [prefix],
    );
    await conn
      .query(
        'SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name LIKE $1',
        [prefix],
      )
      .catch(() => undefined);
    const { rows } = await conn.query<{ pubname: string }>(
      'SELECT pubname FROM pg_publication WHERE pubname LIKE $1',
      [`awsdms_pub_${id.toLowerCase()}%`],
    );
    for (const r of rows) await conn.query(`DROP PUBLICATION IF EXISTS "${r.pubname}"`);
  }
}
