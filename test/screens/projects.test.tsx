// The projects screen: create, rename, settings, export/import, delete, open.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/shell/App.js';
import type { Services } from '../../src/ui/services.js';
import { openProjects, type ProjectsStore } from '../../src/config/projects.js';
import { KEYS, press, waitFor, waitForFrame } from '../support/ink.js';
import { filesContaining } from '../support/secrets.js';
import { testServices } from '../support/services.js';

const SECRET = `pw-projects-${Math.random().toString(36).slice(2, 8)}`;
let dir: string;
afterEach(() => {
  expect(filesContaining(dir, SECRET)).toEqual([]);
  rmSync(dir, { recursive: true, force: true });
});

async function type(app: { stdin: { write(s: string): void } }, text: string) {
  for (const ch of text) {
    app.stdin.write(ch);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('projects screen', () => {
  it('creates, renames, edits settings, exports, imports, deletes and opens projects', async () => {
    dir = mkdtempSync(join(tmpdir(), 'dmst-projects-screen-'));
    const store: ProjectsStore = openProjects(join(dir, 'config'));
    const opened: (string | null)[] = [];
    const services: Services = testServices({
      projects: store,
      openProject: (name) => {
        opened.push(name);
        services.project = name ? store.get(name) : undefined;
      },
    });
    const app = render(<App services={services} initialRoute={{ screen: 'projects' }} />);
    await waitForFrame(app.lastFrame, 'No projects yet');

    await press(app, 'n');
    await waitForFrame(app.lastFrame, 'New project name:');
    await type(app, 'Sales move');
    await press(app, KEYS.enter);
    await waitForFrame(app.lastFrame, 'Created Sales move');
    // The same name again is refused in the prompt.
    await press(app, 'n');
    await type(app, 'sales MOVE');
    await press(app, KEYS.enter);
    await waitForFrame(app.lastFrame, 'A project named "Sales move" already exists');
    await press(app, KEYS.escape);

    await press(app, 'R');
    await waitForFrame(app.lastFrame, 'Rename Sales move to:');
    await type(app, ' 2');
    await press(app, KEYS.enter);
    await waitForFrame(app.lastFrame, 'Renamed Sales move to Sales move 2');

    // Settings: a bad region is caught inline, a good one saved.
    await press(app, 'e');
    await waitForFrame(app.lastFrame, 'Settings of Sales move 2');
    await type(app, 'prod');
    await press(app, KEYS.tab);
    await type(app, 'mars-1');
    await waitForFrame(app.lastFrame, '"mars-1" is not an AWS region');
    app.stdin.write(KEYS.ctrl('u'));
    await type(app, 'eu-west-1');
    await press(app, KEYS.tab);
    await type(app, 'ri-main');
    await press(app, KEYS.enter);
    await waitForFrame(app.lastFrame, 'Saved the settings of Sales move 2');
    expect(store.get('Sales move 2')).toMatchObject({
      profile: 'prod',
      region: 'eu-west-1',
      defaultReplicationInstance: 'ri-main',
    });

    // Export (no secrets), then import under a free name.
    store.save(
      {
        ...store.get('Sales move 2')!,
        source: {
          engine: 'postgres',
          host: 'db',
          port: 5432,
          database: 'd',
          user: 'u',
          password: SECRET,
          sslMode: 'none',
        },
      },
      { remember: { source: false } },
    );
    const file = join(dir, 'exported.json');
    await press(app, 'x');
    await waitForFrame(app.lastFrame, 'Export to file:');
    app.stdin.write(KEYS.ctrl('u'));
    await type(app, file);
    await press(app, KEYS.enter);
    await waitForFrame(app.lastFrame, 'Exported Sales move 2');
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file, 'utf8')).not.toContain(SECRET);
    await press(app, 'i');
    await type(app, join(dir, 'missing.json'));
    await press(app, KEYS.enter);
    await waitForFrame(app.lastFrame, 'No such file');
    app.stdin.write(KEYS.ctrl('u'));
    await type(app, file);
    await press(app, KEYS.enter);
    await waitForFrame(app.lastFrame, 'Imported project Sales move 2 (2)');

    // Delete asks first.
    await press(app, KEYS.ctrl('d'));
    await waitForFrame(app.lastFrame, /Delete project .*\?/);
    await press(app, 'y');
    await waitForFrame(app.lastFrame, /Deleted project/);
    expect(store.list()).toHaveLength(1);

    // Enter opens the project and goes to the schema browser.
    await press(app, 'g', KEYS.enter);
    await waitForFrame(app.lastFrame, 'Schema browser');
    expect(opened.at(-1)).toBe(store.list()[0]!.name);
    await waitFor(() => expect(app.lastFrame()).not.toContain(SECRET));
    app.unmount();
  });
});
