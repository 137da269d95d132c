// DMS's ExternalTableDefinition (the S3 source endpoint's table map) built from a source
// catalog's columns: each PostgreSQL or MySQL/MariaDB type read through the neutral types of
// typeMapping.ts and written as a DMS S3 column type (INT1…INT8, UINT*, NUMERIC, REAL4/8,
// STRING, CLOB, BYTE, BLOB, DATE, TIME, DATETIME, BOOLEAN). Values are strings, as DMS wants.
// Pure.
import { type Family, type NeutralType, parseMysqlType, parsePostgresType } from './typeMapping.js';

export type DmsColumnType =
  | 'BYTE'
  | 'DATE'
  | 'TIME'
  | 'DATETIME'
  | 'INT1'
  | 'INT2'
  | 'INT4'
  | 'INT8'
  | 'NUMERIC'
  | 'REAL4'
  | 'REAL8'
  | 'STRING'
  | 'UINT1'
  | 'UINT2'
  | 'UINT4'
  | 'UINT8'
  | 'BLOB'
  | 'CLOB'
  | 'BOOLEAN';

export interface ExternalColumn {
  ColumnName: string;
  ColumnType: DmsColumnType;
  ColumnNullable?: 'true' | 'false';
  ColumnIsPk?: 'true' | 'false';
  ColumnLength?: string;
  ColumnPrecision?: string;
  ColumnScale?: string;
}

export interface ExternalTable {
  TableName: string;
  TablePath: string;
  TableOwner: string;
  TableColumns: ExternalColumn[];
  TableColumnsTotal: string;
}

export interface ExternalTableDefinition {
  TableCount: string;
  Tables: ExternalTable[];
}

/** A source table as the catalog describes it (src/db/sourceTables.ts's TableInfo). */
export interface SourceTableShape {
  schema: string;
  table: string;
  columns: { name: string; fullType: string; nullable: boolean }[];
  primaryKey: string[];
}

/** DMS's limits: NUMERIC precision ≤ 38, scale ≤ 31; DATETIME scale 0–9. */
const MAX_PRECISION = 38;
const MAX_SCALE = 31;
/** Wide enough for any unbounded or too-wide numeric's text. */
const NUMERIC_AS_STRING = 1000;

type Shape = Pick<
  ExternalColumn,
  'ColumnType' | 'ColumnLength' | 'ColumnPrecision' | 'ColumnScale'
>;

const str = (length: number): Shape => ({ ColumnType: 'STRING', ColumnLength: String(length) });

export function dmsColumnShape(type: NeutralType): Shape {
  switch (type.kind) {
    case 'int': {
      const size = type.bytes === 3 ? 4 : type.bytes;
      return { ColumnType: `${type.unsigned ? 'UINT' : 'INT'}${size}` as DmsColumnType };
    }
    case 'numeric':
      if (
        type.precision === undefined ||
        type.precision > MAX_PRECISION ||
        (type.scale ?? 0) > MAX_SCALE
      )
        return str(NUMERIC_AS_STRING);
      return {
        ColumnType: 'NUMERIC',
        ColumnPrecision: String(type.precision),
        ColumnScale: String(type.scale ?? 0),
      };
    case 'real':
      return { ColumnType: 'REAL4' };
    case 'double':
      return { ColumnType: 'REAL8' };
    case 'bool':
      return { ColumnType: 'BOOLEAN' };
    case 'varchar':
      return type.length === undefined ? { ColumnType: 'CLOB' } : str(type.length);
    case 'char':
      return str(type.length);
    case 'uuid':
      return str(36);
    case 'binary':
      return type.length === undefined
        ? { ColumnType: 'BLOB' }
        : { ColumnType: 'BYTE', ColumnLength: String(type.length) };
    case 'blob':
      return { ColumnType: 'BLOB' };
    case 'date':
      return { ColumnType: 'DATE' };
    case 'time':
      return { ColumnType: 'TIME' };
    case 'timestamp':
      return { ColumnType: 'DATETIME', ColumnScale: String(Math.min(9, type.precision ?? 6)) };
    case 'text':
    case 'json':
    case 'other':
      return { ColumnType: 'CLOB' };
  }
}

export function neutralTypeOf(family: Family, fullType: string): NeutralType {
  return family === 'postgres' ? parsePostgresType(fullType) : parseMysqlType(fullType);
}

/** `TablePath` is relative to the endpoint's BucketFolder: `<schema>/<table>/`. */
export function tablePath(schema: string, table: string): string {
  return `${schema}/${table}/`;
}

export function externalTable(family: Family, shape: SourceTableShape): ExternalTable {
  const columns = shape.columns.map((c): ExternalColumn => {
    const pk = shape.primaryKey.includes(c.name);
    return {
      ColumnName: c.name,
      ...dmsColumnShape(neutralTypeOf(family, c.fullType)),
      ColumnNullable: c.nullable ? 'true' : 'false',
      ...(pk ? { ColumnIsPk: 'true' as const } : {}),
    };
  });
  return {
    TableName: shape.table,
    TablePath: tablePath(shape.schema, shape.table),
    TableOwner: shape.schema,
    TableColumns: columns,
    TableColumnsTotal: String(columns.length),
  };
}

export function externalTableDefinition(tables: ExternalTable[]): ExternalTableDefinition {
  return { TableCount: String(tables.length), Tables: tables };
}

/** DMS caps the ExternalTableDefinition setting at 2 MB. */
export const MAX_DEFINITION_BYTES = 2 * 1024 * 1024;

export function definitionTooLarge(definition: ExternalTableDefinition): string | null {
  const size = new TextEncoder().encode(JSON.stringify(definition)).length;
  return size > MAX_DEFINITION_BYTES
    ? `the table definition is ${size} bytes; DMS accepts at most ${MAX_DEFINITION_BYTES} (select fewer tables per agent task)`
    : null;
}
