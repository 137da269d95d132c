// Validation in words (src/model/validationReport.ts): the statistics cell with its counts and
// bar, the task's badge ("Validated", "3 tables mismatched"), the summary and the cut-over gate.
import { describe, expect, it } from 'vitest';
import type { TableStat } from '../../src/model/tableStatsRow.js';
import {
  blocksCutover,
  validationBadge,
  validationCell,
  validationRows,
  validationSummary,
} from '../../src/model/validationReport.js';

const stat = (over: Partial<TableStat> = {}): TableStat => ({
  schema: 'app',
  table: 't',
  state: 'Table completed',
  fullLoadRows: 1000,
  inserts: 0,
  updates: 0,
  deletes: 0,
  ddls: 0,
  appliedInserts: 0,
  appliedUpdates: 0,
  appliedDeletes: 0,
  appliedDdls: 0,
  errorRows: 0,
  ...over,
});

describe('validationCell', () => {
  it('says the state in words with its counts, and a bar while records are pending', () => {
    expect(validationCell(stat())).toBe('—');
    expect(validationCell(stat({ validationState: 'Validated' }))).toBe('Validated');
    expect(
      validationCell(stat({ validationState: 'Pending records', validationPending: 250 })),
    ).toBe('Pending ██████░░ 75%');
    expect(
      validationCell(stat({ validationState: 'Mismatched records', validationFailed: 3 })),
    ).toBe('Mismatched: 3 rows');
    expect(
      validationCell(stat({ validationState: 'Suspended records', validationSuspended: 1 })),
    ).toBe('Suspended: 1 row');
    expect(validationCell(stat({ validationState: 'No primary key' }))).toBe('No primary key');
  });
});

describe('validationBadge and summary', () => {
  it('reads "Validated" or counts the tables in trouble', () => {
    expect(validationBadge([stat()])).toBeUndefined();
    expect(
      validationBadge([
        stat({ validationState: 'Validated' }),
        stat({ validationState: 'No primary key' }),
      ]),
    ).toBe('Validated');
    const three = Array.from({ length: 3 }, () => stat({ validationState: 'Mismatched records' }));
    expect(validationBadge([...three, stat({ validationState: 'Validated' })])).toBe(
      '3 tables mismatched',
    );
    expect(validationBadge([stat({ validationState: 'Pending records' })])).toBe(
      'validating 1 table',
    );
  });
  it('summarizes and gates a cut-over', () => {
    const rows = validationRows([
      stat({ validationState: 'Validated' }),
      stat({ validationState: 'Mismatched records', validationFailed: 2 }),
    ]);
    expect(validationSummary(rows)).toBe('2 tables: 1 validated, 1 mismatched (2 records)');
    expect(rows.map((r) => blocksCutover(r.state))).toEqual([false, true]);
    expect(blocksCutover('Pending records')).toBe(false);
    expect(blocksCutover('Table error')).toBe(true);
  });
});
