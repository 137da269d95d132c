// A broken projects.json (valid JSON, wrong types) no longer crashes the app on `:project`: the
// store moves it aside, the status bar says so, and the projects screen opens empty.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openProjects } from '../../src/config/projects.js';
import { App } from '../../src/shell/App.js';
import { renderInk } from '../support/ink.js';
import { testServices } from '../support/services.js';

let dir: string;
let restoreEnv: () => void;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dmst-broken-config-'));
  // Profiles come from files of the test's own, never from the developer's ~/.aws.
  writeFileSync(join(dir, 'aws-config'), '[default]\nregion = eu-west-1\n');
  const saved = {
    config: process.env.AWS_CONFIG_FILE,
    credentials: process.env.AWS_SHARED_CREDENTIALS_FILE,
  };
  process.env.AWS_CONFIG_FILE = join(dir, 'aws-config');
  process.env.AWS_SHARED_CREDENTIALS_FILE = join(dir, 'aws-credentials');
  restoreEnv = () => {
    process.env.AWS_CONFIG_FILE = saved.config;
    process.env.AWS_SHARED_CREDENTIALS_FILE = saved.credentials;
  };
});
afterEach(() => {
  restoreEnv();
  rmSync(dir, { recursive: true, force: true });
});

describe('a broken projects.json', () => {
  it.each([
    ['a project that is null', '{"projects":{"x":null}}', 'projects["x"] must be an object'],
    ['projects that are text', '{"projects":"boom"}', 'projects must be an object, not text'],
    [
      'a name that is a number',
      '{"projects":{"x":{"name":5,"profile":"","source":null,"target":null,"created":"2026"}}}',
      'projects["x"].name must be text',
    ],
  ])(
    'with %s: `:project` opens and the status bar says what happened',
    async (_what, text, why) => {
      const config = join(dir, 'config');
      const file = join(config, 'projects.json');
      mkdirSync(config);
      writeFileSync(file, text);
      const projects = openProjects(config);
      const app = renderInk(
        <App
          services={testServices({ projects })}
          initialRoute={{ screen: 'profiles' }}
          notice={projects.notice}
        />,
      );
      await app.waitForText('PROFILE');
      await app.pressCommand('app.goto');
      await app.type('project');
      await app.pressCommand('prompt.accept');
      const frame = await app.waitForText('No projects yet');
      expect(frame).toContain('dms-tui › Projects');
      expect(frame).toContain('projects.json is not valid');
      expect(projects.notice).toContain(why);
      expect(projects.notice).toMatch(/moved to .*projects\.json\.corrupt-.*; using defaults$/);
      const aside = readdirSync(config).find((n) => n.startsWith('projects.json.corrupt-'));
      expect(readFileSync(join(config, aside!), 'utf8')).toBe(text);
      app.unmount();
    },
  );
});
