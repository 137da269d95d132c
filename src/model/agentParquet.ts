// The Parquet the agent writes for DMS's S3 source (DataFormat parquet): one schema element per
// ExternalTableDefinition column, typed as DMS's S3 target writes them (docs/s3-source.md §4):
// INT32/INT64 for integers, FLOAT/DOUBLE, BOOLEAN, DATE (days), TIMESTAMP_MICROS (UTC text in,
// microseconds kept), DECIMAL(p,s) on INT64 up to 15 digits (the reader's limit) else UTF8 text,
// BYTE_ARRAY for binary, UTF8 for text and times. Every column is OPTIONAL so NULLs stay NULL.
// Values arrive as the agent's normalised CSV text (agentCsv.ts). Pure.
import type { DmsColumnType, ExternalColumn } from './agentTableDefinition.js';

export interface ParquetSchemaElement {
  name: string;
  type?: 'BOOLEAN' | 'INT32' | 'INT64' | 'FLOAT' | 'DOUBLE' | 'BYTE_ARRAY';
  converted_type?: 'UTF8' | 'DATE' | 'TIMESTAMP_MICROS' | 'DECIMAL';
  repetition_type?: 'OPTIONAL' | 'REQUIRED';
  num_children?: number;
  precision?: number;
  scale?: number;
}

/** Decimals hyparquet reads back exactly (it reads DECIMAL as a JavaScript number). */
const MAX_EXACT_DECIMAL = 15;

type Kind =
  | 'int32'
  | 'int64'
  | 'float'
  | 'double'
  | 'bool'
  | 'date'
  | 'ts'
  | 'decimal'
  | 'bytes'
  | 'text';

const KINDS: Record<DmsColumnType, Kind> = {
  INT1: 'int32',
  INT2: 'int32',
  INT4: 'int32',
  UINT1: 'int32',
  UINT2: 'int32',
  INT8: 'int64',
  UINT4: 'int64',
  UINT8: 'text',
  REAL4: 'float',
  REAL8: 'double',
  BOOLEAN: 'bool',
  DATE: 'date',
  DATETIME: 'ts',
  NUMERIC: 'decimal',
  BYTE: 'bytes',
  BLOB: 'bytes',
  TIME: 'text',
  STRING: 'text',
  CLOB: 'text',
};

export function parquetKind(column: ExternalColumn): Kind {
  const kind = KINDS[column.ColumnType];
  if (kind === 'decimal' && Number(column.ColumnPrecision ?? 99) > MAX_EXACT_DECIMAL) return 'text';
  return kind;
}

function element(column: ExternalColumn): ParquetSchemaElement {
  const base = { name: column.ColumnName, repetition_type: 'OPTIONAL' as const };
  switch (parquetKind(column)) {
    case 'int32':
      return { ...base, type: 'INT32' };
    case 'int64':
      return { ...base, type: 'INT64' };
    case 'float':
      return { ...base, type: 'FLOAT' };
    case 'double':
      return { ...base, type: 'DOUBLE' };
    case 'bool':
      return { ...base, type: 'BOOLEAN' };
    case 'date':
      return { ...base, type: 'INT32', converted_type: 'DATE' };
    case 'ts':
      return { ...base, type: 'INT64', converted_type: 'TIMESTAMP_MICROS' };
    case 'decimal':
      return {
        ...base,
        type: 'INT64',
        converted_type: 'DECIMAL',
        precision: Number(column.ColumnPrecision),
        scale: Number(column.ColumnScale ?? 0),
      };
    case 'bytes':
      return { ...base, type: 'BYTE_ARRAY' };
    case 'text':
      return { ...base, type: 'BYTE_ARRAY', converted_type: 'UTF8' };
  }
}

export function parquetSchema(columns: readonly ExternalColumn[]): ParquetSchemaElement[] {
  return [{ name: 'root', num_children: columns.length }, ...columns.map(element)];
}

export type ParquetValue = string | number | bigint | boolean | Uint8Array | null;

const DATE_TEXT = /^(-?\d{4,})-(\d\d)-(\d\d)/;
const TIMESTAMP_TEXT = /^(-?\d{4,})-(\d\d)-(\d\d)[ T](\d\d):(\d\d):(\d\d)(?:\.(\d{1,9}))?/;
/** PostgreSQL's era suffix: "0044-03-15 BC" is 44 BC, the astronomical year -43. */
const BC = / BC$/;

/** The astronomical year (1 BC is 0) of a date text's year digits. */
function yearOf(digits: string, text: string): number {
  return BC.test(text) ? 1 - Number(digits) : Number(digits);
}

/** Days since 1970-01-01 of a proleptic Gregorian date. */
function epochDay(year: number, month: string, day: string): number {
  // Not Date.UTC: it reads the years 0–99 as 1900–1999.
  const at = new Date(0);
  at.setUTCFullYear(year, Number(month) - 1, Number(day));
  return Math.floor(at.getTime() / 86_400_000);
}

/** `YYYY-MM-DD HH:MM:SS[.f][ BC]` (UTC) → microseconds since 1970. */
function micros(text: string): bigint {
  const m = TIMESTAMP_TEXT.exec(text);
  if (!m) throw new Error(`not a timestamp: ${text.slice(0, 40)}`);
  const [, y, mo, d, h, mi, s, f = ''] = m as unknown as string[];
  const day = BigInt(epochDay(yearOf(y as string, text), mo as string, d as string));
  const seconds = day * 86_400n + BigInt(Number(h) * 3600 + Number(mi) * 60 + Number(s));
  return seconds * 1_000_000n + BigInt(f.padEnd(6, '0').slice(0, 6));
}

/** `-12.34` at scale 3 → -12340n (the unscaled DECIMAL value). */
function unscaled(text: string, scale: number): bigint {
  const negative = text.startsWith('-');
  const [whole = '0', fraction = ''] = text.replace(/^[-+]/, '').split('.');
  const digits = BigInt(`${whole || '0'}${fraction.padEnd(scale, '0').slice(0, scale)}`);
  return negative ? -digits : digits;
}

function bytesOfHex(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length >> 1);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** One value, as the agent's normalised text (null for NULL), for a column of `column`'s type. */
export function parquetValue(column: ExternalColumn, text: string | null): ParquetValue {
  if (text === null) return null;
  switch (parquetKind(column)) {
    case 'int32':
    case 'float':
    case 'double':
      return Number(text);
    case 'int64':
      return BigInt(text);
    case 'bool':
      return text === '1' || text === 't' || text === 'true';
    case 'date': {
      const m = DATE_TEXT.exec(text);
      if (!m) throw new Error(`not a date: ${text.slice(0, 40)}`);
      return epochDay(yearOf(m[1] as string, text), m[2] as string, m[3] as string);
    }
    case 'ts':
      return micros(text);
    case 'decimal':
      return unscaled(text, Number(column.ColumnScale ?? 0));
    case 'bytes':
      return bytesOfHex(text);
    case 'text':
      return text;
  }
}
