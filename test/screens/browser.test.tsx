// The schema browser on real PostgreSQL: a source schema with odd names and a target database
// holding only some of its tables. Expand, collapse, filter, mark, "missing in target", and `c`
// handing exactly the marked tables to the Create DMS Task form's route.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Text } from 'ink';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { App } from '../../src/shell/App.js';
import { SCREENS } from '../../src/shell/screens.js';
import type { ScreenProps } from '../../src/ui/screenProps.js';
import { openProjects, type ProjectsStore } from '../../src/config/projects.js';
import { CatalogSessions } from '../../src/db/catalog/session.js';
import { type DbConnection, openConnection } from '../../src/db/connection.js';
import type { ConnectionSpec } from '../../src/model/connection.js';
import type { RouteParams } from '../../src/model/navigation.js';
import { inkDriver, renderInk } from '../support/ink.js';
import { waitFor } from '../support/wait.js';
import { filesContaining } from '../support/secrets.js';
import { serverAvailable } from '../support/servers.js';
import { testServices } from '../support/services.js';

const pg = await serverAvailable('postgres');
const tag = Math.random().toString(36).slice(2, 8);
const SCHEMA = `dmst_browser_${tag}`;
const TARGET_DB = `dmst_browser_tgt_${tag}`;
const SECRET = `pw-browser-${tag}-never-stored`;

// The route `c` pushes is read through a probe registered as the taskForm screen (the real
// form, once merged, is replaced for this test file only).
let pushed: RouteParams['taskForm'] | undefined;
function TaskFormProbe({ params }: ScreenProps<'taskForm'>) {
  pushed = params;
  return <Text>TASKFORM</Text>;
}
SCREENS.taskForm = { title: () => 'Create DMS task', component: TaskFormProbe };

describe.skipIf(!pg.ok)(`schema browser (${pg.reason})`, () => {
  let admin: DbConnection;
  let configDir: string;
  let store: ProjectsStore;
  let source: ConnectionSpec;
  let target: ConnectionSpec;
  const frames: string[] = [];

  beforeAll(async () => {
    admin = await openConnection(pg.spec);
    await admin.query(`CREATE SCHEMA ${SCHEMA}`);
    await admin.query(
      `CREATE TABLE ${SCHEMA}."Alpha" (id int PRIMARY KEY, body text);
       CREATE TABLE ${SCHEMA}.beta (id int);
       CREATE TABLE ${SCHEMA}."Gamma Ray" (id int);
       CREATE VIEW ${SCHEMA}.v_alpha AS SELECT id FROM ${SCHEMA}."Alpha";`,
    );
    await admin.query(`CREATE DATABASE ${TARGET_DB}`);
    const t = await openConnection({ ...pg.spec, database: TARGET_DB });
    await t.query(`CREATE SCHEMA ${SCHEMA}; CREATE TABLE ${SCHEMA}.alpha (id int)`);
    await t.close();
    source = { ...pg.spec, password: SECRET };
    target = { ...pg.spec, database: TARGET_DB };
  });
  afterAll(async () => {
    await admin?.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
    await admin?.query(`DROP DATABASE IF EXISTS ${TARGET_DB} WITH (FORCE)`);
    await admin?.close();
  });
  afterEach(() => {
    expect(filesContaining(configDir, SECRET)).toEqual([]);
    for (const frame of frames) expect(frame).not.toContain(SECRET);
    rmSync(configDir, { recursive: true, force: true });
  });

  const start = (catalogs = new CatalogSessions()) => {
    configDir = mkdtempSync(join(tmpdir(), 'dmst-browser-'));
    store = openProjects(configDir);
    store.save({ name: 'p', profile: '', source, target });
    const services = testServices({ projects: store, project: store.get('p'), catalogs });
    const app = renderInk(<App services={services} initialRoute={{ screen: 'browser' }} />);
    const lastFrame = () => {
      const f = app.lastFrame() ?? '';
      frames.push(f);
      return f;
    };
    // Every frame the test looks at is kept for the secrets check.
    const driver = inkDriver({ stdin: app.stdin, frames: app.frames, lastFrame });
    return { app: { ...app, ...driver, lastFrame }, catalogs };
  };

  it('expands, collapses, filters, marks, shows missing tables and hands the selection over', async () => {
    const { app, catalogs } = start();
    await app.waitForText(SCHEMA);
    // Narrow to our schema (other test files have schemas here too).
    await app.filterTo(SCHEMA);
    await app.pressCommand('list.down');
    await app.pressCommand('browser.expand');
    let frame = await app.waitForText('Gamma Ray');
    expect(frame).toContain('Alpha');
    expect(frame).toContain('v_alpha');
    // beta and "Gamma Ray" are not in the target; Alpha is (as alpha).
    // A missing table keeps its size (what matters before migrating).
    frame = await app.waitForText(/beta\s+0 B · missing in target/);
    expect(frame).toMatch(/Gamma Ray\s+.*missing in target/);
    expect(frame).not.toMatch(/Alpha\s+.*missing in target/);

    // Collapse and expand again: served from the session cache.
    await app.pressCommand('browser.collapse');
    await waitFor(() => expect(app.lastFrame()).not.toContain('Gamma Ray'));
    await app.pressCommand('browser.expand');
    await app.waitForText('Gamma Ray');

    // Columns of Alpha: key and LOB flags.
    await app.pressCommand('list.down');
    await app.pressCommand('browser.expand');
    frame = await app.waitForText(/body\s+text LOB null/);
    expect(frame).toMatch(/id\s+integer PK not null/);
    await app.pressCommand('browser.expand');
    await waitFor(() => expect(app.lastFrame()).not.toMatch(/body\s+text/));

    // `/` filter across loaded names.
    await app.pressCommand('list.filter');
    await app.press(...Array(SCHEMA.length).fill('backspace'));
    await app.type('gam');
    frame = await app.waitForText('Gamma Ray');
    await waitFor(() => expect(app.lastFrame()).not.toContain('beta'));
    await app.pressCommand('prompt.cancel');
    await app.waitForText('beta');

    // Mark beta and Gamma Ray (Space marks and moves down), then c.
    await app.filterTo(SCHEMA);
    await waitFor(() => expect(app.lastFrame()).not.toMatch(/○ public/));
    await app.pressCommand('list.top');
    for (let i = 0; i < 3; i++) await app.pressCommand('list.down');
    await app.pressCommand('list.mark');
    await app.pressCommand('list.mark');
    await app.waitForText('2 marked');
    frame = app.lastFrame();
    expect(frame).toMatch(/◉ beta/);
    expect(frame).toMatch(/◉ Gamma Ray/);
    await app.pressCommand('browser.createTask');
    await app.waitForText('TASKFORM');
    expect(pushed).toEqual({
      selection: {
        schemas: [],
        tables: expect.arrayContaining([
          { schema: SCHEMA, table: 'beta' },
          { schema: SCHEMA, table: 'Gamma Ray' },
        ]),
      },
    });
    expect((pushed!.selection as { tables: unknown[] }).tables).toHaveLength(2);
    app.unmount();
    await catalogs.closeAll();
  });

  it('hands a focused schema over as a whole, and reloads with r', async () => {
    const { app, catalogs } = start();
    await app.waitForText(SCHEMA);
    await app.filterTo(SCHEMA);
    await app.pressCommand('list.down');
    await app.pressCommand('browser.reload');
    await app.waitForText('4 tables');
    await app.pressCommand('browser.createTask');
    await app.waitForText('TASKFORM');
    expect(pushed).toEqual({ selection: { schemas: [SCHEMA], tables: [] } });
    app.unmount();
    await catalogs.closeAll();
  });

  it('asks once per run for a password that was not remembered', async () => {
    configDir = mkdtempSync(join(tmpdir(), 'dmst-browser-'));
    openProjects(configDir).save({ name: 'p', profile: '', source, target });
    // The next run: the password is not on disk, so the browser asks for it.
    store = openProjects(configDir);
    const catalogs = new CatalogSessions();
    const services = testServices({ projects: store, project: store.get('p'), catalogs });
    const app = renderInk(<App services={services} initialRoute={{ screen: 'browser' }} />);
    const lastFrame = () => {
      const f = app.lastFrame() ?? '';
      frames.push(f);
      return f;
    };
    // Every frame the test looks at is kept for the secrets check.
    const ui = inkDriver({ stdin: app.stdin, frames: app.frames, lastFrame });
    await ui.waitForText('Password for the source');
    await ui.type(SECRET);
    await ui.pressCommand('prompt.accept');
    await ui.waitForText(SCHEMA);
    expect(store.needsPassword('p', 'source')).toBe(false);
    app.unmount();
    await catalogs.closeAll();
  });
});
