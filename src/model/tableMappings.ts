// DMS table-mapping documents (docs/dms-api.md §4 table mappings): types, parsing and validation.
// Matching and transformation live beside it in tableMatching.ts.

export type RuleAction = 'include' | 'exclude' | 'explicit';

export interface SelectionRule {
  'rule-type': 'selection';
  'rule-id': string;
  'rule-name': string;
  'object-locator': { 'schema-name': string; 'table-name': string };
  'rule-action': RuleAction;
  filters?: unknown[];
  'load-order'?: number;
}

export type TransformationTarget = 'schema' | 'table' | 'column';

export type TransformationAction =
  | 'rename'
  | 'convert-lowercase'
  | 'convert-uppercase'
  | 'add-prefix'
  | 'remove-prefix'
  | 'replace-prefix'
  | 'add-suffix'
  | 'remove-suffix'
  | 'replace-suffix'
  | 'remove-column'
  | 'add-column'
  | 'change-data-type'
  | 'include-column'
  | 'define-primary-key';

export interface TransformationRule {
  'rule-type': 'transformation';
  'rule-id': string;
  'rule-name': string;
  'rule-target': TransformationTarget;
  'object-locator': { 'schema-name': string; 'table-name'?: string; 'column-name'?: string };
  'rule-action': TransformationAction;
  value?: string;
  'old-value'?: string;
}

export type MappingRule = SelectionRule | TransformationRule;

export interface TableMappings {
  rules: MappingRule[];
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** Parses and validates a TableMappings JSON string the way DMS does on CreateReplicationTask. */
export function parseTableMappings(json: string): ParseResult<TableMappings> {
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch {
    return { ok: false, error: 'Invalid Table Mappings document: not valid JSON' };
  }
  const rules = (doc as { rules?: unknown })?.rules;
  if (!Array.isArray(rules))
    return { ok: false, error: 'Invalid Table Mappings document: "rules" must be an array' };
  const ids = new Set<string>();
  const names = new Set<string>();
  let selections = 0;
  for (const [index, raw] of rules.entries()) {
    const rule = raw as Partial<MappingRule> & Record<string, unknown>;
    const where = `rule ${index + 1}`;
    if (rule['rule-type'] !== 'selection' && rule['rule-type'] !== 'transformation') {
      return {
        ok: false,
        error: `Invalid Table Mappings document: ${where} has unknown rule-type "${String(rule['rule-type'])}"`,
      };
    }
    const id = String(rule['rule-id'] ?? '');
    if (!/^\d+$/.test(id))
      return {
        ok: false,
        error: `Invalid Table Mappings document: ${where} rule-id must be a numeric string`,
      };
    if (ids.has(id))
      return { ok: false, error: `Invalid Table Mappings document: duplicate rule-id ${id}` };
    ids.add(id);
    const name = String(rule['rule-name'] ?? '');
    if (!name)
      return { ok: false, error: `Invalid Table Mappings document: ${where} needs a rule-name` };
    if (names.has(name))
      return { ok: false, error: `Invalid Table Mappings document: duplicate rule-name ${name}` };
    names.add(name);
    const locator = rule['object-locator'] as Record<string, unknown> | undefined;
    if (!locator || typeof locator['schema-name'] !== 'string') {
      return {
        ok: false,
        error: `Invalid Table Mappings document: ${where} needs object-locator.schema-name`,
      };
    }
    if (rule['rule-type'] === 'selection') {
      selections++;
      if (typeof locator['table-name'] !== 'string') {
        return {
          ok: false,
          error: `Invalid Table Mappings document: ${where} needs object-locator.table-name`,
        };
      }
      if (!['include', 'exclude', 'explicit'].includes(String(rule['rule-action']))) {
        return {
          ok: false,
          error: `Invalid Table Mappings document: ${where} rule-action must be include, exclude or explicit`,
        };
      }
    } else if (!['schema', 'table', 'column'].includes(String(rule['rule-target']))) {
      return {
        ok: false,
        error: `Invalid Table Mappings document: ${where} rule-target must be schema, table or column`,
      };
    }
  }
  if (selections === 0)
    return {
      ok: false,
      error: 'Invalid Table Mappings document: at least one selection rule is required',
    };
  return { ok: true, value: doc as TableMappings };
}
