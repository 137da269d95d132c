// Dates and timestamps the agent writes to Parquet: days and microseconds since 1970 in the
// proleptic Gregorian calendar, for every year PostgreSQL prints: 0001–0099 (which Date.UTC
// would read as 1901–1999) and BC dates ("0044-03-15 BC" is the astronomical year -43).
import { describe, expect, it } from 'vitest';
import type { DmsColumnType, ExternalColumn } from '../../src/model/agentTableDefinition.js';
import { parquetValue } from '../../src/model/agentParquet.js';

const column = (ColumnType: DmsColumnType): ExternalColumn => ({ ColumnName: 'c', ColumnType });
const isoOfDays = (days: unknown) => new Date(Number(days) * 86_400_000).toISOString();
const isoOfMicros = (us: unknown) => new Date(Number((us as bigint) / 1000n)).toISOString();

describe('Parquet DATE and TIMESTAMP_MICROS values', () => {
  it('keeps the years 1 to 99 and today', () => {
    expect(isoOfDays(parquetValue(column('DATE'), '0001-01-01'))).toBe('0001-01-01T00:00:00.000Z');
    expect(isoOfDays(parquetValue(column('DATE'), '0099-12-31'))).toBe('0099-12-31T00:00:00.000Z');
    expect(isoOfDays(parquetValue(column('DATE'), '2024-02-29'))).toBe('2024-02-29T00:00:00.000Z');
    expect(isoOfMicros(parquetValue(column('DATETIME'), '0099-12-31 23:59:58.25'))).toBe(
      '0099-12-31T23:59:58.250Z',
    );
  });

  it('writes a BC date on its astronomical year', () => {
    expect(isoOfDays(parquetValue(column('DATE'), '0044-03-15 BC'))).toBe(
      '-000043-03-15T00:00:00.000Z',
    );
    expect(isoOfMicros(parquetValue(column('DATETIME'), '0001-12-31 12:00:00 BC'))).toBe(
      '0000-12-31T12:00:00.000Z',
    );
  });

  it('still refuses what no date is', () => {
    expect(() => parquetValue(column('DATE'), 'infinity')).toThrow(/not a date: infinity/);
  });
});
