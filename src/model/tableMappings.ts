// DMS table-mapping documents (docs/dms-api.md §4 table mappings): types, parsing and validation.
// Matching and transformation live beside it in tableMatching.ts.
import { MAX_PATTERN_LENGTH, patternLengthError } from './wildcard.js';

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

const INVALID = 'Invalid Table Mappings document';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Parses and validates a TableMappings JSON string the way DMS does on CreateReplicationTask. */
export function parseTableMappings(json: string): ParseResult<TableMappings> {
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch {
    return { ok: false, error: `${INVALID}: not valid JSON` };
  }
  const rules = isObject(doc) ? doc.rules : undefined;
  if (!Array.isArray(rules)) return { ok: false, error: `${INVALID}: "rules" must be an array` };
  const ids = new Set<string>();
  const names = new Set<string>();
  let selections = 0;
  for (const [index, raw] of rules.entries()) {
    const problem = ruleProblem(raw, `rule ${index + 1}`, ids, names);
    if (problem) return { ok: false, error: `${INVALID}: ${problem}` };
    if ((raw as MappingRule)['rule-type'] === 'selection') selections++;
  }
  if (selections === 0)
    return { ok: false, error: `${INVALID}: at least one selection rule is required` };
  return { ok: true, value: doc as unknown as TableMappings };
}

/** What is wrong with one rule (recording its id and name), or null. */
function ruleProblem(
  raw: unknown,
  where: string,
  ids: Set<string>,
  names: Set<string>,
): string | null {
  if (!isObject(raw))
    return `${where} must be an object, not ${raw === null ? 'null' : typeof raw}`;
  const type = raw['rule-type'];
  if (type !== 'selection' && type !== 'transformation')
    return `${where} has unknown rule-type "${shown(type)}"`;
  const rawId = raw['rule-id'];
  const id = typeof rawId === 'string' || typeof rawId === 'number' ? String(rawId) : '';
  if (!/^\d{1,18}$/.test(id)) return `${where} rule-id must be a numeric string`;
  if (ids.has(id)) return `duplicate rule-id ${id}`;
  ids.add(id);
  const rawName = raw['rule-name'];
  const name = typeof rawName === 'string' || typeof rawName === 'number' ? String(rawName) : '';
  if (!name) return `${where} needs a rule-name`;
  if (name.length > MAX_PATTERN_LENGTH)
    return `${where} rule-name is longer than ${MAX_PATTERN_LENGTH} characters`;
  if (names.has(name)) return `duplicate rule-name ${name}`;
  names.add(name);
  const locator = raw['object-locator'];
  if (!isObject(locator) || typeof locator['schema-name'] !== 'string')
    return `${where} needs object-locator.schema-name`;
  if (type === 'selection') {
    if (typeof locator['table-name'] !== 'string')
      return `${where} needs object-locator.table-name`;
    if (!['include', 'exclude', 'explicit'].includes(String(raw['rule-action'])))
      return `${where} rule-action must be include, exclude or explicit`;
    if (raw['load-order'] !== undefined && !Number.isFinite(Number(raw['load-order'])))
      return `${where} load-order must be a number`;
  } else {
    if (!['schema', 'table', 'column'].includes(String(raw['rule-target'])))
      return `${where} rule-target must be schema, table or column`;
    if (typeof raw['rule-action'] !== 'string') return `${where} needs a rule-action`;
    for (const key of ['table-name', 'column-name'])
      if (locator[key] !== undefined && typeof locator[key] !== 'string')
        return `${where} object-locator.${key} must be a string`;
    for (const key of ['value', 'old-value'])
      if (raw[key] !== undefined && raw[key] !== null && typeof raw[key] !== 'string')
        return `${where} ${key} must be a string`;
  }
  for (const key of ['schema-name', 'table-name', 'column-name']) {
    const pattern = locator[key];
    if (typeof pattern === 'string' && patternLengthError(pattern, key))
      return `${where} object-locator.${key} is longer than ${MAX_PATTERN_LENGTH} characters`;
  }
  return null;
}

/** A value for a message, kept short whatever was sent. */
function shown(value: unknown): string {
  const text = String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
