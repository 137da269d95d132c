// Table statistics with change counts: captured and applied inserts/updates/deletes/DDLs, and
// which columns an 80-column terminal keeps (never schema, table, state, rows, I/U/D).
import { describe, expect, it } from 'vitest';
import { TABLE_STAT_COLUMNS, tableStatCells } from '../../src/model/tableStatsRow.js';
import { fitColumns } from '../../src/model/taskRow.js';

const stat = {
  schema: 'sales',
  table: 'orders',
  state: 'Table completed',
  fullLoadRows: 5000,
  inserts: 120,
  updates: 30,
  deletes: 4,
  ddls: 1,
  appliedInserts: 118,
  appliedUpdates: 30,
  appliedDeletes: 4,
  appliedDdls: 1,
  errorRows: 0,
};

describe('table statistics columns', () => {
  it('show captured and applied change counts', () => {
    const cells = tableStatCells(stat);
    expect([cells.inserts, cells.updates, cells.deletes, cells.ddls]).toEqual([
      '120',
      '30',
      '4',
      '1',
    ]);
    expect(cells.applied).toBe('118/30/4/1');
  });

  it.each([
    [80, ['schema', 'table', 'state', 'rows', 'inserts', 'updates', 'deletes']],
    [100, ['schema', 'table', 'state', 'rows', 'inserts', 'updates', 'deletes', 'applied']],
    [
      160,
      [
        'schema',
        'table',
        'state',
        'rows',
        'inserts',
        'updates',
        'deletes',
        'ddls',
        'applied',
        'errors',
        'validation',
        'updated',
      ],
    ],
  ])('a %s-column terminal keeps %j', (columns, ids) => {
    // The Table component draws in the terminal's width less its two-character margin.
    expect(fitColumns(TABLE_STAT_COLUMNS, columns - 2).map((c) => c.id)).toEqual(ids);
  });
});
