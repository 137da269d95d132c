// The agent process: one per data dir, detached so it outlives whoever started it, answering
// its status on a control socket only its user can reach.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { agentPaths } from '../../src/agent/agentDir.js';
import { agentStatus, startAgent, stopAgent } from '../../src/agent/launcher.js';
import { processAlive } from '../../src/sandbox/sandboxFile.js';
import { waitFor } from '../support/wait.js';
import { agentCli, agentCliArgs, agentRun } from './support.js';

const root = mkdtempSync(join(tmpdir(), 'agent-proc-'));
const pids: number[] = [];
afterAll(() => {
  for (const pid of pids) if (processAlive(pid)) process.kill(pid, 'SIGKILL');
  rmSync(root, { recursive: true, force: true });
});

describe('the agent process', () => {
  it('start → status --output json → a second agent on the same data dir is refused → stop', async () => {
    const dir = join(root, 'one');
    const { started, status } = await startAgent(dir, { cliArgs: agentCliArgs });
    pids.push(status.pid);
    expect(started).toBe(true);
    const json = agentCli(['status', '--data-dir', dir, '--output', 'json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({
      pid: status.pid,
      dataDir: dir,
      version: expect.any(String),
      startedAt: expect.any(String),
      tasks: [],
    });
    // The control socket is in a folder only this user may enter.
    expect(statSync(agentPaths(dir).run).mode & 0o777).toBe(0o700);
    expect(statSync(agentPaths(dir).socket).mode & 0o077).toBe(0);

    const second = agentCli(['run', '--data-dir', dir]);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(
      new RegExp(`another agent \\(pid ${status.pid}, started .*\\) already runs on ${dir}`),
    );
    // start again finds the running one instead of starting a second.
    expect((await startAgent(dir, { cliArgs: agentCliArgs })).started).toBe(false);

    const stopped = agentCli(['stop', '--data-dir', dir]);
    expect(stopped.stderr).toBe('');
    expect(stopped.code).toBe(0);
    await waitFor(() => !processAlive(status.pid), { what: 'the agent process to end' });
    const after = agentCli(['status', '--data-dir', dir]);
    expect(after.code).toBe(3);
    expect(after.stderr).toMatch(/no agent is running/);
  }, 120_000);

  it('goes on after the process that started it has quit, in its own session', async () => {
    const dir = join(root, 'orphan');
    // A short-lived "app" starts the agent and exits at once.
    const script = `const { startAgent } = await import(${JSON.stringify(new URL('../../src/agent/launcher.ts', import.meta.url).pathname)});
      const r = await startAgent(${JSON.stringify(dir)}, { cliArgs: ${JSON.stringify(agentCliArgs)} });
      process.stdout.write(String(r.status.pid));`;
    const app = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(app.status).toBe(0);
    const pid = Number(app.stdout.trim());
    pids.push(pid);
    const status = await agentStatus(dir);
    expect(status.pid).toBe(pid);
    // Detached: its own session, so a terminal hangup of the starter's session does not reach it.
    const sid = spawnSync('ps', ['-o', 'sid=', '-p', String(pid)], {
      encoding: 'utf8',
    }).stdout.trim();
    expect(Number(sid)).toBe(pid);
    process.kill(pid, 'SIGHUP');
    await agentStatus(dir);
    expect(await stopAgent(dir)).toBe(true);
  });

  it('a lease left by a killed agent is taken over', async () => {
    const dir = join(root, 'stale');
    const first = agentRun(dir);
    pids.push(first.pid ?? 0);
    await waitFor(() => agentStatus(dir, 1000), { timeout: 30_000, what: 'the first agent' });
    first.kill('SIGKILL');
    await waitFor(() => !processAlive(first.pid ?? 0), { what: 'the kill' });
    const { started, status } = await startAgent(dir, { cliArgs: agentCliArgs });
    pids.push(status.pid);
    expect(started).toBe(true);
    expect(status.pid).not.toBe(first.pid);
    await stopAgent(dir);
  });

  it('bad arguments: one line and exit 2', () => {
    const r = agentCli(['jump']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toMatch(/unknown or extra arguments: jump/);
  });
});
