// The schema browser on real PostgreSQL, on what must not leak or take over the terminal:
// each password prompt starts empty and belongs to its own side (the target's prompt once
// opened holding the source's password, so Enter sent it to the target server), and a table
// whose name holds an escape sequence, a C1 control and a bidi override is drawn visibly.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openProjects } from '../../src/config/projects.js';
import { CatalogSessions } from '../../src/db/catalog/session.js';
import { type DbConnection, openConnection } from '../../src/db/connection.js';
import { App } from '../../src/shell/App.js';
import { RAW_CONTROL, withoutSgr } from '../support/controls.js';
import { renderInk } from '../support/ink.js';
import { serverAvailable } from '../support/servers.js';
import { testServices } from '../support/services.js';

const pg = await serverAvailable('postgres');
const tag = Math.random().toString(36).slice(2, 8);
const SCHEMA = `dmst_safe_${tag}`;
const TABLE = 'evil\u001b]0;PWNED\u0007\u001b[5;31m\u009b2J\u202etxt';
const TABLE_SHOWN = 'evil\\x1b]0;PWNED\\x07\\x1b[5;31m\\x9b2J\\u202etxt';

describe.skipIf(!pg.ok)(`schema browser safety (${pg.reason})`, () => {
  let admin: DbConnection;
  const dirs: string[] = [];

  beforeAll(async () => {
    admin = await openConnection(pg.spec);
    await admin.query(`CREATE SCHEMA ${SCHEMA}`);
    await admin.query(`CREATE TABLE ${SCHEMA}."${TABLE}" (id int)`);
  });
  afterAll(async () => {
    await admin?.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
    await admin?.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  function open(remembered: boolean) {
    const configDir = mkdtempSync(join(tmpdir(), 'dmst-safe-'));
    dirs.push(configDir);
    const spec = { ...pg.spec, password: remembered ? undefined : 'on-disk-never' };
    openProjects(configDir).save({ name: 'p', profile: '', source: spec, target: spec });
    // A new run: passwords that were not remembered are asked for.
    const store = openProjects(configDir);
    const catalogs = new CatalogSessions();
    const services = testServices({ projects: store, project: store.get('p'), catalogs });
    const app = renderInk(<App services={services} initialRoute={{ screen: 'browser' }} />);
    /** Waits until the frame, colours removed, shows `text`; returns that frame. */
    const shows = async (text: string) => {
      await app.waitFor((f) => withoutSgr(f).includes(text), { what: text });
      return withoutSgr(app.frame());
    };
    return { app, store, catalogs, shows };
  }

  it('asks for the target password in an empty prompt of its own', async () => {
    const { app, store, catalogs, shows } = open(false);
    await shows('Password for the source');
    await app.type('source-secret');
    await shows('•'.repeat('source-secret'.length));
    await app.pressCommand('prompt.accept');
    const frame = await shows('Password for the target');
    // The prompt line holds no mask characters: nothing typed for the source is in it.
    const promptLine = frame.split('\n').find((l) => l.includes('Password for the target')) ?? '';
    expect(promptLine).not.toContain('•');
    await app.type('tgt');
    await app.pressCommand('prompt.accept');
    await shows(SCHEMA);
    expect(store.get('p')?.source?.password).toBe('source-secret');
    expect(store.get('p')?.target?.password).toBe('tgt');
    app.unmount();
    await catalogs.closeAll();
  });

  it('draws a table name holding control characters visibly', async () => {
    const { app, catalogs, shows } = open(true);
    await shows(SCHEMA);
    await app.filterTo(SCHEMA);
    await app.pressCommand('list.down');
    await app.pressCommand('browser.expand');
    const frame = await shows('evil\\x1b]0;PWNED');
    expect(frame).not.toMatch(RAW_CONTROL);
    expect(frame.replace(/\n/g, '')).toContain(TABLE_SHOWN.slice(0, 24));
    app.unmount();
    await catalogs.closeAll();
  });
});
