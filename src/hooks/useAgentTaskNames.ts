// Which DMS tasks are an agent task's DMS subtask, for the Data Migration View and task details:
// the agent names its tasks `agent-<task>` and tags them dms-tui:agent-task. This machine's
// agent task store (the data dir's task files) says which agent task made which DMS task with
// no AWS call; a task it does not know (an agent on another machine made it) is asked for its
// tag, once, with ListTagsForResource. Both are looked up only when a task with that prefix
// shows up that has not been looked up yet, never on every refresh.
import { useEffect, useMemo, useState } from 'react';
import { agentTaskTags } from '../aws/tags.js';
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

/** DMS task ARN → the agent task its tag names, or null once asked (no tag, or no answer). */
const tagged = new Map<string, string | null>();

/** The tags' answers so far (kept for the process: a task's tag does not change). */
function taggedNames(): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  for (const [arn, name] of tagged) if (name) out.set(arn, name);
  return out;
}

export function useAgentTaskNames(
  tasks: readonly { arn: string; id: string }[],
): ReadonlyMap<string, string> {
  const services = useServices();
  const { clients } = services;
  const dir = services.agent?.dir ?? defaultAgentDir();
  const local = useMemo(() => agentTaskNames(dir, tasks), [dir, tasks]);
  const [fromTags, setFromTags] = useState(taggedNames);
  useEffect(() => {
    const ask = tasks
      .filter((t) => t.id.startsWith(AGENT_RESOURCE_PREFIX))
      .map((t) => t.arn)
      .filter((arn) => !local.has(arn) && !tagged.has(arn));
    if (ask.length === 0) return;
    for (const arn of ask) tagged.set(arn, null);
    agentTaskTags(clients, ask)
      .then((found) => {
        for (const [arn, name] of found) tagged.set(arn, name);
        if (found.size > 0) setFromTags(taggedNames());
      })
      // Only a mark is missing: the list itself says what is wrong with the connection.
      .catch(() => undefined);
  }, [clients, tasks, local]);
  return useMemo(() => {
    const out = new Map(local);
    for (const t of tasks) {
      const name = fromTags.get(t.arn);
      if (name && !out.has(t.arn)) out.set(t.arn, name);
    }
    return out;
  }, [local, tasks, fromTags]);
}
