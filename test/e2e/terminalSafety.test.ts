// The built CLI in a real pseudo-terminal, on what could take the terminal over: every signal
// that ends the process leaves the alternate screen and shows the cursor again, and text from
// an imported project file (an OSC title sequence, a C1 CSI, a bidirectional override) is
// shown as escapes, never sent to the terminal raw.
import { existsSync, writeFileSync } from 'node:fs';
import { constants } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXIT_SIGNALS } from '../../src/shell/terminal.js';
import { CLI, startTerminal, isolatedEnv } from '../support/pty.js';

const LEAVE_ALT_SCREEN = '\u001b[?1049l';
const SHOW_CURSOR = '\u001b[?25h';

beforeAll(() => {
  if (!existsSync(CLI))
    throw new Error('dist/cli.js is missing: run `npm run build` first (npm test does)');
});

// Every signal the app handles that this platform has (SIGLOST, SIGSTKFLT… may be missing).
const SIGNALS = EXIT_SIGNALS.filter(
  (s) => (constants.signals as Record<string, number | undefined>)[s] !== undefined,
);

describe('the terminal is restored on every signal that ends the process', () => {
  it.each(
    SIGNALS.filter((s) => s !== 'SIGTERM' && s !== 'SIGHUP'), // test/e2e/shell.test.ts has those
  )('%s', async (signal) => {
    const term = startTerminal({ cols: 100, rows: 30, env: isolatedEnv('dmst-e2e-safe-').env });
    await term.waitForText('dms-tui › Tasks');
    expect(term.inAlternateScreen()).toBe(true);
    term.kill(signal);
    const number = (constants.signals as Record<string, number>)[signal] ?? 0;
    expect(await term.exited).toBe(128 + number);
    // The pseudo-terminal may report the exit before its last bytes are read and parsed (a
    // busy machine): wait for them, then check what they did.
    await term.waitFor(() => expect(term.inAlternateScreen()).toBe(false), { timeout: 5000 });
    expect(term.cursorHidden()).toBe(false);
    // The last thing written leaves the alternate screen and shows the cursor.
    const out = term.output();
    expect(out.lastIndexOf(LEAVE_ALT_SCREEN)).toBeGreaterThan(out.lastIndexOf('\u001b[?1049h'));
    expect(out.slice(out.lastIndexOf(LEAVE_ALT_SCREEN))).toMatch(
      /^\u001b\[\?1049l(\u001b\[\?25h)+\s*$/,
    );
    expect(out.endsWith(SHOW_CURSOR) || out.trimEnd().endsWith(SHOW_CURSOR)).toBe(true);
  });
});

describe('text from an imported project file', () => {
  it('is shown with its control characters visible and never retitles the terminal', async () => {
    const { home, env } = isolatedEnv('dmst-e2e-safe-');
    const file = {
      format: 'dms-tui-project',
      version: 1,
      project: {
        name: 'evil',
        profile: '',
        source: {
          engine: 'postgres',
          host: 'db.example.com',
          port: 5432,
          database: 'sales\u001b]0;PWNED\u0007\u001b[5;31mblink',
          user: 'admin\u202etxt.exe\u009b31m',
          sslMode: 'none',
        },
        target: null,
      },
    };
    writeFileSync(join(home, 'evil.json'), JSON.stringify(file));
    const term = startTerminal({ cols: 140, rows: 30, env, cwd: home });
    // The first list answer is in: the screen takes keys.
    await term.waitForText('No AWS credentials found');
    await term.pressCommand('app.goto');
    await term.type('project');
    await term.waitForText(':project');
    await term.pressCommand('prompt.accept');
    await term.waitForText('dms-tui › Projects');
    await term.pressCommand('projects.import');
    await term.waitForText('Import project file');
    await term.type('evil.json');
    await term.waitForText('Import project file: evil.json');
    await term.pressCommand('prompt.accept');
    const screen = await term.waitForText('\\x1b]0;PWNED\\x07');
    expect(screen).toContain('\\x1b[5;31mblink');
    expect(screen).toContain('admin\\u202etxt.exe\\x9b31m');
    const out = term.output();
    expect(out).not.toContain('\u001b]0;');
    expect(out).not.toContain('\u0007');
    expect(out).not.toContain('\u009b');
    expect(out).not.toContain('\u202e');
    expect(out).not.toContain('\u001b[5;31m');
    await term.pressCommand('app.quit');
    expect(await term.exited).toBe(0);
  });
});
