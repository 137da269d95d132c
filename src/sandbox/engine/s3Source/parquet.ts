// Parquet S3-source files read with hyparquet, one row group at a time (memory bounded by the
// largest row group), columns found by name. Values become the text the CSV path gives:
// timestamps "YYYY-MM-DD HH:MM:SS.ffffff" (microseconds kept), dates "YYYY-MM-DD" (" BC" after
// either before 1 AD, as PostgreSQL prints them), binary as
// hex, decimals with their scale. hyparquet reads DECIMAL as a JavaScript number, so decimals
// of more than 15 significant digits lose precision (docs/s3-source.md).
import { gunzipSync } from 'node:zlib';
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from 'hyparquet';
import type { ExternalColumn } from '../../../model/externalTable.js';
import type { Row } from './files.js';

const pad = (n: bigint | number, width: number) => String(n).padStart(width, '0');

/** A UTC time's date and time of day; years before 1 AD as PostgreSQL prints them (" BC"). */
function utcParts(ms: number): { date: string; time: string; era: string } {
  const at = new Date(ms);
  const year = at.getUTCFullYear();
  const monthDay = `${pad(at.getUTCMonth() + 1, 2)}-${pad(at.getUTCDate(), 2)}`;
  return {
    date: `${pad(year >= 1 ? year : 1 - year, 4)}-${monthDay}`,
    time: `${pad(at.getUTCHours(), 2)}:${pad(at.getUTCMinutes(), 2)}:${pad(at.getUTCSeconds(), 2)}`,
    era: year >= 1 ? '' : ' BC',
  };
}

/** Microseconds since 1970 → "YYYY-MM-DD HH:MM:SS.ffffff[ BC]". */
export function timestampText(micros: bigint): string {
  // Floor division, so times before 1970 keep a positive fraction.
  const seconds = micros >= 0n ? micros / 1_000_000n : -((-micros + 999_999n) / 1_000_000n);
  const fraction = micros - seconds * 1_000_000n;
  const { date, time, era } = utcParts(Number(seconds) * 1000);
  return `${date} ${time}.${pad(fraction, 6)}${era}`;
}

/** Days since 1970 → "YYYY-MM-DD[ BC]". */
export function dateText(days: number): string {
  const { date, era } = utcParts(days * 86_400_000);
  return `${date}${era}`;
}

const PARSERS = {
  timestampFromMilliseconds: (ms: bigint | number) => timestampText(BigInt(ms) * 1000n),
  timestampFromMicroseconds: (us: bigint | number) => timestampText(BigInt(us)),
  timestampFromNanoseconds: (ns: bigint | number) => timestampText(BigInt(ns) / 1000n),
  dateFromDays: dateText,
};

const COMPRESSORS = {
  GZIP: (input: Uint8Array) => new Uint8Array(gunzipSync(input)),
};

function text(value: unknown, column: ExternalColumn): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Uint8Array) return Buffer.from(value).toString('hex');
  if (typeof value === 'number' && column.type === 'NUMERIC')
    return value.toFixed(column.scale ?? 0);
  if (typeof value === 'string' && column.type === 'DATE')
    return value.endsWith(' BC') ? `${value.slice(0, 10)} BC` : value.slice(0, 10);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint')
    return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return value.toISOString().replace('T', ' ').replace('Z', '');
  return JSON.stringify(value);
}

export async function* parquetRows(file: string, columns: ExternalColumn[]): AsyncGenerator<Row> {
  const buffer = await asyncBufferFromFile(file);
  const metadata = await parquetMetadataAsync(buffer);
  const names = columns.map((c) => c.name);
  const present = new Set(metadata.schema.map((s) => s.name));
  const missing = names.filter((n) => !present.has(n));
  if (missing.length > 0)
    throw new Error(
      `file ${file.split('/').slice(-1)[0]} has no column(s) ${missing.map((n) => `'${n}'`).join(', ')}`,
    );
  let rowStart = 0;
  for (const group of metadata.row_groups) {
    const rowEnd = rowStart + Number(group.num_rows);
    const rows = await parquetReadObjects({
      file: buffer,
      metadata,
      columns: names,
      rowStart,
      rowEnd,
      parsers: PARSERS as never,
      utf8: false, // only columns typed as strings are text; plain BYTE_ARRAY stays bytes
      compressors: COMPRESSORS as never,
    });
    for (const r of rows) yield columns.map((c) => text((r as Record<string, unknown>)[c.name], c));
    rowStart = rowEnd;
  }
}
