// One task as a row of the Data Migration View: the cells, the tone (colour by health), the
// text the `/` filter searches, and the keys the columns sort by. Pure.
import { type Task, type TaskNames, endpointName, instanceName } from './task.js';
import { isCdcTask, type LagSample, lagCell } from './taskMetrics.js';
import { type BarStyle, readTask } from './taskReading.js';
import type { Tone } from './taskStatus.js';
import { durationText, timestampText } from './time.js';

export type TaskColumn =
  | 'name'
  | 'via'
  | 'status'
  | 'lag'
  | 'type'
  | 'progress'
  | 'tables'
  | 'elapsed'
  | 'started'
  | 'endpoints'
  | 'instance';

export interface ColumnSpec<C extends string = string> {
  id: C;
  title: string;
  width: number;
  align?: 'left' | 'right';
  /** Lower stays longer when the terminal is narrow (default 0). */
  priority?: number;
  /** Takes the room left over once the columns fit, up to this width. */
  growTo?: number;
}

/** The columns that fit in `width` (with one space between), dropping the least important. */
export function fitColumns<C extends string>(
  columns: readonly ColumnSpec<C>[],
  width: number,
): ColumnSpec<C>[] {
  const kept = [...columns];
  const total = () => kept.reduce((n, c) => n + c.width + 1, 0);
  while (kept.length > 1 && total() > width) {
    let drop = 0;
    for (let i = 0; i < kept.length; i++)
      if ((kept[i]?.priority ?? 0) >= (kept[drop]?.priority ?? 0)) drop = i;
    kept.splice(drop, 1);
  }
  const room = width - total();
  const grow = kept.findIndex((c) => c.growTo !== undefined);
  const column = kept[grow];
  if (room > 0 && column?.growTo !== undefined)
    kept[grow] = { ...column, width: Math.min(column.growTo, column.width + room) };
  return kept;
}

/** Pads or cuts text to exactly `width` characters (cut text ends in …). */
export function fitText(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  if (width <= 0) return '';
  if (text.length > width) return `${text.slice(0, Math.max(0, width - 1))}…`;
  return align === 'right' ? text.padStart(width) : text.padEnd(width);
}

export const TASK_COLUMNS: ColumnSpec<TaskColumn>[] = [
  { id: 'name', title: 'NAME', width: 22, priority: 0 },
  { id: 'via', title: 'VIA', width: 5, priority: 0 },
  { id: 'status', title: 'STATUS', width: 32, priority: 0, growTo: 48 },
  { id: 'lag', title: 'LAG', width: 6, align: 'right', priority: 1 },
  { id: 'type', title: 'TYPE', width: 9, priority: 3 },
  { id: 'progress', title: 'PROGRESS', width: 15, priority: 1 },
  { id: 'tables', title: 'TABLES LOADED', width: 13, priority: 2 },
  { id: 'elapsed', title: 'ELAPSED', width: 8, align: 'right', priority: 4 },
  { id: 'started', title: 'STARTED', width: 19, priority: 6 },
  { id: 'endpoints', title: 'SOURCE → TARGET', width: 28, priority: 5 },
  { id: 'instance', title: 'INSTANCE', width: 14, priority: 7 },
];

/** The list's columns: LAG only while some task captures changes, VIA only while some task is
 *  an agent task's DMS subtask (they say nothing otherwise, and a narrow terminal keeps its room
 *  for the others). */
export function taskColumns(
  tasks: readonly { migrationType: string }[],
  options: { agentTasks?: boolean } = {},
): ColumnSpec<TaskColumn>[] {
  const cdc = tasks.some(isCdcTask);
  return TASK_COLUMNS.filter(
    (c) => (c.id !== 'lag' || cdc) && (c.id !== 'via' || options.agentTasks),
  );
}

export interface TaskRow {
  key: string;
  task: Task;
  tone: Tone;
  /** Plain-language status ("Load complete"). */
  statusText: string;
  /** 0–100: 100 only when the load really completed. */
  percent: number;
  barStyle: BarStyle;
  cells: Record<TaskColumn, string>;
  /** The latest replication lag shown (seconds), when known. */
  lagSeconds?: number;
  /** The agent task this DMS task loads for (its DMS subtask), when it is one. */
  agentTask?: string;
  /** What `/` searches: every cell plus the raw status. */
  search: string;
}

const SHORT_TYPE: Record<string, string> = {
  'full-load': 'full-load',
  cdc: 'cdc',
  'full-load-and-cdc': 'full+cdc',
};

/** What a validation badge that needs attention reads like (model/validationReport.ts). */
const BADGE_TROUBLE = /mismatched|error|suspended/;

/** What the list knows of a task besides DMS's description of it. */
export interface TaskRowExtras {
  /** The latest replication lag from CloudWatch. */
  lag?: LagSample;
  /** What its table statistics say about data validation ("Validated", "3 tables
   *  mismatched"), shown right after the status so it stays on screen at 80 columns. */
  badge?: string;
  /** The replication agent's task this one is the DMS subtask of. */
  agentTask?: string;
}

export function taskToRow(
  task: Task,
  names: TaskNames,
  { lag, badge, agentTask }: TaskRowExtras = {},
): TaskRow {
  const reading = readTask(task, undefined, lag);
  const tone =
    badge && BADGE_TROUBLE.test(badge) && (reading.tone === 'good' || reading.tone === 'idle')
      ? 'warn'
      : reading.tone;
  const stats = task.stats;
  const percent = reading.percent;
  const started = task.startedAt ?? stats?.startDate;
  const cells: Record<TaskColumn, string> = {
    name: task.id,
    via: agentTask ? 'agent' : '',
    status: `${task.status} · ${badge ? `${badge} · ` : ''}${reading.words}`,
    lag: task.status === 'running' && isCdcTask(task) ? lagCell(lag?.lagSeconds) : '—',
    type: SHORT_TYPE[task.migrationType] ?? task.migrationType,
    progress: `${percent}%`,
    tables: stats ? tablesLoadedText(stats) : '—',
    elapsed: stats && stats.elapsedMs > 0 ? durationText(stats.elapsedMs) : '—',
    started: started ? timestampText(started) : '—',
    endpoints: `${endpointName(task.sourceEndpointArn, names)} → ${endpointName(task.targetEndpointArn, names)}`,
    instance: instanceName(task.instanceArn, names),
  };
  return {
    key: task.arn,
    task,
    lagSeconds: cells.lag === '—' ? undefined : lag?.lagSeconds,
    agentTask,
    tone,
    statusText: reading.words,
    percent,
    barStyle: reading.barStyle,
    cells,
    search: `${Object.values(cells).join(' ')} ${task.arn}`,
  };
}

/**
 * "3 of 5", with "· 1 failed" when tables errored: the loaded tables out of all the task
 * holds (loaded, loading, queued, errored), as a DBA reads it at a glance.
 */
export function tablesLoadedText(stats: {
  tablesLoaded: number;
  tablesLoading: number;
  tablesQueued: number;
  tablesErrored: number;
}): string {
  const total = stats.tablesLoaded + stats.tablesLoading + stats.tablesQueued + stats.tablesErrored;
  if (total === 0) return '—';
  const failed = stats.tablesErrored > 0 ? ` · ${stats.tablesErrored} failed` : '';
  return `${stats.tablesLoaded} of ${total}${failed}`;
}

/** A value to sort a column by (numbers for numeric columns). */
export function taskSortKey(row: TaskRow, column: TaskColumn): string | number {
  const t = row.task;
  switch (column) {
    case 'progress':
      return row.percent;
    case 'lag':
      return row.lagSeconds ?? -1;
    case 'tables':
      return (t.stats?.tablesErrored ?? 0) * 1e9 + (t.stats?.tablesLoaded ?? 0);
    case 'elapsed':
      return t.stats?.elapsedMs ?? 0;
    case 'started':
      return (t.startedAt ?? t.stats?.startDate)?.getTime() ?? 0;
    case 'status':
      return `${t.status} ${row.statusText}`;
    default:
      return row.cells[column].toLowerCase();
  }
}
