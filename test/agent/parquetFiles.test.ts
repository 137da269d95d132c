// The agent's Parquet output: each value converted from the agent's normalised text to its
// Parquet type, and whole partitions cut into files that the sandbox's S3 source reader (the
// one DMS's S3 source stands for) reads back to the very same text, NULLs kept.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { writeParquetFiles } from '../../src/agent/parquetFiles.js';
import { CsvRowReader } from '../../src/model/agentCsvRows.js';
import { csvRow } from '../../src/model/agentCsv.js';
import { parquetSchema, parquetValue } from '../../src/model/agentParquet.js';
import type { ExternalColumn } from '../../src/model/agentTableDefinition.js';
import { parseExternalTableDefinition } from '../../src/model/externalTable.js';
import { parquetRows } from '../../src/sandbox/engine/s3Source/parquet.js';

const col = (ColumnType: ExternalColumn['ColumnType'], more: Partial<ExternalColumn> = {}) =>
  ({ ColumnName: 'c', ColumnType, ColumnNullable: 'true', ...more }) as ExternalColumn;

describe('Parquet values', () => {
  it('converts the normalised text to each column type, null staying null', () => {
    expect(parquetValue(col('INT4'), '-42')).toBe(-42);
    expect(parquetValue(col('INT8'), '9007199254740993')).toBe(9007199254740993n);
    expect(parquetValue(col('UINT8'), '18446744073709551615')).toBe('18446744073709551615');
    expect(parquetValue(col('REAL8'), '1.5')).toBe(1.5);
    expect(parquetValue(col('BOOLEAN'), '1')).toBe(true);
    expect(parquetValue(col('BOOLEAN'), '0')).toBe(false);
    expect(parquetValue(col('DATE'), '1970-01-02')).toBe(1);
    expect(parquetValue(col('DATE'), '1969-12-31')).toBe(-1);
    expect(parquetValue(col('DATETIME'), '1970-01-01 00:00:01.5')).toBe(1_500_000n);
    expect(parquetValue(col('DATETIME'), '2024-03-01 10:00:00.123456')).toBe(
      1_709_287_200_123_456n,
    );
    const money = col('NUMERIC', { ColumnPrecision: '10', ColumnScale: '2' });
    expect(parquetValue(money, '-12.3')).toBe(-1230n);
    expect(parquetValue(money, '0.05')).toBe(5n);
    const wide = col('NUMERIC', { ColumnPrecision: '30', ColumnScale: '10' });
    expect(parquetValue(wide, '12345678901234567890.0123456789')).toBe(
      '12345678901234567890.0123456789',
    );
    expect(parquetValue(col('BLOB'), '00ff10')).toEqual(new Uint8Array([0, 255, 16]));
    expect(parquetValue(col('STRING'), '')).toBe('');
    for (const type of ['INT4', 'STRING', 'DATE', 'BLOB', 'BOOLEAN'] as const)
      expect(parquetValue(col(type), null)).toBeNull();
  });

  it('types the schema from the table definition, every column optional', () => {
    const schema = parquetSchema([
      col('INT2', { ColumnName: 'a' }),
      col('NUMERIC', { ColumnName: 'b', ColumnPrecision: '9', ColumnScale: '3' }),
      col('DATETIME', { ColumnName: 'c' }),
      col('CLOB', { ColumnName: 'd' }),
    ]);
    expect(schema).toEqual([
      { name: 'root', num_children: 4 },
      { name: 'a', repetition_type: 'OPTIONAL', type: 'INT32' },
      {
        name: 'b',
        repetition_type: 'OPTIONAL',
        type: 'INT64',
        converted_type: 'DECIMAL',
        precision: 9,
        scale: 3,
      },
      { name: 'c', repetition_type: 'OPTIONAL', type: 'INT64', converted_type: 'TIMESTAMP_MICROS' },
      { name: 'd', repetition_type: 'OPTIONAL', type: 'BYTE_ARRAY', converted_type: 'UTF8' },
    ]);
  });

  it('reads back its own CSV: quoted text, doubled quotes, newlines, NULL marker vs "\\N"', () => {
    const reader = new CsvRowReader('\\N');
    const text = csvRow(['1', 'a,"b"\nc', null, '\\N', '']) + csvRow(['2', ' x ', 'y', null, null]);
    const rows = [...text].flatMap((ch) => reader.push(ch));
    expect(rows).toEqual([
      ['1', 'a,"b"\nc', null, '\\N', ''],
      ['2', ' x ', 'y', null, null],
    ]);
  });
});

const root = mkdtempSync(join(tmpdir(), 'agent-parquet-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('writing a partition as Parquet files', () => {
  const columns: ExternalColumn[] = [
    { ColumnName: 'id', ColumnType: 'INT8', ColumnIsPk: 'true' },
    { ColumnName: 'label', ColumnType: 'CLOB', ColumnNullable: 'true' },
    { ColumnName: 'flag', ColumnType: 'BOOLEAN', ColumnNullable: 'true' },
    { ColumnName: 'raw', ColumnType: 'BLOB', ColumnNullable: 'true' },
    {
      ColumnName: 'price',
      ColumnType: 'NUMERIC',
      ColumnPrecision: '12',
      ColumnScale: '2',
      ColumnNullable: 'true',
    },
    { ColumnName: 'day', ColumnType: 'DATE', ColumnNullable: 'true' },
    { ColumnName: 'at', ColumnType: 'DATETIME', ColumnScale: '6', ColumnNullable: 'true' },
  ];
  const row = (i: number) => [
    String(i),
    i % 7 === 0 ? '' : i % 11 === 0 ? null : `r${i},"\n${String.fromCodePoint(0x3b1 + (i % 20))}`,
    i % 13 === 0 ? null : String(i % 2),
    i % 5 === 0 ? null : i.toString(16).padStart(8, '0'),
    i % 17 === 0 ? null : `${i}.${String(i % 100).padStart(2, '0')}`,
    i % 19 === 0 ? null : `2024-03-${String(1 + (i % 28)).padStart(2, '0')}`,
    i % 23 === 0
      ? null
      : `2024-03-01 12:${String(i % 60).padStart(2, '0')}:00.${String(i).padStart(6, '0')}`,
  ];

  it('cuts files after a row group passes maxBytes; the S3 source reads every row back', async () => {
    const n = 45_000;
    let text = '';
    for (let i = 0; i < n; i++) text += csvRow(row(i));
    const buf = Buffer.from(text);
    const chunks: Buffer[] = [];
    for (let pos = 0; pos < buf.length; pos += 65_521) chunks.push(buf.subarray(pos, pos + 65_521));
    const files: string[] = [];
    const written = await writeParquetFiles(
      Readable.from(chunks),
      { maxBytes: 100_000, nullMarker: '\\N', columns },
      async (index, body) => {
        const parts: Buffer[] = [];
        for await (const c of body) parts.push(c as Buffer);
        files[index] = join(root, `LOAD${String(index + 1).padStart(8, '0')}.parquet`);
        writeFileSync(files[index] as string, Buffer.concat(parts));
      },
    );
    expect(written.files).toBe(files.length);
    expect(files.length).toBe(3); // 20 000-row groups, each past 100 kB
    const parsed = parseExternalTableDefinition(
      JSON.stringify({
        TableCount: '1',
        Tables: [
          {
            TableName: 't',
            TablePath: 's/t/',
            TableOwner: 's',
            TableColumns: columns,
            TableColumnsTotal: String(columns.length),
          },
        ],
      }),
    );
    if (!parsed.ok) throw new Error(parsed.error);
    const readColumns = parsed.value[0]?.columns ?? [];
    const back: (string | null)[][] = [];
    for (const file of files) for await (const r of parquetRows(file, readColumns)) back.push(r);
    expect(back.length).toBe(n);
    const expected = (i: number) => {
      const r = row(i);
      return [r[0], r[1], r[2] === null ? null : r[2] === '1' ? 'true' : 'false', ...r.slice(3)];
    };
    const firstDiff = back.findIndex((r, i) => JSON.stringify(r) !== JSON.stringify(expected(i)));
    expect(firstDiff === -1 ? 'equal' : { got: back[firstDiff], want: expected(firstDiff) }).toBe(
      'equal',
    );
  });

  it('an empty partition writes no file', async () => {
    const written = await writeParquetFiles(
      Readable.from([]),
      { maxBytes: 1 << 20, nullMarker: '\\N', columns },
      async () => {
        throw new Error('no upload expected');
      },
    );
    expect(written).toEqual({ files: 0, bytes: 0 });
  });
});
