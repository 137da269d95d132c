// The facts preflight checks need (model/preflight.ts words them), read through the project's
// source and target connections: both connections, the tables the selection rules match (and
// those they name that do not exist), each table's key, LOB and unmappable columns and size
// estimate, the largest LOB value (largestLob.ts), the target schemas and rows already there,
// and the CDC prerequisites (cdcPrerequisites.ts). Bounded: at most MAX_TABLES are described.
import type { ConnectionSpec } from '../model/connection.js';
import type { PreflightFacts, TableFacts } from '../model/preflight.js';
import type { MappingRule, SelectionRule } from '../model/tableMappings.js';
import { selectTables, targetSchemaName, targetTableName } from '../model/tableMatching.js';
import {
  isLob,
  type NeutralType,
  parseMysqlType,
  parsePostgresType,
  targetType,
} from '../model/typeMapping.js';
import { checkCdcPrerequisites } from './cdcPrerequisites.js';
import { type DbConnection, openConnection } from './connection.js';
import { largestLob } from './largestLob.js';
import {
  describeSourceTable,
  listSourceTables,
  quoteIdent,
  type TableRef,
} from './sourceTables.js';

const MAX_TABLES = 200;

export type PreflightSettings = Pick<
  PreflightFacts,
  'migrationType' | 'validation' | 'prepMode' | 'lob'
>;

export interface PreflightInput extends PreflightSettings {
  source: ConnectionSpec;
  target: ConnectionSpec;
  rules: readonly MappingRule[];
  /** Stops between steps (the connections are closed) when aborted. */
  signal?: AbortSignal;
}

const label = (s: ConnectionSpec) => `${s.host}:${s.port}${s.database ? `/${s.database}` : ''}`;

async function connect(spec: ConnectionSpec) {
  try {
    const conn = await openConnection(spec, {
      timeoutMs: 5000,
      applicationName: 'dms-tui-preflight',
    });
    return { conn, facts: { ok: true, label: label(spec) } };
  } catch (error) {
    const message = ((error as Error).message ?? String(error)).split('\n')[0];
    return { conn: undefined, facts: { ok: false, error: message, label: label(spec) } };
  }
}

async function sizeOf(db: DbConnection, t: TableRef): Promise<{ rows: number; bytes: number }> {
  const { rows } =
    db.family === 'postgres'
      ? await db.query<{ r: unknown; b: unknown }>(
          // A table never analysed (reltuples -1) gets the planner's own guess, as the schema
          // browser shows it: pages × rows per page from the declared column widths.
          `SELECT CASE WHEN c.reltuples >= 0 THEN c.reltuples::bigint
                       ELSE (floor(pg_relation_size(c.oid) / current_setting('block_size')::float8)
                             * floor((current_setting('block_size')::float8 - 24) / (28 + (
                                 SELECT coalesce(sum(CASE WHEN a.attlen > 0 THEN a.attlen ELSE 32 END), 0)
                                   FROM pg_attribute a
                                  WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped))))::bigint
                  END AS r,
                  pg_total_relation_size(c.oid) AS b
             FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = $1 AND c.relname = $2`,
          [t.schema, t.table],
        )
      : await db.query<{ r: unknown; b: unknown }>(
          'SELECT TABLE_ROWS AS r, DATA_LENGTH + INDEX_LENGTH AS b FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?',
          [t.schema, t.table],
        );
  return { rows: Number(rows[0]?.r ?? 0), bytes: Number(rows[0]?.b ?? 0) };
}

async function schemaExists(db: DbConnection, schema: string): Promise<boolean> {
  const { rows } =
    db.family === 'postgres'
      ? await db.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema])
      : await db.query('SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?', [schema]);
  return rows.length > 0;
}

/** Rows in a target table (null when it does not exist), counted up to a bound. */
async function targetRows(db: DbConnection, t: TableRef): Promise<number | null> {
  const q = (n: string) => quoteIdent(db.family, n);
  try {
    const { rows } = await db.query<{ n: unknown }>(
      `SELECT count(*) AS n FROM (SELECT 1 AS x FROM ${q(t.schema)}.${q(t.table)} LIMIT 1000000) s`,
    );
    return Number(rows[0]?.n ?? 0);
  } catch {
    return null;
  }
}

function includeRules(rules: readonly MappingRule[]): SelectionRule[] {
  return rules.filter(
    (r): r is SelectionRule => r['rule-type'] === 'selection' && r['rule-action'] === 'include',
  );
}

async function describeTable(
  source: DbConnection,
  targetFamily: 'postgres' | 'mysql',
  rules: readonly MappingRule[],
  ref: TableRef,
): Promise<TableFacts> {
  const info = await describeSourceTable(source, ref);
  const parse = (t: string): NeutralType =>
    source.family === 'postgres' ? parsePostgresType(t) : parseMysqlType(t);
  const facts: TableFacts = {
    name: `${ref.schema}.${ref.table}`,
    target: `${targetSchemaName(rules, ref.schema)}.${targetTableName(rules, ref)}`,
    hasKey: info.primaryKey.length > 0,
    lobColumns: [],
    notNullLobColumns: [],
    unsupported: [],
    ...(await sizeOf(source, ref)),
  };
  for (const c of info.columns) {
    const neutral = parse(c.fullType);
    const inKey = info.primaryKey.includes(c.name);
    if (isLob(neutral) && !inKey) {
      facts.lobColumns.push(c.name);
      if (!c.nullable) facts.notNullLobColumns.push(c.name);
    }
    const sameEngine = source.family === targetFamily && (targetFamily === 'mysql' || c.builtin);
    const warning = sameEngine ? undefined : targetType(neutral, targetFamily, inKey).warning;
    if (warning) facts.unsupported.push({ column: c.name, note: warning });
  }
  return facts;
}

export async function probePreflight(input: PreflightInput): Promise<PreflightFacts> {
  const source = await connect(input.source);
  const target = await connect(input.target);
  const facts: PreflightFacts = {
    ...pick(input),
    source: source.facts,
    target: target.facts,
    missingTables: [],
    tables: [],
    targetSchemas: [],
  };
  try {
    if (!source.conn) return facts;
    const step = () => input.signal?.throwIfAborted();
    step();
    const all = await listSourceTables(source.conn);
    const includes = includeRules(input.rules);
    for (const rule of includes) {
      const loc = rule['object-locator'];
      if (loc['table-name'].includes('%') || loc['schema-name'].includes('%')) continue;
      if (selectTables([rule], all).length === 0)
        facts.missingTables.push(`${loc['schema-name']}.${loc['table-name']}`);
    }
    const selected = selectTables(input.rules, all).slice(0, MAX_TABLES);
    const targetFamily = target.conn?.family ?? source.conn.family;
    for (const ref of selected) {
      step();
      facts.tables.push(await describeTable(source.conn, targetFamily, input.rules, ref));
    }
    const patterns = includes.map((r) => ({
      schema: r['object-locator']['schema-name'],
      table: r['object-locator']['table-name'],
    }));
    if (facts.tables.some((t) => t.lobColumns.length > 0))
      facts.largestLob = await largestLob(input.source, patterns).catch(() => undefined);
    step();
    if (input.migrationType !== 'full-load')
      facts.cdc = await checkCdcPrerequisites(input.source, patterns).catch(() => undefined);
    step();
    if (target.conn) {
      const schemas = [...new Set(facts.tables.map((t) => t.target.split('.')[0] as string))];
      for (const name of schemas)
        facts.targetSchemas.push({ name, exists: await schemaExists(target.conn, name) });
      for (const [i, t] of facts.tables.entries()) {
        step();
        const ref = selected[i] as TableRef;
        t.targetRows = await targetRows(target.conn, {
          schema: targetSchemaName(input.rules, ref.schema),
          table: targetTableName(input.rules, ref),
        });
      }
    }
    return facts;
  } finally {
    await source.conn?.close().catch(() => undefined);
    await target.conn?.close().catch(() => undefined);
  }
}

function pick(input: PreflightInput): PreflightSettings {
  return {
    migrationType: input.migrationType,
    validation: input.validation,
    prepMode: input.prepMode,
    lob: input.lob,
  };
}
