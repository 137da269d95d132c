// `dms-tui sandbox` flags, status and stop, and ensureSandbox starting a detached sandbox
// process (the fixture stands in for dist/cli.js).
import { createServer } from 'node:net';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DatabaseMigrationServiceClient,
  DescribeReplicationInstancesCommand,
} from '@aws-sdk/client-database-migration-service';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { ensureSandbox } from '../../src/sandbox/launcher.js';
import { parseSandboxArgs, runSandboxCommand } from '../../src/sandbox/main.js';
import { processAlive, readSandboxInfo } from '../../src/sandbox/sandboxFile.js';
import { DUMMY_CREDENTIALS } from '../support/sandbox.js';

const FIXTURE = fileURLToPath(new URL('./fixtures/cli.ts', import.meta.url));
const cliArgs = ['--import', 'tsx', FIXTURE];
const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'dmst-launch-'));
  dirs.push(d);
  return d;
};

afterAll(async () => {
  for (const d of dirs) {
    const info = readSandboxInfo(d);
    if (info && processAlive(info.pid)) process.kill(info.pid, 'SIGKILL');
    rmSync(d, { recursive: true, force: true });
  }
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function quietly(args: string[]) {
  const out: string[] = [];
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((s) => {
    out.push(String(s));
    return true;
  });
  const std = vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
    out.push(String(s));
    return true;
  });
  try {
    return { code: await runSandboxCommand(args), text: out.join('') };
  } finally {
    err.mockRestore();
    std.mockRestore();
  }
}

describe('dms-tui sandbox flags', () => {
  it('parses the documented flags', () => {
    const r = parseSandboxArgs([
      '--port',
      '1234',
      '--data-dir',
      '/x',
      '--chaos',
      'throttle=0.1',
      '--no-demo',
    ]);
    expect(r).toMatchObject({
      ok: true,
      flags: { command: 'serve', port: 1234, dataDir: '/x', chaos: 'throttle=0.1', demo: false },
    });
    expect(parseSandboxArgs(['stop', '--data-dir=/y'])).toMatchObject({
      ok: true,
      flags: { command: 'stop', dataDir: '/y' },
    });
  });

  it('answers bad flags with one line, the usage and exit code 2', async () => {
    for (const args of [
      ['--port', 'abc'],
      ['--bogus'],
      ['--chaos', 'throttle=5'],
      ['--port'],
      ['stop', '--port', '1'],
      ['stop', '--output', 'json'],
      ['status', '--output', 'yaml'],
      ['--output', 'json'],
    ]) {
      const { code, text } = await quietly(args);
      expect(code).toBe(2);
      expect(text.split('\n')[0]).toMatch(/^dms-tui sandbox: /);
      expect(text).toContain('Usage:');
    }
  });
});

describe('ensureSandbox', () => {
  it('starts a detached sandbox, finds it again, reports status and stops it', async () => {
    const dataDir = tempDir();
    const port = await freePort();
    const first = await ensureSandbox({
      dataDir,
      port,
      cliArgs,
      extraArgs: ['--no-demo'],
      timeoutMs: 60_000,
    });
    expect(first).toMatchObject({ started: true, endpointUrl: `http://127.0.0.1:${port}` });
    const client = new DatabaseMigrationServiceClient({
      endpoint: first.endpointUrl,
      region: 'us-east-1',
      credentials: DUMMY_CREDENTIALS,
    });
    const out = await client.send(new DescribeReplicationInstancesCommand({}));
    expect(out.ReplicationInstances?.[0]?.ReplicationInstanceIdentifier).toBe('sandbox');
    client.destroy();

    const second = await ensureSandbox({ dataDir, port, cliArgs });
    expect(second).toMatchObject({ started: false, endpointUrl: first.endpointUrl });

    const info = readSandboxInfo(dataDir)!;
    const status = await quietly(['status', '--data-dir', dataDir]);
    expect(status.code).toBe(0);
    expect(status.text).toContain(`S3 endpoint: ${first.endpointUrl} (path-style`);
    const json = await quietly(['status', '--data-dir', dataDir, '--output', 'json']);
    expect(JSON.parse(json.text)).toMatchObject({
      running: true,
      pid: info.pid,
      url: first.endpointUrl,
      s3: { endpointUrl: first.endpointUrl, pathStyle: true, dir: join(dataDir, 's3') },
    });
    const stopped = await quietly(['stop', '--data-dir', dataDir]);
    expect(stopped.code).toBe(0);
    expect(stopped.text).toContain(`pid ${info.pid}`);
    expect(processAlive(info.pid)).toBe(false);
    expect(existsSync(join(dataDir, 'sandbox.json'))).toBe(false);
    expect(existsSync(join(dataDir, 'state.json'))).toBe(true);
    expect((await quietly(['status', '--data-dir', dataDir])).code).toBe(1);
  }, 90_000);

  it('fails with a clear line naming the log when the sandbox cannot start', async () => {
    const dataDir = tempDir();
    const busy = createServer();
    const port = await new Promise<number>((resolve) =>
      busy.listen(0, '127.0.0.1', () => resolve((busy.address() as { port: number }).port)),
    );
    try {
      await expect(
        ensureSandbox({ dataDir, port, cliArgs, extraArgs: ['--no-demo'], timeoutMs: 60_000 }),
      ).rejects.toThrow(
        new RegExp(
          `port ${port} is already in use.*see ${join(dataDir, 'sandbox.log').replace(/[.]/g, '\\.')}`,
        ),
      );
    } finally {
      busy.close();
    }
  }, 90_000);
});
