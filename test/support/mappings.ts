// Table mappings for tests: the JSON of one selection rule, as DMS takes it.

/** TableMappings with one selection rule (named `ruleName`) that includes `table` (a pattern:
 *  % is every table) of `schema` (a pattern too). */
export function includeTables(schema: string, table = '%', ruleName = '1'): string {
  return JSON.stringify({
    rules: [
      {
        'rule-type': 'selection',
        'rule-id': '1',
        'rule-name': ruleName,
        'object-locator': { 'schema-name': schema, 'table-name': table },
        'rule-action': 'include',
      },
    ],
  });
}
