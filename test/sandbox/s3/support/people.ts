// The "people" table the S3-source tests load: its ExternalTableDefinition, its rows as CSV
// (null marker NULL, quoted "NULL" text, "" empty strings, quotes, a newline, unicode,
// numerics, hex bytes) and as Parquet, what the target must hold, and how to read it back.
import { parquetWriteBuffer } from 'hyparquet-writer';
import type { DbConnection } from '../../../../src/db/connection.js';

export const COLUMNS = [
  { ColumnName: 'id', ColumnType: 'INT4', ColumnNullable: 'false', ColumnIsPk: 'true' },
  { ColumnName: 'name', ColumnType: 'STRING', ColumnLength: '100', ColumnNullable: 'true' },
  { ColumnName: 'note', ColumnType: 'CLOB', ColumnNullable: 'true' },
  {
    ColumnName: 'amount',
    ColumnType: 'NUMERIC',
    ColumnPrecision: '12',
    ColumnScale: '3',
    ColumnNullable: 'true',
  },
  { ColumnName: 'born', ColumnType: 'DATE', ColumnNullable: 'true' },
  { ColumnName: 'seen', ColumnType: 'DATETIME', ColumnScale: '6', ColumnNullable: 'true' },
  { ColumnName: 'ok', ColumnType: 'BOOLEAN', ColumnNullable: 'true' },
  { ColumnName: 'photo', ColumnType: 'BLOB', ColumnNullable: 'true' },
];
export function peopleDefinition(schema: string): string {
  return JSON.stringify({
    TableCount: '1',
    Tables: [
      {
        TableName: 'people',
        TablePath: `${schema}/people/`,
        TableOwner: schema,
        TableColumns: COLUMNS,
        TableColumnsTotal: String(COLUMNS.length),
      },
    ],
  });
}

// NULL is the null marker; "NULL" quoted is the text NULL; "" is an empty string.
export const CSV_1 =
  '1,Ann,"",12.500,1990-01-02,2026-11-30 08:00:00.123456,true,00ff10\n2,NULL,"He said ""hi""",-0.001,NULL,NULL,false,NULL\n';
export const CSV_2 =
  '3,"Zoë 😀","line1\nline2, with a comma",123456789.123,2000-02-29,1999-12-31 23:59:59,NULL,""\n4,"NULL",NULL,NULL,NULL,NULL,NULL,NULL\n';

/** What both loads must give, as text (bytea/BLOB as hex). */
export const EXPECTED = [
  ['1', 'Ann', '', '12.500', '1990-01-02', '2026-11-30 08:00:00.123456', 'true', '00ff10'],
  ['2', null, 'He said "hi"', '-0.001', null, null, 'false', null],
  [
    '3',
    'Zoë 😀',
    'line1\nline2, with a comma',
    '123456789.123',
    '2000-02-29',
    '1999-12-31 23:59:59',
    null,
    '',
  ],
  ['4', 'NULL', null, null, null, null, null, null],
];

export function parquetFile(): Buffer {
  const buffer = parquetWriteBuffer({
    columnData: [
      { name: 'id', data: [1, 2, 3, 4], type: 'INT32', nullable: false },
      { name: 'name', data: ['Ann', null, 'Zoë 😀', 'NULL'], type: 'STRING' },
      {
        name: 'note',
        data: ['', 'He said "hi"', 'line1\nline2, with a comma', null],
        type: 'STRING',
      },
      { name: 'amount', data: [12.5, -0.001, 123456789.123, null] },
      { name: 'born', data: [new Date('1990-01-02'), null, new Date('2000-02-29'), null] },
      {
        name: 'seen',
        data: [new Date('2026-11-30T08:00:00.123Z'), null, new Date('1999-12-31T23:59:59Z'), null],
        type: 'TIMESTAMP',
      },
      { name: 'ok', data: [true, false, null, null], type: 'BOOLEAN' },
      {
        name: 'photo',
        data: [Uint8Array.of(0, 255, 16), null, new Uint8Array(0), null],
        type: 'BYTE_ARRAY',
      },
    ],
    schemaOverrides: {
      amount: {
        name: 'amount',
        type: 'INT64',
        converted_type: 'DECIMAL',
        precision: 12,
        scale: 3,
        repetition_type: 'OPTIONAL',
      },
      born: { name: 'born', type: 'INT32', converted_type: 'DATE', repetition_type: 'OPTIONAL' },
    },
  } as never);
  return Buffer.from(buffer);
}

/** The people rows in the target, as text (bytea/BLOB as hex). */
export async function peopleRows(conn: DbConnection, schema: string): Promise<unknown[][]> {
  const q = (n: string) => (conn.family === 'postgres' ? `"${n}"` : `\`${n}\``);
  const table = `${q(schema)}.${q('people')}`;
  const sql =
    conn.family === 'postgres'
      ? `SELECT id::text, name, note, amount::text, born::text, seen::text, ok::text, encode(photo, 'hex') FROM ${table} ORDER BY id`
      : `SELECT CAST(id AS CHAR), name, note, CAST(amount AS CHAR), CAST(born AS CHAR), CAST(seen AS CHAR), CASE ok WHEN 1 THEN 'true' WHEN 0 THEN 'false' END, LOWER(HEX(photo)) FROM ${table} ORDER BY id`;
  const { rows: out } = await conn.query<Record<string, unknown>>(sql);
  return out.map((r) => Object.values(r).map((v) => (v === null ? null : String(v))));
}

/** MariaDB shows DATETIME(6) with all six digits. */
export const asMaria = (expected: (string | null)[][]) =>
  expected.map((r) =>
    r.map((v, i) => (i === 5 && v !== null && !v.includes('.') ? `${v}.000000` : v)),
  );
