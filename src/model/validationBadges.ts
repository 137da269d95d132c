// Which tasks the Data Migration View reads table statistics for, to show a validation badge
// beside their status ("Validated", "3 tables mismatched", "validating 2 tables"): only tasks
// on screen whose settings turn validation on (the list is read WithoutSettings, so those are
// learnt once per task with one DescribeReplicationTasks for all the new ones, and again after a
// modify), and of those only the ones whose figures can have moved (running or starting, a
// status changed, never read), at most a few per tick. Pure.
import type { Task } from './task.js';
import { readValidationSettings } from './validation.js';

/** Tasks whose table statistics are read per tick, at most. */
export const BADGE_STATS_PER_TICK = 5;
/** Tasks whose settings one DescribeReplicationTasks asks for, at most. */
export const BADGE_SETTINGS_PER_CALL = 20;

export interface BadgeEntry {
  badge?: string;
  /** The task's status when its statistics were read. */
  status: string;
}

export interface BadgePlan {
  /** Tasks whose settings are not known yet (or changed by a modify). */
  settings: string[];
  /** Tasks with validation on whose table statistics to read now. */
  stats: string[];
}

const MOVING = new Set(['running', 'starting', 'stopping', 'modifying']);

export function badgePlan(
  visible: readonly Pick<Task, 'arn' | 'status'>[],
  validation: ReadonlyMap<string, boolean>,
  badges: ReadonlyMap<string, BadgeEntry>,
): BadgePlan {
  const settings = visible
    .filter((t) => t.status !== 'modifying' && !validation.has(t.arn))
    .map((t) => t.arn)
    .slice(0, BADGE_SETTINGS_PER_CALL);
  const withValidation = visible.filter((t) => validation.get(t.arn) === true);
  const never = withValidation.filter((t) => !badges.has(t.arn));
  const changed = withValidation.filter((t) => {
    const seen = badges.get(t.arn);
    return seen && (seen.status !== t.status || MOVING.has(t.status));
  });
  return {
    settings,
    stats: [...never, ...changed].map((t) => t.arn).slice(0, BADGE_STATS_PER_TICK),
  };
}

/** Whether a task's settings (JSON) turn validation on (EnableValidation or ValidationOnly). */
export function validationEnabled(settings: string | undefined): boolean {
  try {
    const value = JSON.parse(settings ?? '{}') as unknown;
    return value && typeof value === 'object'
      ? readValidationSettings(value as Record<string, unknown>).enabled
      : false;
  } catch {
    return false;
  }
}
