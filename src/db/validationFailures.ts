// Reads one table's rows of awsdms_validation_failures_v1 through the project's target
// connection (read-only): TASK_NAME is the task's resource id, TABLE_OWNER and TABLE_NAME the
// table as the task's statistics name it. At most `limit` of them (the oldest first), and how
// many there are. A target without the table (nothing validated there) has none.
import type { ConnectionSpec } from '../model/connection.js';
import {
  parseFailureKey,
  type ValidationFailure,
  type ValidationFailures,
} from '../model/validationFailures.js';
import { limitStatements, openConnection } from './connection.js';
import { quoteIdent, type TableRef } from './sourceTables.js';
import { controlSchema, FAILURES_TABLE } from './validationQueries.js';

/** The driver's code for a table that does not exist (PostgreSQL, MySQL/MariaDB). */
const NO_TABLE = new Set(['42P01', 'ER_NO_SUCH_TABLE', '3F000', 'ER_BAD_DB_ERROR']);

/** Seconds any one statement may take. */
const QUERY_SECONDS = 15;

/** "2026-11-30 10:00:01.123456" (UTC, as the validator writes it) → a Date. */
function utc(text: string): Date {
  return new Date(`${text.trim().replace(' ', 'T')}Z`);
}

export async function readValidationFailures(
  target: ConnectionSpec,
  options: { taskName: string; table: TableRef; limit: number },
): Promise<ValidationFailures> {
  const db = await openConnection(target, { timeoutMs: 5000, applicationName: 'dms-tui' });
  const schema = controlSchema(db);
  const where = `${schema}.${FAILURES_TABLE}`;
  try {
    await limitStatements(db, QUERY_SECONDS);
    const pg = db.family === 'postgres';
    const q = (name: string) => quoteIdent(db.family, name);
    const text = (name: string) => (pg ? `${q(name)}::text` : `CAST(${q(name)} AS CHAR)`);
    const from = `${q(schema)}.${q(FAILURES_TABLE)} WHERE ${q('TASK_NAME')} = ${pg ? '$1' : '?'} AND ${q('TABLE_OWNER')} = ${pg ? '$2' : '?'} AND ${q('TABLE_NAME')} = ${pg ? '$3' : '?'}`;
    const params = [options.taskName, options.table.schema, options.table.table];
    const count = await db.query<{ n: number | string }>(
      `SELECT COUNT(*) AS n FROM ${from}`,
      params,
    );
    const limit = Math.max(1, Math.floor(options.limit));
    const { rows } = await db.query<{ k: string; t: string; at: string; d: string }>(
      `SELECT ${q('KEY')} AS k, ${q('FAILURE_TYPE')} AS t, ${text('FAILURE_TIME')} AS at, ${q('DETAILS')} AS d FROM ${from} ORDER BY ${q('FAILURE_TIME')}, ${q('KEY')} LIMIT ${limit}`,
      params,
    );
    const failures = rows.map(
      (r): ValidationFailure => ({
        keyText: String(r.k),
        key: parseFailureKey(String(r.k)),
        type: String(r.t),
        time: utc(String(r.at)),
        details: String(r.d ?? ''),
      }),
    );
    return { where, total: Number(count.rows[0]?.n ?? 0), limit, failures };
  } catch (error) {
    const code = String((error as { code?: unknown }).code ?? '');
    if (NO_TABLE.has(code))
      return { where, total: 0, limit: options.limit, failures: [], noTable: true };
    throw error;
  } finally {
    await db.close();
  }
}
