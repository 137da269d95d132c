// The preflight checklist in the app, against a PostgreSQL source and a MariaDB target reached
// through the open project (tasks in an in-process sandbox): from the Create form (P/Ctrl-k on
// the form's values; the last verdict under the fields), from the task list (p on a task; Start
// then asks, naming the failures), and what it says when the project lacks a connection.
import { type AddressInfo, createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findTask } from '../../src/aws/tasks.js';
import { type DbConnection, openConnection } from '../../src/db/connection.js';
import type { Project } from '../../src/model/project.js';
import type { Route } from '../../src/model/navigation.js';
import { App } from '../../src/shell/App.js';
import { renderInk } from '../support/ink.js';
import {
  sandboxServices,
  startTestSandbox,
  type TestSandbox,
  uniqueName,
} from '../support/sandbox.js';
import { serverAvailable } from '../support/servers.js';
import { waitFor } from '../support/wait.js';
import { lineWith } from './taskFormSupport.js';

const pg = await serverAvailable('postgres');
const my = await serverAvailable('mysql');
const ready = pg.ok && my.ok;
const schema = uniqueName('dmst_pfa');
let sb: TestSandbox;
let pgc: DbConnection;
let myc: DbConnection;

const project = (): Project => ({
  name: 'pf',
  profile: 'sandbox',
  source: { ...pg.spec },
  target: { ...my.spec },
});

function open(route: Route, p: Project = project()) {
  return renderInk(
    <App services={sandboxServices(sb, { project: p, refreshSeconds: 1 })} initialRoute={route} />,
  );
}

const select = (table: string, id: string) => ({
  'rule-type': 'selection',
  'rule-id': id,
  'rule-name': id,
  'object-locator': { 'schema-name': schema, 'table-name': table },
  'rule-action': 'include',
});

beforeAll(async () => {
  if (!ready) return;
  sb = await startTestSandbox({ endpoints: true, fakeEngine: true });
  pgc = await openConnection(pg.spec);
  myc = await openConnection(my.spec);
  await pgc.query(`CREATE SCHEMA ${schema}`);
  await pgc.query(`CREATE TABLE ${schema}.orders (id int PRIMARY KEY, note varchar(40))`);
  await pgc.query(`INSERT INTO ${schema}.orders SELECT g, 'n' FROM generate_series(1, 20) g`);
  await pgc.query(`CREATE TABLE ${schema}.docs (id int PRIMARY KEY, body text)`);
  await pgc.query(`INSERT INTO ${schema}.docs VALUES (1, repeat('x', 50000))`);
  await myc.query(`CREATE DATABASE \`${schema}\``);
}, 60_000);

afterAll(async () => {
  if (!ready) return;
  await sb.close();
  await pgc.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await myc.query(`DROP DATABASE IF EXISTS \`${schema}\``);
  await pgc.close();
  await myc.close();
});

describe.skipIf(!ready)('preflight in the app', () => {
  it("checks the Create form's values and keeps the verdict under the fields", async () => {
    const app = open({
      screen: 'taskForm',
      params: { selection: { schemas: [schema], tables: [] }, largestLobBytes: 0 },
    });
    await app.waitForText('Task name');
    expect(app.frame()).not.toContain('Last preflight');
    // The name field has focus: Ctrl-k (P would be typed).
    await app.pressCommand('form.preflight', 'ctrl+k');
    const frame = await app.waitForText('Verdict: FAIL');
    expect(frame).toContain(`Preflight of this form`);
    expect(lineWith(frame, 'Source connection')).toMatch(/✓ PASS {2}Source connection: Connected/);
    expect(lineWith(frame, 'LOB columns')).toMatch(/✗ FAIL {2}LOB columns: Limited LOB mode cuts/);
    expect(frame).toContain('→ Raise LobMaxSize to at least 49 KB, or use full LOB mode');
    expect(lineWith(frame, 'Selected tables')).toContain('2 tables selected');
    await app.pressCommand('dialog.cancel');
    await app.waitFor(
      (f) => lineWith(f, 'Last preflight').includes('FAIL · failed: LOB columns · Ctrl-k runs'),
      { what: 'the last verdict under the fields' },
    );

    // Full LOB mode: the same checks pass, and the line says the verdict is of this form.
    for (let i = 0; i < 6; i++) await app.pressCommand('form.next');
    await app.waitForText('› Include LOB columns');
    await app.pressCommand('form.choicePrevious');
    await app.waitFor((f) => lineWith(f, 'Include LOB columns').includes('Full LOB mode'), {
      what: 'full LOB mode',
    });
    expect(lineWith(app.frame(), 'Last preflight')).toContain('(before the last changes)');
    expect(lineWith(app.frame(), 'Last preflight')).toContain('P/Ctrl-k runs it again');
    await app.pressCommand('form.preflight');
    await app.waitForText(/Verdict: (PASS|WARN)/);
    await app.pressCommand('dialog.cancel');
    await app.waitFor((f) => /Last preflight: (PASS|WARN)/.test(lineWith(f, 'Last preflight')), {
      what: 'a passing verdict',
    });
    app.unmount();
  });

  it('runs for a task from the task list, and Start then asks naming the failures', async () => {
    const arn = await sb.createTask('pfa-bad', {
      tables: JSON.stringify({ rules: [select('orders', '1'), select('gone', '2')] }),
    });
    await waitFor(async () => expect((await findTask(sb.clients, arn)).status).toBe('ready'));
    const app = open({ screen: 'tasks' });
    await app.filterTo('pfa-bad');
    await app.waitForText(/pfa-bad\s+ready/);
    await app.pressCommand('task.preflight');
    const frame = await app.waitForText('Verdict: FAIL');
    expect(frame).toContain('Preflight of pfa-bad');
    expect(lineWith(frame, 'Selected tables')).toContain(`${schema}.gone does not exist`);
    await app.pressCommand('dialog.cancel');
    await app.waitFor((f) => !f.includes('Verdict:'), { what: 'the checklist closed' });

    await app.pressCommand('task.start');
    const question = await app.waitForText('Start despite a failed preflight?');
    expect(question).toContain('The last preflight failed for pfa-bad: Selected tables');
    await app.pressCommand('dialog.cancel');
    await app.waitFor((f) => !f.includes('Start despite'), { what: 'the question closed' });
    expect((await findTask(sb.clients, arn)).status).toBe('ready');

    await app.pressCommand('task.start');
    await app.waitForText('Start despite a failed preflight?');
    await app.pressCommand('dialog.confirm');
    await waitFor(async () => expect((await findTask(sb.clients, arn)).status).not.toBe('ready'));
    app.unmount();
  });

  it('shows the checks running, and Esc cancels them', async () => {
    // A server that accepts and never answers: the source connection waits (up to its timeout).
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as AddressInfo).port;
    const app = open(
      { screen: 'taskForm', params: { selection: { schemas: [schema], tables: [] } } },
      { ...project(), source: { ...pg.spec, port } },
    );
    await app.waitForText('Task name');
    await app.pressCommand('form.preflight', 'ctrl+k');
    const frame = await app.waitForText('Checking both databases');
    expect(frame).toContain('Esc/n cancels');
    await app.pressCommand('dialog.cancel');
    await app.waitForText('Task name');
    expect(app.frame()).not.toContain('Checking both databases');
    expect(app.frame()).not.toContain('Last preflight');
    app.unmount();
    silent.close();
  });

  it('says what the project lacks instead of running', async () => {
    const app = open(
      { screen: 'taskForm', params: { selection: { schemas: [schema], tables: [] } } },
      { ...project(), target: null },
    );
    await app.waitForText('Task name');
    await app.pressCommand('form.preflight', 'ctrl+k');
    const frame = await app.waitForText('Preflight could not run');
    expect(frame).toContain('Project "pf" has no target connection: add it on :project');
    app.unmount();
  });
});
