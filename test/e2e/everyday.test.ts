// Everyday use in a real terminal of 80×24: table statistics keep ERR ROWS and VALIDATION,
// `o` sorts only by the columns on screen, `G` reaches the end of help, and a message cut
// short on the status line is read in full on :messages.
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findTask, startTask } from '../../src/aws/tasks.js';
import { CLI, sandboxTerminal, type TerminalSession } from '../support/pty.js';
import { startTestSandbox, type TestSandbox } from '../support/sandbox.js';
import { waitFor } from '../support/wait.js';

let sb: TestSandbox;
beforeAll(async () => {
  if (!existsSync(CLI))
    throw new Error('dist/cli.js is missing: run `npm run build` first (npm test does)');
  sb = await startTestSandbox({ fakeEngine: true, endpoints: true });
  sb.engine.mode = 'complete';
  const arn = await sb.createTask('every-day');
  await waitFor(async () => expect((await findTask(sb.clients, arn)).status).toBe('ready'));
  await startTask(sb.clients, arn, 'start-replication');
  await waitFor(async () => expect((await findTask(sb.clients, arn)).status).toBe('stopped'));
}, 60_000);
afterAll(async () => {
  await sb?.close();
});

function terminal(): TerminalSession {
  return sandboxTerminal(sb.url, { cols: 80, rows: 24, prefix: 'dmst-e2e-every-' });
}

const headerOf = (screen: string, first: string) =>
  screen.split('\n').find((l) => l.trimStart().startsWith(first)) ?? '';

describe('80×24 in a real terminal', () => {
  it('keeps ERR ROWS and VALIDATION, sorts only by shown columns, G in help, :messages', async () => {
    const t = terminal();
    try {
      await t.waitForText('every-day');
      await t.press('/');
      await t.type('every-day');
      await t.press('enter');
      await t.pressCommand('task.tableStats');
      let screen = await t.waitForText('customers');
      const header = headerOf(screen, 'TABLE');
      expect(header).toContain('ERR ROWS');
      expect(header).toContain('VALIDATION');
      // `o` walks the columns on screen only: the arrow is always in the visible header.
      const shown = header.trim().split(/\s{1,}(?=[A-Z])/).length;
      for (let i = 0; i < shown + 1; i++) {
        await t.pressCommand('list.sort');
        screen = t.screen();
        expect(headerOf(screen, 'TABLE')).toMatch(/[↑↓]/);
      }
      // G goes to the end of help.
      await t.pressCommand('app.help');
      await t.waitForText('Keys');
      await t.pressCommand('list.bottom');
      screen = await t.waitForText(/↑ \d+ above/);
      expect(screen).not.toMatch(/↓ \d+ more/);
      await t.pressCommand('nav.back');
      // A long message cut on the status line is whole on :messages.
      await t.pressCommand('tables.reload');
      await t.waitForText('Reload tables?');
      await t.pressCommand('dialog.confirm');
      screen = await t.waitForText(':messages');
      await t.press(':');
      await t.type('messages');
      await t.press('enter');
      screen = await t.waitForText('recent message');
      expect(screen).toMatch(/\d\d:\d\d:\d\d error/);
    } finally {
      t.kill();
    }
  });
});
