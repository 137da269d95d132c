// Bulk task actions: which of the chosen tasks an action may run on (by the lifecycle in
// taskLifecycle.ts), the start type each one gets, and the per-task results as lines. Pure.
import type { Task } from './task.js';
import type { StartType } from './taskLifecycle.js';
import { refusal, startChoices, startTypeOf, type TaskAction } from './taskStatus.js';

export type ActionKind = 'start' | 'resume' | 'reload' | 'stop' | 'delete';

export interface ActionPlan {
  run: Task[];
  refused: { task: Task; reason: string }[];
}

const CHECK: Record<ActionKind, TaskAction> = {
  start: 'start',
  resume: 'resume',
  reload: 'reload',
  stop: 'stop',
  delete: 'delete',
};

export function planAction(tasks: readonly Task[], action: ActionKind): ActionPlan {
  const plan: ActionPlan = { run: [], refused: [] };
  for (const task of tasks) {
    const reason = refusal(task, CHECK[action]);
    if (reason) plan.refused.push({ task, reason });
    else plan.run.push(task);
  }
  return plan;
}

/** The start type `s` sends for one task when the user picked `choice` for those that offer two. */
export function startTypeFor(task: Task, choice: StartType | undefined): StartType {
  return startTypeOf('start', task, choice);
}

/** True when some task needs the user to choose between resume and reload. */
export function needsStartChoice(tasks: readonly Task[]): boolean {
  return tasks.some((t) => startChoices(t).length > 1);
}

export interface ActionResult {
  id: string;
  ok: boolean;
  /** New status on success, DMS's message (one line) on failure. */
  detail: string;
}

export function resultLines(results: readonly ActionResult[]): string[] {
  return results.map((r) => `${r.ok ? '✓' : '✗'} ${r.id}: ${r.detail}`);
}

export function resultSummary(verb: string, results: readonly ActionResult[]): string {
  const ok = results.filter((r) => r.ok).length;
  const failed = results.length - ok;
  if (results.length === 1) {
    const r = results[0] as ActionResult;
    return r.ok ? `${verb} ${r.id}: ${r.detail}` : `${verb} ${r.id} refused: ${r.detail}`;
  }
  return `${verb}: ${ok} ok${failed ? `, ${failed} refused or failed` : ''}`;
}

export const VERB: Record<ActionKind, string> = {
  start: 'Start',
  resume: 'Resume',
  reload: 'Reload',
  stop: 'Stop',
  delete: 'Delete',
};
