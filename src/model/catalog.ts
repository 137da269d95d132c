// What the catalog readers return: schemas, tables and views with estimates, columns with
// type, nullability, key membership and a LOB flag, primary and foreign keys. Pure helpers to
// classify LOB types, hide system schemas and format estimates.

export type CatalogFamily = 'postgres' | 'mysql';

export interface CatalogSchema {
  name: string;
  /** Tables and views in the schema (null when the reader could not count them cheaply). */
  tableCount: number | null;
  system: boolean;
}

export interface CatalogTable {
  schema: string;
  name: string;
  kind: 'table' | 'view';
  /** Planner / information_schema estimate; null when unknown (never analysed, or a view). */
  estimatedRows: number | null;
  /** Estimated bytes on disk (data + indexes where known); null when unknown. */
  sizeBytes: number | null;
  /** Never analysed: estimatedRows is a guess from the table's size (as the planner makes). */
  neverAnalyzed?: boolean;
}

export interface TableList {
  tables: CatalogTable[];
  /** More tables matched than the limit allowed: narrow with a server-side name filter. */
  truncated: boolean;
  /** The server-side name filter used ("" for none). */
  nameFilter: string;
}

export interface CatalogColumn {
  name: string;
  position: number;
  /** The type as the server spells it: "character varying(40)", "int(11) unsigned". */
  dataType: string;
  nullable: boolean;
  primaryKey: boolean;
  foreignKey: boolean;
  /** DMS migrates it as a LOB (text/bytea/json/xml/arrays; TEXT/BLOB/JSON families). */
  lob: boolean;
}

export interface CatalogForeignKey {
  name: string;
  columns: string[];
  references: { schema: string; table: string; columns: string[] };
}

export interface TableDetail {
  columns: CatalogColumn[];
  primaryKey: string[];
  foreignKeys: CatalogForeignKey[];
}

export const SYSTEM_SCHEMAS: Record<CatalogFamily, readonly string[]> = {
  postgres: ['pg_catalog', 'information_schema', 'pg_toast'],
  mysql: ['mysql', 'information_schema', 'performance_schema', 'sys'],
};

export function isSystemSchema(family: CatalogFamily, name: string): boolean {
  if (SYSTEM_SCHEMAS[family].includes(name)) return true;
  return family === 'postgres' && /^pg_(toast_)?temp_\d+$/.test(name);
}

const PG_LOB = new Set(['text', 'bytea', 'json', 'jsonb', 'xml', 'tsvector', 'hstore']);
const MYSQL_LOB = new Set([
  'tinytext',
  'text',
  'mediumtext',
  'longtext',
  'tinyblob',
  'blob',
  'mediumblob',
  'longblob',
  'json',
  'geometry',
]);

/**
 * Does DMS treat the column as a LOB? PostgreSQL: text, bytea, json/jsonb, xml, arrays and
 * varchar without a length. MySQL/MariaDB: the TEXT and BLOB families and JSON.
 * `baseType` is the bare type name (pg typname, or MySQL DATA_TYPE); `fullType` the declared one.
 */
export function isLobType(
  family: CatalogFamily,
  baseType: string,
  fullType = baseType,
  isArray = false,
): boolean {
  const base = baseType.toLowerCase();
  if (family === 'postgres') {
    if (isArray || base.startsWith('_')) return true;
    if (PG_LOB.has(base)) return true;
    return (
      (base === 'varchar' || fullType.toLowerCase() === 'character varying') && !/\(/.test(fullType)
    );
  }
  return MYSQL_LOB.has(base);
}

/** A substring name filter as a LIKE pattern, with LIKE's own wildcards escaped (escape `\`). */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** "1.2M", "12,345", "—" for an estimated row count. */
export function rowsText(rows: number | null): string {
  if (rows === null || rows < 0) return '—';
  if (rows < 100_000) return rows.toLocaleString('en-US');
  if (rows < 1_000_000_000) return `${(rows / 1_000_000).toFixed(1)}M`;
  return `${(rows / 1_000_000_000).toFixed(1)}G`;
}

/** "8 kB", "1.5 MB", "—". */
export function bytesText(bytes: number | null): string {
  if (bytes === null || bytes < 0) return '—';
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 || value >= 10 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}
