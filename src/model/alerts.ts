// Alerts: a task that failed, or whose replication lag passed the threshold (a preference,
// default 60 s). Each poll's tasks and lags are compared with the alerts already raised, so an
// alert is raised once when its condition starts (with the time), and cleared when the
// condition ends; the new ones ring the terminal bell. Pure.
import type { Task } from './task.js';
import { failureSummary } from './taskReading.js';
import { type LagSample, lagText } from './taskMetrics.js';

export const DEFAULT_LAG_ALERT_SECONDS = 60;

export type AlertKind = 'failed' | 'lagging';

export interface Alert {
  /** `<kind>:<task ARN>`: one alert per task and kind at a time. */
  key: string;
  kind: AlertKind;
  taskArn: string;
  taskId: string;
  /** One line: "sales-cdc failed: Lost connection…", "sales-cdc lag 2 min 5 s (over 60 s)". */
  message: string;
  /** When it was raised (epoch ms). */
  at: number;
}

export interface AlertState {
  /** Alerts whose condition still holds, oldest first. */
  active: Alert[];
  /** Every alert raised (newest first), bounded. */
  history: Alert[];
}

export const NO_ALERTS: AlertState = { active: [], history: [] };
export const ALERT_HISTORY_MAX = 200;

/** The alerts the tasks deserve now (without times). */
export function alertConditions(
  tasks: readonly Pick<Task, 'arn' | 'id' | 'status' | 'lastFailureMessage'>[],
  lags: ReadonlyMap<string, LagSample>,
  thresholdSeconds: number,
): Omit<Alert, 'at'>[] {
  const out: Omit<Alert, 'at'>[] = [];
  for (const t of tasks) {
    if (t.status === 'failed') {
      const why = failureSummary(t.lastFailureMessage, 12);
      out.push({
        key: `failed:${t.arn}`,
        kind: 'failed',
        taskArn: t.arn,
        taskId: t.id,
        message: `${t.id} failed${why ? `: ${why}` : ''}`,
      });
      continue;
    }
    const lag = lags.get(t.arn)?.lagSeconds;
    if (t.status === 'running' && lag !== undefined && lag > thresholdSeconds)
      out.push({
        key: `lagging:${t.arn}`,
        kind: 'lagging',
        taskArn: t.arn,
        taskId: t.id,
        message: `${t.id} lag ${lagText(lag)} (over ${lagText(thresholdSeconds)})`,
      });
  }
  return out;
}

/** The next state after a poll, and the alerts raised by it (to ring the bell for). */
export function updateAlerts(
  state: AlertState,
  conditions: readonly Omit<Alert, 'at'>[],
  now: number,
): { state: AlertState; raised: Alert[] } {
  const before = new Map(state.active.map((a) => [a.key, a]));
  const raised: Alert[] = [];
  const active = conditions.map((c) => {
    const old = before.get(c.key);
    if (old) return { ...old, message: c.message };
    const alert = { ...c, at: now };
    raised.push(alert);
    return alert;
  });
  if (raised.length === 0 && active.length === state.active.length) {
    const same = active.every((a, i) => a.message === state.active[i]?.message);
    if (same) return { state, raised };
  }
  const history = [...[...raised].reverse(), ...state.history].slice(0, ALERT_HISTORY_MAX);
  return { state: { active, history }, raised };
}

/** The status bar's line for the active alerts: "⚠ sales-cdc lag 2 min (over 60 s)" or
 *  "⚠ 3 alerts: sales-cdc failed, … (:alerts)". */
export function alertSummary(active: readonly Alert[]): string | undefined {
  if (active.length === 0) return undefined;
  const newest = active.reduce((a, b) => (b.at >= a.at ? b : a));
  if (active.length === 1) return `⚠ ${newest.message}`;
  return `⚠ ${active.length} alerts: ${newest.message} (:alerts)`;
}
