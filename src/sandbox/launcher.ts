// `dms-tui --sandbox` and `npm start`: find the sandbox serving the data dir, or start one as a
// detached process (its database work never stalls the terminal UI, and it outlives the app).
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConnectionSpec } from '../model/connection.js';
import {
  DEFAULT_SANDBOX_PORT,
  defaultSandboxDir,
  processAlive,
  readSandboxInfo,
  SANDBOX_LOG,
  sandboxHealthy,
} from './sandboxFile.js';

export interface EnsureSandboxOptions {
  dataDir?: string;
  port?: number;
  /** Extra arguments for the sandbox process (default: none). */
  extraArgs?: string[];
  /** The command that runs the CLI: default [process.argv[1]] (the running cli script). */
  cliArgs?: string[];
  /** How long to wait for it to answer (default 120 s: a first demo start builds its data). */
  timeoutMs?: number;
}

export interface EnsuredSandbox {
  endpointUrl: string;
  started: boolean;
  demo?: { source: ConnectionSpec; target: ConnectionSpec };
}

export async function ensureSandbox(opts: EnsureSandboxOptions = {}): Promise<EnsuredSandbox> {
  const dir = opts.dataDir ?? defaultSandboxDir();
  const existing = readSandboxInfo(dir);
  if (existing && processAlive(existing.pid) && (await sandboxHealthy(existing.url, existing.pid)))
    return { endpointUrl: existing.url, started: false, demo: existing.demo };

  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const logPath = join(dir, SANDBOX_LOG);
  const out = openSync(logPath, 'a', 0o600);
  const cli = opts.cliArgs ?? [process.argv[1] ?? ''];
  const args = [
    ...cli,
    'sandbox',
    '--data-dir',
    dir,
    '--port',
    String(opts.port ?? DEFAULT_SANDBOX_PORT),
    ...(opts.extraArgs ?? []),
  ];
  const child = spawn(process.execPath, args, {
    detached: true,
    stdio: ['ignore', out, out],
  });
  closeSync(out);
  let exited: number | null = null;
  child.on('exit', (code) => {
    exited = code ?? 1;
  });
  child.on('error', () => {
    exited = 1;
  });
  child.unref();

  const deadline = Date.now() + (opts.timeoutMs ?? 120_000);
  while (Date.now() < deadline) {
    if (exited !== null) break;
    const info = readSandboxInfo(dir);
    if (info && info.pid === child.pid && (await sandboxHealthy(info.url, info.pid)))
      return { endpointUrl: info.url, started: true, demo: info.demo };
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  if (exited === null && child.pid) {
    try {
      process.kill(child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  const why = exited !== null ? `it exited (${lastLogLine(logPath)})` : 'it did not answer in time';
  throw new Error(`Could not start the dms-tui sandbox: ${why}; see ${logPath}`);
}

/** The last line a detached process wrote to its log, without its `dms-tui …: ` prefix. */
export function lastLogLine(path: string, fallback = 'no output'): string {
  try {
    const lines = readFileSync(path, 'utf8').trim().split('\n');
    return lines[lines.length - 1]?.replace(/^dms-tui [a-z]+: /, '') || fallback;
  } catch {
    return fallback;
  }
}
