// `dms-tui sandbox [--port N] [--data-dir DIR] [--chaos SPEC] [--no-demo] [--host H]`,
// `dms-tui sandbox stop` and `dms-tui sandbox status`.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseChaos } from '../model/chaos.js';
import {
  DEFAULT_SANDBOX_PORT,
  defaultSandboxDir,
  processAlive,
  readSandboxInfo,
  removeSandboxInfo,
  sandboxHealthy,
  withoutSecrets,
  writeSandboxInfo,
} from './sandboxFile.js';
import { S3_DIR } from './s3/index.js';
import { startSandbox } from './server.js';

export const SANDBOX_USAGE = `Usage:
  dms-tui sandbox [--port N] [--data-dir DIR] [--chaos SPEC] [--no-demo] [--host HOST]
      Serve the local DMS and CloudWatch Logs sandbox until stopped (Ctrl-C).
      --port N        port to listen on (default ${DEFAULT_SANDBOX_PORT}; demo databases use the next ports)
      --data-dir DIR  where state and demo databases live (default: <app data dir>/sandbox)
      --chaos SPEC    e.g. throttle=0.3,latency=50-800,reset=0.05,error5xx=0.02
      --no-demo       do not start the embedded demo databases
  dms-tui sandbox status [--data-dir DIR] [--output json]
      Is a sandbox serving this data dir? Its DMS/Logs URL and its S3 endpoint (path-style).
  dms-tui sandbox stop [--data-dir DIR]     Stop it (running tasks are stopped first).`;

interface Flags {
  command: 'serve' | 'stop' | 'status';
  port: number;
  host: string;
  dataDir: string;
  chaos?: string;
  demo: boolean;
  output: 'text' | 'json';
}

type Parsed = { ok: true; flags: Flags } | { ok: false; error: string };

export function parseSandboxArgs(args: string[]): Parsed {
  const flags: Flags = {
    command: 'serve',
    port: DEFAULT_SANDBOX_PORT,
    host: '127.0.0.1',
    dataDir: defaultSandboxDir(),
    demo: true,
    output: 'text',
  };
  const rest = [...args];
  if (rest[0] === 'stop' || rest[0] === 'status') flags.command = rest.shift() as 'stop' | 'status';
  while (rest.length > 0) {
    const arg = rest.shift()!;
    const [name, inline] =
      arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s) : [arg, undefined];
    const value = () => {
      const v = inline ?? rest.shift();
      if (v === undefined || v === '') throw new Error(`${name} needs a value`);
      return v;
    };
    try {
      switch (name) {
        case '--port': {
          const v = value();
          const port = Number(v);
          if (!/^\d+$/.test(v) || port > 65535)
            return { ok: false, error: `--port must be a number from 0 to 65535, got "${v}"` };
          flags.port = port;
          break;
        }
        case '--host':
          flags.host = value();
          break;
        case '--data-dir':
          flags.dataDir = value();
          break;
        case '--chaos': {
          const v = value();
          const parsed = parseChaos(v);
          if (!parsed.ok) return { ok: false, error: parsed.error };
          flags.chaos = v;
          break;
        }
        case '--no-demo':
          flags.demo = false;
          break;
        case '--output': {
          const v = value();
          if (v !== 'json' && v !== 'text')
            return { ok: false, error: `--output must be json or text, got "${v}"` };
          flags.output = v;
          break;
        }
        default:
          return { ok: false, error: `Unknown argument for dms-tui sandbox: ${arg}` };
      }
    } catch (error) {
      return { ok: false, error: (error as Error).message };
    }
    if (flags.command === 'status' && !['--data-dir', '--output'].includes(name!))
      return { ok: false, error: 'dms-tui sandbox status takes only --data-dir and --output' };
    if (flags.command === 'stop' && name !== '--data-dir')
      return { ok: false, error: 'dms-tui sandbox stop takes only --data-dir' };
    if (flags.command === 'serve' && name === '--output')
      return { ok: false, error: '--output goes with dms-tui sandbox status' };
  }
  return { ok: true, flags };
}

export async function runSandboxCommand(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${SANDBOX_USAGE}\n`);
    return 0;
  }
  const parsed = parseSandboxArgs(args);
  if (!parsed.ok) {
    process.stderr.write(`dms-tui sandbox: ${parsed.error}\n${SANDBOX_USAGE}\n`);
    return 2;
  }
  const { flags } = parsed;
  if (flags.command === 'status') return status(flags.dataDir, flags.output);
  if (flags.command === 'stop') return stop(flags.dataDir);
  return serve(flags);
}

async function status(dir: string, output: 'text' | 'json'): Promise<number> {
  const info = readSandboxInfo(dir);
  const running = info && processAlive(info.pid) && (await sandboxHealthy(info.url, info.pid));
  if (output === 'json') {
    const answer = running
      ? {
          running: true,
          pid: info.pid,
          url: info.url,
          s3: { endpointUrl: info.url, pathStyle: true, dir: join(dir, S3_DIR) },
          dataDir: dir,
          startedAt: info.startedAt,
        }
      : { running: false, dataDir: dir };
    process.stdout.write(`${JSON.stringify(answer, null, 2)}\n`);
    return running ? 0 : 1;
  }
  if (running) {
    process.stdout.write(
      `Sandbox running: ${info.url} (pid ${info.pid}, data dir ${dir})\n` +
        `S3 endpoint: ${info.url} (path-style; objects under ${join(dir, S3_DIR)})\n`,
    );
    return 0;
  }
  process.stdout.write(`No sandbox is running for data dir ${dir}\n`);
  return 1;
}

async function stop(dir: string): Promise<number> {
  const info = readSandboxInfo(dir);
  if (!info || !processAlive(info.pid)) {
    process.stdout.write(`No sandbox is running for data dir ${dir}\n`);
    return 0;
  }
  process.kill(info.pid, 'SIGTERM');
  const deadline = Date.now() + 20_000;
  while (processAlive(info.pid) && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 100));
  if (processAlive(info.pid)) {
    process.stderr.write(`dms-tui sandbox: pid ${info.pid} did not stop within 20 s\n`);
    return 1;
  }
  process.stdout.write(`Stopped the sandbox at ${info.url} (pid ${info.pid})\n`);
  return 0;
}

async function serve(flags: Flags): Promise<number> {
  mkdirSync(flags.dataDir, { recursive: true, mode: 0o700 });
  const existing = readSandboxInfo(flags.dataDir);
  if (
    existing &&
    existing.pid !== process.pid &&
    processAlive(existing.pid) &&
    (await sandboxHealthy(existing.url))
  ) {
    process.stderr.write(
      `dms-tui sandbox: already running at ${existing.url} (pid ${existing.pid}) for ${flags.dataDir}\n`,
    );
    return 1;
  }
  let sandbox: Awaited<ReturnType<typeof startSandbox>>;
  try {
    sandbox = await startSandbox({
      port: flags.port,
      host: flags.host,
      dataDir: flags.dataDir,
      chaos: flags.chaos,
      demo: flags.demo,
    });
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    const message =
      e.code === 'EADDRINUSE'
        ? `port ${flags.port} is already in use (choose another with --port)`
        : e.message;
    process.stderr.write(`dms-tui sandbox: cannot start: ${message}\n`);
    return 1;
  }
  writeSandboxInfo(flags.dataDir, {
    pid: process.pid,
    port: sandbox.port,
    url: sandbox.url,
    startedAt: new Date().toISOString(),
    demo: sandbox.demo
      ? { source: withoutSecrets(sandbox.demo.source), target: withoutSecrets(sandbox.demo.target) }
      : undefined,
  });
  process.stdout.write(
    `dms-tui sandbox listening on ${sandbox.url} (data dir ${flags.dataDir})${flags.chaos ? ` with chaos ${flags.chaos}` : ''}; S3 endpoint ${sandbox.s3.endpointUrl} (path-style)\n`,
  );
  return new Promise<number>((resolve) => {
    let stopping = false;
    const shutdown = (signal: string) => {
      if (stopping) return;
      stopping = true;
      process.stdout.write(`dms-tui sandbox: ${signal}, stopping tasks and shutting down\n`);
      sandbox
        .close()
        .catch((error: unknown) =>
          process.stderr.write(`dms-tui sandbox: ${(error as Error).message}\n`),
        )
        .finally(() => {
          removeSandboxInfo(flags.dataDir, process.pid);
          process.off('SIGINT', onInt);
          process.off('SIGTERM', onTerm);
          resolve(0);
        });
    };
    const onInt = () => shutdown('SIGINT');
    const onTerm = () => shutdown('SIGTERM');
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
  });
}
