// Validation badges for the Data Migration View (model/validationBadges.ts decides which calls
// to make): on the list's refresh interval or slower, one DescribeReplicationTasks with settings
// for tasks not seen yet, and DescribeTableStatistics for the few tasks on screen with validation
// on whose figures can have moved; each call with its own timeout. Tasks without validation cost
// nothing after their settings were read once.
import { useCallback, useRef } from 'react';
import { useServices } from '../ui/services.js';
import { listTableStats } from '../aws/tableStats.js';
import { listTasks } from '../aws/tasks.js';
import type { Task } from '../model/task.js';
import { type BadgeEntry, badgePlan, validationEnabled } from '../model/validationBadges.js';
import { validationBadge } from '../model/validationReport.js';
import { usePolling } from './usePolling.js';

/** A call for badges gives up after this long (the next tick tries again). */
const CALL_TIMEOUT_MS = 10_000;
/** Badges refresh no faster than this, whatever the list's pace. */
const MIN_INTERVAL_MS = 5_000;
/** Before the first answer: one map, so the list's rows are not rebuilt on every render. */
const NO_BADGES: ReadonlyMap<string, string> = new Map();

export interface ValidationBadges {
  /** The badge of each task that has one. */
  badges: ReadonlyMap<string, string>;
  /** The tasks on screen now (read on the next tick). */
  watch(tasks: readonly Task[]): void;
  /** Calls made so far (settings and table statistics), for tests and the bench. */
  calls: number;
}

export function useValidationBadges(options: { active?: boolean } = {}): ValidationBadges {
  const services = useServices();
  const { clients } = services;
  const visible = useRef<readonly Task[]>([]);
  const known = useRef({
    validation: new Map<string, boolean>(),
    entries: new Map<string, BadgeEntry>(),
    calls: 0,
  });
  const fetch = useCallback(
    async (signal: AbortSignal) => {
      const state = known.current;
      const tasks = visible.current;
      for (const t of tasks) if (t.status === 'modifying') state.validation.delete(t.arn);
      const bounded = () => AbortSignal.any([signal, AbortSignal.timeout(CALL_TIMEOUT_MS)]);
      const plan = badgePlan(tasks, state.validation, state.entries);
      if (plan.settings.length > 0) {
        const { tasks: read, calls } = await listTasks(clients, {
          withSettings: true,
          filters: [{ Name: 'replication-task-arn', Values: plan.settings }],
          signal: bounded(),
        });
        state.calls += calls;
        // A task DMS no longer lists (deleted meanwhile) is not asked about again.
        for (const arn of plan.settings) state.validation.set(arn, false);
        for (const t of read) state.validation.set(t.arn, validationEnabled(t.settings));
      }
      const stats = badgePlan(tasks, state.validation, state.entries).stats;
      await Promise.all(
        stats.map(async (arn) => {
          const status = tasks.find((t) => t.arn === arn)?.status ?? '';
          const { tables, calls } = await listTableStats(clients, arn, { signal: bounded() });
          state.calls += calls;
          state.entries.set(arn, { badge: validationBadge(tables), status });
        }),
      );
      const badges = new Map<string, string>();
      for (const [arn, e] of state.entries)
        if (e.badge && state.validation.get(arn)) badges.set(arn, e.badge);
      return { badges, calls: state.calls };
    },
    [clients],
  );
  const polling = usePolling({
    fetch,
    intervalMs: Math.max(MIN_INTERVAL_MS, services.refreshSeconds * 1000),
    active: options.active,
    resetKey: JSON.stringify(clients.target),
  });
  const { refresh } = polling;
  const watch = useCallback(
    (tasks: readonly Task[]) => {
      visible.current = tasks;
      // A task whose settings are to be read gets its badge now, not one interval later. Only
      // those the plan reads: a modifying task is not (its settings are changing), and asking
      // again for it would refresh, render and watch in a loop until the modify ends.
      const { validation, entries } = known.current;
      if (badgePlan(tasks, validation, entries).settings.length > 0) refresh();
    },
    [refresh],
  );
  return {
    badges: polling.data?.badges ?? NO_BADGES,
    watch,
    calls: polling.data?.calls ?? 0,
  };
}
