// Catalog reader for MySQL and MariaDB: information_schema queries, parameterised, bounded by a
// row limit and a statement time limit, cancellable with KILL QUERY from a second connection.
import type { CatalogSchema, CatalogTable, TableDetail } from '../../model/catalog.js';
import { isLobType, isSystemSchema, likePattern } from '../../model/catalog.js';
import type { ConnectionSpec } from '../../model/connection.js';
import { type DbConnection, openConnection } from '../connection.js';
import {
  type CatalogReader,
  DEFAULT_TABLE_LIMIT,
  QueryGate,
  STATEMENT_TIMEOUT_MS,
} from './reader.js';

const SCHEMAS_SQL = `
SELECT s.SCHEMA_NAME AS name, COUNT(t.TABLE_NAME) AS tables
FROM information_schema.SCHEMATA s
LEFT JOIN information_schema.TABLES t ON t.TABLE_SCHEMA = s.SCHEMA_NAME
GROUP BY s.SCHEMA_NAME
ORDER BY s.SCHEMA_NAME`;

const TABLES_SQL = `
SELECT TABLE_NAME AS name, TABLE_TYPE AS type, TABLE_ROWS AS \`rows\`,
       DATA_LENGTH + INDEX_LENGTH AS bytes
FROM information_schema.TABLES
WHERE TABLE_SCHEMA = ? AND (? IS NULL OR TABLE_NAME LIKE ?)
ORDER BY TABLE_NAME
LIMIT ?`;

const COLUMNS_SQL = `
SELECT COLUMN_NAME AS name, ORDINAL_POSITION AS position, COLUMN_TYPE AS type,
       DATA_TYPE AS base, IS_NULLABLE AS nullable
FROM information_schema.COLUMNS
WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?
ORDER BY ORDINAL_POSITION`;

const KEYS_SQL = `
SELECT k.CONSTRAINT_NAME AS name, tc.CONSTRAINT_TYPE AS type, k.COLUMN_NAME AS col,
       k.REFERENCED_TABLE_SCHEMA AS ref_schema, k.REFERENCED_TABLE_NAME AS ref_table,
       k.REFERENCED_COLUMN_NAME AS ref_col
FROM information_schema.KEY_COLUMN_USAGE k
JOIN information_schema.TABLE_CONSTRAINTS tc
  ON tc.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND tc.TABLE_SCHEMA = k.TABLE_SCHEMA
 AND tc.TABLE_NAME = k.TABLE_NAME AND tc.CONSTRAINT_NAME = k.CONSTRAINT_NAME
WHERE k.TABLE_SCHEMA = ? AND k.TABLE_NAME = ?
  AND tc.CONSTRAINT_TYPE IN ('PRIMARY KEY', 'FOREIGN KEY')
ORDER BY tc.CONSTRAINT_TYPE DESC, k.CONSTRAINT_NAME, k.ORDINAL_POSITION`;

const num = (v: unknown): number | null =>
  v === null || v === undefined || v === '' ? null : Number(v);

export async function mysqlCatalog(
  connection: DbConnection,
  spec: ConnectionSpec,
): Promise<CatalogReader> {
  const serverVersion = await connection.serverVersion();
  // MariaDB: max_statement_time (seconds); MySQL: max_execution_time (ms, SELECT only).
  if (/mariadb/i.test(serverVersion)) {
    await connection
      .query(`SET SESSION max_statement_time = ${STATEMENT_TIMEOUT_MS / 1000}`)
      .catch(() => undefined);
  } else {
    await connection
      .query(`SET SESSION max_execution_time = ${STATEMENT_TIMEOUT_MS}`)
      .catch(() => undefined);
  }
  const idRows = await connection.query<{ id: number | string }>('SELECT CONNECTION_ID() AS id');
  const id = idRows.rows[0]?.id;
  const cancelOnServer = async () => {
    if (id === undefined) return;
    const other = await openConnection(spec, { timeoutMs: 5000 });
    try {
      await other.query('KILL QUERY ?', [Number(id)]);
    } finally {
      await other.close();
    }
  };
  const gate = new QueryGate(cancelOnServer);
  const q = <Row>(sql: string, params: unknown[], signal?: AbortSignal) =>
    gate.run(() => connection.query<Row>(sql, params), signal);

  return {
    family: 'mysql',
    label: `${spec.host}:${spec.port}`,
    serverVersion,
    async schemas(options = {}) {
      const { rows } = await q<{ name: string; tables: number | string }>(
        SCHEMAS_SQL,
        [],
        options.signal,
      );
      return rows
        .map(
          (r): CatalogSchema => ({
            name: String(r.name),
            tableCount: num(r.tables),
            system: isSystemSchema('mysql', String(r.name)),
          }),
        )
        .filter((s) => options.includeSystem || !s.system);
    },
    async tables(schema, options = {}) {
      const limit = options.limit ?? DEFAULT_TABLE_LIMIT;
      const nameFilter = options.nameFilter ?? '';
      const pattern = nameFilter ? likePattern(nameFilter) : null;
      const { rows } = await q<{ name: string; type: string; rows: unknown; bytes: unknown }>(
        TABLES_SQL,
        [schema, pattern, pattern, limit + 1],
        options.signal,
      );
      const tables = rows.slice(0, limit).map((r): CatalogTable => {
        const view = /VIEW/i.test(String(r.type));
        return {
          schema,
          name: String(r.name),
          kind: view ? 'view' : 'table',
          estimatedRows: view ? null : num(r.rows),
          sizeBytes: view ? null : num(r.bytes),
        };
      });
      return { tables, truncated: rows.length > limit, nameFilter };
    },
    async tableDetail(schema, table, options = {}) {
      const cols = await q<{
        name: string;
        position: number | string;
        type: string;
        base: string;
        nullable: string;
      }>(COLUMNS_SQL, [schema, table], options.signal);
      const keys = await q<{
        name: string;
        type: string;
        col: string;
        ref_schema: string | null;
        ref_table: string | null;
        ref_col: string | null;
      }>(KEYS_SQL, [schema, table], options.signal);
      const primaryKey = keys.rows.filter((k) => k.type === 'PRIMARY KEY').map((k) => k.col);
      const fks = new Map<string, TableDetail['foreignKeys'][number]>();
      for (const k of keys.rows) {
        if (k.type !== 'FOREIGN KEY') continue;
        let fk = fks.get(k.name);
        if (!fk) {
          fk = {
            name: k.name,
            columns: [],
            references: { schema: k.ref_schema ?? '', table: k.ref_table ?? '', columns: [] },
          };
          fks.set(k.name, fk);
        }
        fk.columns.push(k.col);
        if (k.ref_col) fk.references.columns.push(k.ref_col);
      }
      const foreignKeys = [...fks.values()];
      const inFk = new Set(foreignKeys.flatMap((k) => k.columns));
      return {
        primaryKey,
        foreignKeys,
        columns: cols.rows.map((c) => ({
          name: String(c.name),
          position: Number(c.position),
          dataType: String(c.type),
          nullable: c.nullable === 'YES',
          primaryKey: primaryKey.includes(String(c.name)),
          foreignKey: inFk.has(String(c.name)),
          lob: isLobType('mysql', String(c.base), String(c.type)),
        })),
      };
    },
    close: () => connection.close(),
  };
}
