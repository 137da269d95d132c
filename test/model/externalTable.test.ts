// DMS's ExternalTableDefinition: what is read, the defaults, and one line for each mistake.
import { describe, expect, it } from 'vitest';
import { parseExternalTableDefinition, postgresTypeOf } from '../../src/model/externalTable.js';

const table = (columns: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    TableCount: '1',
    Tables: [
      {
        TableName: 'employee',
        TablePath: 'hr/employee/',
        TableOwner: 'hr',
        TableColumns: columns,
        ...extra,
      },
    ],
  });

describe('parseExternalTableDefinition', () => {
  it('reads the documented example with its defaults', () => {
    const parsed = parseExternalTableDefinition(
      table(
        [
          { ColumnName: 'Id', ColumnType: 'INT8', ColumnNullable: 'false', ColumnIsPk: 'true' },
          { ColumnName: 'LastName', ColumnType: 'STRING', ColumnLength: '20' },
          { ColumnName: 'HireDate', ColumnType: 'DATETIME', ColumnScale: '3' },
          {
            ColumnName: 'HourlyRate',
            ColumnType: 'NUMERIC',
            ColumnPrecision: '5',
            ColumnScale: '2',
          },
        ],
        { TableColumnsTotal: '4' },
      ),
    );
    expect(parsed).toEqual({
      ok: true,
      value: [
        {
          schema: 'hr',
          table: 'employee',
          path: 'hr/employee/',
          columns: [
            { name: 'Id', type: 'INT8', nullable: false, isPk: true },
            { name: 'LastName', type: 'STRING', nullable: false, isPk: false, length: 20 },
            { name: 'HireDate', type: 'DATETIME', nullable: false, isPk: false, scale: 3 },
            {
              name: 'HourlyRate',
              type: 'NUMERIC',
              nullable: false,
              isPk: false,
              precision: 5,
              scale: 2,
            },
          ],
        },
      ],
    });
    if (!parsed.ok) return;
    expect(parsed.value[0]?.columns.map(postgresTypeOf)).toEqual([
      'bigint',
      'character varying(20)',
      'timestamp(3) without time zone',
      'numeric(5,2)',
    ]);
  });

  it('says in one line what is wrong', () => {
    const cases: [string, string][] = [
      ['{', 'not valid JSON'],
      ['{}', 'needs a "Tables" array'],
      [table([{ ColumnName: 'x', ColumnType: 'FLOAT' }]), 'ColumnType must be one of'],
      [table([{ ColumnName: 'x', ColumnType: 'NUMERIC' }]), 'NUMERIC needs ColumnPrecision'],
      [table([{ ColumnName: 'x', ColumnType: 'NUMERIC', ColumnPrecision: '39' }]), 'from 1 to 38'],
      [
        table([{ ColumnName: 'x', ColumnType: 'INT4' }], { TableColumnsTotal: '2' }),
        'TableColumnsTotal is 2',
      ],
      [
        table([{ ColumnName: 'x', ColumnType: 'INT4' }], { TablePath: 'hr/../etc/' }),
        '".." segments',
      ],
      [
        table([{ ColumnName: 'x', ColumnType: 'INT4', ColumnNullable: 'maybe' }]),
        'must be "true" or "false"',
      ],
      [table([]), 'non-empty TableColumns'],
    ];
    for (const [text, message] of cases) {
      const parsed = parseExternalTableDefinition(text);
      expect(parsed.ok, text).toBe(false);
      if (!parsed.ok) expect(parsed.error).toContain(message);
    }
  });
});
