// The agent route in a real terminal, on the demo a fresh machine gets (the built CLI in a
// pseudo-terminal, --sandbox with a fresh config dir): schema browser → mark the demo's sales
// tables → A → the Create agent task form → Ctrl-s → the Agent screen, where the task passes
// 50 % (every partition in S3) and reaches 100 % (DMS has loaded the demo target from S3).
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stopAgent } from '../../src/agent/launcher.js';
import { CLI, isolatedEnv, startTerminal, type TerminalSession } from '../support/pty.js';
import { type SandboxProcess, spawnSandbox } from '../support/sandboxProcess.js';

beforeAll(() => {
  if (!existsSync(CLI))
    throw new Error('dist/cli.js is missing: run `npm run build` first (npm test does)');
});

describe('the agent route in a real terminal', () => {
  const { home, env } = isolatedEnv('dmst-e2e-agent-');
  const sandboxDir = join(env.DMS_TUI_DATA_DIR, 'sandbox');
  let sandbox: SandboxProcess | undefined;
  afterAll(async () => {
    await stopAgent(join(env.DMS_TUI_DATA_DIR, 'agent')).catch(() => undefined);
    await sandbox?.stop();
    rmSync(home, { recursive: true, force: true });
  });

  it('browser → mark the sales tables → A → form → Ctrl-s → :agent at 50 % then 100 %', async () => {
    sandbox = spawnSandbox(sandboxDir, env);
    const url = await sandbox.ready(150_000);
    const instances = (await (
      await fetch(url, {
        method: 'POST',
        headers: {
          'x-amz-target': 'AmazonDMSv20160101.DescribeReplicationInstances',
          'content-type': 'application/x-amz-json-1.1',
          authorization:
            'AWS4-HMAC-SHA256 Credential=SANDBOXACCESSKEY/20260101/us-east-1/dms/aws4_request, SignedHeaders=host, Signature=0',
        },
        body: '{}',
      })
    ).json()) as { ReplicationInstances: { ReplicationInstanceIdentifier: string }[] };
    const instance = instances.ReplicationInstances[0]?.ReplicationInstanceIdentifier ?? '';
    expect(instance).not.toBe('');

    let term: TerminalSession | undefined;
    try {
      term = startTerminal({ args: ['--sandbox'], cols: 130, rows: 40, env });
      // The tree lists hr, inventory, public, sales (with table counts, or "schema missing in
      // target" when the demo target has no such schema yet).
      await term.waitForText(/▸ ○ sales\s+\S/, 120_000);
      // db → hr → inventory → public → sales: focus sales and mark it whole.
      for (let i = 0; i < 4; i++) await term.pressCommand('list.down');
      await term.pressCommand('list.mark');
      await term.waitForText('1 marked');
      await term.pressCommand('browser.createAgentTask');
      await term.waitForText('Create agent task: include sales.%');
      await term.waitForText('must trust dms.amazonaws.com');
      // Filled in from the project, as the Create DMS task form is: the endpoint of the demo
      // target and the sandbox's instance.
      await term.waitForText(/Target endpoint\s+demo-target/, 30_000);
      await term.waitForText(new RegExp(`Instance\\s+${instance}`), 30_000);
      await term.pressCommand('form.create');
      await term.waitForText(/Agent running · pid \d+/, 60_000);
      await term.waitForText(/› sales\s+\S+/, 30_000);
      await term.pressCommand('agent.logTab');
      await term.waitForText('local subtask done: every partition is in S3 (50 %)', 120_000);
      const done = await term.waitForText(
        /sales\s+completed\s+local done\s+DMS done.*100%/,
        180_000,
      );
      expect(done).toMatch(/sales\.orders\s+\d+\/\d+\s+30,000\/30,000/);
      await term.pressCommand('app.quit', 'ctrl+c');
      expect(await term.exited).toBe(0);
    } finally {
      term?.kill();
    }
  }, 420_000);
});
