// Reads a CDC task's rows of DMS's awsdms_apply_exceptions control table on the target, through
// the project's target connection: how many per table and the latest few. A target without the
// table (no change ever failed there) has none.
import {
  type ApplyExceptions,
  controlSchemaOf,
  exceptionTaskName,
} from '../model/applyExceptions.js';
import type { ConnectionSpec } from '../model/connection.js';
import { openConnection } from './connection.js';

/** The driver's code for a table that does not exist (PostgreSQL, MySQL/MariaDB). */
const NO_TABLE = new Set(['42P01', 'ER_NO_SUCH_TABLE', '3F000', 'ER_BAD_DB_ERROR']);

export async function readApplyExceptions(
  target: ConnectionSpec,
  taskArn: string,
  latest = 10,
): Promise<ApplyExceptions> {
  const schema = controlSchemaOf(target);
  const where = `${schema}.awsdms_apply_exceptions`;
  const db = await openConnection(target, { applicationName: 'dms-tui' });
  try {
    const pg = db.family === 'postgres';
    const q = (name: string) => (pg ? `"${name}"` : `\`${name}\``);
    const from = `${q(schema)}.${q('awsdms_apply_exceptions')} WHERE ${q('TASK_NAME')} = ${pg ? '$1' : '?'}`;
    const name = [exceptionTaskName(taskArn)];
    const counts = await db.query<{ s: string; t: string; n: number | string }>(
      `SELECT ${q('TABLE_OWNER')} AS s, ${q('TABLE_NAME')} AS t, COUNT(*) AS n FROM ${from} GROUP BY ${q('TABLE_OWNER')}, ${q('TABLE_NAME')}`,
      name,
    );
    const rows = await db.query<{ s: string; t: string; at: Date | string; st: string; e: string }>(
      `SELECT ${q('TABLE_OWNER')} AS s, ${q('TABLE_NAME')} AS t, ${q('ERROR_TIME')} AS at, ${q('STATEMENT')} AS st, ${q('ERROR')} AS e FROM ${from} ORDER BY ${q('ERROR_TIME')} DESC LIMIT ${Math.max(1, Math.floor(latest))}`,
      name,
    );
    return {
      where,
      perTable: new Map(counts.rows.map((r) => [`${r.s}.${r.t}`, Number(r.n)])),
      latest: rows.rows.map((r) => ({
        schema: r.s,
        table: r.t,
        time: r.at instanceof Date ? r.at : new Date(`${r.at}Z`),
        statement: r.st,
        error: r.e,
      })),
    };
  } catch (error) {
    const code = String((error as { code?: unknown }).code ?? '');
    if (NO_TABLE.has(code)) return { where, perTable: new Map(), latest: [] };
    throw error;
  } finally {
    await db.close();
  }
}
