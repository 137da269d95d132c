// What change data capture needs on a source, read through the project's connection before a
// CDC task is created (docs: DMS user guide, PostgreSQL and MySQL as a source): PostgreSQL's
// wal_level and the user's REPLICATION (or superuser) privilege; MySQL/MariaDB's log_bin,
// binlog_format, binlog_row_image and the user's REPLICATION SLAVE / CLIENT grants; and, on
// both, the selected tables without a primary key (DMS replicates only their inserts). Facts
// only; model/cdcPrerequisites.ts words them.
import type { ConnectionSpec } from '../model/connection.js';
import type { CdcFacts } from '../model/cdcPrerequisites.js';
import { type DbConnection, openConnection } from './connection.js';
import { type LobPattern, likePattern } from './largestLob.js';

/** Tables named in the answer at most (the count is always exact). */
const NAMED_TABLES = 20;

async function tablesWithoutKey(
  db: DbConnection,
  patterns: readonly LobPattern[],
): Promise<string[]> {
  const found = new Set<string>();
  for (const p of patterns) {
    const sql =
      db.family === 'postgres'
        ? `SELECT t.table_schema AS s, t.table_name AS t FROM information_schema.tables t
            WHERE t.table_type = 'BASE TABLE' AND t.table_schema LIKE $1 AND t.table_name LIKE $2
              AND NOT EXISTS (SELECT 1 FROM information_schema.table_constraints c
                               WHERE c.table_schema = t.table_schema AND c.table_name = t.table_name
                                 AND c.constraint_type = 'PRIMARY KEY')
            ORDER BY 1, 2`
        : `SELECT t.TABLE_SCHEMA AS s, t.TABLE_NAME AS t FROM information_schema.TABLES t
            WHERE t.TABLE_TYPE = 'BASE TABLE' AND t.TABLE_SCHEMA LIKE ? AND t.TABLE_NAME LIKE ?
              AND NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS c
                               WHERE c.TABLE_SCHEMA = t.TABLE_SCHEMA AND c.TABLE_NAME = t.TABLE_NAME
                                 AND c.CONSTRAINT_TYPE = 'PRIMARY KEY')
            ORDER BY 1, 2`;
    const { rows } = await db.query<{ s: string; t: string }>(sql, [
      likePattern(p.schema),
      likePattern(p.table),
    ]);
    for (const r of rows) found.add(`${r.s}.${r.t}`);
  }
  return [...found];
}

async function postgresFacts(db: DbConnection): Promise<Partial<CdcFacts>> {
  const { rows } = await db.query<{ wal_level: string; user: string; replication: boolean }>(
    `SELECT current_setting('wal_level') AS wal_level, current_user AS "user",
            (r.rolreplication OR r.rolsuper) AS replication
       FROM pg_roles r WHERE r.rolname = current_user`,
  );
  const r = rows[0];
  return { walLevel: r?.wal_level, user: r?.user, replicationPrivilege: r?.replication === true };
}

async function mysqlFacts(db: DbConnection): Promise<Partial<CdcFacts>> {
  const { rows } = await db.query<Record<string, string | number | null>>(
    'SELECT @@log_bin AS log_bin, @@binlog_format AS binlog_format, @@binlog_row_image AS binlog_row_image, CURRENT_USER() AS who',
  );
  const v = rows[0] ?? {};
  const grants = await db
    .query<Record<string, string>>('SHOW GRANTS')
    .then((r) => r.rows.map((g) => Object.values(g)[0] ?? '').join('\n'))
    .catch(() => '');
  const all = /GRANT ALL PRIVILEGES ON \*\.\*/i.test(grants);
  return {
    logBin: String(v.log_bin ?? '') === '1' || String(v.log_bin ?? '').toUpperCase() === 'ON',
    binlogFormat: v.binlog_format === null ? undefined : String(v.binlog_format),
    binlogRowImage: v.binlog_row_image === null ? undefined : String(v.binlog_row_image),
    user: v.who === null ? undefined : String(v.who),
    replicationSlave: all || /REPLICATION SLAVE/i.test(grants),
    // MariaDB 10.5 renamed REPLICATION CLIENT to BINLOG MONITOR.
    replicationClient: all || /REPLICATION CLIENT|BINLOG MONITOR/i.test(grants),
  };
}

/** Reads the facts; throws a ConnectionError (or the driver's error) when it cannot. */
export async function checkCdcPrerequisites(
  spec: ConnectionSpec,
  patterns: readonly LobPattern[],
): Promise<CdcFacts> {
  const db = await openConnection(spec, { timeoutMs: 5000, applicationName: 'dms-tui-cdc-check' });
  try {
    const engine = db.family === 'postgres' ? await postgresFacts(db) : await mysqlFacts(db);
    const noKey = await tablesWithoutKey(db, patterns);
    return {
      family: db.family,
      ...engine,
      tablesWithoutKey: noKey.slice(0, NAMED_TABLES),
      tablesWithoutKeyCount: noKey.length,
    };
  } finally {
    await db.close();
  }
}
