// `dms-tui agent start`: the agent as a detached process (its own session, stdio to a file in
// the data dir), so it keeps running when the app quits or the SSH session drops. Returns once
// it answers on its control channel, or with the reason it did not start.
import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import type { AgentStatusView } from '../model/agentView.js';
import { makePrivateDir } from '../sandbox/fileModes.js';
import { lastLogLine } from '../sandbox/launcher.js';
import { processAlive } from '../sandbox/sandboxFile.js';
import { agentPaths } from './agentDir.js';
import { callAgent } from './control.js';
import { liveLease, readLease } from './lease.js';

export type AgentStatus = AgentStatusView;

export interface StartedAgent {
  started: boolean;
  status: AgentStatus;
}

export async function agentStatus(dir: string, timeoutMs = 3000): Promise<AgentStatus> {
  return callAgent<AgentStatus>(dir, 'GET', '/status', undefined, timeoutMs);
}

export async function startAgent(
  dir: string,
  options: { cliArgs?: string[]; timeoutMs?: number; env?: NodeJS.ProcessEnv } = {},
): Promise<StartedAgent> {
  if (liveLease(dir)) return { started: false, status: await agentStatus(dir) };
  makePrivateDir(dir);
  const outPath = agentPaths(dir).out;
  const out = openSync(outPath, 'a', 0o600);
  const cli = options.cliArgs ?? [process.argv[1] ?? ''];
  const child = spawn(process.execPath, [...cli, 'agent', 'run', '--data-dir', dir], {
    detached: true,
    stdio: ['ignore', out, out],
    env: options.env ?? process.env,
  });
  closeSync(out);
  let exited = false;
  child.on('exit', () => {
    exited = true;
  });
  child.on('error', () => {
    exited = true;
  });
  child.unref();
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  while (Date.now() < deadline && !exited) {
    try {
      const status = await agentStatus(dir, 1000);
      if (status.pid === child.pid) return { started: true, status };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (!exited && child.pid && processAlive(child.pid)) child.kill('SIGTERM');
  throw new Error(
    `the agent did not start: ${exited ? lastLogLine(outPath, 'it exited') : 'it did not answer in time'} (see ${outPath})`,
  );
}

/** Stops the agent of a data dir (SIGTERM, then waits); false when none was running. */
export async function stopAgent(dir: string, timeoutMs = 15_000): Promise<boolean> {
  const lease = liveLease(dir);
  if (!lease) return false;
  process.kill(lease.pid, 'SIGTERM');
  const deadline = Date.now() + timeoutMs;
  // It gives the lease back as its last act; a process that has not been reaped yet by its
  // parent (a zombie) still answers kill(pid, 0), so the lease is what says it stopped.
  while (processAlive(lease.pid) && readLease(dir)?.pid === lease.pid) {
    if (Date.now() > deadline)
      throw new Error(`the agent (pid ${lease.pid}) did not stop in ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}
