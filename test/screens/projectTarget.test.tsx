// A project remembers where its calls go: choosing the sandbox (or a profile and region) on
// `:profiles` is saved in the open project, a project created while the app points at the
// sandbox uses the sandbox, and `dms-tui tasks` (no flags) then goes where the app went, as
// does `--project NAME`.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runTaskCommand } from '../../src/commands/index.js';
import { EXIT } from '../../src/commands/io.js';
import { openPreferences } from '../../src/config/preferences.js';
import { openProjects, type ProjectsStore } from '../../src/config/projects.js';
import { resolveTarget } from '../../src/model/targetRule.js';
import { Root } from '../../src/shell/Root.js';
import { renderInk } from '../support/ink.js';
import { startTestSandbox, type TestSandbox } from '../support/sandbox.js';
import { waitFor } from '../support/wait.js';

let sb: TestSandbox;
let configDir: string;
let projects: ProjectsStore;

beforeAll(async () => {
  sb = await startTestSandbox({ fakeEngine: true, endpoints: true });
  await sb.createTask('target-check');
  configDir = mkdtempSync(join(tmpdir(), 'dmst-project-target-'));
  writeFileSync(join(configDir, 'aws-config'), '[profile dev]\nregion = eu-west-1\n');
  vi.stubEnv('DMS_TUI_CONFIG_DIR', configDir);
  vi.stubEnv('AWS_CONFIG_FILE', join(configDir, 'aws-config'));
  vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', join(configDir, 'no-credentials'));
  for (const name of ['AWS_PROFILE', 'AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_ENDPOINT_URL'])
    vi.stubEnv(name, '');
  projects = openProjects(configDir);
  projects.create({ name: 'aws-one', profile: '', source: null, target: null });
  projects.touch('aws-one');
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await sb?.close();
});

async function goto(app: ReturnType<typeof renderInk>, screen: string) {
  await app.pressCommand('app.goto');
  await app.type(screen);
  await app.pressCommand('prompt.accept');
}

function tasksCommand(...args: string[]) {
  let stdout = '';
  let stderr = '';
  return runTaskCommand('tasks', args, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    env: { DMS_TUI_CONFIG_DIR: configDir },
    ensureSandbox: async () => ({ endpointUrl: sb.url }),
  }).then((code) => ({ code, stdout, stderr }));
}

describe('a project remembers its AWS target', () => {
  it(':profiles saves the choice in the project; new projects and the commands follow it', async () => {
    const preferences = openPreferences(configDir);
    const targetInputs = { flags: {}, env: {} };
    const { target } = resolveTarget({ ...targetInputs, project: projects.get('aws-one') });
    const app = renderInk(
      <Root
        config={{
          target,
          targetInputs,
          sandbox: { endpointUrl: sb.url },
          startSandbox: async () => ({ endpointUrl: sb.url }),
          preferences,
          readOnly: false,
          refreshSeconds: 5,
          projects,
          initialProject: 'aws-one',
        }}
        initialRoute={{ screen: 'profiles' }}
      />,
    );
    await app.waitForText('default chain · no region');
    // Before: the project points at AWS with no region, and the command cannot go anywhere.
    const before = await tasksCommand();
    expect(before.code).not.toBe(EXIT.ok);

    // The rows: the default chain, the sandbox, then dev.
    await app.waitForText('dev');
    await app.pressCommand('list.down');
    await app.pressCommand('profiles.select');
    await app.waitForText('Project aws-one now uses sandbox');
    await app.waitForText(`sandbox · ${sb.url}`);
    expect(projects.get('aws-one')?.profile).toBe('sandbox');

    const after = await tasksCommand();
    expect(after.stderr).toBe('');
    expect(after.code).toBe(EXIT.ok);
    expect(after.stdout).toContain('target-check');

    // A project made now (inside the sandbox) uses the sandbox.
    await goto(app, 'project');
    await app.waitForText('aws-one');
    await app.pressCommand('projects.new');
    await app.type('inside');
    await app.pressCommand('prompt.accept');
    await app.waitForText('Created inside');
    expect(projects.get('inside')?.profile).toBe('sandbox');
    const named = await tasksCommand('--project', 'inside');
    expect(named.code).toBe(EXIT.ok);
    expect(named.stdout).toContain('target-check');

    // A profile and its region are saved the same way.
    await goto(app, 'profiles');
    await app.waitForText('dev');
    await app.pressCommand('list.down');
    await app.pressCommand('list.down');
    await app.pressCommand('profiles.select');
    await app.waitForText('Project aws-one now uses dev in eu-west-1');
    await app.waitForText('dev · eu-west-1');
    await waitFor(() =>
      expect(projects.get('aws-one')).toMatchObject({ profile: 'dev', region: 'eu-west-1' }),
    );
    app.unmount();
  });

  it('the project used last is the one reopened (lastUsed)', () => {
    projects.touch('inside');
    expect(projects.lastUsed()?.name).toBe('inside');
    projects.touch('aws-one');
    expect(projects.lastUsed()?.name).toBe('aws-one');
  });
});
