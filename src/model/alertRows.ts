// The :alerts screen's rows: every alert raised this run, newest first, with its time and
// whether its condition still holds. Pure.
import type { Alert, AlertState } from './alerts.js';
import type { ColumnSpec } from './taskRow.js';
import { timestampText } from './time.js';

export type AlertColumn = 'time' | 'state' | 'message';

export const ALERT_COLUMNS: ColumnSpec<AlertColumn>[] = [
  { id: 'time', title: 'RAISED', width: 19 },
  { id: 'state', title: 'NOW', width: 7 },
  { id: 'message', title: 'ALERT', width: 50 },
];

export interface AlertRow {
  key: string;
  alert: Alert;
  active: boolean;
  cells: Record<AlertColumn, string>;
}

export function alertRows(state: AlertState): AlertRow[] {
  const active = new Set(state.active.map((a) => `${a.key}@${a.at}`));
  return state.history.map((alert) => {
    const isActive = active.has(`${alert.key}@${alert.at}`);
    return {
      key: `${alert.key}@${alert.at}`,
      alert,
      active: isActive,
      cells: {
        time: timestampText(new Date(alert.at)),
        state: isActive ? 'active' : 'cleared',
        message: alert.message,
      },
    };
  });
}
