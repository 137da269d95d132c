import { describe, expect, it } from 'vitest';
import { readCsv } from '../support/csv.js';
import {
  csvField,
  csvRow,
  DEFAULT_NULL_MARKER,
  hexOf,
  normaliseValue,
} from '../../src/model/agentCsv.js';

describe('agent CSV', () => {
  const tricky = [
    null,
    '',
    '\\N',
    'NULL',
    'a,b',
    'say "hi"',
    'line1\nline2',
    'cr\r\nlf',
    ' padded ',
    'unicode: żółć 日本 🚀',
    'tab\there',
    '"',
    ',',
  ];

  it('writes every tricky value so an RFC 4180 reader gets it back; NULL and empty string stay apart', () => {
    const text = csvRow(tricky) + csvRow(['1', null, '']);
    expect(readCsv(text, DEFAULT_NULL_MARKER)).toEqual([tricky, ['1', null, '']]);
  });

  it('NULL is the bare marker; empty string and a value equal to the marker are quoted', () => {
    expect(csvField(null)).toBe('\\N');
    expect(csvField('')).toBe('""');
    expect(csvField('\\N')).toBe('"\\N"');
    expect(csvField(null, 'NULL')).toBe('NULL');
    expect(csvField('NULL', 'NULL')).toBe('"NULL"');
    expect(csvField('plain')).toBe('plain');
  });

  it('binary (bytea, BLOB) as hex, from PostgreSQL text or driver bytes', () => {
    expect(normaliseValue('BLOB', '\\x00ff10')).toBe('00ff10');
    expect(normaliseValue('BLOB', new Uint8Array([0, 255, 16]))).toBe('00ff10');
    expect(normaliseValue('BYTE', Buffer.from('hi'))).toBe('6869');
    expect(hexOf(new Uint8Array([]))).toBe('');
  });

  it('booleans as 1/0 whatever the driver said', () => {
    for (const v of [true, 1, '1', 't', 'true']) expect(normaliseValue('BOOLEAN', v)).toBe('1');
    for (const v of [false, 0, '0', 'f', 'false']) expect(normaliseValue('BOOLEAN', v)).toBe('0');
  });

  it('numerics keep every digit; bigints stay exact', () => {
    expect(normaliseValue('NUMERIC', '12345678901234567890123456789.123456789')).toBe(
      '12345678901234567890123456789.123456789',
    );
    expect(normaliseValue('INT8', 9223372036854775807n)).toBe('9223372036854775807');
    expect(normaliseValue('STRING', '-0.000000000000000001')).toBe('-0.000000000000000001');
    expect(normaliseValue('REAL8', 0.1)).toBe('0.1');
  });

  it('timestamps pass through as the reader formatted them (UTC for zoned ones); MySQL zero dates become NULL', () => {
    expect(normaliseValue('DATETIME', '2024-02-29 23:59:59.123456')).toBe(
      '2024-02-29 23:59:59.123456',
    );
    expect(normaliseValue('DATETIME', '0000-00-00 00:00:00')).toBeNull();
    expect(normaliseValue('DATE', '0000-00-00')).toBeNull();
    expect(normaliseValue('TIME', '-838:59:59')).toBe('-838:59:59');
  });

  it('JSON objects from mysql2 as JSON text; undefined as NULL', () => {
    expect(normaliseValue('CLOB', { a: [1, 'x'] })).toBe('{"a":[1,"x"]}');
    expect(normaliseValue('CLOB', undefined)).toBeNull();
  });
});
