// The largest LOB value among the LOB columns of the tables a task selects, so the Create Task
// form can warn when limited LOB mode would truncate it. Each column costs one scan, so the
// search is bounded: at most MAX_COLUMNS columns, each query cut off by the server after a few
// seconds; columns that could not be measured are counted, not guessed.
import { isLobType } from '../model/catalog.js';
import type { ConnectionSpec } from '../model/connection.js';
import { type DbConnection, limitStatements, openConnection } from './connection.js';

export interface LobPattern {
  schema: string;
  table: string;
}

export interface LargestLob {
  /** Bytes of the longest value found (0 when the LOB columns are empty). */
  bytes: number;
  /** "schema.table.column" holding it. */
  where?: string;
  columns: number;
  /** Columns skipped (too many, or a query that ran out of time). */
  unmeasured: number;
  /** LOB columns declared NOT NULL ("schema.table.column"): a task without LOBs leaves them out. */
  notNull: string[];
}

const MAX_COLUMNS = 40;
const QUERY_SECONDS = 5;

/** DMS wildcards → SQL LIKE: `%` and `_` are the same; `[_]` is a literal underscore. */
export function likePattern(pattern: string): string {
  return pattern.replace(/\\/g, '\\\\').replace(/\[_\]/g, '\\_');
}

interface LobColumn {
  schema: string;
  table: string;
  column: string;
  cast: boolean;
  notNull: boolean;
}

async function lobColumns(db: DbConnection, patterns: readonly LobPattern[]): Promise<LobColumn[]> {
  const found = new Map<string, LobColumn>();
  for (const p of patterns) {
    if (db.family === 'postgres') {
      const { rows } = await db.query<{
        table_schema: string;
        table_name: string;
        column_name: string;
        udt_name: string;
        data_type: string;
        character_maximum_length: number | null;
        is_nullable: string;
      }>(
        `SELECT c.table_schema, c.table_name, c.column_name, c.udt_name, c.data_type, c.character_maximum_length, c.is_nullable
           FROM information_schema.columns c
           JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
          WHERE t.table_type = 'BASE TABLE' AND c.table_schema LIKE $1 AND c.table_name LIKE $2
          ORDER BY 1, 2, c.ordinal_position`,
        [likePattern(p.schema), likePattern(p.table)],
      );
      for (const r of rows) {
        const full = r.character_maximum_length
          ? `varchar(${r.character_maximum_length})`
          : r.udt_name;
        if (!isLobType('postgres', r.udt_name, full, r.data_type === 'ARRAY')) continue;
        found.set(`${r.table_schema}.${r.table_name}.${r.column_name}`, {
          schema: r.table_schema,
          table: r.table_name,
          column: r.column_name,
          cast: r.udt_name !== 'bytea' && r.udt_name !== 'text' && r.udt_name !== 'varchar',
          notNull: r.is_nullable === 'NO',
        });
      }
    } else {
      const { rows } = await db.query<{ s: string; t: string; c: string; d: string; n: string }>(
        `SELECT c.TABLE_SCHEMA AS s, c.TABLE_NAME AS t, c.COLUMN_NAME AS c, c.DATA_TYPE AS d, c.IS_NULLABLE AS n
           FROM information_schema.COLUMNS c
           JOIN information_schema.TABLES t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME
          WHERE t.TABLE_TYPE = 'BASE TABLE' AND c.TABLE_SCHEMA LIKE ? AND c.TABLE_NAME LIKE ?
          ORDER BY 1, 2, c.ORDINAL_POSITION`,
        [likePattern(p.schema), likePattern(p.table)],
      );
      for (const r of rows) {
        if (!isLobType('mysql', r.d)) continue;
        found.set(`${r.s}.${r.t}.${r.c}`, {
          schema: r.s,
          table: r.t,
          column: r.c,
          cast: false,
          notNull: r.n === 'NO',
        });
      }
    }
  }
  return [...found.values()];
}

const pgId = (name: string) => `"${name.replace(/"/g, '""')}"`;
const myId = (name: string) => `\`${name.replace(/`/g, '``')}\``;

export async function largestLob(
  spec: ConnectionSpec,
  patterns: readonly LobPattern[],
  options: { measure?: boolean } = {},
): Promise<LargestLob> {
  const db = await openConnection(spec, { timeoutMs: 5000, applicationName: 'dms-tui-lob-check' });
  try {
    await limitStatements(db, QUERY_SECONDS);
    const columns = await lobColumns(db, patterns);
    const result: LargestLob = {
      bytes: 0,
      columns: columns.length,
      unmeasured: 0,
      notNull: columns.filter((c) => c.notNull).map((c) => `${c.schema}.${c.table}.${c.column}`),
    };
    // Without LOBs in the task only the columns matter (which are NOT NULL), not their sizes.
    if (options.measure === false) return { ...result, unmeasured: columns.length };
    for (const [i, c] of columns.entries()) {
      if (i >= MAX_COLUMNS) {
        result.unmeasured += columns.length - i;
        break;
      }
      const sql =
        db.family === 'postgres'
          ? `SELECT max(octet_length(${pgId(c.column)}${c.cast ? '::text' : ''})) AS n FROM ${pgId(c.schema)}.${pgId(c.table)}`
          : `SELECT MAX(OCTET_LENGTH(${myId(c.column)})) AS n FROM ${myId(c.schema)}.${myId(c.table)}`;
      try {
        const { rows } = await db.query<{ n: number | string | null }>(sql);
        const n = Number(rows[0]?.n ?? 0);
        if (n > result.bytes) {
          result.bytes = n;
          result.where = `${c.schema}.${c.table}.${c.column}`;
        }
      } catch {
        result.unmeasured++;
      }
    }
    return result;
  } finally {
    await db.close();
  }
}
