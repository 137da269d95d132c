// The schema browser's target pane after a task of this project loads it: the task list is
// polled while the browser is open, and when a task whose target endpoint is the project's
// target finishes loading (or stops) after the pane was last read, the pane is read again, so
// the tables it loaded stop saying "missing in target". The time last acted on is remembered
// for the run (navigation memory), so coming back to the browser does not reload for nothing.
import { useEffect } from 'react';
import { useNavigation } from '../ui/navigation.js';
import { useStatus } from '../ui/status.js';
import type { ConnectionSpec } from '../model/connection.js';
import { latestTargetLoad } from '../model/projectTasks.js';
import { useTasks } from './useTasks.js';

export function useTargetRefresh({
  project,
  target,
  reload,
}: {
  project: string | undefined;
  target: ConnectionSpec | null | undefined;
  reload(): void;
}): void {
  const { memory } = useNavigation();
  const { setNotice } = useStatus();
  const tasks = useTasks({ active: Boolean(project && target) });
  const latest =
    target && tasks.data ? latestTargetLoad(tasks.data.tasks, tasks.data.names, target) : undefined;
  const at = latest?.at;
  const taskId = latest?.taskId;
  const polled = tasks.data !== undefined;
  useEffect(() => {
    if (!project || !polled) return;
    const key = `targetLoadSeen:${project}`;
    const seen = memory.get(key) as number | undefined;
    // The first look sets the baseline (0: no load yet): the pane was just read.
    if (seen === undefined || (at ?? 0) <= seen) {
      if (seen === undefined) memory.set(key, at ?? 0);
      return;
    }
    memory.set(key, at ?? 0);
    reload();
    setNotice(`Task ${taskId} finished loading the target: target pane refreshed`);
  }, [project, polled, at, taskId, memory, reload, setNotice]);
}
