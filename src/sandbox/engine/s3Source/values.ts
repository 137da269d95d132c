// Values read from S3 files (CSV text, or Parquet values made text) into the COPY-text fields
// the target writers take (src/db/rowCodec.ts): NULL as \N, binary from hex (how DMS reads
// BYTE/BLOB in CSV) to \\x… for PostgreSQL or hex for MySQL's UNHEX, booleans as t/f or 1/0,
// DATETIME in the column's ColumnDateFormat made ISO, LOB values cut in limited LOB mode.
import type { ColumnPlan, Family } from '../../../db/loadPlan.js';
import { escapeField } from '../../../db/rowCodec.js';
import type { ExternalColumn } from '../../../model/externalTable.js';

export type Encoder = (value: string | null) => string;

const TRUE = new Set(['t', 'true', '1', 'y', 'yes', 'on']);
const FALSE = new Set(['f', 'false', '0', 'n', 'no', 'off']);
const TEXT_TYPES = new Set(['STRING', 'WSTRING', 'CLOB', 'NCLOB']);

/** "MM/dd/YYYY HH:mm:ss.ffffff" and the other ColumnDateFormat layouts to "YYYY-MM-DD HH:mm:ss…". */
function isoDateTime(value: string, format: ExternalColumn['dateFormat']): string {
  if (!format || format === 'YYYY-MM-dd HH:mm:ss') return value;
  const [date = '', time = ''] = value.split(/ (.*)/s);
  let y: string | undefined;
  let m: string | undefined;
  let d: string | undefined;
  if (format === 'YYYY/MM/dd HH:mm:ss') [y, m, d] = date.split('/');
  else if (format === 'MM/dd/YYYY HH:mm:ss') [m, d, y] = date.split('/');
  else [y, m, d] = [date.slice(0, 4), date.slice(4, 6), date.slice(6, 8)];
  return `${y}-${m}-${d}${time ? ` ${time}` : ''}`;
}

export interface EncoderContext {
  column: ExternalColumn;
  plan: ColumnPlan;
  target: Family;
  /** Called once per value cut short by limited LOB mode. */
  onTruncated(column: string): void;
}

export function encoderFor(ctx: EncoderContext): Encoder {
  const { column, plan, target } = ctx;
  const canBeEmpty = TEXT_TYPES.has(column.type) || plan.binary;
  return (value) => {
    // Only text and binary columns can hold an empty value; elsewhere empty means none.
    if (value === null || (!canBeEmpty && value === '')) return '\\N';
    if (plan.binary) {
      let hex = value.startsWith('\\x') || value.startsWith('0x') ? value.slice(2) : value;
      if (!/^[0-9a-fA-F]*$/.test(hex) || hex.length % 2 !== 0)
        throw new Error(
          `column '${column.name}' (${column.type}) holds a value that is not hexadecimal`,
        );
      if (plan.truncateTo !== undefined && hex.length > plan.truncateTo * 2) {
        hex = hex.slice(0, plan.truncateTo * 2);
        ctx.onTruncated(column.name);
      }
      return target === 'postgres' ? `\\\\x${hex}` : hex.toLowerCase();
    }
    if (plan.bool) {
      const v = value.trim().toLowerCase();
      if (TRUE.has(v)) return target === 'postgres' ? 't' : '1';
      if (FALSE.has(v)) return target === 'postgres' ? 'f' : '0';
      throw new Error(`column '${column.name}' (BOOLEAN) holds "${value.slice(0, 20)}"`);
    }
    let out = value;
    if (column.type === 'DATETIME' || column.type === 'DATE')
      out = isoDateTime(value, column.dateFormat);
    if (plan.truncateTo !== undefined && [...out].length > plan.truncateTo) {
      out = [...out].slice(0, plan.truncateTo).join('');
      ctx.onTruncated(column.name);
    }
    return escapeField(out);
  };
}
