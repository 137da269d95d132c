// Runs a task action on one or many tasks, one call per task, and reports per-task results
// (successes show their transition at once through useTasks.markTransition).
import { useCallback, useState } from 'react';
import { useServices } from '../ui/services.js';
import { useStatus } from '../ui/status.js';
import { errorLine } from '../aws/call.js';
import { deleteTask, startTask, stopTask } from '../aws/tasks.js';
import {
  type ActionKind,
  type ActionResult,
  planAction,
  resultSummary,
  VERB,
} from '../model/taskActions.js';
import type { Task } from '../model/task.js';
import type { StartType } from '../model/taskLifecycle.js';
import { startTypeOf, transitionStatus } from '../model/taskStatus.js';

export interface TaskActionsApi {
  results: ActionResult[];
  busy: boolean;
  run(action: ActionKind, tasks: readonly Task[], startChoice?: StartType): Promise<ActionResult[]>;
  clear(): void;
}

export function useTaskActions(options: {
  markTransition(arns: string[], status: string): void;
  refresh(): void;
}): TaskActionsApi {
  const { clients } = useServices();
  const { setError, setNotice } = useStatus();
  const [results, setResults] = useState<ActionResult[]>([]);
  const [busy, setBusy] = useState(false);
  const { markTransition, refresh } = options;

  const run = useCallback(
    async (action: ActionKind, tasks: readonly Task[], startChoice?: StartType) => {
      const plan = planAction(tasks, action);
      const out: ActionResult[] = plan.refused.map(({ task, reason }) => ({
        id: task.id,
        ok: false,
        detail: reason,
      }));
      setBusy(true);
      const settled = await Promise.all(
        plan.run.map(async (task): Promise<ActionResult> => {
          try {
            let after: Task;
            if (action === 'stop') after = await stopTask(clients, task.arn);
            else if (action === 'delete') after = await deleteTask(clients, task.arn);
            else {
              after = await startTask(clients, task.arn, startTypeOf(action, task, startChoice));
            }
            const status =
              after.status && after.status !== 'unknown' ? after.status : transitionStatus(action);
            markTransition([task.arn], status);
            return { id: task.id, ok: true, detail: status };
          } catch (error) {
            return { id: task.id, ok: false, detail: errorLine(error) };
          }
        }),
      );
      out.push(...settled);
      setBusy(false);
      setResults(out);
      const summary = resultSummary(VERB[action], out);
      if (out.some((r) => !r.ok)) setError(summary);
      else {
        setError(null);
        setNotice(summary);
      }
      refresh();
      return out;
    },
    [clients, markTransition, refresh, setError, setNotice],
  );
  return { results, busy, run, clear: () => setResults([]) };
}
