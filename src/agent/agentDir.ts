// The agent's data dir: <app data dir>/agent unless --data-dir says otherwise. Private to the
// user (0700): the lease, the control socket, task state with checkpoints, and the logs.
import { join } from 'node:path';
import { dataDir as appDataDir } from '../config/paths.js';

export function defaultAgentDir(): string {
  return join(appDataDir(), 'agent');
}

export const agentPaths = (dir: string) => ({
  /** The lease: who runs this data dir ({pid, startedAt, version}). */
  lease: join(dir, 'agent.lock'),
  /** A 0700 folder holding the control socket, so only this OS user can reach it. */
  run: join(dir, 'run'),
  socket: join(dir, 'run', 'agent.sock'),
  log: join(dir, 'agent.log'),
  /** Where `agent start` sends the detached process's stdout and stderr. */
  out: join(dir, 'agent.out'),
  tasks: join(dir, 'tasks'),
  task: (name: string) => join(dir, 'tasks', `${name}.json`),
  taskLog: (name: string) => join(dir, 'tasks', `${name}.log`),
});
