// The `/` filter cannot freeze the app: regexes that could backtrack without bound fall back to
// text with a notice (table-driven over the constructs), a regex reads a bounded prefix of each
// row, and adversarial filters over long names finish (bounded by construction, not by timing).
import { describe, expect, it } from 'vitest';
import {
  applyFilter,
  compileFilter,
  FILTER_LIMIT,
  REGEX_TEXT_LIMIT,
} from '../../src/model/listFilter.js';
import { unsafeRegexReason } from '../../src/model/regexSafety.js';

const ADVERSARIAL: [string, string][] = [
  ['(a+)+$', 'nested repetition'],
  ['(a*)*b', 'nested repetition'],
  ['(.*)*x', 'nested repetition'],
  ['(\\w+\\s?)+$', 'nested repetition'],
  ['(?:a+){2,}', 'nested repetition'],
  ['(a{1,30}){1,30}$', 'nested repetition'],
  ['((ab)+c)+$', 'nested repetition'],
  ['(x+x+)+y', 'more than one open-ended repetition'],
  ['(a|aa)+$', 'repeated alternation'],
  ['(a|a)*$', 'repeated alternation'],
  ['(?<n>a|b)+', 'repeated alternation'],
  ['(a)\\1+', 'backreferences'],
  ['(?<n>a)\\k<n>', 'backreferences'],
  ['(?=a+)a', 'lookaround'],
  ['(?<!b)a', 'lookaround'],
  ['a*a*b', 'more than one open-ended repetition'],
  ['.*foo.*bar', 'more than one open-ended repetition'],
  ['a{1,100}a{1,100}b', 'more than one open-ended repetition'],
  ['a{1,3}b{1,3}c{1,3}d{1,3}e{1,3}', 'more than 4 repetitions'],
];

const SAFE = [
  '^sales_',
  'orders$',
  '^cust.*2024$',
  'foo.*bar',
  '\\d{2,4}-\\d{1,2}',
  '[a-z]+_[0-9]{4}',
  '(orders|payments)$',
  '(ab)?c+',
  '(a+)?b',
  '(abc){2}',
  '[(+*)]+x',
  '\\(a+\\)',
  'a\\d+',
  '(?:order)_items',
];

describe('unsafeRegexReason', () => {
  it.each(ADVERSARIAL)('refuses %s (%s)', (source, reason) => {
    expect(unsafeRegexReason(source)).toBe(reason);
  });
  it.each(SAFE)('lets %s through', (source) => {
    expect(unsafeRegexReason(source)).toBeNull();
  });
});

describe('the list filter', () => {
  const long = (n: number, tail = '!') => `${'a'.repeat(n)}${tail}`;
  const names = [...Array.from({ length: 200 }, (_, i) => long(10_000 + i)), 'orders', 'a(a+)+$b'];

  it.each(ADVERSARIAL)('%s over 200 names of 10,000 characters falls back to text', (source) => {
    for (const raw of [source, `/${source}/`, `!${source}`]) {
      const filter = compileFilter(raw);
      expect(filter.error).toMatch(/^Regex not used \(.+ can freeze the app\); matching as text$/);
      const kept = applyFilter(names, filter, (s) => s);
      const literal = names.filter((n) => n.toLowerCase().includes(source.toLowerCase()));
      expect(kept).toEqual(
        raw.startsWith('!') ? names.filter((n) => !literal.includes(n)) : literal,
      );
    }
  });

  it('runs a safe regex over at most the first REGEX_TEXT_LIMIT characters of a row', () => {
    const row = `${'x'.repeat(REGEX_TEXT_LIMIT)}needle`;
    expect(compileFilter('need.e').test(row)).toBe(false);
    expect(compileFilter('need.e').test(row.slice(REGEX_TEXT_LIMIT - 10))).toBe(true);
    // Substring matching is linear and reads the whole row.
    expect(compileFilter('needle').test(row)).toBe(true);
    // One open-ended repetition over long rows: bounded by the prefix.
    expect(applyFilter(names, compileFilter('a.*b$'), (s) => s)).toEqual(['a(a+)+$b']);
  });

  it('keeps at most FILTER_LIMIT characters of the filter itself', () => {
    const filter = compileFilter('a'.repeat(FILTER_LIMIT * 50));
    expect(filter.test('a'.repeat(FILTER_LIMIT))).toBe(true);
  });
});
