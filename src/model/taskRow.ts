// One task as a row of the Data Migration View: the cells, the tone (colour by health), the
// text the `/` filter searches, and the keys the columns sort by. Pure.
import { type Task, type TaskNames, endpointName, instanceName } from './task.js';
import { plainStatus, type Tone } from './taskStatus.js';
import { durationText, timestampText } from './time.js';

export type TaskColumn =
  | 'name'
  | 'status'
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
}

export const TASK_COLUMNS: ColumnSpec<TaskColumn>[] = [
  { id: 'name', title: 'NAME', width: 22 },
  { id: 'status', title: 'STATUS', width: 30 },
  { id: 'type', title: 'TYPE', width: 10 },
  { id: 'progress', title: 'PROGRESS', width: 16 },
  { id: 'tables', title: 'TABLES L/l/q/e', width: 14 },
  { id: 'elapsed', title: 'ELAPSED', width: 8, align: 'right' },
  { id: 'started', title: 'STARTED', width: 19 },
  { id: 'endpoints', title: 'SOURCE → TARGET', width: 30 },
  { id: 'instance', title: 'INSTANCE', width: 16 },
];

export interface TaskRow {
  key: string;
  task: Task;
  tone: Tone;
  /** Plain-language status ("Load complete"). */
  statusText: string;
  /** 0–100. */
  percent: number;
  cells: Record<TaskColumn, string>;
  /** What `/` searches: every cell plus the raw status. */
  search: string;
}

const SHORT_TYPE: Record<string, string> = {
  'full-load': 'full-load',
  cdc: 'cdc',
  'full-load-and-cdc': 'full+cdc',
};

export function taskToRow(task: Task, names: TaskNames): TaskRow {
  const reading = plainStatus(task);
  const stats = task.stats;
  const percent = Math.max(0, Math.min(100, Math.round(stats?.progressPercent ?? 0)));
  const started = task.startedAt ?? stats?.startDate;
  const cells: Record<TaskColumn, string> = {
    name: task.id,
    status: `${task.status} · ${reading.text}`,
    type: SHORT_TYPE[task.migrationType] ?? task.migrationType,
    progress: `${percent}%`,
    tables: stats
      ? `${stats.tablesLoaded}/${stats.tablesLoading}/${stats.tablesQueued}/${stats.tablesErrored}`
      : '—',
    elapsed: stats && stats.elapsedMs > 0 ? durationText(stats.elapsedMs) : '—',
    started: started ? timestampText(started) : '—',
    endpoints: `${endpointName(task.sourceEndpointArn, names)} → ${endpointName(task.targetEndpointArn, names)}`,
    instance: instanceName(task.instanceArn, names),
  };
  return {
    key: task.arn,
    task,
    tone: reading.tone,
    statusText: reading.text,
    percent,
    cells,
    search: `${Object.values(cells).join(' ')} ${task.arn}`,
  };
}

/** A value to sort a column by (numbers for numeric columns). */
export function taskSortKey(row: TaskRow, column: TaskColumn): string | number {
  const t = row.task;
  switch (column) {
    case 'progress':
      return row.percent;
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
