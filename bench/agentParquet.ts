// The agent's Parquet output against its csv.gz output on the same partition: 200 000 rows of
// seven columns (int, text with quotes and newlines, boolean, binary, decimal, date,
// timestamp; some NULLs) fed as CSV chunks, uploads drained to nowhere. Prints rows/s and
// bytes written for each. Run: npx tsx bench/agentParquet.ts
import { Readable } from 'node:stream';
import { writeCsvFiles } from '../src/agent/csvFiles.js';
import { writeParquetFiles } from '../src/agent/parquetFiles.js';
import { csvRow } from '../src/model/agentCsv.js';
import type { ExternalColumn } from '../src/model/agentTableDefinition.js';

const ROWS = 200_000;
const columns: ExternalColumn[] = [
  { ColumnName: 'id', ColumnType: 'INT8' },
  { ColumnName: 'label', ColumnType: 'CLOB', ColumnNullable: 'true' },
  { ColumnName: 'flag', ColumnType: 'BOOLEAN', ColumnNullable: 'true' },
  { ColumnName: 'raw', ColumnType: 'BLOB', ColumnNullable: 'true' },
  { ColumnName: 'price', ColumnType: 'NUMERIC', ColumnPrecision: '12', ColumnScale: '2' },
  { ColumnName: 'day', ColumnType: 'DATE', ColumnNullable: 'true' },
  { ColumnName: 'at', ColumnType: 'DATETIME', ColumnScale: '6', ColumnNullable: 'true' },
];

let text = '';
for (let i = 0; i < ROWS; i++)
  text += csvRow([
    String(i),
    i % 11 === 0 ? null : `row ${i}, "quoted"\nsecond line`,
    String(i % 2),
    i % 5 === 0 ? null : i.toString(16).padStart(8, '0'),
    `${i}.${String(i % 100).padStart(2, '0')}`,
    `2024-03-${String(1 + (i % 28)).padStart(2, '0')}`,
    `2024-03-01 12:${String(i % 60).padStart(2, '0')}:00.${String(i % 1e6).padStart(6, '0')}`,
  ]);
const input = Buffer.from(text);
const chunks = () => {
  const out: Buffer[] = [];
  for (let p = 0; p < input.length; p += 1 << 16) out.push(input.subarray(p, p + (1 << 16)));
  return Readable.from(out);
};

let written = 0;
const drain = async (_i: number, body: Readable) => {
  for await (const c of body) written += (c as Buffer).length;
};

async function measure(name: string, run: () => Promise<unknown>) {
  written = 0;
  const start = performance.now();
  await run();
  const seconds = (performance.now() - start) / 1000;
  const heap = process.memoryUsage().heapUsed / 2 ** 20;
  console.log(
    `${name.padEnd(8)} ${Math.round(ROWS / seconds)
      .toString()
      .padStart(
        8,
      )} rows/s  ${(written / 2 ** 20).toFixed(1)} MiB out  (${(input.length / 2 ** 20).toFixed(1)} MiB CSV in, heap ${heap.toFixed(0)} MiB)`,
  );
}

await measure('csv.gz', () => writeCsvFiles(chunks(), { maxBytes: 64 << 20, gzip: true }, drain));
await measure('parquet', () =>
  writeParquetFiles(chunks(), { maxBytes: 64 << 20, nullMarker: '\\N', columns }, drain),
);
