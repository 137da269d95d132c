// The DMS wildcard matcher under adversarial patterns (issue 10 item 6): answers agree with a
// reference matcher, and the work, counted in steps rather than timed, stays within
// (pattern tokens + 1) × (name length + 1) whatever the pattern.
import { describe, expect, it } from 'vitest';
import { mappingsError, patternError } from '../../src/model/selectionMappings.js';
import { parseTableMappings } from '../../src/model/tableMappings.js';
import { selectTables } from '../../src/model/tableMatching.js';
import {
  compileWildcard,
  MAX_PATTERN_LENGTH,
  type MatchCounter,
  matchCompiled,
  matchesWildcard,
} from '../../src/model/wildcard.js';

/** Reference: dynamic programming over (token, character), obviously correct and polynomial. */
function reference(pattern: string, name: string): boolean {
  const tokens = compileWildcard(pattern).tokens;
  const text = Array.from(name);
  let row = new Array<boolean>(text.length + 1).fill(false);
  row[0] = true;
  for (const token of tokens) {
    const next = new Array<boolean>(text.length + 1).fill(false);
    for (let j = 0; j <= text.length; j++) {
      if (token.kind === 'any') next[j] = row[j]! || (j > 0 && next[j - 1]!);
      else if (j > 0 && row[j - 1]) next[j] = token.kind === 'one' || token.ch === text[j - 1];
    }
    row = next;
  }
  return row[text.length]!;
}

function measured(
  pattern: string,
  name: string,
): { matched: boolean; steps: number; bound: number } {
  const compiled = compileWildcard(pattern);
  const counter: MatchCounter = { steps: 0 };
  const matched = matchCompiled(compiled, name, counter);
  const bound = (compiled.tokens.length + 1) * (Array.from(name).length + 1);
  return { matched, steps: counter.steps, bound };
}

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('wildcard matcher: agrees with the reference', () => {
  it('on 5,000 random short patterns and names over a tiny alphabet', () => {
    const next = random(10);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)] as T;
    for (let i = 0; i < 5000; i++) {
      const pattern = Array.from({ length: Math.floor(next() * 8) }, () =>
        pick(['a', 'b', '_', '%', '[_]', '%', '[']),
      ).join('');
      const name = Array.from({ length: Math.floor(next() * 9) }, () =>
        pick(['a', 'b', '_', '[']),
      ).join('');
      const { matched, steps, bound } = measured(pattern, name);
      expect({ pattern, name, matched }).toEqual({
        pattern,
        name,
        matched: reference(pattern, name),
      });
      expect(steps).toBeLessThanOrEqual(bound);
    }
  });

  it('treats a character outside the BMP as one character for _', () => {
    expect(matchesWildcard('t_', 't😀')).toBe(true);
    expect(matchesWildcard('t__', 't😀')).toBe(false);
  });
});

describe('wildcard matcher: adversarial patterns stay polynomial (steps, not time)', () => {
  const cases: [string, string, string][] = [
    ['%a ×11 + Z, 40 chars (the issue)', `${'%a'.repeat(11)}Z`, 'a'.repeat(40)],
    ['%a ×30 + Z, 200 chars', `${'%a'.repeat(30)}Z`, 'a'.repeat(200)],
    ['%a ×30, 200 chars', '%a'.repeat(30), 'a'.repeat(200)],
    ['%_ ×100 + Z, 200 chars', `${'%_'.repeat(100)}Z`, 'b'.repeat(200)],
    ['_ ×199, 200 chars', '_'.repeat(199), 'x'.repeat(200)],
    ['_ ×200, 200 chars', '_'.repeat(200), 'x'.repeat(200)],
    ['%[_] ×60 + x, 200 underscores', `${'%[_]'.repeat(60)}x`, '_'.repeat(200)],
    ['1,000 chars of %ab, 200 chars', '%ab'.repeat(333).slice(0, 1000), 'ab'.repeat(100)],
    ['1,000 chars of %a%b + Z, 1,000 chars', `${'%a%b'.repeat(249)}%Z`, 'ab'.repeat(500)],
    ['1,000 %, 200 chars', '%'.repeat(1000), 'q'.repeat(200)],
  ];
  it.each(cases)('%s', (_label, pattern, name) => {
    const { matched, steps, bound } = measured(pattern, name);
    expect(matched).toBe(reference(pattern, name));
    expect(steps).toBeLessThanOrEqual(bound);
  });

  it('one more %a costs a bounded amount of extra work, not four times as much', () => {
    const steps = (n: number) => measured(`${'%a'.repeat(n)}Z`, 'a'.repeat(40)).steps;
    for (let n = 11; n < 30; n++) {
      expect(steps(n + 1)).toBeLessThan(steps(n) + 2 * 41);
    }
    expect(steps(30)).toBeLessThan(61 * 41);
  });

  it('work grows at most linearly with the name for a fixed pattern', () => {
    const pattern = `${'%a'.repeat(30)}Z`;
    const at = (len: number) => measured(pattern, 'a'.repeat(len)).steps;
    expect(at(400)).toBeLessThanOrEqual(2 * at(200) + 62);
  });

  it('selectTables picks correctly with an adversarial rule over many tables', () => {
    const tables = Array.from({ length: 2000 }, (_, i) => ({
      schema: 's',
      table: `${'a'.repeat(40 + (i % 20))}${i % 7 === 0 ? 'Z' : ''}`,
    }));
    const rule = {
      'rule-type': 'selection' as const,
      'rule-id': '1',
      'rule-name': '1',
      'object-locator': { 'schema-name': 's', 'table-name': `${'%a'.repeat(30)}Z` },
      'rule-action': 'include' as const,
    };
    const picked = selectTables([rule], tables);
    expect(picked.length).toBe(tables.filter((t) => t.table.endsWith('Z')).length);
  });
});

describe('pattern length cap', () => {
  const long = 'a'.repeat(MAX_PATTERN_LENGTH + 1);
  it('the Create Task form refuses an over-long pattern with a clear line', () => {
    expect(patternError('a'.repeat(MAX_PATTERN_LENGTH), 'Table')).toBeNull();
    expect(patternError(long, 'Table')).toBe(
      'Table pattern is 256 characters long; the most DMS accepts is 255',
    );
    expect(mappingsError([{ action: 'include', schema: 'public', table: long }])).toMatch(
      /^Rule 1: Table pattern is 256 characters long/,
    );
    expect(patternError('x'.repeat(100_000), 'Schema')).toMatch(/100000 characters long/);
  });

  it('a TableMappings document with an over-long pattern is refused', () => {
    const doc = (locator: Record<string, string>) =>
      JSON.stringify({
        rules: [
          {
            'rule-type': 'selection',
            'rule-id': '1',
            'rule-name': '1',
            'object-locator': locator,
            'rule-action': 'include',
          },
        ],
      });
    expect(parseTableMappings(doc({ 'schema-name': 's', 'table-name': '%' })).ok).toBe(true);
    const refused = parseTableMappings(doc({ 'schema-name': 's', 'table-name': long }));
    expect(refused).toEqual({
      ok: false,
      error:
        'Invalid Table Mappings document: rule 1 object-locator.table-name is longer than 255 characters',
    });
    expect(parseTableMappings(doc({ 'schema-name': long, 'table-name': '%' })).ok).toBe(false);
  });
});

describe('TableMappings documents with items of the wrong kind', () => {
  const selection = {
    'rule-type': 'selection',
    'rule-id': '1',
    'rule-name': '1',
    'object-locator': { 'schema-name': 's', 'table-name': '%' },
    'rule-action': 'include',
  };
  it.each([
    ['{"rules":[null]}', 'rule 1 must be an object, not null'],
    ['{"rules":[5]}', 'rule 1 must be an object, not number'],
    ['{"rules":[[]]}', 'rule 1 must be an object, not object'],
    ['null', '"rules" must be an array'],
    ['{"rules":null}', '"rules" must be an array'],
    [JSON.stringify({ rules: [selection, null] }), 'rule 2 must be an object, not null'],
    [
      JSON.stringify({ rules: [{ ...selection, 'object-locator': null }] }),
      'rule 1 needs object-locator.schema-name',
    ],
    [
      JSON.stringify({ rules: [{ ...selection, 'rule-id': null }] }),
      'rule 1 rule-id must be a numeric string',
    ],
    [
      JSON.stringify({ rules: [{ ...selection, 'rule-name': { a: 1 } }] }),
      'rule 1 needs a rule-name',
    ],
    [
      JSON.stringify({
        rules: [
          selection,
          {
            'rule-type': 'transformation',
            'rule-id': '2',
            'rule-name': '2',
            'rule-target': 'table',
            'object-locator': { 'schema-name': 's', 'table-name': 7 },
            'rule-action': 'rename',
            value: 'x',
          },
        ],
      }),
      'rule 2 object-locator.table-name must be a string',
    ],
  ])('%s', (json, problem) => {
    expect(parseTableMappings(json)).toEqual({
      ok: false,
      error: `Invalid Table Mappings document: ${problem}`,
    });
  });
});
