// What the schema browser's keys do to a pane's tree, from the rows alone.
import { describe, expect, it } from 'vitest';
import type { CatalogTable, TableList } from '../../src/model/catalog.js';
import {
  collapseAction,
  expandAction,
  expandedSchemas,
  loadsFor,
  serverFilterOf,
  toggleExpanded,
  withSchemaExpanded,
} from '../../src/model/browserPane.js';
import type { Loadable } from '../../src/model/loadable.js';
import { DATABASE_ID, schemaId, type TreeRow, tableId } from '../../src/model/schemaTree.js';

const orders: CatalogTable = {
  schema: 'sales',
  name: 'orders',
  kind: 'table',
  estimatedRows: 10,
  sizeBytes: 8192,
};
const row = (r: Partial<TreeRow> & Pick<TreeRow, 'id' | 'kind' | 'depth'>): TreeRow => ({
  label: r.id,
  expandable: false,
  expanded: false,
  ...r,
});
const db = row({ id: DATABASE_ID, kind: 'database', depth: 0, expandable: true, expanded: true });
const sales = row({
  id: schemaId('sales'),
  kind: 'schema',
  depth: 1,
  schema: 'sales',
  expandable: true,
  expanded: true,
});
const ordersRow = row({
  id: tableId('sales', 'orders'),
  kind: 'table',
  depth: 2,
  schema: 'sales',
  table: orders,
  expandable: true,
});
const failedColumns = row({ id: 'x-error', kind: 'error', depth: 3 });
const more = row({ id: 'x-more', kind: 'more', depth: 2 });
const failedSchemas = row({ id: 'db-error', kind: 'error', depth: 1 });

describe('schema browser pane', () => {
  it('toggles a row, and the root only once it was listed', () => {
    expect(toggleExpanded([DATABASE_ID], db)).toEqual([]);
    expect(toggleExpanded([], db)).toEqual([DATABASE_ID]);
    expect(toggleExpanded([], ordersRow)).toEqual([ordersRow.id]);
    expect(toggleExpanded([sales.id], sales)).toEqual([]);
    // Shown expanded without being listed (a filter opened it): collapses.
    expect(toggleExpanded([], sales)).toEqual([]);
  });

  it('expands a schema once', () => {
    expect(withSchemaExpanded([], 'sales')).toEqual([schemaId('sales')]);
    expect(withSchemaExpanded([schemaId('sales')], 'sales')).toEqual([schemaId('sales')]);
  });

  it('decides what Enter does on each kind of row', () => {
    expect(expandAction([db, sales, ordersRow], 2)).toEqual({ kind: 'toggle', row: ordersRow });
    expect(expandAction([db, sales, more], 2)).toEqual({ kind: 'serverFilter', schema: 'sales' });
    expect(expandAction([db, failedSchemas], 1)).toEqual({ kind: 'loadSchemas' });
    expect(
      expandAction([db, sales, row({ id: 'e', kind: 'error', depth: 2, schema: 'sales' })], 2),
    ).toEqual({ kind: 'loadTables', schema: 'sales' });
    expect(expandAction([db, sales, ordersRow, failedColumns], 3)).toEqual({
      kind: 'loadDetail',
      schema: 'sales',
      table: 'orders',
    });
    expect(expandAction([db, row({ id: 'l', kind: 'loading', depth: 1 })], 1)).toEqual({
      kind: 'none',
    });
    expect(expandAction([], 0)).toEqual({ kind: 'none' });
  });

  it('collapses an expanded row, else goes to its parent', () => {
    expect(collapseAction([db, sales], 1, new Set([sales.id]))).toEqual({
      kind: 'toggle',
      row: sales,
    });
    expect(collapseAction([db, sales, ordersRow], 2, new Set())).toEqual({
      kind: 'focus',
      index: 1,
    });
  });

  it('lists what an expanded tree needs loaded', () => {
    const expanded = [DATABASE_ID, schemaId('sales'), tableId('sales', 'orders')];
    expect(loadsFor(expanded)).toEqual([
      { kind: 'tables', schema: 'sales' },
      { kind: 'detail', schema: 'sales', table: 'orders' },
    ]);
    expect(expandedSchemas(expanded)).toEqual(['sales']);
  });

  it("reads a schema's server-side name filter", () => {
    const ready: Loadable<TableList> = {
      state: 'ready',
      value: { tables: [orders], truncated: false, nameFilter: 'ord' },
    };
    const tables = new Map<string, Loadable<TableList>>([
      ['sales', ready],
      ['hr', { state: 'loading' }],
    ]);
    expect(serverFilterOf(tables, 'sales')).toBe('ord');
    expect(serverFilterOf(tables, 'hr')).toBe('');
    expect(serverFilterOf(tables, 'none')).toBe('');
  });
});
