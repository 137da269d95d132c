// What the full-load engine needs from a source catalog: the user tables, and each one's
// columns and primary key. (The schema browser's richer readers live in src/db/catalog/.)
import type { DbConnection } from './connection.js';

export interface TableRef {
  schema: string;
  table: string;
}

export interface ColumnInfo {
  name: string;
  /** format_type() on PostgreSQL, COLUMN_TYPE on MySQL. */
  fullType: string;
  nullable: boolean;
  /** PostgreSQL: the type lives in pg_catalog (so a PostgreSQL target has it too). */
  builtin: boolean;
}

export interface TableInfo extends TableRef {
  columns: ColumnInfo[];
  primaryKey: string[];
}

const MYSQL_SYSTEM = ['information_schema', 'mysql', 'performance_schema', 'sys'];

/** Tables only (no views), system schemas excluded. */
export async function listSourceTables(conn: DbConnection): Promise<TableRef[]> {
  if (conn.family === 'postgres') {
    const { rows } = await conn.query<TableRef>(
      `SELECT n.nspname AS schema, c.relname AS table
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
          AND n.nspname NOT IN ('pg_catalog', 'information_schema')
          AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'
        ORDER BY 1, 2`,
    );
    return rows;
  }
  const { rows } = await conn.query<TableRef>(
    `SELECT TABLE_SCHEMA AS \`schema\`, TABLE_NAME AS \`table\`
       FROM information_schema.TABLES
      WHERE TABLE_TYPE = 'BASE TABLE' AND TABLE_SCHEMA NOT IN (?)
      ORDER BY 1, 2`,
    [MYSQL_SYSTEM],
  );
  return rows.map((r) => ({ schema: String(r.schema), table: String(r.table) }));
}

export async function describeSourceTable(conn: DbConnection, ref: TableRef): Promise<TableInfo> {
  if (conn.family === 'postgres') {
    const rel = `${quotePg(ref.schema)}.${quotePg(ref.table)}`;
    const { rows: columns } = await conn.query<{
      name: string;
      full_type: string;
      notnull: boolean;
      builtin: boolean;
    }>(
      `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS full_type,
              a.attnotnull AS notnull,
              (t.typnamespace = 'pg_catalog'::regnamespace
                OR (t.typelem <> 0 AND (SELECT e.typnamespace FROM pg_type e WHERE e.oid = t.typelem) = 'pg_catalog'::regnamespace)) AS builtin
         FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
        WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped
        ORDER BY a.attnum`,
      [rel],
    );
    const { rows: pk } = await conn.query<{ name: string }>(
      `SELECT a.attname AS name
         FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
        WHERE i.indrelid = $1::regclass AND i.indisprimary
        ORDER BY array_position(i.indkey::int2[], a.attnum)`,
      [rel],
    );
    return {
      ...ref,
      columns: columns.map((c) => ({
        name: c.name,
        fullType: c.full_type,
        nullable: !c.notnull,
        builtin: c.builtin,
      })),
      primaryKey: pk.map((r) => r.name),
    };
  }
  const { rows: columns } = await conn.query<{ name: string; type: string; nullable: string }>(
    `SELECT COLUMN_NAME AS name, COLUMN_TYPE AS type, IS_NULLABLE AS nullable
       FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?
      ORDER BY ORDINAL_POSITION`,
    [ref.schema, ref.table],
  );
  const { rows: pk } = await conn.query<{ name: string }>(
    `SELECT COLUMN_NAME AS name FROM information_schema.KEY_COLUMN_USAGE
      WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND CONSTRAINT_NAME = 'PRIMARY'
      ORDER BY ORDINAL_POSITION`,
    [ref.schema, ref.table],
  );
  return {
    ...ref,
    columns: columns.map((c) => ({
      name: String(c.name),
      fullType: String(c.type),
      nullable: c.nullable === 'YES',
      builtin: true,
    })),
    primaryKey: pk.map((r) => String(r.name)),
  };
}

export function quotePg(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function quoteMysql(name: string): string {
  return `\`${name.replace(/`/g, '``')}\``;
}

export function quoteIdent(family: 'postgres' | 'mysql', name: string): string {
  return family === 'postgres' ? quotePg(name) : quoteMysql(name);
}
