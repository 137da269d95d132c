// `dms-tui check`: whether each task is fine for a monitoring script, by the same rules as the
// app's alerts (failed; running with lag over the limit) plus a stopped task the reading calls
// bad (stopped for an error, tables in error). Pure.
import { alertConditions } from './alerts.js';
import type { Task } from './task.js';
import type { LagSample } from './taskMetrics.js';
import { readTask } from './taskReading.js';

export interface TaskCheck {
  task: string;
  status: string;
  reading: string;
  lagSeconds?: number;
  ok: boolean;
  /** One line for the script's log when not ok: "sales-cdc lag 2 min 5 s (over 1 min)". */
  problem?: string;
}

export function checkTask(
  task: Task,
  lag: LagSample | undefined,
  maxLagSeconds: number,
): TaskCheck {
  const reading = readTask(task, undefined, lag);
  const lags = new Map(lag ? [[task.arn, lag]] : []);
  const alert = alertConditions([task], lags, maxLagSeconds)[0];
  const problem =
    alert?.message ??
    (reading.tone === 'bad' ? `${task.id} ${task.status}: ${reading.words}` : undefined);
  return {
    task: task.id,
    status: task.status,
    reading: reading.words,
    lagSeconds: lag?.lagSeconds,
    ok: problem === undefined,
    problem,
  };
}
