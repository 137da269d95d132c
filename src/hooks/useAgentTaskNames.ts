// Which DMS tasks are an agent task's DMS subtask, for the Data Migration View and task details:
// the agent names its tasks `agent-<task>` (and tags them dms-tui:agent-task), and its own task
// store (the data dir's task files) says which agent task made which DMS task. The store is read
// only when a task with that prefix shows up that has not been looked up yet, never on every
// refresh, and no AWS call is made.
import { useMemo } from 'react';
import { defaultAgentDir } from '../agent/agentDir.js';
import { loadTasks } from '../agent/taskStore.js';
import { AGENT_RESOURCE_PREFIX, dmsIdentifiers } from '../model/agentTask.js';
import { useServices } from '../ui/services.js';

/** Per agent data dir: DMS task ARN → agent task name, or null once looked up and not found. */
const known = new Map<string, Map<string, string | null>>();

/** The agent task behind each listed DMS task that has one (keyed by task ARN). */
export function agentTaskNames(
  dir: string,
  tasks: readonly { arn: string; id: string }[],
): ReadonlyMap<string, string> {
  let seen = known.get(dir);
  if (!seen) {
    seen = new Map();
    known.set(dir, seen);
  }
  const fresh = tasks.filter((t) => t.id.startsWith(AGENT_RESOURCE_PREFIX) && !seen.has(t.arn));
  if (fresh.length > 0) {
    const records = loadTasks(dir).tasks;
    for (const t of fresh) {
      const record = records.find(
        (r) => r.dms.taskArn === t.arn || dmsIdentifiers(r.spec.name).task === t.id,
      );
      seen.set(t.arn, record?.spec.name ?? null);
    }
  }
  const out = new Map<string, string>();
  for (const t of tasks) {
    const name = seen.get(t.arn);
    if (name) out.set(t.arn, name);
  }
  return out;
}

export function useAgentTaskNames(
  tasks: readonly { arn: string; id: string }[],
): ReadonlyMap<string, string> {
  const services = useServices();
  const dir = services.agent?.dir ?? defaultAgentDir();
  return useMemo(() => agentTaskNames(dir, tasks), [dir, tasks]);
}
