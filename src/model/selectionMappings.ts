// Table-mapping rules as the Create Task form edits them (a readable list of include/exclude
// rules with `%`/`_` patterns), built from the schema browser's selection, and turned into the
// TableMappings document DMS takes. Pure.
import type { BrowserSelection } from './project.js';
import type { SelectionRule, TableMappings } from './tableMappings.js';
import { patternLengthError } from './wildcard.js';

export interface MappingRow {
  action: 'include' | 'exclude';
  schema: string;
  table: string;
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

/** The TableMappings document: rule ids and names 1, 2, 3 … in list order. */
export function mappingsDocument(rows: readonly MappingRow[]): TableMappings {
  return {
    rules: rows.map(
      (row, i): SelectionRule => ({
        'rule-type': 'selection',
        'rule-id': String(i + 1),
        'rule-name': String(i + 1),
        'object-locator': { 'schema-name': row.schema, 'table-name': row.table },
        'rule-action': row.action,
      }),
    ),
  };
}

/** Rows back from a document (only selection rules with include/exclude are editable). */
export function rowsFromDocument(doc: TableMappings): MappingRow[] {
  return doc.rules.flatMap((rule) =>
    rule['rule-type'] === 'selection' && rule['rule-action'] !== 'explicit'
      ? [
          {
            action: rule['rule-action'] as 'include' | 'exclude',
            schema: rule['object-locator']['schema-name'],
            table: rule['object-locator']['table-name'],
          },
        ]
      : [],
  );
}

/** One readable line: "include sales.%" / "exclude public.audit_log". */
export function describeRow(row: MappingRow): string {
  return `${row.action} ${row.schema}.${row.table}`;
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
    const problem = patternError(row.schema, 'Schema') ?? patternError(row.table, 'Table');
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
