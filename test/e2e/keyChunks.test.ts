// Keys that arrive in one read, in a real terminal: every key is handled, in order, against the
// state the previous key left (the paced stdin), and pasted escape sequences crash nothing.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI, startTerminal } from '../support/pty.js';

function isolatedEnv() {
  const home = mkdtempSync(join(tmpdir(), 'dmst-e2e-keys-'));
  const awsConfig = join(home, 'aws-config');
  writeFileSync(
    awsConfig,
    ['alpha', 'bravo', 'charlie', 'delta']
      .map((p) => `[profile ${p}]\nregion = eu-west-1\n`)
      .join('\n'),
  );
  return {
    HOME: home,
    DMS_TUI_CONFIG_DIR: join(home, 'config'),
    DMS_TUI_DATA_DIR: join(home, 'data'),
    AWS_CONFIG_FILE: awsConfig,
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'aws-credentials'),
    AWS_PROFILE: undefined,
    AWS_REGION: 'eu-west-1',
  };
}

beforeAll(() => {
  if (!existsSync(CLI))
    throw new Error('dist/cli.js is missing: run `npm run build` first (npm test does)');
});

describe('keys in one write', () => {
  it(':prof⏎ opens Profiles, jj moves two rows, /nc opens the filter, ESC[0m crashes nothing', async () => {
    const term = startTerminal({
      args: ['--endpoint-url', 'http://127.0.0.1:9'],
      env: isolatedEnv(),
    });
    await term.waitForText(/dms-tui › Tasks/);

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
});
