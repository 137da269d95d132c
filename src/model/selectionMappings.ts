// Table-mapping rules as the Create Task form edits them (a readable list of include/exclude
// rules with `%`/`_` patterns), built from the schema browser's selection, and turned into the
// TableMappings document DMS takes. Pure.
import type { BrowserSelection } from './project.js';
import type { MappingRule, TableMappings } from './tableMappings.js';
import { patternLengthError } from './wildcard.js';

export interface MappingRow {
  /** rename-schema: a transformation rule naming the target schema of `schema` (`to`). */
  action: 'include' | 'exclude' | 'rename-schema';
  schema: string;
  /** The table pattern ("%" for a rename-schema rule). */
  table: string;
  /** rename-schema: the schema's name on the target. */
  to?: string;
}

/** A whole schema becomes `schema.%`; each table its own rule. Duplicates are dropped. */
export function rowsFromSelection(selection: BrowserSelection | undefined): MappingRow[] {
  if (!selection) return [];
  const rows: MappingRow[] = [];
  const seen = new Set<string>();
  const add = (schema: string, table: string) => {
    const key = `${schema}\u0000${table}`;
    if (seen.has(key)) return;
    seen.add(key);
    rows.push({ action: 'include', schema, table });
  };
  for (const schema of selection.schemas) add(schema, '%');
  for (const { schema, table } of selection.tables) {
    if (selection.schemas.includes(schema)) continue; // already covered by schema.%
    add(schema, table);
  }
  return rows;
}

/** The TableMappings document: rule ids and names 1, 2, 3 … in list order; then `kept`, the
 *  rules the form does not edit (a modified task keeps them), numbered on. */
export function mappingsDocument(
  rows: readonly MappingRow[],
  kept: readonly MappingRule[] = [],
): TableMappings {
  const ruleOf = (row: MappingRow, i: number): MappingRule => {
    const id = { 'rule-id': String(i + 1), 'rule-name': String(i + 1) };
    if (row.action === 'rename-schema')
      return {
        'rule-type': 'transformation',
        ...id,
        'rule-target': 'schema',
        'object-locator': { 'schema-name': row.schema },
        'rule-action': 'rename',
        value: row.to ?? '',
      };
    return {
      'rule-type': 'selection',
      ...id,
      'object-locator': { 'schema-name': row.schema, 'table-name': row.table },
      'rule-action': row.action,
    };
  };
  const rules = rows.map(ruleOf);
  const more = kept.map((rule, i) => ({
    ...rule,
    'rule-id': String(rows.length + i + 1),
    'rule-name': String(rows.length + i + 1),
  }));
  return { rules: [...rules, ...more] };
}

const isRow = (rule: MappingRule): boolean =>
  rule['rule-type'] === 'selection'
    ? rule['rule-action'] !== 'explicit' &&
      !rule.filters?.length &&
      rule['load-order'] === undefined
    : rule['rule-target'] === 'schema' && rule['rule-action'] === 'rename';

/** Rows back from a document: include/exclude selection rules and schema renames are edited;
 *  every other rule is `kept` as it is. */
export function rowsFromDocument(doc: TableMappings): { rows: MappingRow[]; kept: MappingRule[] } {
  const rows: MappingRow[] = [];
  const kept: MappingRule[] = [];
  for (const rule of doc.rules) {
    if (!isRow(rule)) kept.push(rule);
    else if (rule['rule-type'] === 'selection')
      rows.push({
        action: rule['rule-action'] as 'include' | 'exclude',
        schema: rule['object-locator']['schema-name'],
        table: rule['object-locator']['table-name'],
      });
    else
      rows.push({
        action: 'rename-schema',
        schema: rule['object-locator']['schema-name'],
        table: '%',
        to: rule.value ?? '',
      });
  }
  return { rows, kept };
}

/** One readable line: "include sales.%" / "exclude public.audit_log" / "rename schema sales →
 *  sales_v2". */
export function describeRow(row: MappingRow): string {
  return row.action === 'rename-schema'
    ? `rename schema ${row.schema} → ${row.to ?? ''}`
    : `${row.action} ${row.schema}.${row.table}`;
}

/** Where the included schemas land on the target: "sales" (same name, as DMS does without a
 *  rename rule) or "sales as sales_v2". */
export function targetSchemasText(rows: readonly MappingRow[]): string {
  const schemas = [...new Set(rows.filter((r) => r.action === 'include').map((r) => r.schema))];
  return schemas
    .map((schema) => {
      const rename = rows.find((r) => r.action === 'rename-schema' && r.schema === schema);
      return rename?.to ? `${schema} as ${rename.to}` : schema;
    })
    .join(', ');
}

/** A problem with a rename-schema rule's new name, or null. */
export function schemaNameError(name: string | undefined): string | null {
  if (!name || name.trim() === '') return 'The new schema name is required';
  if (name.length > 128) return 'A schema name is at most 128 characters';
  if (!/^[A-Za-z0-9_$#@-]+$/.test(name))
    return 'A schema name may use letters, digits and _ $ # @ - (no wildcards)';
  return null;
}

const PATTERN = /^[A-Za-z0-9_$%#@[\]. -]+$/;

/** A problem with one pattern, or null. `%` any run, `_` one character, `[_]` a literal `_`. */
export function patternError(pattern: string, what: 'Schema' | 'Table'): string | null {
  if (pattern.trim() === '') return `${what} pattern is required (use % for any)`;
  const tooLong = patternLengthError(pattern, what);
  if (tooLong) return tooLong;
  if (pattern !== pattern.trim()) return `${what} pattern must not start or end with a space`;
  if (!PATTERN.test(pattern))
    return `${what} pattern may use letters, digits, _ $ # @ . - space, % and _ wildcards`;
  return null;
}

/** The first problem with the rule list, or null. */
export function mappingsError(rows: readonly MappingRow[]): string | null {
  if (rows.length === 0) return 'Add at least one rule (a for add): no table would be migrated';
  for (const [i, row] of rows.entries()) {
    const problem =
      patternError(row.schema, 'Schema') ??
      (row.action === 'rename-schema' ? schemaNameError(row.to) : patternError(row.table, 'Table'));
    if (problem) return `Rule ${i + 1}: ${problem}`;
  }
  if (!rows.some((r) => r.action === 'include'))
    return 'At least one rule must include tables: only exclude rules select nothing';
  return null;
}

/** A short description of the selection for the task name: "sales", "public-orders", … */
export function selectionStem(rows: readonly MappingRow[]): string {
  const included = rows.filter((r) => r.action === 'include');
  const first = included[0];
  if (!first) return 'migration';
  const schemas = new Set(included.map((r) => r.schema));
  if (included.length === 1)
    return first.table === '%' ? first.schema : `${first.schema}-${first.table}`;
  if (schemas.size === 1) return `${first.schema}-${included.length}-tables`;
  return `${first.schema}-and-${schemas.size - 1}-more`;
}

/** The schema and table patterns of the include rules (what a task would select). */
export function includedPatterns(rows: readonly MappingRow[]): { schema: string; table: string }[] {
  return rows
    .filter((r) => r.action === 'include')
    .map((r) => ({ schema: r.schema, table: r.table }));
}
