// Catalog reader for PostgreSQL (and PGlite served over TCP): pg_catalog queries, all
// parameterised, bounded by a row limit and statement_timeout, cancellable with
// pg_cancel_backend from a second short connection.
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

const RELKINDS = "('r','p','v','m','f')";

const SCHEMAS_SQL = `
SELECT n.nspname AS name,
       count(c.oid) FILTER (WHERE c.relkind IN ${RELKINDS} AND NOT c.relispartition)::int AS tables
FROM pg_catalog.pg_namespace n
LEFT JOIN pg_catalog.pg_class c ON c.relnamespace = n.oid
GROUP BY n.nspname
ORDER BY n.nspname`;

const TABLES_SQL = `
SELECT c.oid::text AS oid,
       c.relname AS name,
       c.relkind AS kind,
       c.reltuples::float8 AS rows,
       (c.relpages::bigint * current_setting('block_size')::bigint)::float8 AS bytes
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = $1
  AND c.relkind IN ${RELKINDS}
  AND NOT c.relispartition
  AND ($2::text IS NULL OR c.relname ILIKE $2::text)
ORDER BY c.relname
LIMIT $3`;

// Tables never analysed (reltuples -1, relpages 0): their real size (a file stat each, so at
// most GUESS_LIMIT of them) and the planner's own guess of their rows, pages × rows per page
// from the declared column widths (32 bytes for variable-length ones, 28 of tuple header).
const GUESS_SQL = `
SELECT c.oid::text AS oid,
       pg_catalog.pg_table_size(c.oid)::float8 AS bytes,
       floor(pg_catalog.pg_relation_size(c.oid) / current_setting('block_size')::float8)
       * floor((current_setting('block_size')::float8 - 24) / (28 + (
           SELECT coalesce(sum(CASE WHEN a.attlen > 0 THEN a.attlen ELSE 32 END), 0)
           FROM pg_catalog.pg_attribute a
           WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped))) AS guess
FROM pg_catalog.pg_class c
WHERE c.oid = ANY($1::oid[])`;
const GUESS_LIMIT = 1000;

const COLUMNS_SQL = `
SELECT a.attname AS name,
       a.attnum::int AS position,
       pg_catalog.format_type(a.atttypid, a.atttypmod) AS type,
       t.typname AS base,
       t.typcategory = 'A' AS is_array,
       NOT a.attnotnull AS nullable
FROM pg_catalog.pg_attribute a
JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
WHERE n.nspname = $1 AND c.relname = $2 AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY a.attnum`;

const KEYS_SQL = `
SELECT con.conname AS name,
       con.contype AS type,
       array_to_json(ARRAY(
         SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(num, ord)
         JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num
         ORDER BY k.ord)) AS columns,
       rn.nspname AS ref_schema,
       rc.relname AS ref_table,
       array_to_json(ARRAY(
         SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(num, ord)
         JOIN pg_catalog.pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num
         ORDER BY k.ord)) AS ref_columns
FROM pg_catalog.pg_constraint con
JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_class rc ON rc.oid = con.confrelid
LEFT JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace
WHERE n.nspname = $1 AND c.relname = $2 AND con.contype IN ('p', 'f')
ORDER BY con.contype DESC, con.conname`;

export async function postgresCatalog(
  connection: DbConnection,
  spec: ConnectionSpec,
): Promise<CatalogReader> {
  await connection.query(`SET statement_timeout = ${STATEMENT_TIMEOUT_MS}`).catch(() => undefined);
  const serverVersion = await connection.serverVersion();
  const pidRows = await connection.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  const pid = pidRows.rows[0]?.pid;
  const cancelOnServer = async () => {
    if (pid === undefined) return;
    const other = await openConnection(spec, { timeoutMs: 5000 });
    try {
      await other.query('SELECT pg_cancel_backend($1)', [pid]);
    } finally {
      await other.close();
    }
  };
  const gate = new QueryGate(cancelOnServer);
  const q = <Row>(sql: string, params: unknown[], signal?: AbortSignal) =>
    gate.run(() => connection.query<Row>(sql, params), signal);

  return {
    family: 'postgres',
    label: spec.database || 'postgres',
    serverVersion,
    async schemas(options = {}) {
      const { rows } = await q<{ name: string; tables: number }>(SCHEMAS_SQL, [], options.signal);
      return rows
        .map(
          (r): CatalogSchema => ({
            name: r.name,
            tableCount: Number(r.tables),
            system: isSystemSchema('postgres', r.name),
          }),
        )
        .filter((s) => options.includeSystem || (!s.system && !/^pg_toast_temp_/.test(s.name)));
    },
    async tables(schema, options = {}) {
      const limit = options.limit ?? DEFAULT_TABLE_LIMIT;
      const nameFilter = options.nameFilter ?? '';
      const { rows } = await q<{
        oid: string;
        name: string;
        kind: string;
        rows: number;
        bytes: number;
      }>(
        TABLES_SQL,
        [schema, nameFilter ? likePattern(nameFilter) : null, limit + 1],
        options.signal,
      );
      const kept = rows.slice(0, limit);
      const fresh = kept.filter((r) => r.rows < 0 && (r.kind === 'r' || r.kind === 'm'));
      const guesses = new Map<string, { bytes: number; guess: number }>();
      if (fresh.length > 0 && fresh.length <= GUESS_LIMIT) {
        const found = await q<{ oid: string; bytes: number; guess: number }>(
          GUESS_SQL,
          [fresh.map((r) => r.oid)],
          options.signal,
        );
        for (const g of found.rows) guesses.set(g.oid, g);
      }
      const tables = kept.map((r): CatalogTable => {
        const guessed = guesses.get(r.oid);
        const view = r.kind === 'v';
        return {
          schema,
          name: r.name,
          kind: view || r.kind === 'm' ? 'view' : 'table',
          estimatedRows: view ? null : r.rows >= 0 ? Math.round(r.rows) : (guessed?.guess ?? null),
          // Never analysed and not measured (too many such tables): unknown, not "0 B".
          sizeBytes: view
            ? null
            : r.rows < 0 && !guessed && r.kind !== 'p'
              ? null
              : (guessed?.bytes ?? r.bytes),
          ...(guessed ? { neverAnalyzed: true } : {}),
        };
      });
      return { tables, truncated: rows.length > limit, nameFilter };
    },
    async tableDetail(schema, table, options = {}) {
      const [cols, keys] = [
        await q<{
          name: string;
          position: number;
          type: string;
          base: string;
          is_array: boolean;
          nullable: boolean;
        }>(COLUMNS_SQL, [schema, table], options.signal),
        await q<{
          name: string;
          type: 'p' | 'f';
          columns: string[];
          ref_schema: string | null;
          ref_table: string | null;
          ref_columns: string[];
        }>(KEYS_SQL, [schema, table], options.signal),
      ];
      const primaryKey = keys.rows.find((k) => k.type === 'p')?.columns ?? [];
      const foreignKeys = keys.rows
        .filter((k) => k.type === 'f')
        .map((k) => ({
          name: k.name,
          columns: k.columns,
          references: {
            schema: k.ref_schema ?? '',
            table: k.ref_table ?? '',
            columns: k.ref_columns,
          },
        }));
      const inFk = new Set(foreignKeys.flatMap((k) => k.columns));
      const detail: TableDetail = {
        primaryKey,
        foreignKeys,
        columns: cols.rows.map((c) => ({
          name: c.name,
          position: c.position,
          dataType: c.type,
          nullable: c.nullable,
          primaryKey: primaryKey.includes(c.name),
          foreignKey: inFk.has(c.name),
          lob: isLobType('postgres', c.base, c.type, c.is_array),
        })),
      };
      return detail;
    },
    close: () => connection.close(),
  };
}
