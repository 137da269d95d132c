import { describe, expect, it } from 'vitest';
import { LogBuffer } from '../../src/model/logBuffer.js';
import {
  logLineParts,
  matchesLogFilter,
  parseLogLine,
  parseSince,
} from '../../src/model/logLine.js';
import { sortRows } from '../../src/model/taskSort.js';

describe('DMS log lines', () => {
  it.each([
    [
      '2022-10-21T13:24:07 [SOURCE_UNLOAD   ]W:  Some text here  (file.c:1072)',
      { component: 'SOURCE_UNLOAD', severity: 'W', text: 'Some text here', source: 'file.c:1072' },
    ],
    [
      '2026-11-24T12:00:00 [TASK_MANAGER    ]I:  Task started  (replicationtask.c:1204)',
      { component: 'TASK_MANAGER', severity: 'I', text: 'Task started' },
    ],
    [
      '2022-10-21T13:24:07 [TARGET_LOAD     ]E:  Failed',
      { component: 'TARGET_LOAD', severity: 'E', text: 'Failed' },
    ],
    ['free text without a format', { text: 'free text without a format' }],
  ])('parses %s', (raw, expected) => {
    expect(logLineParts(raw)).toMatchObject(expected);
    const kept = parseLogLine(raw, 1);
    expect([kept.component, kept.severity, kept.raw]).toEqual([
      (expected as { component?: string }).component,
      (expected as { severity?: string }).severity,
      raw,
    ]);
  });

  it('filters by component, severity (and worse) and text', () => {
    const e = parseLogLine('2022-10-21T13:24:07 [IO              ]E:  disk', 0);
    const i = parseLogLine('2022-10-21T13:24:07 [IO              ]I:  fine', 0);
    expect(matchesLogFilter(e, { severity: 'W' })).toBe(true);
    expect(matchesLogFilter(i, { severity: 'W' })).toBe(false);
    expect(matchesLogFilter(i, { component: 'IO', text: 'FINE' })).toBe(true);
    expect(matchesLogFilter(i, { component: 'TARGET_LOAD' })).toBe(false);
  });

  it('reads --since durations', () => {
    expect(parseSince('10m')).toBe(600_000);
    expect(parseSince('2h')).toBe(7_200_000);
    expect(parseSince('soon')).toBeUndefined();
  });
});

describe('capped log buffer', () => {
  it('keeps the newest lines and counts the dropped ones', () => {
    const b = new LogBuffer<number>(3);
    b.pushAll([1, 2, 3, 4, 5]);
    expect(b.length).toBe(3);
    expect(b.slice()).toEqual([3, 4, 5]);
    expect(b.dropped).toBe(2);
    expect(b.at(0)).toBe(3);
    expect(b.at(3)).toBeUndefined();
    expect(b.findNext(0, (n) => n > 3)).toBe(1);
  });

  it('stays at capacity over many pushes', () => {
    const b = new LogBuffer<number>(1000);
    for (let i = 0; i < 10_000; i++) b.push(i);
    expect(b.length).toBe(1000);
    expect(b.at(999)).toBe(9999);
    expect(b.at(0)).toBe(9000);
  });
});

describe('sorting', () => {
  it('sorts numbers numerically, text naturally, stably, either way', () => {
    const rows = [
      { n: 10, s: 'task-10' },
      { n: 9, s: 'task-9' },
      { n: 10, s: 'task-a' },
    ];
    expect(
      sortRows(rows, { column: 'n', descending: false }, (r, c) => r[c as 'n']).map((r) => r.s),
    ).toEqual(['task-9', 'task-10', 'task-a']);
    expect(
      sortRows(rows, { column: 's', descending: true }, (r, c) => r[c as 's']).map((r) => r.s),
    ).toEqual(['task-a', 'task-10', 'task-9']);
  });
});
