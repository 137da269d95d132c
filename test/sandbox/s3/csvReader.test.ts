// The S3 source's CSV reader: RFC 4180 quoting, quoted vs unquoted fields (NULL markers count
// only unquoted), CRLF, other delimiters, Rfc4180 off, and text cut anywhere between chunks.
import { describe, expect, it } from 'vitest';
import { type CsvField, CsvReader } from '../../../src/sandbox/engine/s3Source/csv.js';

function read(
  text: string,
  opts: Partial<{ delimiter: string; rowDelimiter: string; rfc4180: boolean }> = {},
  cut = text.length,
): CsvField[][] {
  const reader = new CsvReader({ delimiter: ',', rowDelimiter: '\n', rfc4180: true, ...opts });
  const rows: CsvField[][] = [];
  for (let i = 0; i < text.length; i += cut) rows.push(...reader.push(text.slice(i, i + cut)));
  rows.push(...reader.end());
  return rows;
}

const values = (rows: CsvField[][]) =>
  rows.map((r) => r.map((f) => (f.quoted ? `"${f.value}"` : f.value)));

describe('CsvReader', () => {
  const sample = '1,"a ""q"" b",,"",NULL,"NULL"\n2,"line1\nline2, x",Zoë 😀,x"y,"",z\n';
  const expected = [
    ['1', '"a "q" b"', '', '""', 'NULL', '"NULL"'],
    ['2', '"line1\nline2, x"', 'Zoë 😀', 'x"y', '""', 'z'],
  ];

  it('reads quotes, doubled quotes, empty and quoted-empty fields, newlines inside quotes', () => {
    expect(values(read(sample))).toEqual(expected);
  });

  it('gives the same rows whatever the chunk boundaries', () => {
    for (let cut = 1; cut <= 7; cut++)
      expect(values(read(sample, {}, cut)), `cut ${cut}`).toEqual(expected);
  });

  it('drops the CR of CRLF rows, keeps a CR inside quotes, reads a last row without newline', () => {
    expect(values(read('a,b\r\n"c\r\n",d'))).toEqual([
      ['a', 'b'],
      ['"c\r\n"', 'd'],
    ]);
  });

  it('takes other delimiters, and quotes as plain text with Rfc4180 off', () => {
    expect(values(read('a|"b|c"\tx|y\t', { delimiter: '|', rowDelimiter: '\t' }))).toEqual([
      ['a', '"b|c"'],
      ['x', 'y'],
    ]);
    expect(values(read('"a,b",c\n', { rfc4180: false }))).toEqual([['"a', 'b"', 'c']]);
  });

  it('refuses a file that ends inside a quoted field', () => {
    expect(() => read('1,"open\n')).toThrow('ends inside a quoted field');
  });
});
