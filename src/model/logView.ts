// What the log pane shows and how its filters cycle: the lines that pass the filters, the next
// error below the cursor, the components seen so far, the status line and the name of a saved
// log file. Pure: the screen and its hook only wire these to keys.
import type { LogBuffer } from './logBuffer.js';
import { LogLineBuffer } from './logLineBuffer.js';
import { type LogLine, matchesLogFilter, type Severity } from './logLine.js';

/** `v` cycles through these: everything, then info and worse, warnings and worse, errors. */
export const SEVERITY_CYCLE: readonly (Severity | undefined)[] = [undefined, 'I', 'W', 'E'];

export function nextSeverity(current: Severity | undefined): Severity | undefined {
  return SEVERITY_CYCLE[(SEVERITY_CYCLE.indexOf(current) + 1) % SEVERITY_CYCLE.length];
}

/** `c` cycles through every component seen, then back to all of them (undefined). */
export function nextComponent(
  current: string | undefined,
  components: readonly string[],
): string | undefined {
  const all = [undefined, ...components];
  return all[(all.indexOf(current) + 1) % all.length];
}

export interface LogViewFilter {
  severity?: Severity;
  component?: string;
  /** The compiled `/` filter, absent when empty. */
  test?: (text: string) => boolean;
}

export function isFiltering(filter: LogViewFilter): boolean {
  return (
    filter.test !== undefined || filter.severity !== undefined || filter.component !== undefined
  );
}

/** Indices into the buffer of the lines that pass, or null when nothing filters (all pass). */
export function shownIndices(buffer: LogBuffer<LogLine>, filter: LogViewFilter): number[] | null {
  if (!isFiltering(filter)) return null;
  const out: number[] = [];
  const { severity, component, test } = filter;
  for (let i = 0; i < buffer.length; i++) {
    const line = buffer.at(i) as LogLine;
    if (matchesLogFilter(line, { severity, component }, test)) out.push(i);
  }
  return out;
}

/** The first error line after `from` among `count` shown lines, or -1. */
export function nextErrorIndex(
  from: number,
  count: number,
  lineAt: (index: number) => LogLine | undefined,
): number {
  for (let i = from + 1; i < count; i++) if (lineAt(i)?.severity === 'E') return i;
  return -1;
}

/** The components of the first lines (at most `max` of them), sorted: what `c` cycles. */
export function seenComponents(buffer: LogBuffer<LogLine>, max = 40): string[] {
  if (buffer instanceof LogLineBuffer) return buffer.seenComponents(max);
  const seen = new Set<string>();
  for (let i = 0; i < buffer.length && seen.size < max; i++) {
    const c = buffer.at(i)?.component;
    if (c) seen.add(c);
  }
  return [...seen].sort();
}

/** "orders-load-2026-11-24T16-08-30-123Z.log": a saved log's file name, safe on any system. */
export function logFileName(taskId: string, now: Date): string {
  return `${taskId || 'task'}-${now.toISOString().replace(/[:.]/g, '-')}.log`;
}

export interface LogStatus {
  shown: number;
  total: number;
  dropped: number;
  follow: boolean;
  severity?: Severity;
  component?: string;
  filterText: string;
  filtering: boolean;
  group: string;
  stream: string;
}

/** "19 lines · following · dms-tasks-sandbox / dms-task-…", with the filters in force. */
export function logStatusLine(s: LogStatus): string {
  return [
    `${s.shown}${s.filtering ? ` of ${s.total}` : ''} lines${s.dropped ? ` (${s.dropped} oldest dropped)` : ''}`,
    s.follow ? 'following' : 'paused',
    s.severity ? `severity ≤ ${s.severity}` : '',
    s.component ? `component ${s.component}` : '',
    s.filterText ? `filter ${s.filterText}` : '',
    `${s.group} / ${s.stream}`,
  ]
    .filter(Boolean)
    .join(' · ');
}
