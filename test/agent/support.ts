// Running the agent as its own process in tests (the fixture stands in for dist/cli.js).
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const FIXTURE = fileURLToPath(new URL('./fixtures/cli.ts', import.meta.url));
export const agentCliArgs = ['--import', 'tsx', FIXTURE];

/** `dms-tui agent …` run to the end: its exit code and output. */
export function agentCli(args: string[], env: NodeJS.ProcessEnv = process.env) {
  const out = spawnSync(process.execPath, [...agentCliArgs, 'agent', ...args], {
    encoding: 'utf8',
    env,
    timeout: 60_000,
  });
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
}

/** The agent in the foreground as a child process (kill it to end it). */
export function agentRun(dir: string, env: NodeJS.ProcessEnv = process.env) {
  return spawn(process.execPath, [...agentCliArgs, 'agent', 'run', '--data-dir', dir], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}
