// The Data Migration View's words and rules that are not about one task: why an action key is
// off for the focused or marked tasks, the refresh intervals `+`/`-` step through, how a
// dialog names the tasks it acts on, and the header line. Pure.
import { planAction, type ActionKind } from './taskActions.js';
import type { Task } from './task.js';
import { refusal } from './taskStatus.js';

/** Why `action` cannot run: on the marked tasks when some are marked, else the focused one. */
export function actionRefusal(
  focused: Task | undefined,
  marked: readonly Task[],
  action: ActionKind,
): string | null {
  if (!focused) return 'No task here';
  if (marked.length > 0) {
    const plan = planAction(marked, action);
    return plan.run.length > 0 ? null : (plan.refused[0]?.reason ?? 'No marked task allows this');
  }
  return refusal(focused, action);
}

/** The polling intervals (seconds) `+` and `-` step through. */
export const REFRESH_INTERVALS: readonly number[] = [1, 2, 5, 10, 30, 60];

/** The next interval up (step 1) or down (step -1) from `current`, clamped to the list. */
export function nextRefreshInterval(current: number, step: 1 | -1): number {
  const all = REFRESH_INTERVALS;
  const i = all.findIndex((s) => s >= current);
  const from = i < 0 ? all.length - 1 : i;
  return all[Math.max(0, Math.min(all.length - 1, from + step))] ?? 5;
}

/** "a, b, c" or "a, b, c and 4 more": the tasks a dialog acts on. */
export function taskListText(tasks: readonly Pick<Task, 'id'>[]): string {
  const ids = tasks.map((t) => t.id);
  return ids.length <= 3
    ? ids.join(', ')
    : `${ids.slice(0, 3).join(', ')} and ${ids.length - 3} more`;
}

export interface MigrationHeader {
  shown: number;
  total: number;
  filtering: boolean;
  /** What the filter summary says ("filter bv on name, status"). */
  filterText: string;
  marked: number;
  /** Marks held (some may be filtered out of view). */
  anyMarks: boolean;
  sort: { column: string; descending: boolean };
  refreshSeconds: number;
  refreshing: boolean;
  error?: string;
  failures: number;
  nextDelayMs?: number;
}

/** "1 task · sort name↑ · every 5s", with marks, filter, refreshing and a failing poll. */
export function migrationHeader(h: MigrationHeader): string {
  return [
    `${h.shown}${h.filtering ? ` of ${h.total}` : ''} task${h.total === 1 ? '' : 's'}`,
    h.anyMarks ? `${h.marked} marked` : '',
    h.filtering ? h.filterText : '',
    `sort ${h.sort.column}${h.sort.descending ? '↓' : '↑'}`,
    `every ${h.refreshSeconds}s`,
    h.refreshing ? 'refreshing…' : '',
    h.error
      ? `⚠ ${h.error}${h.failures > 0 && h.nextDelayMs ? ` (retry in ${Math.round(h.nextDelayMs / 1000)}s)` : ''}`
      : '',
  ]
    .filter(Boolean)
    .join(' · ');
}
