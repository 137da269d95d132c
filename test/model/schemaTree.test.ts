import { describe, expect, it } from 'vitest';
import type { CatalogTable, TableList } from '../../src/model/catalog.js';
import { compileFilter } from '../../src/model/listFilter.js';
import type { Loadable } from '../../src/model/loadable.js';
import {
  DATABASE_ID,
  flattenTree,
  parentIndex,
  presenceIn,
  schemaId,
  selectionFrom,
  tableId,
  targetIndex,
  type TreeSource,
} from '../../src/model/schemaTree.js';

const table = (schema: string, name: string, kind: 'table' | 'view' = 'table'): CatalogTable => ({
  schema,
  name,
  kind,
  estimatedRows: 10,
  sizeBytes: 8192,
});
const ready = <T>(value: T): Loadable<T> => ({ state: 'ready', value });
const list = (schema: string, names: string[], extra: Partial<TableList> = {}) =>
  ready<TableList>({
    tables: names.map((n) => table(schema, n)),
    truncated: false,
    nameFilter: '',
    ...extra,
  });

const source: TreeSource = {
  label: 'db',
  schemas: ready([
    { name: 'Sales', tableCount: 3, system: false },
    { name: 'hr', tableCount: 1, system: false },
  ]),
  tables: new Map([
    ['Sales', list('Sales', ['Orders', 'order items', 'Customers'])],
    ['hr', list('hr', ['people'])],
  ]),
  details: new Map([
    [
      'Sales\u0000Orders',
      ready({
        primaryKey: ['id'],
        foreignKeys: [],
        columns: [
          {
            name: 'id',
            position: 1,
            dataType: 'int',
            nullable: false,
            primaryKey: true,
            foreignKey: false,
            lob: false,
          },
          {
            name: 'note',
            position: 2,
            dataType: 'text',
            nullable: true,
            primaryKey: false,
            foreignKey: false,
            lob: true,
          },
        ],
      }),
    ],
  ]),
};
const none = compileFilter('');
const labels = (rows: { label: string }[]) => rows.map((r) => r.label);

describe('schema tree', () => {
  it('shows only what is expanded, loading and error rows in place', () => {
    expect(labels(flattenTree(source, new Set(), none))).toEqual(['db']);
    expect(labels(flattenTree(source, new Set([DATABASE_ID]), none))).toEqual([
      'db',
      'Sales',
      'hr',
    ]);
    const open = new Set([DATABASE_ID, schemaId('Sales'), tableId('Sales', 'Orders')]);
    expect(labels(flattenTree(source, open, none))).toEqual([
      'db',
      'Sales',
      'Orders',
      'id',
      'note',
      'order items',
      'Customers',
      'hr',
    ]);
    const loading = flattenTree(
      { ...source, tables: new Map() },
      new Set([DATABASE_ID, schemaId('hr')]),
      none,
    );
    expect(loading.map((r) => r.kind)).toEqual(['database', 'schema', 'schema', 'loading']);
    const failed = flattenTree(
      {
        label: 'db',
        schemas: { state: 'error', message: 'refused' },
        tables: new Map(),
        details: new Map(),
      },
      new Set([DATABASE_ID]),
      none,
    );
    expect(failed.at(-1)).toMatchObject({ kind: 'error', label: 'refused' });
  });

  it('filters across loaded names: tables open their schema, columns their table', () => {
    const rows = flattenTree(source, new Set([DATABASE_ID]), compileFilter('order'));
    expect(labels(rows)).toEqual(['db', 'Sales', 'Orders', 'order items']);
    const byColumn = flattenTree(
      source,
      new Set([tableId('Sales', 'Orders')]),
      compileFilter('note'),
    );
    expect(labels(byColumn)).toEqual(['db', 'Sales', 'Orders', 'note']);
    const bySchema = flattenTree(source, new Set(), compileFilter('hr'));
    expect(labels(bySchema)).toEqual(['db', 'hr']);
    expect(labels(flattenTree(source, new Set(), compileFilter('!Sales')))).toContain('hr');
  });

  it('says when a schema has more tables than were loaded', () => {
    const big = {
      ...source,
      tables: new Map([['hr', list('hr', ['a', 'b'], { truncated: true })]]),
    };
    const rows = flattenTree(big, new Set([DATABASE_ID, schemaId('hr')]), none);
    expect(rows.at(-1)).toMatchObject({ kind: 'more' });
    expect(rows.at(-1)?.label).toContain('F filters by name');
  });

  it('finds the parent row for ←', () => {
    const rows = flattenTree(source, new Set([DATABASE_ID, schemaId('Sales')]), none);
    expect(parentIndex(rows, 3)).toBe(1);
    expect(parentIndex(rows, 1)).toBe(0);
  });

  it('compares with the target case-insensitively and says what is missing', () => {
    const target: TreeSource = {
      label: 't',
      schemas: ready([{ name: 'sales', tableCount: 1, system: false }]),
      tables: new Map([['sales', list('sales', ['orders'])]]),
      details: new Map(),
    };
    const index = targetIndex(target);
    expect(presenceIn(index, 'Sales', 'Orders')).toBe('present');
    expect(presenceIn(index, 'Sales', 'Customers')).toBe('missing');
    expect(presenceIn(index, 'hr', 'people')).toBe('schemaMissing');
    expect(presenceIn(targetIndex(undefined), 'Sales', 'Orders')).toBe('unknown');
    expect(presenceIn(targetIndex({ ...target, tables: new Map() }), 'Sales', 'x')).toBe('unknown');
  });

  it('builds the selection from marks or the focused row', () => {
    const marks = new Set([schemaId('hr'), tableId('hr', 'people'), tableId('Sales', 'Orders')]);
    expect(selectionFrom(marks, undefined)).toEqual({
      ok: true,
      selection: { schemas: ['hr'], tables: [{ schema: 'Sales', table: 'Orders' }] },
    });
    const rows = flattenTree(
      source,
      new Set([DATABASE_ID, schemaId('Sales'), tableId('Sales', 'Orders')]),
      none,
    );
    const column = rows.find((r) => r.kind === 'column')!;
    expect(selectionFrom(new Set(), column)).toEqual({
      ok: true,
      selection: { schemas: [], tables: [{ schema: 'Sales', table: 'Orders' }] },
    });
    expect(selectionFrom(new Set(), rows[0]).ok).toBe(false);
  });

  it('flattens 20,000 tables with a filter in one pass', () => {
    const names = Array.from({ length: 20_000 }, (_, i) => `t_${String(i).padStart(5, '0')}`);
    const big: TreeSource = { ...source, tables: new Map([['hr', list('hr', names)]]) };
    expect(flattenTree(big, new Set([DATABASE_ID, schemaId('hr')]), none)).toHaveLength(20_003);
    expect(
      flattenTree(big, new Set([DATABASE_ID, schemaId('hr')]), compileFilter('t_1999')),
    ).toHaveLength(12);
  });
});
