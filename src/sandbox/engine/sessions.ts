// What every full load does with its database sessions, whatever the source: the session
// settings (UTC, no foreign-key checks on a MySQL target), and how rows go into the target.
import type { DbConnection } from '../../db/connection.js';
import type { WriteMethod } from '../../db/tableWriter.js';
import type { FullLoadJob } from './types.js';

export async function prepareSession(conn: DbConnection, role: 'source' | 'target'): Promise<void> {
  if (conn.family === 'postgres') {
    await conn.query("SET TimeZone = 'UTC'");
  } else {
    await conn.query("SET time_zone = '+00:00'");
    if (role === 'target') await conn.query('SET foreign_key_checks = 0');
  }
}

/** Bulk loads (COPY, LOAD DATA) where the target takes them, INSERTs otherwise (PGlite, or
 *  MySQL with local_infile off, which the task log says). */
export async function chooseWriteMethod(
  target: DbConnection,
  log: FullLoadJob['log'],
): Promise<{ writeMethod: WriteMethod; pglite: boolean }> {
  const pglite = (await target.serverVersion()).includes('PGlite');
  let writeMethod: WriteMethod = pglite ? 'insert' : 'bulk';
  if (target.family === 'mysql') {
    const { rows } = await target.query<{ v: unknown }>('SELECT @@GLOBAL.local_infile AS v');
    if (Number(rows[0]?.v) !== 1) {
      writeMethod = 'insert';
      log(
        'TARGET_LOAD',
        'W',
        'local_infile is OFF on the target server: rows are loaded with multi-row INSERTs, which is slower than LOAD DATA LOCAL INFILE',
        'mysql_endpoint_imp.c:1020',
      );
    }
  }
  return { writeMethod, pglite };
}
