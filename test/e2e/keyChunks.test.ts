// Keys that arrive in one read, in a real terminal: every key is handled, in order, against the
// state the previous key left (the paced stdin), and pasted escape sequences crash nothing.
import { existsSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI, startTerminal, isolatedEnv } from '../support/pty.js';

/** An isolated environment whose AWS config lists four profiles (the Profiles screen's rows). */
function envWithProfiles() {
  const { env } = isolatedEnv('dmst-e2e-keys-');
  writeFileSync(
    env.AWS_CONFIG_FILE!,
    ['alpha', 'bravo', 'charlie', 'delta']
      .map((p) => `[profile ${p}]\nregion = eu-west-1\n`)
      .join('\n'),
  );
  return env;
}

beforeAll(() => {
  if (!existsSync(CLI))
    throw new Error('dist/cli.js is missing: run `npm run build` first (npm test does)');
});

describe('keys in one write', () => {
  it(':prof⏎ opens Profiles, jj moves two rows, /nc opens the filter, ESC[0m crashes nothing', async () => {
    const term = startTerminal({
      args: ['--endpoint-url', 'http://127.0.0.1:9'],
      env: envWithProfiles(),
    });
    await term.waitForText(/dms-tui › Tasks/);
    // The app takes keys (raw mode is on): one key through the settling driver first. Keys typed
    // before that are the terminal's typeahead, another matter than chunking.
    await term.pressCommand('app.help');
    await term.waitForText(/Help/);
    await term.pressCommand('nav.back');
    await term.waitFor((s) => expect(s).toMatch(/NAME.*STATUS/));

    term.write(':prof\r');
    await term.waitForText('dms-tui › Profiles');
    await term.waitForText('charlie');
    const focusedRow = (screen: string) =>
      screen.split('\n').find((line) => line.startsWith('▸')) ?? '';
    const before = await term.waitFor((s) => focusedRow(s) || undefined);
    const names = ['default credential chain', 'sandbox', 'alpha', 'bravo', 'charlie', 'delta'];
    const start = names.findIndex((n) => String(before).includes(n));
    term.write('jj');
    await term.waitFor((s) => expect(focusedRow(s)).toContain(names[start + 2]));

    // Escape sequences that are no key, pasted: dropped, the app still answers.
    term.write('\u001b[0m\u001b[31;1m\u001b]0;title\u0007\u001b[<0;1;1M');
    term.write(':tasks\r');
    await term.waitForText(/NAME.*STATUS/);

    term.write('/nc');
    await term.waitForText(/\/nc/);
    await term.press('escape');
    await term.waitFor((s) => expect(s).not.toMatch(/^\/nc/m));

    await term.press('q');
    expect(await term.exited).toBe(0);
    expect(term.output()).not.toMatch(/TypeError|at .*\.js:\d+/);
  });

  it('a form typed as one chunk lands each part in its field: 127.0.0.1⇥⇥nc_src', async () => {
    const term = startTerminal({
      args: ['--endpoint-url', 'http://127.0.0.1:9'],
      env: isolatedEnv('dmst-e2e-keys-form-').env,
    });
    await term.waitForText(/dms-tui › Tasks/);
    await term.pressCommand('app.goto');
    await term.type('project');
    await term.pressCommand('prompt.accept');
    await term.waitForText('No projects yet');
    await term.pressCommand('projects.new');
    await term.waitForText('New project name:');
    await term.type('chunks');
    await term.pressCommand('prompt.accept');
    await term.waitFor((s) => expect(s).toMatch(/^\s*chunks\s/m));
    await term.pressCommand('projects.source');
    await term.waitForText(/› Host/);

    term.write('127.0.0.1\t\tnc_src');
    const row = (screen: string, label: string) =>
      screen.split('\n').find((line) => line.includes(label)) ?? '';
    await term.waitFor((s) => expect(row(s, 'Database')).toContain('nc_src'));
    const screen = term.screen();
    expect(row(screen, 'Host')).toContain('127.0.0.1');
    expect(row(screen, 'Host')).not.toContain('nc_src');
    expect(row(screen, 'Port')).not.toMatch(/127|nc_src/);

    await term.press('ctrl+c');
    expect(await term.exited).toBe(0);
  });
});
