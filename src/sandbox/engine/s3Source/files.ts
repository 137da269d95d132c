// The files of one table in the DMS S3-source layout, and their rows: CSV (gzip or not, found
// by its magic bytes) read with the endpoint's delimiters, NULL marker and header rows, or
// Parquet read one row group at a time with hyparquet. Rows come out as text values (or null)
// in the order of the table definition's columns.
import { createReadStream, readdirSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import type { ExternalTable } from '../../../model/externalTable.js';
import type { S3SourceSpec } from '../types.js';
import { type CsvField, CsvReader } from './csv.js';
import { parquetRows } from './parquet.js';

export type Row = (string | null)[];

/** The table's folder on disk: <s3Dir>/<bucket>/<BucketFolder>/<TablePath>. */
export function tableDir(spec: S3SourceSpec, table: ExternalTable): string {
  const parts = [spec.bucket, ...spec.folder.split('/'), ...table.path.split('/')].filter(
    (p) => p !== '',
  );
  return join(spec.s3Dir, ...parts);
}

/** The full-load files (LOAD…), in name order; none when the folder is missing. */
export function tableFiles(spec: S3SourceSpec, table: ExternalTable): string[] {
  const dir = tableDir(spec, table);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const wanted = (name: string) =>
    /^LOAD/i.test(name) &&
    (spec.dataFormat === 'parquet' ? /\.parquet$/i.test(name) : !/\.parquet$/i.test(name));
  return names
    .filter((n) => wanted(n) && statSync(join(dir, n)).isFile())
    .sort()
    .map((n) => join(dir, n));
}

async function isGzip(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(2), 0, 2, 0);
    return bytesRead === 2 && buffer[0] === 0x1f && buffer[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

function toValue(field: CsvField, nullValue: string | undefined): string | null {
  if (field.quoted) return field.value;
  if (nullValue === undefined) return field.value === '' ? null : field.value;
  return field.value === nullValue ? null : field.value;
}

async function* csvRows(spec: S3SourceSpec, file: string, width: number): AsyncGenerator<Row> {
  const raw = createReadStream(file);
  const bytes = (await isGzip(file)) ? raw.pipe(createGunzip()) : raw;
  raw.once('error', (error) => bytes.destroy(error));
  const reader = new CsvReader({
    delimiter: spec.csvDelimiter,
    rowDelimiter: spec.csvRowDelimiter,
    rfc4180: spec.rfc4180,
  });
  const decoder = new StringDecoder('utf8');
  let line = 0;
  const name = file.split('/').slice(-1)[0];
  const convert = (fields: CsvField[]): Row | null => {
    line++;
    if (line <= spec.ignoreHeaderRows) return null;
    if (fields.length !== width)
      throw new Error(
        `file ${name}, record ${line}: ${fields.length} field(s), the table definition has ${width} column(s)`,
      );
    return fields.map((f) => toValue(f, spec.csvNullValue));
  };
  try {
    for await (const chunk of bytes) {
      for (const fields of reader.push(decoder.write(chunk as Buffer))) {
        const row = convert(fields);
        if (row) yield row;
      }
    }
    for (const fields of [...reader.push(decoder.end()), ...reader.end()]) {
      const row = convert(fields);
      if (row) yield row;
    }
  } catch (error) {
    const message = (error as Error).message;
    throw new Error(message.startsWith('file ') ? message : `file ${name}: ${message}`);
  } finally {
    raw.destroy();
  }
}

/** Every row of the table's files, one file after another. */
export async function* tableRows(
  spec: S3SourceSpec,
  table: ExternalTable,
  files: string[],
): AsyncGenerator<Row> {
  for (const file of files) {
    if (spec.dataFormat === 'parquet') yield* parquetRows(file, table.columns);
    else yield* csvRows(spec, file, table.columns.length);
  }
}
