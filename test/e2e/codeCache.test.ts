// The built app runs dist/tui.cjs through V8's code cache kept beside it (src/cli.tsx): a cache
// V8 refuses (damaged, or from another build or Node) must only cost time, never the first
// frame, and is replaced by a good one.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, isolatedEnv, startTerminal } from '../support/pty.js';
import { waitFor } from '../support/wait.js';

describe('the code cache of the built app', () => {
  it('draws the first frame over a refused cache and writes a good one in its place', async () => {
    const bundle = join(dirname(CLI), 'tui.cjs');
    const stat = statSync(bundle);
    const cache = `${bundle}.${stat.size}-${Math.round(stat.mtimeMs)}-${process.version}.cache`;
    writeFileSync(cache, 'not a V8 code cache');
    const term = startTerminal({ cols: 100, rows: 30, env: isolatedEnv('dmst-e2e-cache-').env });
    await term.waitForText('dms-tui › Tasks');
    await waitFor(() => expect(readFileSync(cache).length).toBeGreaterThan(100_000), {
      timeout: 20_000,
    });
    await term.pressCommand('app.quit');
    expect(await term.exited).toBe(0);
  }, 60_000);
});
