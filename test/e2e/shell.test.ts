import { beforeAll, describe, expect, it } from 'vitest';
import { CLI, startTerminal, type TerminalSession, isolatedEnv } from '../support/pty.js';
import { existsSync } from 'node:fs';

/** The exit can be reported before the last bytes are read and parsed (a busy machine): the
 *  check waits for them, then holds on what they did. */
async function expectRestored(term: TerminalSession) {
  await term.waitFor(
    () => {
      expect(term.inAlternateScreen()).toBe(false);
      expect(term.cursorHidden()).toBe(false);
    },
    { timeout: 5000 },
  );
}

beforeAll(() => {
  if (!existsSync(CLI))
    throw new Error('dist/cli.js is missing: run `npm run build` first (npm test does)');
});

describe('dms-tui in a real terminal', () => {
  it('paints the first frame full-screen, shows help, re-lays out at 80x24, and q restores the terminal', async () => {
    const term = startTerminal({
      args: ['--endpoint-url', 'http://127.0.0.1:9'],
      cols: 120,
      rows: 30,
      env: isolatedEnv().env,
    });
    // With no project open, the app starts on the Data Migration View.
    await term.waitForText(/dms-tui › Tasks[\s\S]*http:\/\/127\.0\.0\.1:9/);
    expect(term.inAlternateScreen()).toBe(true);
    // No credentials in this isolated home: the list says so in one line instead of crashing.
    await term.waitForText('No AWS credentials found');

    await term.pressCommand('app.help');
    await term.waitForText('Keys — Esc or ? to close');
    // The task list's keys come first; the global ones are a few lines further down.
    for (let i = 0; i < 6; i++) await term.pressCommand('list.down');
    await term.waitForText('Everywhere');
    await term.pressCommand('nav.back');
    await term.waitForText(/NAME.*STATUS/);

    await term.pressCommand('app.goto');
    await term.type('prof');
    await term.pressCommand('prompt.complete');
    await term.pressCommand('prompt.accept');
    await term.waitForText('dms-tui › Profiles');
    await term.waitForText('default credential chain');

    term.resize(80, 24);
    // The redrawn frame: header on the first row, status bar on the last.
    const lines = await term.waitFor((screen) => screen.split('\n'), {
      until: (rows) =>
        Boolean(
          rows[0]?.includes('dms-tui › Profiles') && rows[23]?.includes('http://127.0.0.1:9'),
        ),
      what: 'the 80x24 redraw',
    });
    expect(lines).toHaveLength(24);
    expect(lines[0]).toContain('dms-tui › Profiles');
    expect(lines.every((line) => line.length <= 80)).toBe(true);
    expect(lines[22]).toContain('Enter Use this profile');

    await term.pressCommand('app.quit');
    expect(await term.exited).toBe(0);
    await expectRestored(term);
  }, 90_000);

  it.each([
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ])('restores the terminal on %s', async (signal, code) => {
    const term = startTerminal({ cols: 100, rows: 30, env: isolatedEnv().env });
    await term.waitForText('dms-tui › Tasks');
    expect(term.inAlternateScreen()).toBe(true);
    term.kill(signal);
    expect(await term.exited).toBe(code);
    await expectRestored(term);
  });

  it('restores the terminal and says why when the app crashes', async () => {
    // A preload throws from a timer once the app is drawn: an uncaught error from anywhere.
    const crash = `data:text/javascript,setTimeout(() => { throw new Error('boom from a test') }, 1500)`;
    const term = startTerminal({ nodeArgs: ['--import', crash], env: isolatedEnv().env });
    await term.waitForText('dms-tui › Tasks');
    expect(await term.exited).toBe(1);
    await expectRestored(term);
    expect(term.screen()).toContain('dms-tui crashed: Error: boom from a test');
  });

  it('refuses a bad flag with one line and usage, without touching the terminal mode', async () => {
    const term = startTerminal({ args: ['--refresh', 'soon'], env: isolatedEnv().env });
    expect(await term.exited).toBe(2);
    // The exit may be reported before the last bytes are read and parsed: wait for them.
    const screen = await term.waitForText('Usage: dms-tui');
    expect(screen).toContain('dms-tui: --refresh takes seconds between 1 and 3600 (got "soon")');
    expect(screen).toContain('Usage: dms-tui');
    expect(term.output()).not.toContain('\u001b[?1049h');
  });
});
