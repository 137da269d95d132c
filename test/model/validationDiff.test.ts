// The side-by-side view of a validation failure (src/model/validationDiff.ts) and the failures
// list's words (src/model/validationFailures.ts): columns lined up through renames, key first;
// values compared as validation compares them; missing rows and columns; safe, cut text.
import { describe, expect, it } from 'vitest';
import {
  cellText,
  columnLabel,
  diffColumns,
  diffLines,
  diffSummary,
  lineTexts,
  wrapSections,
} from '../../src/model/validationDiff.js';
import {
  connectionMismatch,
  failureDetailsText,
  failuresSummary,
  keyLabel,
  parseFailureKey,
} from '../../src/model/validationFailures.js';
import type { Endpoint } from '../../src/model/endpoint.js';
import type { ConnectionSpec } from '../../src/model/connection.js';

const columns = diffColumns({
  family: 'postgres',
  sourceColumns: [
    { name: 'name', fullType: 'text' },
    { name: 'id', fullType: 'integer' },
    { name: 'price', fullType: 'numeric(10,2)' },
    { name: 'at', fullType: 'timestamp with time zone' },
    { name: 'code', fullType: 'character(5)' },
    { name: 'blob', fullType: 'bytea' },
  ],
  primaryKey: ['id'],
  naming: [
    { source: 'name', target: 'full_name' },
    { source: 'id', target: 'id' },
    { source: 'price', target: 'price' },
    { source: 'at', target: 'at' },
    { source: 'code', target: 'code' },
    { source: 'blob', target: 'blob' },
  ],
  // blob was left out on the target (no LOBs); extra is a column only the target has.
  targetColumns: ['id', 'full_name', 'price', 'at', 'code', 'extra'],
});

describe('diffColumns', () => {
  it('puts the key first, follows renames, and shows columns one side lacks', () => {
    expect(columns.map((c) => [c.source, c.target, c.key, c.kind])).toEqual([
      ['id', 'id', true, 'number'],
      ['name', 'full_name', false, 'exact'],
      ['price', 'price', false, 'number'],
      ['at', 'at', false, 'time'],
      ['code', 'code', false, 'char'],
      ['blob', null, false, 'exact'],
      [null, 'extra', false, 'exact'],
    ]);
    expect(columns.find((c) => c.source === 'at')?.tz).toBe(true);
    expect(columns.find((c) => c.source === 'blob')?.binary).toBe(true);
    expect(columns.map(columnLabel)).toEqual([
      'id',
      'name → full_name',
      'price',
      'at',
      'code',
      'blob',
      'extra',
    ]);
  });
});

describe('diffLines', () => {
  const source = ['7', 'item 7', '10.50', '2024-03-01 08:00:00.000000', 'ab', 'ff00', undefined];
  it('compares as validation does: scale, fraction digits and CHAR padding are no difference', () => {
    const target = ['7', 'item 7', '10.5', '2024-03-01 08:00:00', 'ab   ', undefined, 'x'];
    const lines = diffLines(columns, source, target);
    expect(lines.filter((l) => l.differs)).toEqual([]);
    expect(lines.map((l) => [cellText(l.source), cellText(l.target)])).toEqual([
      ['7', '7'],
      ['item 7', 'item 7'],
      ['10.50', '10.5'],
      ['2024-03-01 08:00:00.000000', '2024-03-01 08:00:00'],
      ['ab', 'ab   '],
      ['ff00', '(no column)'],
      ['(no column)', 'x'],
    ]);
    expect(diffSummary(lines)).toBe(
      'The rows are equal now: the failure is from the last validation (V re-validates)',
    );
  });

  it('marks the columns that differ, NULL included', () => {
    const target = ['7', null, '99.99', '2024-03-01 08:00:00', 'ab', undefined, 'x'];
    const lines = diffLines(columns, source, target);
    expect(lines.filter((l) => l.differs).map((l) => columnLabel(l.column))).toEqual([
      'name → full_name',
      'price',
    ]);
    expect(cellText(lines[1]?.target ?? { kind: 'unread' })).toBe('NULL');
    expect(diffSummary(lines)).toBe('2 of 7 columns differ (marked ≠)');
    expect(diffSummary(diffLines(columns.slice(0, 3), ['7', 'a', '1'], ['7', 'a', '2']))).toBe(
      '1 of 3 columns differs (marked ≠)',
    );
  });

  it('says which side lacks the row, and marks nothing then', () => {
    const missingTarget = diffLines(columns, source, null);
    expect(missingTarget.some((l) => l.differs)).toBe(false);
    expect(cellText(missingTarget[0]?.target ?? { kind: 'unread' })).toBe('missing');
    expect(diffSummary(missingTarget)).toBe('The row is missing in the target');
    expect(diffSummary(diffLines(columns, null, source))).toBe('The row is missing in the source');
    expect(diffSummary(diffLines(columns, null, null))).toMatch(/^Neither side has this row/);
  });

  it('shows where two long values differ when it is past what fits', () => {
    const text = columns.slice(1, 2);
    const long = 'long note text '.repeat(4);
    const [line] = diffLines(text, [`${long}a`], [`${long}b`]);
    if (!line) throw new Error('no line');
    expect(lineTexts(line, 12)).toEqual(['…ext a', '…ext b']);
    const [near] = diffLines(text, ['ab'], ['ac']);
    if (!near) throw new Error('no line');
    expect(lineTexts(near, 12)).toEqual(['ab', 'ac']);
  });

  it('draws values safely and cut; the whole value wraps with its line breaks', () => {
    const cell = { kind: 'value' as const, text: `a\u001b[31mb${'x'.repeat(50)}` };
    expect(cellText(cell, 10)).toBe('a\\x1b[31m…');
    expect(cellText(cell)).not.toContain('\u001b');
    const lines = wrapSections([{ title: 'note · source', text: `${'y'.repeat(25)}\nz` }], 10);
    expect(lines.map((l) => l.text)).toEqual([
      'note · source',
      'yyyyyyyyyy',
      'yyyyyyyyyy',
      'yyyyy',
      'z',
      '',
    ]);
  });
});

describe('failures list', () => {
  it('reads the KEY the validator writes, and words each failure', () => {
    expect(parseFailureKey('{"key":["k3","10"]}')).toEqual(['k3', '10']);
    expect(parseFailureKey('{"key":[7,null]}')).toEqual(['7', null]);
    expect(parseFailureKey('id=7')).toBeNull();
    expect(parseFailureKey('{"key":[]}')).toBeNull();
    expect(keyLabel({ key: ['k3', null], keyText: '' })).toBe('k3, NULL');
    expect(keyLabel({ key: null, keyText: 'id=7' })).toBe('id=7');
    expect(
      failureDetailsText({
        type: 'RECORD_DIFF',
        details:
          '[{"column":"price","source":"10.50","target":"99.99"},{"column":"n","source":null,"target":"1"}]',
      }),
    ).toBe('price: 10.50 → 99.99; n: NULL → 1');
    expect(failureDetailsText({ type: 'MISSING_TARGET', details: '' })).toBe(
      'row missing in the target',
    );
    expect(failureDetailsText({ type: 'RECORD_DIFF', details: 'free text' })).toBe('free text');
  });

  it('says how many there are, how many are shown, and where they were read', () => {
    const failure = { keyText: '', key: ['1'], type: 'RECORD_DIFF', time: new Date(), details: '' };
    const where = 'public.awsdms_validation_failures_v1';
    expect(failuresSummary({ where, total: 1, limit: 1000, failures: [failure] })).toBe(
      "1 failure (read from the target's public.awsdms_validation_failures_v1)",
    );
    expect(
      failuresSummary({ where, total: 4321, limit: 1000, failures: Array(1000).fill(failure) }),
    ).toBe(
      "4,321 failures · the first 1,000 shown (read from the target's public.awsdms_validation_failures_v1)",
    );
    expect(failuresSummary({ where, total: 0, limit: 1000, failures: [], noTable: true })).toMatch(
      /^No failures table on the target/,
    );
  });

  it("names a project connection that is not the task's endpoint", () => {
    const endpoint: Endpoint = {
      identifier: 'dst-pg',
      arn: 'arn:x',
      type: 'target',
      engineName: 'postgres',
      server: 'DB.example.com',
      port: 5432,
      database: 'app',
    };
    const spec: ConnectionSpec = {
      engine: 'postgres',
      host: 'db.example.com',
      port: 5432,
      database: 'app',
      user: 'u',
      sslMode: 'none',
    };
    expect(connectionMismatch('target', endpoint, spec)).toBeNull();
    expect(connectionMismatch('target', endpoint, { ...spec, port: 15432 })).toBe(
      "The project's target connection (db.example.com:15432/app) is not the task's target endpoint dst-pg (postgres DB.example.com:5432/app): what is read there may be another database",
    );
    expect(connectionMismatch('source', undefined, null)).toMatch(
      /^The project has no source connection/,
    );
  });
});
