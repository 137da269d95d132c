// The log pane's pure parts: filters that cycle, the lines shown, next error, file name, status.
import { describe, expect, it } from 'vitest';
import { LogBuffer } from '../../src/model/logBuffer.js';
import type { LogLine } from '../../src/model/logLine.js';
import {
  isFiltering,
  logFileName,
  logStatusLine,
  nextComponent,
  nextErrorIndex,
  nextSeverity,
  seenComponents,
  shownIndices,
} from '../../src/model/logView.js';

const line = (raw: string, severity?: LogLine['severity'], component?: string): LogLine => ({
  timestamp: 0,
  raw,
  severity,
  component,
});

function buffer(): LogBuffer<LogLine> {
  const b = new LogBuffer<LogLine>(10);
  b.pushAll([
    line('unload customers', 'I', 'SOURCE_UNLOAD'),
    line('slow table', 'W', 'TARGET_LOAD'),
    line('load orders failed', 'E', 'TARGET_LOAD'),
    line('plain text'),
    line('all loaded', 'I', 'TASK_MANAGER'),
  ]);
  return b;
}

describe('the log pane', () => {
  it('cycles severity: all, I, W, E, all', () => {
    const seen: (string | undefined)[] = [];
    let s = nextSeverity(undefined);
    for (let i = 0; i < 4; i++, s = nextSeverity(s)) seen.push(s);
    expect(seen).toEqual(['I', 'W', 'E', undefined]);
  });

  it('cycles the components seen, then back to all', () => {
    const all = seenComponents(buffer());
    expect(all).toEqual(['SOURCE_UNLOAD', 'TARGET_LOAD', 'TASK_MANAGER']);
    expect(nextComponent(undefined, all)).toBe('SOURCE_UNLOAD');
    expect(nextComponent('TASK_MANAGER', all)).toBeUndefined();
    expect(seenComponents(buffer(), 1)).toEqual(['SOURCE_UNLOAD']);
  });

  it('shows every line when nothing filters, else the indices that pass', () => {
    const b = buffer();
    expect(isFiltering({})).toBe(false);
    expect(shownIndices(b, {})).toBeNull();
    expect(shownIndices(b, { severity: 'W' })).toEqual([1, 2]);
    expect(shownIndices(b, { component: 'TARGET_LOAD' })).toEqual([1, 2]);
    expect(shownIndices(b, { test: (t) => t.includes('load') })).toEqual([0, 2, 4]);
  });

  it('finds the next error below the cursor', () => {
    const b = buffer();
    const at = (i: number) => b.at(i);
    expect(nextErrorIndex(0, b.length, at)).toBe(2);
    expect(nextErrorIndex(2, b.length, at)).toBe(-1);
  });

  it('names a saved log after the task and the time', () => {
    const now = new Date('2026-11-24T16:08:30.123Z');
    expect(logFileName('orders', now)).toBe('orders-2026-11-24T16-08-30-123Z.log');
    expect(logFileName('', now)).toBe('task-2026-11-24T16-08-30-123Z.log');
  });

  it('says what is shown in one status line', () => {
    const base = {
      shown: 19,
      total: 19,
      dropped: 0,
      follow: true,
      filterText: '',
      filtering: false,
      group: 'dms-tasks-sandbox',
      stream: 'dms-task-X',
    };
    expect(logStatusLine(base)).toBe('19 lines · following · dms-tasks-sandbox / dms-task-X');
    expect(
      logStatusLine({
        ...base,
        shown: 2,
        total: 100,
        dropped: 5,
        follow: false,
        severity: 'W',
        component: 'TARGET_LOAD',
        filterText: 'orders',
        filtering: true,
      }),
    ).toBe(
      '2 of 100 lines (5 oldest dropped) · paused · severity ≤ W · component TARGET_LOAD · filter orders · dms-tasks-sandbox / dms-task-X',
    );
  });
});
