// Table statistics with change counts: captured and applied inserts/updates/deletes/DDLs, and
// which columns a terminal keeps: a CDC task's change counts and error rows at 80 columns, a full
// load's error rows and validation in words (it has no changes to show; the schema from 100).
import { describe, expect, it } from 'vitest';
import { tableStatCells, tableStatColumns } from '../../src/model/tableStatsRow.js';
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
    [80, true, ['table', 'state', 'rows', 'inserts', 'updates', 'deletes', 'errors']],
    [
      100,
      true,
      ['table', 'state', 'rows', 'inserts', 'updates', 'deletes', 'errors', 'validation'],
    ],
    [
      160,
      true,
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
    [80, false, ['table', 'state', 'rows', 'errors', 'validation']],
    [100, false, ['schema', 'table', 'state', 'rows', 'errors', 'validation']],
  ])('a %s-column terminal (CDC task: %s) keeps %j', (columns, cdc, ids) => {
    // The Table component draws in the terminal's width less its two-character margin.
    expect(fitColumns(tableStatColumns(cdc), columns - 2).map((c) => c.id)).toEqual(ids);
  });
});
