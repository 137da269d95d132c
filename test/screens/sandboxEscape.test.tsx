// A sandbox project never calls a non-loopback URL, whatever the environment says: the app
// (Root, as cli.tsx renders it, then opening the project again) and the scripting commands run
// with every AWS_* variable pointing away, and every request the SDK sends is checked (a
// createAwsClients option) and must go to the in-process sandbox. Also: the client factory
// refuses a sandbox target off loopback before any request exists.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { dmsCall } from '../../src/aws/call.js';
import { createAwsClients } from '../../src/aws/clients.js';
import { runTaskCommand } from '../../src/commands/index.js';
import { EXIT } from '../../src/commands/io.js';
import { openPreferences } from '../../src/config/preferences.js';
import { openProjects } from '../../src/config/projects.js';
import { isLoopbackHost } from '../../src/model/awsTarget.js';
import { resolveTarget } from '../../src/model/targetRule.js';
import { Root } from '../../src/shell/Root.js';
import { renderInk } from '../support/ink.js';
import { waitFor } from '../support/wait.js';
import { startTestSandbox, type TestSandbox } from '../support/sandbox.js';

const HOSTILE_ENV = {
  AWS_DEFAULT_REGION: 'us-east-1',
  AWS_REGION: 'eu-west-1',
  AWS_PROFILE: 'x',
  AWS_ENDPOINT_URL: 'http://198.51.100.1:9',
};

let sb: TestSandbox;
let configDir: string;
/** Every URL the SDK was about to call; a non-loopback one is also recorded as a violation. */
const sent: URL[] = [];
const violations: string[] = [];
const checkRequest = (url: URL) => {
  sent.push(url);
  if (!isLoopbackHost(url.hostname)) {
    violations.push(url.href);
    throw new Error(`test: refused a call to ${url.href}`);
  }
};

beforeAll(async () => {
  sb = await startTestSandbox({ fakeEngine: true, endpoints: true });
  await sb.createTask('escape-check');
  configDir = mkdtempSync(join(tmpdir(), 'dmst-escape-'));
  vi.stubEnv('DMS_TUI_CONFIG_DIR', configDir);
  for (const [name, value] of Object.entries(HOSTILE_ENV)) vi.stubEnv(name, value);
  vi.stubEnv('AWS_CONFIG_FILE', join(configDir, 'no-aws-config'));
  vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', join(configDir, 'no-aws-credentials'));
  openProjects(configDir).create({ name: 'demo', profile: 'sandbox', source: null, target: null });
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await sb?.close();
});

function expectOnlySandbox(from: number) {
  const calls = sent.slice(from);
  expect(calls.length).toBeGreaterThan(0);
  expect(violations).toEqual([]);
  for (const url of calls) expect(url.origin).toBe(new URL(sb.sandbox.url).origin);
}

describe('a sandbox project with every AWS_* variable pointing elsewhere', () => {
  it('the commands (--project demo) call only the sandbox', async () => {
    const from = sent.length;
    let stdout = '';
    let stderr = '';
    const code = await runTaskCommand('tasks', ['--project', 'demo'], {
      stdout: (t) => {
        stdout += t;
      },
      stderr: (t) => {
        stderr += t;
      },
      env: { ...process.env, ...HOSTILE_ENV },
      ensureSandbox: async () => ({ endpointUrl: sb.sandbox.url }),
      clientOptions: { checkRequest },
    });
    expect(stderr).toBe('');
    expect(code).toBe(EXIT.ok);
    expect(stdout).toContain('escape-check');
    expectOnlySandbox(from);
  });

  it('the app, at start and after opening the project again, calls only the sandbox', async () => {
    const from = sent.length;
    const projects = openProjects(configDir);
    const preferences = openPreferences(configDir);
    const targetInputs = { flags: {}, env: { ...process.env, ...HOSTILE_ENV } };
    const { target } = resolveTarget({
      ...targetInputs,
      project: projects.get('demo'),
      preferences: preferences.get(),
      sandboxUrl: sb.sandbox.url,
    });
    const app = renderInk(
      <Root
        config={{
          target,
          targetInputs,
          sandbox: { endpointUrl: sb.sandbox.url },
          preferences,
          readOnly: true,
          refreshSeconds: 1,
          projects,
          initialProject: 'demo',
          clientOptions: { checkRequest },
        }}
        initialRoute={{ screen: 'tasks' }}
      />,
    );
    const frame = await app.waitForText('escape-check');
    expect(frame).toContain(`sandbox · ${sb.sandbox.url}`);
    // Open the project again from the projects screen: the same rule, the same sandbox.
    await app.pressCommand('app.goto');
    await app.type('project');
    await app.pressCommand('prompt.accept');
    await app.waitForText('demo');
    await app.pressCommand('projects.open');
    await waitFor(() => expect(app.lastFrame()).toContain(`sandbox · ${sb.sandbox.url}`));
    // …and the task list, with the clients the reopened project made, still reads the sandbox.
    const before = sent.length;
    await app.pressCommand('app.goto');
    await app.type('tasks');
    await app.pressCommand('prompt.accept');
    await app.waitForText('escape-check');
    await waitFor(() => expect(sent.length).toBeGreaterThan(before));
    expect(app.lastFrame()).toContain(`sandbox · ${sb.sandbox.url}`);
    app.unmount();
    expectOnlySandbox(from);
  });

  it('the client factory refuses a sandbox target off loopback, before any request', async () => {
    const from = sent.length;
    for (const endpointUrl of [
      'http://198.51.100.1:9',
      'https://dms.us-east-1.amazonaws.com',
      undefined,
    ]) {
      const clients = createAwsClients({ sandbox: true, endpointUrl }, { checkRequest });
      await expect(clients.dms()).rejects.toThrow(/Refusing|not running/);
      await expect(clients.logs()).rejects.toThrow(/Refusing|not running/);
      await expect(
        dmsCall(clients, 'DescribeReplicationTasks', (c, sdk) =>
          c.send(new sdk.DescribeReplicationTasksCommand({})),
        ),
      ).rejects.toMatchObject({ code: 'SandboxEscape' });
      clients.destroy();
    }
    expect(sent.length).toBe(from);
  });
});
