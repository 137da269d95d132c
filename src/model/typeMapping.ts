// Column types between PostgreSQL and MySQL/MariaDB, the way DMS maps common types through its
// neutral types (INT4, NUMERIC(p,s), STRING(n), CLOB/NCLOB, BLOB, DATETIME…). Pure.

export type Family = 'postgres' | 'mysql';

/** The neutral type a source column is read as. */
export type NeutralType =
  | { kind: 'int'; bytes: 1 | 2 | 3 | 4 | 8; unsigned?: boolean }
  | { kind: 'numeric'; precision?: number; scale?: number }
  | { kind: 'real' }
  | { kind: 'double' }
  | { kind: 'bool' }
  | { kind: 'varchar'; length?: number }
  | { kind: 'char'; length: number }
  | { kind: 'text' }
  | { kind: 'binary'; length?: number }
  | { kind: 'blob' }
  | { kind: 'date' }
  | { kind: 'timestamp'; tz: boolean; precision?: number }
  | { kind: 'time'; precision?: number }
  | { kind: 'json' }
  | { kind: 'uuid' }
  /** Anything else (arrays, enums, intervals, geometry…): carried as text. */
  | { kind: 'other'; original: string };

function num(s: string | undefined): number | undefined {
  return s === undefined ? undefined : Number(s);
}

/** Reads PostgreSQL's `format_type()` text, e.g. "character varying(20)", "numeric(10,2)". */
export function parsePostgresType(fullType: string): NeutralType {
  const t = fullType.trim().toLowerCase();
  if (t.endsWith('[]')) return { kind: 'other', original: fullType };
  const m = /^([a-z ]+?)\s*(?:\((\d+)(?:\s*,\s*(\d+))?\))?(\s+with(?:out)? time zone)?$/.exec(t);
  if (!m) return { kind: 'other', original: fullType };
  const base = m[1] as string;
  const a = num(m[2]);
  const b = num(m[3]);
  const tz = m[4]?.trim() === 'with time zone';
  switch (base) {
    case 'smallint':
      return { kind: 'int', bytes: 2 };
    case 'integer':
      return { kind: 'int', bytes: 4 };
    case 'bigint':
      return { kind: 'int', bytes: 8 };
    case 'numeric':
      return a === undefined
        ? { kind: 'numeric' }
        : { kind: 'numeric', precision: a, scale: b ?? 0 };
    case 'real':
      return { kind: 'real' };
    case 'double precision':
      return { kind: 'double' };
    case 'boolean':
      return { kind: 'bool' };
    case 'character varying':
      return a === undefined ? { kind: 'varchar' } : { kind: 'varchar', length: a };
    case 'character':
      return { kind: 'char', length: a ?? 1 };
    case 'text':
      return { kind: 'text' };
    case 'bytea':
      return { kind: 'blob' };
    case 'date':
      return { kind: 'date' };
    case 'timestamp':
      return { kind: 'timestamp', tz, precision: a };
    case 'time':
      return tz ? { kind: 'other', original: fullType } : { kind: 'time', precision: a };
    case 'json':
    case 'jsonb':
      return { kind: 'json' };
    case 'uuid':
      return { kind: 'uuid' };
    default:
      return { kind: 'other', original: fullType };
  }
}

/** Reads MySQL's information_schema.COLUMNS.COLUMN_TYPE, e.g. "int(11) unsigned", "tinyint(1)". */
export function parseMysqlType(columnType: string): NeutralType {
  const t = columnType.trim().toLowerCase();
  const m = /^([a-z]+)\s*(?:\((\d+)(?:\s*,\s*(\d+))?\))?\s*(unsigned)?/.exec(t);
  if (!m) return { kind: 'other', original: columnType };
  const base = m[1] as string;
  const a = num(m[2]);
  const b = num(m[3]);
  const unsigned = Boolean(m[4]);
  const int = (bytes: 1 | 2 | 3 | 4 | 8): NeutralType =>
    unsigned ? { kind: 'int', bytes, unsigned } : { kind: 'int', bytes };
  switch (base) {
    case 'tinyint':
      return a === 1 && !unsigned ? { kind: 'bool' } : int(1);
    case 'bool':
    case 'boolean':
      return { kind: 'bool' };
    case 'smallint':
      return int(2);
    case 'mediumint':
      return int(3);
    case 'int':
    case 'integer':
      return int(4);
    case 'bigint':
      return int(8);
    case 'decimal':
    case 'numeric':
      return { kind: 'numeric', precision: a ?? 10, scale: b ?? 0 };
    case 'float':
      return { kind: 'real' };
    case 'double':
    case 'real':
      return { kind: 'double' };
    case 'varchar':
      return { kind: 'varchar', length: a };
    case 'char':
      return { kind: 'char', length: a ?? 1 };
    case 'tinytext':
    case 'text':
    case 'mediumtext':
    case 'longtext':
      return { kind: 'text' };
    case 'binary':
    case 'varbinary':
      return { kind: 'binary', length: a };
    case 'tinyblob':
    case 'blob':
    case 'mediumblob':
    case 'longblob':
      return { kind: 'blob' };
    case 'date':
      return { kind: 'date' };
    case 'datetime':
      return { kind: 'timestamp', tz: false, precision: a };
    case 'timestamp':
      return { kind: 'timestamp', tz: true, precision: a };
    case 'time':
      return { kind: 'time', precision: a };
    case 'json':
      return { kind: 'json' };
    case 'year':
      return int(2);
    default:
      return { kind: 'other', original: columnType };
  }
}

/** LOB columns in DMS terms (CLOB, NCLOB, BLOB): the ones LOB settings apply to. */
export function isLob(type: NeutralType): boolean {
  return (
    type.kind === 'text' ||
    type.kind === 'blob' ||
    type.kind === 'json' ||
    type.kind === 'other' ||
    (type.kind === 'varchar' && type.length === undefined)
  );
}

/** Binary values travel as hex. */
export function isBinary(type: NeutralType): boolean {
  return type.kind === 'blob' || type.kind === 'binary';
}

export interface TargetType {
  /** The column type in the target's DDL. */
  sql: string;
  /** Set when the mapping loses something: the engine logs it as a W line. */
  warning?: string;
}

const p = (precision: number | undefined) => (precision === undefined ? '' : `(${precision})`);

/**
 * The target column type for a neutral type. `inKey`: the column is part of the primary key
 * (MySQL cannot index TEXT without a length, so such columns become VARCHAR(768) there).
 */
export function targetType(type: NeutralType, target: Family, inKey = false): TargetType {
  if (target === 'postgres') {
    switch (type.kind) {
      case 'int':
        if (type.bytes === 8) return type.unsigned ? { sql: 'numeric(20,0)' } : { sql: 'bigint' };
        if (type.bytes === 4) return type.unsigned ? { sql: 'bigint' } : { sql: 'integer' };
        if (type.bytes === 3) return { sql: 'integer' };
        return type.unsigned && type.bytes === 2 ? { sql: 'integer' } : { sql: 'smallint' };
      case 'numeric':
        return {
          sql:
            type.precision === undefined
              ? 'numeric'
              : `numeric(${type.precision},${type.scale ?? 0})`,
        };
      case 'real':
        return { sql: 'real' };
      case 'double':
        return { sql: 'double precision' };
      case 'bool':
        return { sql: 'boolean' };
      case 'varchar':
        return {
          sql:
            type.length === undefined ? 'character varying' : `character varying(${type.length})`,
        };
      case 'char':
        return { sql: `character(${type.length})` };
      case 'text':
        return { sql: 'text' };
      case 'binary':
      case 'blob':
        return { sql: 'bytea' };
      case 'date':
        return { sql: 'date' };
      case 'timestamp':
        return { sql: `timestamp${p(type.precision)} ${type.tz ? 'with' : 'without'} time zone` };
      case 'time':
        return { sql: `time${p(type.precision)} without time zone` };
      case 'json':
        return { sql: 'jsonb' };
      case 'uuid':
        return { sql: 'uuid' };
      case 'other':
        return { sql: 'text', warning: `type ${type.original} is not mapped; loaded as text` };
    }
  }
  switch (type.kind) {
    case 'int': {
      const names = { 1: 'tinyint', 2: 'smallint', 3: 'mediumint', 4: 'int', 8: 'bigint' };
      return { sql: `${names[type.bytes]}${type.unsigned ? ' unsigned' : ''}` };
    }
    case 'numeric':
      // MySQL's DECIMAL holds at most 65 digits; PostgreSQL's unconstrained numeric is wider.
      if (type.precision === undefined)
        return {
          sql: 'decimal(65,30)',
          warning: 'numeric without precision loaded as decimal(65,30)',
        };
      if (type.precision > 65)
        return {
          sql: 'decimal(65,30)',
          warning: `numeric(${type.precision},${type.scale}) is wider than MySQL allows; loaded as decimal(65,30)`,
        };
      return { sql: `decimal(${type.precision},${type.scale ?? 0})` };
    case 'real':
      return { sql: 'float' };
    case 'double':
      return { sql: 'double' };
    case 'bool':
      return { sql: 'tinyint(1)' };
    case 'varchar':
      if (type.length === undefined) return { sql: inKey ? 'varchar(768)' : 'longtext' };
      return { sql: type.length > 16383 ? 'longtext' : `varchar(${type.length})` };
    case 'char':
      return { sql: type.length > 255 ? `varchar(${type.length})` : `char(${type.length})` };
    case 'text':
      return { sql: inKey ? 'varchar(768)' : 'longtext' };
    case 'binary':
      return { sql: type.length === undefined ? 'longblob' : `varbinary(${type.length})` };
    case 'blob':
      return { sql: inKey ? 'varbinary(768)' : 'longblob' };
    case 'date':
      return { sql: 'date' };
    case 'timestamp':
      // DATETIME, not TIMESTAMP: TIMESTAMP ends in 2038 and follows the session time zone.
      // Values with a time zone are converted to UTC on the way.
      return { sql: `datetime(${Math.min(type.precision ?? 6, 6)})` };
    case 'time':
      return { sql: `time(${Math.min(type.precision ?? 6, 6)})` };
    case 'json':
      return { sql: 'json' };
    case 'uuid':
      return { sql: 'char(36)' };
    case 'other':
      return {
        sql: inKey ? 'varchar(768)' : 'longtext',
        warning: `type ${type.original} is not mapped; loaded as text`,
      };
  }
}
