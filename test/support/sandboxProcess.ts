// The sandbox as its own process (the built CLI, `dms-tui sandbox --port 0`), as a user starts
// it before `dms-tui --sandbox`. Waiting for it fails at once, with what it printed, when it
// exits instead of serving; stop() ends it and waits until it is gone.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI } from './pty.js';
import { waitFor } from './wait.js';

export interface SandboxProcess {
  /** Waits for sandbox.json and returns the sandbox's URL. */
  ready(timeout: number): Promise<string>;
  stop(): Promise<void>;
}

export function spawnSandbox(
  sandboxDir: string,
  env: Record<string, string | undefined>,
): SandboxProcess {
  const child = spawn(process.execPath, [CLI, 'sandbox', '--data-dir', sandboxDir, '--port', '0'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, ...env } as NodeJS.ProcessEnv,
  });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const file = join(sandboxDir, 'sandbox.json');
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code, signal) =>
      reject(new Error(`the sandbox exited (${code ?? signal}) before serving: ${stderr}`)),
    ),
  );
  exited.catch(() => undefined);
  return {
    async ready(timeout) {
      await Promise.race([
        exited,
        waitFor(() => existsSync(file), {
          timeout,
          what: 'the sandbox to write sandbox.json',
          describe: () => `sandbox stderr: ${stderr}`,
        }),
      ]);
      return (JSON.parse(readFileSync(file, 'utf8')) as { url: string }).url;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await gone;
    },
  };
}
