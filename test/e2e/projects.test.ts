// Projects and where calls go, in a real terminal: `dms-tui --sandbox` reopens the project used
// last (not the demo), and `dms-tui tasks` with no flags goes where that project points. The
// sandbox runs in this test's process; sandbox.json in the isolated data dir lets --sandbox
// find it.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openProjects } from '../../src/config/projects.js';
import { writeSandboxInfo } from '../../src/sandbox/sandboxFile.js';
import { CLI, isolatedEnv, startTerminal } from '../support/pty.js';
import { startTestSandbox, type TestSandbox } from '../support/sandbox.js';

let sb: TestSandbox;
const { home, env } = isolatedEnv('dmst-e2e-projects-');

beforeAll(async () => {
  if (!existsSync(CLI))
    throw new Error('dist/cli.js is missing: run `npm run build` first (npm test does)');
  sb = await startTestSandbox({ fakeEngine: true, endpoints: true });
  await sb.createTask('reopen-check');
  const sandboxDir = join(env.DMS_TUI_DATA_DIR, 'sandbox');
  mkdirSync(sandboxDir, { recursive: true });
  writeSandboxInfo(sandboxDir, {
    pid: process.pid,
    port: sb.sandbox.port,
    url: sb.url,
    startedAt: new Date().toISOString(),
  });
  const projects = openProjects(env.DMS_TUI_CONFIG_DIR);
  projects.create({ name: 'demo', profile: 'sandbox', source: null, target: null });
  projects.touch('demo');
  projects.create({ name: 'warehouse', profile: 'sandbox', source: null, target: null });
  projects.touch('warehouse');
});
afterAll(async () => {
  await sb?.close();
  rmSync(home, { recursive: true, force: true });
});

describe('projects remember where calls go (real terminal)', () => {
  it('--sandbox reopens the project used last', async () => {
    const term = startTerminal({ args: ['--sandbox'], cols: 120, rows: 30, env });
    await term.waitForText(/dms-tui › Tasks[\s\S]*reopen-check/, 60_000);
    await term.waitForText(`sandbox · ${sb.url}  project warehouse`);
    await term.pressCommand('app.quit', 'ctrl+c');
    expect(await term.exited).toBe(0);
  }, 90_000);

  it('`dms-tui tasks` with no flags uses the last project; --project names another', async () => {
    const run = (...args: string[]) =>
      new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
        execFile(
          process.execPath,
          [CLI, 'tasks', ...args],
          {
            env: {
              ...process.env,
              ...env,
              AWS_REGION: '',
              AWS_DEFAULT_REGION: '',
              AWS_ENDPOINT_URL: '',
              AWS_PROFILE: '',
            },
          },
          (error, stdout, stderr) =>
            resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
        );
      });
    const last = await run();
    expect(last.stderr).toBe('');
    expect(last.stdout).toContain('reopen-check');
    // The built CLI's JSON: the DMS API's shape, the app's reading under DmsTui.
    const json = JSON.parse((await run('--output', 'json')).stdout);
    expect(json.ReplicationTasks[0]).toMatchObject({
      ReplicationTaskIdentifier: 'reopen-check',
      Status: expect.any(String),
      DmsTui: { reading: expect.any(String) },
    });
    openProjects(env.DMS_TUI_CONFIG_DIR).create({
      name: 'prod',
      profile: 'nope',
      region: 'eu-west-1',
      source: null,
      target: null,
    });
    const named = await run('--project', 'prod');
    expect(named.code).toBe(4);
    expect(named.stderr).toContain('nope');
  }, 60_000);
});
