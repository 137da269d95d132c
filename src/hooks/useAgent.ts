// The Agent screen's data and actions: whether the agent of the data dir runs, its tasks, the
// Agent log and the focused task's Task log (polled over the agent's control socket), and
// starting/stopping the agent and its tasks.
import { useCallback, useState } from 'react';
import { defaultAgentDir } from '../agent/agentDir.js';
import { AgentNotRunningError, callAgent } from '../agent/control.js';
import { agentStatus, startAgent, stopAgent } from '../agent/launcher.js';
import type { AgentAction } from '../model/agentTask.js';
import type { AgentStatusView, AgentTaskView } from '../model/agentView.js';
import { useServices } from '../ui/services.js';
import { usePolling } from './usePolling.js';

export interface AgentSnapshot {
  status: AgentStatusView | null;
  tasks: AgentTaskView[];
}

const POLL_MS = 1000;

export function useAgent(options: { logTask: string | null }) {
  const services = useServices();
  const dir = services.agent?.dir ?? defaultAgentDir();
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const fetchSnapshot = useCallback(async (): Promise<AgentSnapshot> => {
    try {
      const status = await agentStatus(dir);
      return { status, tasks: await callAgent<AgentTaskView[]>(dir, 'GET', '/tasks') };
    } catch (error) {
      if (error instanceof AgentNotRunningError) return { status: null, tasks: [] };
      throw error;
    }
  }, [dir]);
  const snapshot = usePolling({ fetch: fetchSnapshot, intervalMs: POLL_MS, resetKey: dir });
  const running = Boolean(snapshot.data?.status);
  const fetchLog = useCallback(async () => {
    const query = options.logTask
      ? `?task=${encodeURIComponent(options.logTask)}&lines=200`
      : '?lines=200';
    try {
      return (await callAgent<{ lines: string[] }>(dir, 'GET', `/logs${query}`)).lines;
    } catch (error) {
      if (error instanceof AgentNotRunningError) return [];
      throw error;
    }
  }, [dir, options.logTask]);
  const log = usePolling({
    fetch: fetchLog,
    intervalMs: POLL_MS,
    resetKey: `${dir}|${options.logTask}`,
  });

  const run = useCallback(
    (what: string, work: () => Promise<unknown>) => {
      setMessage({ text: `${what}…`, error: false });
      work().then(
        () => {
          setMessage({ text: `${what}: done`, error: false });
          snapshot.refresh();
          log.refresh();
        },
        (error: Error) =>
          setMessage({ text: `${what}: ${error.message.split('\n')[0]}`, error: true }),
      );
    },
    [snapshot, log],
  );

  return {
    dir,
    snapshot,
    log,
    running,
    message,
    startAgent: () =>
      run('Starting the agent', () => startAgent(dir, { cliArgs: services.agent?.cliArgs })),
    stopAgent: () => run('Stopping the agent', () => stopAgent(dir)),
    /** `password`: the source password typed for a task that needs it (kept by the agent, in
     *  memory only). */
    act: (task: AgentTaskView, action: Exclude<AgentAction, 'delete'>, password?: string) =>
      run(`${action} ${task.name}`, () =>
        callAgent(dir, 'POST', `/tasks/${encodeURIComponent(task.name)}/${action}`, {
          password,
        }),
      ),
    remove: (task: AgentTaskView, what: { objects: boolean; dms: boolean }) =>
      run(`Deleting ${task.name}`, () =>
        callAgent(dir, 'POST', `/tasks/${encodeURIComponent(task.name)}/delete`, what, 120_000),
      ),
  };
}
