import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { decodeLine, escapeField, findNewlines, PgToMysqlEscapes } from '../../src/db/rowCodec.js';

describe('rowCodec', () => {
  it('escapes and decodes COPY text fields', () => {
    const value = 'a\tb\nc\\d\re';
    expect(escapeField(value)).toBe('a\\tb\\nc\\\\d\\re');
    expect(decodeLine(`${escapeField(value)}\t\\N\tplain\t\\x41\t\\101\t\\f`)).toEqual([
      value,
      null,
      'plain',
      'A',
      'A',
      '\f',
    ]);
  });

  it('finds the n-th newline', () => {
    const buf = Buffer.from('a\nb\nc\nd');
    expect(findNewlines(buf, 0, 2)).toEqual({ end: 4, seen: 2 });
    expect(findNewlines(buf, 4, 5)).toEqual({ end: -1, seen: 1 });
  });

  it('turns \\f and \\v into raw bytes, even split across chunks, and keeps \\\\f', async () => {
    const chunks = ['x\\', 'fy\\\\f\\', 'v\\t\n'].map((s) => Buffer.from(s));
    const out: Buffer[] = [];
    for await (const c of Readable.from(chunks).pipe(new PgToMysqlEscapes())) out.push(c as Buffer);
    expect(Buffer.concat(out).toString()).toBe('x\fy\\\\f\v\\t\n');
  });
});
