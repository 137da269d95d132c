import { describe, expect, it } from 'vitest';
import type { MappingRule, TransformationRule } from '../../src/model/tableMappings.js';
import {
  mapColumnNames,
  matchesPattern,
  selectTables,
  targetSchemaName,
  targetTableName,
} from '../../src/model/tableMatching.js';

const sel = (
  id: string,
  schema: string,
  table: string,
  action: 'include' | 'exclude' | 'explicit' = 'include',
  loadOrder?: number,
): MappingRule => ({
  'rule-type': 'selection',
  'rule-id': id,
  'rule-name': `s${id}`,
  'object-locator': { 'schema-name': schema, 'table-name': table },
  'rule-action': action,
  ...(loadOrder === undefined ? {} : { 'load-order': loadOrder }),
});

const tr = (
  id: string,
  target: TransformationRule['rule-target'],
  action: TransformationRule['rule-action'],
  locator: TransformationRule['object-locator'],
  value?: string,
  old?: string,
): MappingRule => ({
  'rule-type': 'transformation',
  'rule-id': id,
  'rule-name': `t${id}`,
  'rule-target': target,
  'object-locator': locator,
  'rule-action': action,
  ...(value === undefined ? {} : { value }),
  ...(old === undefined ? {} : { 'old-value': old }),
});

describe('matchesPattern', () => {
  it.each([
    ['%', 'anything', true],
    ['%', '', true],
    ['order%', 'orders', true],
    ['order%', 'Orders', false],
    ['order_', 'orders', true],
    ['order_', 'order', false],
    ['order_', 'orders2', false],
    ['a_c', 'a_c', true],
    ['a_c', 'abc', true],
    ['a[_]c', 'a_c', true],
    ['a[_]c', 'abc', false],
    ['%[_]tmp', 'orders_tmp', true],
    ['%[_]tmp', 'orderstmp', false],
    ['a.b', 'a.b', true],
    ['a.b', 'axb', false],
    ['(x)+', '(x)+', true],
  ])('%s matches %s: %s', (pattern, name, expected) => {
    expect(matchesPattern(pattern, name)).toBe(expected);
  });
});

describe('selectTables', () => {
  const tables = [
    { schema: 'sales', table: 'orders' },
    { schema: 'sales', table: 'order_items' },
    { schema: 'sales', table: 'orders_tmp' },
    { schema: 'hr', table: 'employees' },
    { schema: 'hr', table: 'e%x' },
  ];
  it('includes by wildcard and drops excluded tables', () => {
    const picked = selectTables(
      [sel('1', 'sales', '%'), sel('2', 'sales', '%[_]tmp', 'exclude')],
      tables,
    );
    expect(picked.map((t) => t.table)).toEqual(['order_items', 'orders']);
  });
  it('exclude wins whatever the rule order', () => {
    const picked = selectTables(
      [sel('2', '%', '%', 'exclude'), sel('1', 'sales', 'orders')],
      tables,
    );
    expect(picked).toEqual([]);
  });
  it('explicit names one table, wildcards literal', () => {
    expect(selectTables([sel('1', 'hr', 'e%x', 'explicit')], tables)).toEqual([
      { schema: 'hr', table: 'e%x' },
    ]);
    expect(selectTables([sel('1', 'hr', 'e%', 'explicit')], tables)).toEqual([]);
  });
  it('orders by load-order (higher first), then by name', () => {
    const picked = selectTables(
      [sel('1', '%', '%'), sel('2', 'hr', 'employees', 'include', 5)],
      tables,
    );
    expect(picked.map((t) => t.table)).toEqual([
      'employees',
      'e%x',
      'order_items',
      'orders',
      'orders_tmp',
    ]);
  });
});

describe('transformations', () => {
  const rules: MappingRule[] = [
    sel('1', '%', '%'),
    tr('2', 'schema', 'rename', { 'schema-name': 'sales' }, 'sales_copy'),
    tr('3', 'schema', 'convert-uppercase', { 'schema-name': 'hr' }),
    tr('4', 'table', 'add-prefix', { 'schema-name': 'sales', 'table-name': '%' }, 'stg_'),
    tr('5', 'table', 'convert-uppercase', { 'schema-name': 'sales', 'table-name': 'order%' }),
    tr('6', 'table', 'remove-suffix', { 'schema-name': 'hr', 'table-name': '%' }, '_v1'),
    tr(
      '7',
      'table',
      'replace-prefix',
      { 'schema-name': 'hr', 'table-name': '%' },
      'people_',
      'emp_',
    ),
    tr(
      '8',
      'column',
      'rename',
      { 'schema-name': 'sales', 'table-name': 'orders', 'column-name': 'amt' },
      'amount',
    ),
    tr('9', 'column', 'remove-column', {
      'schema-name': '%',
      'table-name': '%',
      'column-name': 'ssn',
    }),
    tr('10', 'column', 'convert-lowercase', {
      'schema-name': 'hr',
      'table-name': '%',
      'column-name': '%',
    }),
    tr(
      '11',
      'column',
      'add-suffix',
      { 'schema-name': 'sales', 'table-name': '%', 'column-name': 'id' },
      '_pk',
    ),
  ];
  it('renames and cases schemas', () => {
    expect(targetSchemaName(rules, 'sales')).toBe('sales_copy');
    expect(targetSchemaName(rules, 'hr')).toBe('HR');
    expect(targetSchemaName(rules, 'other')).toBe('other');
  });
  it('applies table rules in rule-id order, matched on source names', () => {
    expect(targetTableName(rules, { schema: 'sales', table: 'orders' })).toBe('STG_ORDERS');
    expect(targetTableName(rules, { schema: 'sales', table: 'customers' })).toBe('stg_customers');
    expect(targetTableName(rules, { schema: 'hr', table: 'emp_list_v1' })).toBe('people_list');
  });
  it('renames, cases and removes columns', () => {
    expect(
      mapColumnNames(rules, { schema: 'sales', table: 'orders' }, ['id', 'amt', 'ssn']),
    ).toEqual([
      { source: 'id', target: 'id_pk' },
      { source: 'amt', target: 'amount' },
    ]);
    expect(mapColumnNames(rules, { schema: 'hr', table: 'x' }, ['Name', 'SSN', 'ssn'])).toEqual([
      { source: 'Name', target: 'name' },
      { source: 'SSN', target: 'ssn' },
    ]);
  });
});
