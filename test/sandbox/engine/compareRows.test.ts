// compareRows: rows of one key range either pair up by position (same keys, printed alike, in
// the same order) or are matched by key; both ways give the same failures and counts.
import { describe, expect, it } from 'vitest';
import type { FailureRow, TextRow } from '../../../src/db/validationQueries.js';
import { compareRows } from '../../../src/sandbox/engine/validation/compareTable.js';
import type { TableSides } from '../../../src/sandbox/engine/validation/sides.js';

const column = (name: string, kind: 'number' | 'exact') => ({
  name,
  kind,
  binary: false,
  tz: false,
});

const sides: TableSides = {
  source: { schema: 's', table: 't' },
  target: { schema: 'd', table: 't' },
  sourceColumns: [column('id', 'number'), column('amount', 'number'), column('name', 'exact')],
  targetColumns: [column('id', 'number'), column('amount', 'number'), column('name', 'exact')],
  keyCount: 1,
  names: [
    { name: 'id', kind: 'number' },
    { name: 'amount', kind: 'number' },
    { name: 'name', kind: 'exact' },
  ],
};

function run(source: TextRow[], target: TextRow[]) {
  const failures: [string, FailureRow][] = [];
  const partitions: [number, number][] = [];
  const counts = compareRows(sides, source, target, {
    onPartition: (a, s) => partitions.push([a, s]),
    onFailure: (key, f) => failures.push([key, f]),
    stopped: () => false,
  });
  return { counts, partitions, failures };
}

const source: TextRow[] = [
  ['1', '1.50', 'a'],
  ['2', '2.00', null],
  ['3', '3.00', 'c'],
];

describe('compareRows', () => {
  it('pairs rows by position when both sides list the same keys in order', () => {
    const target: TextRow[] = [
      ['1', '1.5000', 'a'],
      ['2', '2.00', ''],
      ['3', '3.00', 'c'],
    ];
    const { counts, partitions, failures } = run(source, target);
    expect(counts).toEqual({ found: 3, extras: 0 });
    expect(partitions).toEqual([[3, 2]]);
    expect(failures).toEqual([
      [
        '["2"]',
        {
          key: '{"key":["2"]}',
          type: 'RECORD_DIFF',
          details: '[{"column":"name","source":null,"target":""}]',
        },
      ],
    ]);
  });

  it('matches by key when keys are missing, extra or printed differently', () => {
    const target: TextRow[] = [
      ['1.0', '1.50', 'a'],
      ['3', '3.00', 'changed'],
      ['4', '4.00', 'd'],
    ];
    const { counts, partitions, failures } = run(source, target);
    expect(counts).toEqual({ found: 2, extras: 1 });
    expect(partitions).toEqual([[3, 1]]);
    expect(failures.map(([key, f]) => [key, f.type])).toEqual([
      ['["2"]', 'MISSING_TARGET'],
      ['["3"]', 'RECORD_DIFF'],
      ['["4"]', 'MISSING_SOURCE'],
    ]);
  });
});
