// The CSV the agent writes for DMS's S3 source: RFC 4180 (fields with a comma, quote, CR or LF
// are quoted, quotes doubled), rows ended by \n, no header. NULL is the explicit marker (the
// endpoint's CsvNullValue), written unquoted; a text value equal to the marker, and the empty
// string, are written quoted, so NULL and '' and the text "\N" stay apart. Values are normalised
// per column type the way DMS's S3 source reads them: binary as hex, booleans as 1/0,
// timestamps as `YYYY-MM-DD HH:MM:SS[.ffffff]` (UTC for zoned ones, converted by the reader's
// SQL), numerics as exact decimal text. Pure.
import type { DmsColumnType } from './agentTableDefinition.js';

export const DEFAULT_NULL_MARKER = '\\N';

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** One field: the marker for null, quoted when it must be. */
export function csvField(value: string | null, nullMarker = DEFAULT_NULL_MARKER): string {
  if (value === null) return nullMarker;
  if (value === '' || value === nullMarker || NEEDS_QUOTES.test(value))
    return `"${value.replace(/"/g, '""')}"`;
  return value;
}

/** One row with its line ending. */
export function csvRow(values: readonly (string | null)[], nullMarker = DEFAULT_NULL_MARKER) {
  let line = '';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) line += ',';
    line += csvField(values[i] ?? null, nullMarker);
  }
  return `${line}\n`;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function hexOf(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += HEX[bytes[i] as number];
  return out;
}

const ZERO_DATE = /^0000-00-00/;

/**
 * A value as a driver returned it (text from PostgreSQL's ::text casts; string, number, bigint,
 * Uint8Array or a parsed JSON object from mysql2) → the text written for a column of `type`,
 * or null.
 */
export function normaliseValue(type: DmsColumnType, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Uint8Array) return hexOf(value);
  switch (type) {
    case 'BOOLEAN':
      return booleanText(value);
    case 'BLOB':
    case 'BYTE':
      // PostgreSQL's bytea text output is \x followed by hex.
      return typeof value === 'string' && value.startsWith('\\x') ? value.slice(2) : String(value);
    case 'DATE':
    case 'DATETIME':
      return typeof value === 'string' && ZERO_DATE.test(value) ? null : String(value);
    default:
      if (typeof value === 'object') return JSON.stringify(value);
      return String(value);
  }
}

function booleanText(value: unknown): string {
  if (value === true || value === 1 || value === '1' || value === 't' || value === 'true')
    return '1';
  if (value === false || value === 0 || value === '0' || value === 'f' || value === 'false')
    return '0';
  return String(value);
}
