// The S3 source reads the agent's Parquet dates back as the text PostgreSQL prints: years
// before 1 AD with " BC", years 1–99 with four digits, the written value round-tripped.
import { describe, expect, it } from 'vitest';
import type { DmsColumnType, ExternalColumn } from '../../../src/model/agentTableDefinition.js';
import { parquetValue } from '../../../src/model/agentParquet.js';
import { dateText, timestampText } from '../../../src/sandbox/engine/s3Source/parquet.js';

const column = (ColumnType: DmsColumnType): ExternalColumn => ({ ColumnName: 'c', ColumnType });

describe('Parquet dates read back', () => {
  it.each(['2024-02-29', '0099-12-31', '0001-01-01', '0044-03-15 BC', '0001-01-01 BC'])(
    'DATE %s',
    (text) => {
      expect(dateText(parquetValue(column('DATE'), text) as number)).toBe(text);
    },
  );

  it.each([
    ['1969-12-31 23:59:59.5', '1969-12-31 23:59:59.500000'],
    ['0099-06-01 08:00:00', '0099-06-01 08:00:00.000000'],
    ['0044-03-15 12:00:00.000001 BC', '0044-03-15 12:00:00.000001 BC'],
  ])('TIMESTAMP %s', (text, read) => {
    expect(timestampText(parquetValue(column('DATETIME'), text) as bigint)).toBe(read);
  });
});
