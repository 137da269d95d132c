// How a task's table mappings pick source tables and name them on the target
// (docs/dms-api.md §4 table mappings). Pure: the engine feeds it catalog names.
import type { MappingRule, SelectionRule, TransformationRule } from './tableMappings.js';
import { matchesWildcard } from './wildcard.js';

export interface TableName {
  schema: string;
  table: string;
}

/**
 * A DMS name pattern against a name: `%` any run of characters, `_` exactly one, `[_]` a literal
 * underscore, everything else literal; case-sensitive, as on PostgreSQL. The matcher (wildcard.ts)
 * does at most (pattern + 1) × (name + 1) steps: no pattern can freeze the caller.
 */
export function matchesPattern(pattern: string, name: string): boolean {
  return matchesWildcard(pattern, name);
}

function ruleOrder(a: MappingRule, b: MappingRule): number {
  return Number(a['rule-id']) - Number(b['rule-id']);
}

function selectionMatches(rule: SelectionRule, t: TableName): boolean {
  const locator = rule['object-locator'];
  if (rule['rule-action'] === 'explicit') {
    // Explicit rules name one table; wildcards are literal characters there.
    return locator['schema-name'] === t.schema && locator['table-name'] === t.table;
  }
  return (
    matchesPattern(locator['schema-name'], t.schema) &&
    matchesPattern(locator['table-name'], t.table)
  );
}

/**
 * The tables a task loads, in load order: those matched by an include or explicit rule and by
 * no exclude rule. Higher `load-order` loads first; ties keep schema/table name order.
 */
export function selectTables<T extends TableName>(
  rules: readonly MappingRule[],
  tables: readonly T[],
): T[] {
  const selections = rules.filter((r): r is SelectionRule => r['rule-type'] === 'selection');
  const chosen: { table: T; order: number }[] = [];
  for (const t of tables) {
    if (selections.some((r) => r['rule-action'] === 'exclude' && selectionMatches(r, t))) continue;
    const including = selections.filter(
      (r) => r['rule-action'] !== 'exclude' && selectionMatches(r, t),
    );
    if (including.length === 0) continue;
    const order = Math.max(...including.map((r) => Number(r['load-order'] ?? 0)));
    chosen.push({ table: t, order });
  }
  chosen.sort(
    (a, b) =>
      b.order - a.order ||
      a.table.schema.localeCompare(b.table.schema) ||
      a.table.table.localeCompare(b.table.table),
  );
  return chosen.map((c) => c.table);
}

function transformations(rules: readonly MappingRule[], target: TransformationRule['rule-target']) {
  return rules
    .filter(
      (r): r is TransformationRule =>
        r['rule-type'] === 'transformation' && r['rule-target'] === target,
    )
    .sort(ruleOrder);
}

/** Applies one naming action; null when the action does not rename (e.g. remove-column). */
export function applyNameAction(rule: TransformationRule, name: string): string {
  const value = rule.value ?? '';
  const old = rule['old-value'] ?? '';
  switch (rule['rule-action']) {
    case 'rename':
      return value || name;
    case 'convert-lowercase':
      return name.toLowerCase();
    case 'convert-uppercase':
      return name.toUpperCase();
    case 'add-prefix':
      return value + name;
    case 'remove-prefix':
      return value && name.startsWith(value) ? name.slice(value.length) : name;
    case 'replace-prefix':
      return old && name.startsWith(old) ? value + name.slice(old.length) : name;
    case 'add-suffix':
      return name + value;
    case 'remove-suffix':
      return value && name.endsWith(value) ? name.slice(0, -value.length) : name;
    case 'replace-suffix':
      return old && name.endsWith(old) ? name.slice(0, -old.length) + value : name;
    default:
      return name;
  }
}

function locatorMatches(
  rule: TransformationRule,
  schema: string,
  table?: string,
  column?: string,
): boolean {
  const l = rule['object-locator'];
  if (!matchesPattern(l['schema-name'], schema)) return false;
  if (table !== undefined && !matchesPattern(l['table-name'] ?? '%', table)) return false;
  if (column !== undefined && !matchesPattern(l['column-name'] ?? '%', column)) return false;
  return true;
}

/** The target schema name for a source schema, after schema transformation rules. */
export function targetSchemaName(rules: readonly MappingRule[], schema: string): string {
  let name = schema;
  for (const rule of transformations(rules, 'schema')) {
    if (locatorMatches(rule, schema)) name = applyNameAction(rule, name);
  }
  return name;
}

/** The target table name for a source table, after table transformation rules. */
export function targetTableName(rules: readonly MappingRule[], t: TableName): string {
  let name = t.table;
  for (const rule of transformations(rules, 'table')) {
    if (locatorMatches(rule, t.schema, t.table)) name = applyNameAction(rule, name);
  }
  return name;
}

export interface ColumnNaming {
  source: string;
  target: string;
}

/** Source columns (in order) with their target names; removed columns are left out. */
export function mapColumnNames(
  rules: readonly MappingRule[],
  t: TableName,
  columns: readonly string[],
): ColumnNaming[] {
  const columnRules = transformations(rules, 'column');
  const result: ColumnNaming[] = [];
  for (const column of columns) {
    let name = column;
    let removed = false;
    for (const rule of columnRules) {
      if (!locatorMatches(rule, t.schema, t.table, column)) continue;
      if (rule['rule-action'] === 'remove-column') removed = true;
      else name = applyNameAction(rule, name);
    }
    if (!removed) result.push({ source: column, target: name });
  }
  return result;
}
