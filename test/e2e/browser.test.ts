// The schema browser in a real terminal (the built CLI in a pseudo-terminal).
// 1. `--project NAME` on a project whose source is PGlite served over TCP by this test: browse
//    the source tree, mark two tables, `c` opens the Create DMS Task form's route.
// 2. A fresh config dir started like `npm start` (--sandbox): the demo project opens on the
//    browser. The sandbox is started first on a free port for this test's data dir (the default
//    port may be taken by another sandbox on the machine); --sandbox finds it there.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openProjects } from '../../src/config/projects.js';
import { waitFor } from '../support/ink.js';
import { startPglite, type PgliteServer } from '../support/pglite.js';
import { CLI, startTerminal, type TerminalSession } from '../support/pty.js';
import { filesContaining } from '../support/secrets.js';

const SECRET = `pw-e2e-${Math.random().toString(36).slice(2, 8)}`;
const sandboxMerged = existsSync(
  fileURLToPath(new URL('../../src/sandbox/launcher.ts', import.meta.url)),
);

function isolatedEnv() {
  const home = mkdtempSync(join(tmpdir(), 'dmst-e2e-browser-'));
  return {
    home,
    env: {
      HOME: home,
      DMS_TUI_CONFIG_DIR: join(home, 'config'),
      DMS_TUI_DATA_DIR: join(home, 'data'),
      AWS_CONFIG_FILE: join(home, 'aws-config'),
      AWS_SHARED_CREDENTIALS_FILE: join(home, 'aws-credentials'),
      AWS_PROFILE: undefined,
      AWS_REGION: 'eu-west-1',
    },
  };
}

async function quit(term: TerminalSession) {
  // Ctrl-c quits from any screen (q would be typed into a focused form field).
  term.write('\u0003');
  expect(await term.exited).toBe(0);
  expect(term.inAlternateScreen()).toBe(false);
}

beforeAll(() => {
  if (!existsSync(CLI))
    throw new Error('dist/cli.js is missing: run `npm run build` first (npm test does)');
});

describe('schema browser in a real terminal', () => {
  let pglite: PgliteServer;
  beforeAll(async () => {
    pglite = await startPglite();
    await pglite.exec(`
      CREATE SCHEMA shop;
      CREATE TABLE shop.customers (id int PRIMARY KEY, name text);
      CREATE TABLE shop."Order Lines" (id int PRIMARY KEY, qty int);
      CREATE TABLE shop.products (id int PRIMARY KEY, "naïve ☕" text);
    `);
  });
  afterAll(async () => {
    await pglite?.close();
  });

  it('--project opens the browser: expand, mark two tables, c opens the task form', async () => {
    const { home, env } = isolatedEnv();
    const store = openProjects(env.DMS_TUI_CONFIG_DIR);
    store.save({
      name: 'e2e',
      profile: '',
      region: 'eu-west-1',
      source: { ...pglite.spec, password: SECRET },
      target: null,
    });
    const term = startTerminal({ args: ['--project', 'e2e'], cols: 110, rows: 30, env });
    try {
      // The password was not remembered: asked once, masked.
      await term.waitFor('Password for the source');
      await term.press(...SECRET);
      await term.waitFor('•'.repeat(SECRET.length));
      await term.press('\r');
      let screen = await term.waitFor(/▸ ○ shop\s+3 tables/);
      expect(screen).not.toContain(SECRET);
      // db → public → shop: focus shop and expand it.
      await term.press('j', 'j');
      await term.waitFor(/ +▸ ○ shop/);
      await term.press('\r');
      screen = await term.waitFor('Order Lines');
      expect(screen).toContain('products');
      // Columns of customers.
      await term.press('j', 'j', '\r');
      await term.waitFor(/id\s+integer PK not null/);
      await term.press('\u001b[D');
      // Mark "Order Lines" (first) and customers.
      await term.press('k', ' ', ' ');
      await term.waitFor('2 marked');
      term.write('c');
      screen = await term.waitFor(/Schema browser › /);
      // The Create DMS Task form shows the two tables it was handed.
      screen = await term.waitFor('Order Lines');
      expect(screen).toContain('customers');
      expect(screen).not.toContain('Unknown screen');
      await quit(term);
      expect(term.output()).not.toContain(SECRET);
      expect(filesContaining(env.DMS_TUI_CONFIG_DIR, SECRET)).toEqual([]);
    } finally {
      term.kill();
      rmSync(home, { recursive: true, force: true });
    }
  }, 120_000);

  it('--project with an unknown name says so in one line and exits 2', async () => {
    const { home, env } = isolatedEnv();
    const term = startTerminal({ args: ['--project', 'nope'], env });
    expect(await term.exited).toBe(2);
    expect(term.output()).toContain('no project named "nope"');
    rmSync(home, { recursive: true, force: true });
  });

  it.skipIf(!sandboxMerged)(
    'fresh config dir + --sandbox: the demo project opens on the browser; mark two tables; c',
    async () => {
      const { home, env } = isolatedEnv();
      const sandboxDir = join(env.DMS_TUI_DATA_DIR, 'sandbox');
      const sandbox: ChildProcess = spawn(
        process.execPath,
        [CLI, 'sandbox', '--data-dir', sandboxDir, '--port', '0'],
        { stdio: 'ignore', env: { ...process.env, ...env } as NodeJS.ProcessEnv },
      );
      let term: TerminalSession | undefined;
      try {
        await waitFor(() => existsSync(join(sandboxDir, 'sandbox.json')), { timeoutMs: 150_000 });
        term = startTerminal({ args: ['--sandbox'], cols: 110, rows: 30, env });
        await term.waitFor('SOURCE', 120_000);
        await term.waitFor(/▸ ○ \S+\s+\d+ tables/, 120_000);
        // Expand the first schema that has tables, mark its first two tables.
        await term.press('j', '\r');
        const tree = await term.waitFor(/^ {4}▸ ○ \S/m, 30_000);
        const tables = [...tree.matchAll(/^ {4}▸ ○ (\S+)/gm)].map((m) => m[1]!).slice(0, 2);
        await term.press('j', ' ', ' ');
        await term.waitFor('2 marked');
        term.write('c');
        const form = await term.waitFor(/Schema browser › /);
        expect(form).not.toContain('Unknown screen');
        // The Create DMS Task form shows the two tables it was handed.
        for (const table of tables) await term.waitFor(table);
        await quit(term);
        expect(
          openProjects(env.DMS_TUI_CONFIG_DIR)
            .list()
            .map((p) => p.name),
        ).toEqual(['demo']);
      } finally {
        term?.kill();
        // The sandbox this test started (by its own handle), and wait until it is gone.
        if (sandbox.exitCode === null) {
          const gone = new Promise((resolve) => sandbox.once('exit', resolve));
          sandbox.kill('SIGTERM');
          await gone;
        }
        rmSync(home, { recursive: true, force: true });
      }
    },
    240_000,
  );
});
