// Shared pieces of the task and log benches: an in-process sandbox with endpoints and N tasks,
// a counting proxy in front of it, the built CLI in a pseudo-terminal, timing helpers.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunFullLoad } from '../src/sandbox/engine/types.js';
import type { RunningSandbox } from '../src/sandbox/server.js';
import { homeEnv, startTerminal, type TerminalSession } from '../test/support/pty.js';
import { startTestSandbox } from '../test/support/sandbox.js';

export const CREDS = {
  AWS_ACCESS_KEY_ID: 'SANDBOXACCESSKEY',
  AWS_SECRET_ACCESS_KEY: 'sandbox-secret-not-a-real-key',
  AWS_REGION: 'us-east-1',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};

export interface BenchSandbox {
  sandbox: RunningSandbox;
  taskArns: string[];
  close(): Promise<void>;
}

/** The test sandbox (real engine unless one is given) with `count` full-load tasks. */
export async function sandboxWithTasks(
  count: number,
  options: { runFullLoad?: RunFullLoad; settings?: string } = {},
): Promise<BenchSandbox> {
  const sb = await startTestSandbox({
    runFullLoad: options.runFullLoad,
    endpoints: { source: 'bench-src', target: 'bench-dst' },
  });
  const taskArns: string[] = [];
  for (let i = 0; i < count; i += 16) {
    const batch = [];
    for (let j = i; j < Math.min(count, i + 16); j++)
      batch.push(
        sb.createTask(`task-${String(j).padStart(5, '0')}`, {
          settings: options.settings,
          logging: false,
        }),
      );
    taskArns.push(...(await Promise.all(batch)));
  }
  return { sandbox: sb.sandbox, taskArns, close: () => sb.close() };
}

export interface CountingProxy {
  url: string;
  counts: Map<string, number>;
  /** DescribeReplicationTasks requests without a Marker: one per refresh. */
  firstPages: number;
  reset(): void;
  close(): Promise<void>;
}

/** Forwards to `upstream` and counts calls by operation. */
/** Passes one request on to the sandbox and its answer back (a dropped call drops the socket). */
export async function forward(
  upstream: string,
  req: IncomingMessage,
  res: ServerResponse,
  body: Buffer<ArrayBuffer>,
): Promise<void> {
  try {
    const up = await fetch(upstream, {
      method: 'POST',
      headers: Object.fromEntries(
        Object.entries(req.headers).filter(
          ([k]) => !['host', 'content-length', 'connection'].includes(k),
        ),
      ) as Record<string, string>,
      body,
    });
    const headers = Object.fromEntries(up.headers.entries());
    delete headers['content-length'];
    delete headers['content-encoding'];
    res.writeHead(up.status, headers);
    res.end(Buffer.from(await up.arrayBuffer()));
  } catch {
    res.destroy();
  }
}

export async function countingProxy(upstream: string): Promise<CountingProxy> {
  const proxy: CountingProxy = {
    url: '',
    counts: new Map(),
    firstPages: 0,
    reset() {
      proxy.counts.clear();
      proxy.firstPages = 0;
    },
    close: () => new Promise((r) => server.close(() => r())),
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      const body = Buffer.concat(chunks);
      const op =
        String(req.headers['x-amz-target'] ?? '')
          .split('.')
          .pop() ?? '?';
      proxy.counts.set(op, (proxy.counts.get(op) ?? 0) + 1);
      if (op === 'DescribeReplicationTasks' && !JSON.parse(body.toString() || '{}').Marker)
        proxy.firstPages++;
      await forward(upstream, req, res, body);
    });
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return proxy;
}

/** The built CLI (or `cli`, another build's dist/cli.js) in a pseudo-terminal. */
export function cliTerminal(
  endpointUrl: string,
  cols = 140,
  rows = 40,
  cli?: string,
): TerminalSession {
  const home = mkdtempSync(join(tmpdir(), 'dmst-bench-home-'));
  const args = ['--endpoint-url', endpointUrl, '--region', 'us-east-1', '--refresh', '2'];
  return startTerminal({
    ...(cli ? { command: 'node', args: [cli, ...args] } : { args }),
    cols,
    rows,
    env: {
      ...CREDS,
      ...homeEnv(home),
      // Diagnostics only, e.g. BENCH_NODE_OPTIONS=--max-old-space-size=64 (see the report).
      NODE_OPTIONS: process.env.BENCH_NODE_OPTIONS,
    },
  });
}

/** Waits until the program's output grows, then until it stays quiet for `quietMs`; returns
 *  the time from `since` to the first new byte. */
export async function timeToOutput(
  term: TerminalSession,
  since: number,
  before: number,
  quietMs = 40,
): Promise<number> {
  let first = 0;
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const len = term.output().length;
    if (len > before) {
      first = performance.now() - since;
      break;
    }
    await new Promise((r) => setTimeout(r, 1));
  }
  let last = term.output().length;
  let quietSince = Date.now();
  while (Date.now() - quietSince < quietMs) {
    await new Promise((r) => setTimeout(r, 5));
    const len = term.output().length;
    if (len !== last) {
      last = len;
      quietSince = Date.now();
    }
  }
  return first;
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)] ?? Number.NaN;
}

export function p95(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)] ?? Number.NaN;
}

/** Runs a command and returns its wall time in ms and its stdout. */
export function timed(
  command: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ ms: number; stdout: string; code: number }> {
  return new Promise((resolve) => {
    const start = performance.now();
    const child = spawn(command, args, { env: { ...process.env, ...env } });
    let stdout = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', () => undefined);
    child.on('close', (code) =>
      resolve({ ms: performance.now() - start, stdout, code: code ?? 1 }),
    );
  });
}

export const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
