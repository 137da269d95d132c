// The projects screen: create, rename, settings, export/import, delete, open.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/shell/App.js';
import type { Services } from '../../src/ui/services.js';
import { openProjects, type ProjectsStore } from '../../src/config/projects.js';
import { renderInk } from '../support/ink.js';
import { waitFor } from '../support/wait.js';
import { filesContaining } from '../support/secrets.js';
import { testServices } from '../support/services.js';

const SECRET = `pw-projects-${Math.random().toString(36).slice(2, 8)}`;
let dir: string;
afterEach(() => {
  expect(filesContaining(dir, SECRET)).toEqual([]);
  rmSync(dir, { recursive: true, force: true });
});

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
    const app = renderInk(<App services={services} initialRoute={{ screen: 'projects' }} />);
    await app.waitForText('No projects yet');

    await app.pressCommand('projects.new');
    await app.waitForText('New project name:');
    await app.type('Sales move');
    await app.pressCommand('prompt.accept');
    await app.waitForText('Created Sales move');
    // Made while the app points at the sandbox: the project uses the sandbox.
    expect(store.get('Sales move')?.profile).toBe('sandbox');
    // The same name again is refused in the prompt.
    await app.pressCommand('projects.new');
    await app.type('sales MOVE');
    await app.pressCommand('prompt.accept');
    await app.waitForText('A project named "Sales move" already exists');
    await app.pressCommand('prompt.cancel');

    await app.pressCommand('projects.rename');
    await app.waitForText('Rename Sales move to:');
    await app.type(' 2');
    await app.pressCommand('prompt.accept');
    await app.waitForText('Renamed Sales move to Sales move 2');

    // Settings: a bad region is caught inline, a good one saved.
    await app.pressCommand('projects.settings');
    await app.waitForText('Settings of Sales move 2');
    await app.press('ctrl+u');
    await app.type('prod');
    await app.pressCommand('form.next');
    await app.type('mars-1');
    await app.waitForText('"mars-1" is not an AWS region');
    await app.press('ctrl+u');
    await app.type('eu-west-1');
    await app.pressCommand('form.next');
    await app.type('ri-main');
    await app.pressCommand('prompt.accept');
    await app.waitForText('Saved the settings of Sales move 2');
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
    await app.pressCommand('projects.export');
    await app.waitForText('Export to file:');
    await app.press('ctrl+u');
    await app.type(file);
    await app.pressCommand('prompt.accept');
    await app.waitForText('Exported Sales move 2');
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file, 'utf8')).not.toContain(SECRET);
    await app.pressCommand('projects.import');
    await app.type(join(dir, 'missing.json'));
    await app.pressCommand('prompt.accept');
    await app.waitForText('No such file');
    await app.press('ctrl+u');
    await app.type(file);
    await app.pressCommand('prompt.accept');
    await app.waitForText('Imported project Sales move 2 (2)');
    // Each confirmation names what happened and where; :messages keeps them all.
    await app.pressCommand('app.goto');
    await app.type('messages');
    await app.press('enter');
    const messages = await app.waitForText('recent messages');
    expect(messages).toContain(`Exported Sales move 2 to ${file}`);
    expect(messages).toContain('Imported project Sales move 2 (2) from');
    expect(messages).toContain('Renamed Sales move to Sales move 2');
    await app.pressCommand('app.goto');
    await app.type('project');
    await app.press('enter');
    await app.waitForText('Sales move 2 (2)');

    // Delete asks first.
    await app.pressCommand('projects.delete');
    await app.waitForText(/Delete project .*\?/);
    await app.pressCommand('dialog.confirm', 'y');
    await app.waitForText(/Deleted project/);
    expect(store.list()).toHaveLength(1);

    // Enter opens the project and goes to the schema browser.
    await app.pressCommand('list.top');
    await app.pressCommand('projects.open');
    await app.waitForText('Schema browser');
    expect(opened.at(-1)).toBe(store.list()[0]!.name);
    await waitFor(() => expect(app.lastFrame()).not.toContain(SECRET));
    app.unmount();
  });
});
