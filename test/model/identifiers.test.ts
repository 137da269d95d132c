import { describe, expect, it } from 'vitest';
import { freeIdentifier, identifierError, toIdentifier } from '../../src/model/identifiers.js';

describe('DMS identifiers', () => {
  it.each(['a', 'orders-full-load', 'Task1', `a${'b'.repeat(254)}`])('accepts %s', (name) => {
    expect(identifierError(name, 'task')).toBeNull();
  });

  it.each([
    ['', /is required/],
    ['1task', /must start with a letter/],
    ['-task', /must start with a letter/],
    ['a--b', /two hyphens in a row/],
    ['a-', /must not end with a hyphen/],
    ['tâche', /only ASCII letters, digits and hyphens \(not "â"\)/],
    ['my_task', /not "_"/],
    ['has space', /not " "/],
    [`a${'b'.repeat(255)}`, /at most 255 characters \(it has 256\)/],
  ])('rejects %j', (name, message) => {
    expect(identifierError(name, 'task')).toMatch(message);
  });

  it('limits endpoints to 63 characters', () => {
    expect(identifierError(`e${'x'.repeat(63)}`, 'endpoint')).toMatch(/at most 63/);
  });

  it('suggests valid, free identifiers', () => {
    expect(toIdentifier('Sales.Order Items', 'task')).toBe('sales-order-items');
    expect(toIdentifier('123 ___', 'task')).toBe('dms');
    expect(toIdentifier('Ünïcode_Tåble', 'task')).toBe('unicode-table');
    expect(freeIdentifier('sales', ['sales', 'sales-2'], 'task')).toBe('sales-3');
    expect(
      identifierError(freeIdentifier('x'.repeat(255), ['x'.repeat(255)], 'task'), 'task'),
    ).toBeNull();
  });
});
