// The schema browser in a real terminal (the built CLI in a pseudo-terminal).
// 1. `--project NAME` on a project whose source is PGlite served over TCP by this test: browse
//    the source tree, mark two tables, `c` opens the Create DMS Task form's route.
// 2. A fresh config dir started like `npm start` (--sandbox): the demo project opens on the
//    browser. The sandbox is started first on a free port for this test's data dir (the default
//    port may be taken by another sandbox on the machine); --sandbox finds it there.
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openProjects } from '../../src/config/projects.js';
import { startPglite, type PgliteServer } from '../support/pglite.js';
import { CLI, startTerminal, type TerminalSession, isolatedEnv } from '../support/pty.js';
import { filesContaining } from '../support/secrets.js';
import { spawnSandbox } from '../support/sandboxProcess.js';

const SECRET = `pw-e2e-${Math.random().toString(36).slice(2, 8)}`;

async function quit(term: TerminalSession) {
  // Ctrl-c quits from any screen (q would be typed into a focused form field).
  await term.pressCommand('app.quit', 'ctrl+c');
  expect(await term.exited).toBe(0);
  // The exit can be reported before the last bytes are parsed: wait for them.
  await term.waitFor(() => expect(term.inAlternateScreen()).toBe(false), { timeout: 5000 });
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
    const { home, env } = isolatedEnv('dmst-e2e-browser-');
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
      await term.waitForText('Password for the source');
      await term.type(SECRET);
      await term.waitForText('•'.repeat(SECRET.length));
      await term.pressCommand('prompt.accept');
      let screen = await term.waitForText(/▸ ○ shop\s+3 tables/);
      expect(screen).not.toContain(SECRET);
      // db → public → shop: focus shop and expand it.
      await term.pressCommand('list.down');
      await term.pressCommand('list.down');
      await term.waitForText(/ +▸ ○ shop/);
      await term.pressCommand('browser.expand');
      screen = await term.waitForText('Order Lines');
      expect(screen).toContain('products');
      // Columns of customers.
      await term.pressCommand('list.down');
      await term.pressCommand('list.down');
      await term.pressCommand('browser.expand');
      await term.waitForText(/id\s+integer PK not null/);
      await term.pressCommand('browser.collapse');
      // Mark "Order Lines" (first) and customers.
      await term.pressCommand('list.up');
      await term.pressCommand('list.mark');
      await term.pressCommand('list.mark');
      await term.waitForText('2 marked');
      await term.pressCommand('browser.createTask');
      screen = await term.waitForText(/Schema browser › /);
      // The Create DMS Task form shows the two tables it was handed.
      screen = await term.waitForText('Order Lines');
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
    const { home, env } = isolatedEnv('dmst-e2e-browser-');
    const term = startTerminal({ args: ['--project', 'nope'], env });
    expect(await term.exited).toBe(2);
    expect(term.output()).toContain('no project named "nope"');
    rmSync(home, { recursive: true, force: true });
  });

  it('fresh config dir + --sandbox: the demo project opens on the browser; mark two tables; c', async () => {
    const { home, env } = isolatedEnv('dmst-e2e-browser-');
    const sandboxDir = join(env.DMS_TUI_DATA_DIR, 'sandbox');
    const sandbox = spawnSandbox(sandboxDir, env);
    let term: TerminalSession | undefined;
    try {
      await sandbox.ready(150_000);
      term = startTerminal({ args: ['--sandbox'], cols: 110, rows: 30, env });
      await term.waitForText('SOURCE', 120_000);
      await term.waitForText(/▸ ○ \S+\s+\d+ tables/, 120_000);
      // Expand the first schema that has tables, mark its first two tables.
      await term.pressCommand('list.down');
      await term.pressCommand('browser.expand');
      const tree = await term.waitForText(/^ {4}▸ ○ \S/m, 30_000);
      const tables = [...tree.matchAll(/^ {4}▸ ○ (\S+)/gm)].map((m) => m[1]!).slice(0, 2);
      await term.pressCommand('list.down');
      await term.pressCommand('list.mark');
      await term.pressCommand('list.mark');
      await term.waitForText('2 marked');
      await term.pressCommand('browser.createTask');
      const form = await term.waitForText(/Schema browser › /);
      expect(form).not.toContain('Unknown screen');
      // The Create DMS Task form shows the two tables it was handed.
      for (const table of tables) await term.waitForText(table);
      await quit(term);
      expect(
        openProjects(env.DMS_TUI_CONFIG_DIR)
          .list()
          .map((p) => p.name),
      ).toEqual(['demo']);
    } finally {
      term?.kill();
      // The sandbox this test started (by its own handle), and wait until it is gone.
      await sandbox.stop();
      rmSync(home, { recursive: true, force: true });
    }
  }, 240_000);
});
