// What a task really did, read once for every screen and command: the plain words, the tone,
// the percentage and the style of its progress bar, from the task, its ReplicationTaskStats and
// (when known) its table statistics. A load is complete only when every table is loaded: a
// table in error, cancelled, queued or still loading keeps the bar short and is named in the
// words ("Load finished · 1 table in error"), whatever FullLoadProgressPercent says; a failed
// task's bar shows how far it got. Semantics: docs/dms-api.md §2–3. Pure.
import type { Task } from './task.js';
import { type LagSample, lagText } from './taskMetrics.js';
import { isTaskStatus, LIFECYCLE, type Tone } from './taskLifecycle.js';
import { isStopReasonCode, STOP_REASON_READING, stopReasonCode } from './taskLifecycleFailures.js';

/** How the bar is drawn: full and green, moving, cut short, broken, or not at all. */
export type BarStyle = 'complete' | 'progress' | 'partial' | 'failed' | 'none';

export interface TaskReading {
  /** What the user reads after the status, e.g. "Load finished · 1 table in error". */
  words: string;
  tone: Tone;
  /** 0–100; 100 only when the full load really completed. */
  percent: number;
  barStyle: BarStyle;
}

/** The tables of a task by how far each got. */
export interface TableCounts {
  total: number;
  loaded: number;
  loading: number;
  queued: number;
  errored: number;
  /** Cancelled, or in a state that is none of the above ("Table does not exist"). */
  cancelled: number;
  /** FullLoadRows summed, when the table statistics are known. */
  rows?: number;
}

/** The part of a table statistic the reading needs (TableState and FullLoadRows). */
export interface TableLike {
  state: string;
  fullLoadRows: number;
}

export type ReadingInput = Pick<
  Task,
  'status' | 'stopReason' | 'lastFailureMessage' | 'migrationType'
> & {
  stats?:
    | (Pick<NonNullable<Task['stats']>, 'progressPercent'> &
        Partial<
          Pick<
            NonNullable<Task['stats']>,
            'tablesLoaded' | 'tablesLoading' | 'tablesQueued' | 'tablesErrored'
          >
        >)
    | undefined;
};

/** The first words of a LastFailureMessage, without DMS's "Last Error" prefix. */
export function failureSummary(message: string | undefined, words = 8): string {
  if (!message) return '';
  const text = message
    .replace(/^\s*Last Error\s+/i, '')
    .replace(/\s+/g, ' ')
    // The message comes from outside: no control or bidirectional character reaches a terminal.
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '�')
    .trim();
  const parts = text.split(' ');
  return parts.length > words ? `${parts.slice(0, words).join(' ')}…` : text;
}

/** Counts from DescribeTableStatistics rows (TableState values, docs/dms-api.md §2). */
export function tableCounts(tables: readonly TableLike[]): TableCounts {
  const c: TableCounts = { total: 0, loaded: 0, loading: 0, queued: 0, errored: 0, cancelled: 0 };
  let rows = 0;
  for (const t of tables) {
    c.total++;
    rows += Number.isFinite(t.fullLoadRows) ? t.fullLoadRows : 0;
    if (t.state === 'Table completed') c.loaded++;
    else if (t.state === 'Table error') c.errored++;
    else if (t.state === 'Full load' || t.state === 'Table is being reloaded') c.loading++;
    else if (t.state === 'Before load') c.queued++;
    else c.cancelled++;
  }
  c.rows = rows;
  return c;
}

/** Counts from ReplicationTaskStats alone (DMS has no counter for cancelled tables). */
function statsCounts(stats: NonNullable<ReadingInput['stats']>): TableCounts {
  const n = (v: number | undefined) => (Number.isFinite(v) ? Math.max(0, v as number) : 0);
  const c = {
    loaded: n(stats.tablesLoaded),
    loading: n(stats.tablesLoading),
    queued: n(stats.tablesQueued),
    errored: n(stats.tablesErrored),
    cancelled: 0,
  };
  return { ...c, total: c.loaded + c.loading + c.queued + c.errored };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const thousands = (n: number) => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** What kept the load from completing: "1 in error, 2 cancelled, 3 not loaded". */
function shortfall(c: TableCounts, noun = false): string[] {
  const parts: [number, string][] = [
    [c.errored, 'in error'],
    [c.cancelled, 'cancelled'],
    [c.loading + c.queued, 'not loaded'],
  ];
  return parts
    .filter(([n]) => n > 0)
    .map(([n, what], i) => (noun && i === 0 ? `${plural(n, 'table')} ${what}` : `${n} ${what}`));
}

const FINISHED_CODES = new Set(['FULL_LOAD_ONLY_FINISHED', 'STOPPED_AFTER_FULL_LOAD']);

/** From this lag (seconds) or this many changes waiting, a replicating task is catching up. */
export const CATCHING_UP_SECONDS = 30;
export const CATCHING_UP_CHANGES = 1000;

/** A running CDC phase in words, from the latest metrics when there are some: "Replicating ·
 *  lag 2 s", "Catching up · 12,400 changes behind"; without them, what the API says. */
function replicationWords(
  task: ReadingInput,
  lag: LagSample | undefined,
  loadDone: boolean,
): { words: string; tone: Tone } {
  const seconds = lag?.lagSeconds;
  const behind = lag?.behind;
  if (seconds === undefined)
    return {
      words:
        task.migrationType === 'full-load-and-cdc' && loadDone
          ? 'Load complete · replication ongoing'
          : 'Replicating changes',
      tone: 'good',
    };
  if (seconds >= CATCHING_UP_SECONDS || (behind ?? 0) >= CATCHING_UP_CHANGES)
    return {
      words:
        behind !== undefined && behind > 0
          ? `Catching up · ${thousands(behind)} ${behind === 1 ? 'change' : 'changes'} behind`
          : `Catching up · lag ${lagText(seconds)}`,
      tone: 'warn',
    };
  return { words: `Replicating · lag ${lagText(seconds)}`, tone: 'good' };
}

/**
 * The task in words. `lag` is its latest replication lag from CloudWatch (src/aws/metrics.ts),
 * when known: a running CDC task then says how far behind it is.
 */
export function readTask(
  task: ReadingInput,
  tables?: readonly TableLike[],
  lag?: LagSample,
): TaskReading {
  const status = task.status;
  const raw = Math.max(0, Math.min(100, Math.round(task.stats?.progressPercent ?? 0) || 0));
  const counts = tables ? tableCounts(tables) : task.stats ? statsCounts(task.stats) : undefined;
  const known = counts !== undefined && counts.total > 0;
  const loadDone = known ? counts.loaded === counts.total : raw >= 100;
  const share = known ? Math.floor((100 * counts.loaded) / counts.total) : 0;
  // DMS may count a table in error as processed: the bar never says more than was loaded.
  const percent = loadDone ? raw : Math.min(99, raw >= 100 ? share : raw);
  const rows = counts?.rows !== undefined && !loadDone ? ` · ${thousands(counts.rows)} rows` : '';
  const erroredTables = counts?.errored ?? 0;

  if (!isTaskStatus(status)) return { words: status, tone: 'warn', percent, barStyle: 'none' };
  const row = LIFECYCLE[status];

  if (status === 'running') {
    const inError = erroredTables ? ` · ${plural(erroredTables, 'table')} in error` : '';
    const tone: Tone = erroredTables ? 'warn' : 'good';
    // A cdc task loads nothing: it replicates from the start.
    if (task.migrationType === 'cdc' || (task.migrationType !== 'full-load' && raw >= 100)) {
      const cdc = replicationWords(task, lag, loadDone);
      return {
        words: `${cdc.words}${inError}`,
        tone: erroredTables ? 'warn' : cdc.tone,
        percent,
        barStyle: task.migrationType === 'cdc' ? 'none' : loadDone ? 'complete' : 'partial',
      };
    }
    return { words: `Loading ${percent}%${inError}`, tone, percent, barStyle: 'progress' };
  }

  if (status === 'failed') {
    const summary = failureSummary(task.lastFailureMessage);
    return {
      words: summary ? `Failed: ${summary}` : row.text,
      tone: 'bad',
      percent,
      barStyle: 'failed',
    };
  }

  if (status === 'stopped') {
    const code = stopReasonCode(task.stopReason);
    const base = !code
      ? { text: row.text, tone: row.tone }
      : isStopReasonCode(code)
        ? STOP_REASON_READING[code]
        : { text: `Stopped (${code.toLowerCase().replace(/_/g, ' ')})`, tone: row.tone };
    if (loadDone || !known)
      return {
        words: `${base.text}${loadDone ? '' : rows}`,
        tone: base.tone,
        percent,
        barStyle: loadDone && percent >= 100 ? 'complete' : raw > 0 ? 'partial' : 'none',
      };
    const tone: Tone = erroredTables ? 'bad' : base.tone === 'good' ? 'warn' : base.tone;
    const barStyle: BarStyle = erroredTables ? 'failed' : 'partial';
    if (code && FINISHED_CODES.has(code)) {
      return {
        words: `Load finished · ${shortfall(counts, true).join(', ')}${rows}`,
        tone,
        percent,
        barStyle,
      };
    }
    const loaded = `${counts.loaded} of ${plural(counts.total, 'table')} loaded`;
    return {
      words: `${base.text} · ${[loaded, ...shortfall(counts)].join(', ')}${rows}`,
      tone,
      percent,
      barStyle,
    };
  }

  return {
    words: row.text,
    tone: row.tone,
    percent,
    barStyle: status === 'ready' || raw === 0 ? 'none' : loadDone ? 'complete' : 'partial',
  };
}
