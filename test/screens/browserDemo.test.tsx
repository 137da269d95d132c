// A fresh machine: no projects, and the sandbox reports its demo databases (here PGlite served
// over TCP stands in for the sandbox's demo). Root creates the "demo" project, opens it, and
// the browser shows the demo source tree; a second start finds the project and creates nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Root, type RootConfig } from '../../src/shell/Root.js';
import { openPreferences } from '../../src/config/preferences.js';
import { openProjects } from '../../src/config/projects.js';
import { renderInk } from '../support/ink.js';
import { type PgliteServer, startPglite } from '../support/pglite.js';

let pglite: PgliteServer;
let dir: string;
beforeAll(async () => {
  pglite = await startPglite();
  await pglite.exec(
    'CREATE SCHEMA demo_shop; CREATE TABLE demo_shop.orders (id int PRIMARY KEY); CREATE TABLE demo_shop.items (id int);',
  );
  dir = mkdtempSync(join(tmpdir(), 'dmst-demo-'));
});
afterAll(async () => {
  await pglite?.close();
  rmSync(dir, { recursive: true, force: true });
});

function config(): RootConfig {
  return {
    target: { sandbox: true, endpointUrl: 'http://127.0.0.1:9', region: 'us-east-1' },
    preferences: openPreferences(dir),
    readOnly: false,
    refreshSeconds: 5,
    projects: openProjects(dir),
    sandbox: {
      endpointUrl: 'http://127.0.0.1:9',
      demo: { source: pglite.spec, target: { ...pglite.spec, database: 'postgres' } },
    },
  };
}

describe('the demo project on a fresh machine', () => {
  it('is created and opened, and the browser shows its source tree', async () => {
    const c = config();
    expect(c.projects!.list()).toHaveLength(0);
    const app = renderInk(<Root config={c} initialRoute={{ screen: 'browser' }} />);
    await app.waitForText(/demo_shop\s+2 tables/);
    await app.pressCommand('list.down');
    await app.pressCommand('browser.expand');
    await app.waitForText('orders');
    expect(c.projects!.list().map((p) => p.name)).toEqual(['demo']);
    expect(c.projects!.get('demo')).toMatchObject({ profile: 'sandbox', region: 'us-east-1' });
    app.unmount();

    // The next start: the demo project exists; nothing new is created.
    const again = config();
    const second = renderInk(<Root config={again} initialRoute={{ screen: 'projects' }} />);
    await second.waitForText('demo');
    expect(again.projects!.list()).toHaveLength(1);
    second.unmount();
  });
});
