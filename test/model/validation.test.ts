// Value comparison as data validation does it across engines (src/model/validation.ts).
import { describe, expect, it } from 'vitest';
import {
  diffRows,
  keyText,
  normalizeValue,
  readValidationSettings,
  settledState,
} from '../../src/model/validation.js';

describe('normalizeValue', () => {
  it('compares numbers whatever their scale', () => {
    expect(normalizeValue('number', '10.50')).toBe(normalizeValue('number', '10.5'));
    expect(normalizeValue('number', '007')).toBe('7');
    expect(normalizeValue('number', '-0.00')).toBe('0');
    expect(normalizeValue('number', '-1.20')).toBe('-1.2');
    expect(normalizeValue('number', '1.25')).not.toBe(normalizeValue('number', '1.2'));
  });

  it('compares UTC timestamps whatever the fraction digits', () => {
    expect(normalizeValue('time', '2024-03-01 08:01:00.000000')).toBe('2024-03-01 08:01:00');
    expect(normalizeValue('time', '2024-03-01 08:01:00.5')).toBe(
      normalizeValue('time', '2024-03-01 08:01:00.500000'),
    );
  });

  it('ignores CHAR padding, JSON spacing and key order, and boolean spellings', () => {
    expect(normalizeValue('char', 'ab   ')).toBe('ab');
    expect(normalizeValue('exact', 'ab  ')).toBe('ab  ');
    expect(normalizeValue('json', '{"b": 1, "a": [1, 2]}')).toBe(
      normalizeValue('json', '{"a":[1,2],"b":1}'),
    );
    expect(normalizeValue('bool', 't')).toBe('1');
    expect(normalizeValue('bool', 'false')).toBe('0');
    expect(normalizeValue('float', '0.1')).toBe(normalizeValue('float', '0.100000001'));
    expect(normalizeValue('number', null)).toBeNull();
  });
});

describe('diffRows and keys', () => {
  const cols = [
    { name: 'id', kind: 'number' as const },
    { name: 'name', kind: 'exact' as const },
    { name: 'price', kind: 'number' as const },
  ];
  it('names the columns that differ, with both values', () => {
    expect(diffRows(cols, ['1', 'a', '1.50'], ['1', 'a', '1.5'])).toEqual([]);
    expect(diffRows(cols, ['1', 'a', '1.50'], ['1', null, '1.5'])).toEqual([
      { column: 'name', source: 'a', target: null },
    ]);
  });
  it('matches keys printed differently by the two engines', () => {
    expect(keyText(['number'], ['10.0'])).toBe(keyText(['number'], ['10']));
  });
});

describe('settings and states', () => {
  it('reads DMS defaults', () => {
    expect(readValidationSettings({})).toMatchObject({
      enabled: false,
      partitionSize: 10_000,
      threadCount: 5,
    });
    expect(
      readValidationSettings({ ValidationSettings: { ValidationOnly: true, ThreadCount: 2 } }),
    ).toMatchObject({ enabled: true, only: true, threadCount: 2 });
  });
  it('settles to Validated, Mismatched or Suspended', () => {
    expect(settledState(0, 0)).toBe('Validated');
    expect(settledState(2, 0)).toBe('Mismatched records');
    expect(settledState(0, 3)).toBe('Suspended records');
  });
});
