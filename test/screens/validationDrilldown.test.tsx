// Data validation drill-down and re-validate in the app, against the in-process sandbox's real
// engine, PostgreSQL → PostgreSQL with a rename-schema rule (the target rows live in another
// schema): a running full-load-and-cdc task validates its table; the test changes one target
// row and deletes another; V (marked table) re-validates with validate-only (the changed row is
// not loaded again) and the table reads "Mismatched"; v lists the two failures read through the
// project's target connection; Enter shows the rows side by side with the differing column
// marked, or "missing". Without a project target the key says why; a project target that is
// not the task's endpoint is named; V on a stopped task, or one without validation, says why.
import {
  CreateReplicationTaskCommand,
  ModifyReplicationTaskCommand,
} from '@aws-sdk/client-database-migration-service';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listTableStats } from '../../src/aws/tableStats.js';
import { findTask, startTask, stopTask } from '../../src/aws/tasks.js';
import { type DbConnection, openConnection } from '../../src/db/connection.js';
import type { Project } from '../../src/model/project.js';
import { App } from '../../src/shell/App.js';
import { dropLeftoverSlots } from '../sandbox/support/cdcSlots.js';
import { renderInk } from '../support/ink.js';
import {
  sandboxServices,
  startTestSandbox,
  type TestSandbox,
  uniqueName,
} from '../support/sandbox.js';
import { serverAvailable } from '../support/servers.js';
import { waitFor } from '../support/wait.js';

const pg = await serverAvailable('postgres');
const schema = uniqueName('dmst_vd');
const TASK = 'vd-items';
let sb: TestSandbox;
let db: DbConnection;
let arn = '';

const rule = (id: string, body: Record<string, unknown>) => ({
  'rule-id': id,
  'rule-name': id,
  ...body,
});

/** A task from the test schema into `into` (a rename-schema rule: source and target are one
 *  database here). */
async function createTask(id: string, type: string, into: string, validation: boolean) {
  const out = await sb.dms.send(
    new CreateReplicationTaskCommand({
      ReplicationTaskIdentifier: id,
      SourceEndpointArn: sb.source,
      TargetEndpointArn: sb.targetEndpoint,
      ReplicationInstanceArn: sb.instanceArn,
      MigrationType: type as 'full-load',
      TableMappings: JSON.stringify({
        rules: [
          rule('1', {
            'rule-type': 'selection',
            'object-locator': { 'schema-name': schema, 'table-name': '%' },
            'rule-action': 'include',
          }),
          rule('2', {
            'rule-type': 'transformation',
            'rule-target': 'schema',
            'object-locator': { 'schema-name': schema },
            'rule-action': 'rename',
            value: into,
          }),
        ],
      }),
      ReplicationTaskSettings: JSON.stringify({
        Logging: { EnableLogging: true },
        FullLoadSettings: { TargetTablePrepMode: 'DROP_AND_CREATE' },
        ValidationSettings: { EnableValidation: validation },
      }),
    }),
  );
  const created = out.ReplicationTask?.ReplicationTaskArn ?? '';
  await waitFor(async () => expect((await findTask(sb.clients, created)).status).toBe('ready'));
  await startTask(sb.clients, created, 'start-replication');
  return created;
}

beforeAll(async () => {
  if (!pg.ok) return;
  db = await openConnection(pg.spec);
  await db.query(`CREATE SCHEMA ${schema}`);
  await db.query(
    `CREATE TABLE ${schema}.items (id int PRIMARY KEY, name text, price numeric(10,2), note text)`,
  );
  await db.query(
    `INSERT INTO ${schema}.items SELECT g, 'item ' || g, g * 1.5, repeat('n', g) FROM generate_series(1, 40) g`,
  );
  sb = await startTestSandbox({ endpoints: true });
  arn = await createTask(TASK, 'full-load-and-cdc', `${schema}_t`, true);
  // The task and its table as a user would read them, shown if the wait times out.
  const seen = async () => {
    const [task, { tables }] = await Promise.all([
      findTask(sb.clients, arn),
      listTableStats(sb.clients, arn),
    ]);
    return {
      task: [task.status, task.stopReason, task.lastFailureMessage].filter(Boolean).join(', '),
      table: tables.map((t) => `${t.table}: ${t.state}, ${t.validationState}`).join('; '),
      validated: tables[0]?.validationState === 'Validated',
    };
  };
  await waitFor(seen, {
    until: (s) => s.validated,
    timeout: 60_000,
    what: 'the table validated',
  });
}, 90_000);

afterAll(async () => {
  if (!pg.ok) return;
  await stopTask(sb.clients, arn).catch(() => undefined);
  await sb?.close();
  await dropLeftoverSlots(db, [arn.split(':').pop() ?? '']);
  await db.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await db.query(`DROP SCHEMA IF EXISTS ${schema}_t CASCADE`);
  await db.query(`DROP SCHEMA IF EXISTS ${schema}_f CASCADE`);
  await db
    .query('DELETE FROM public.awsdms_validation_failures_v1 WHERE "TASK_NAME" = $1', [
      arn.split(':').pop(),
    ])
    .catch(() => undefined);
  await db.close();
});

function open(project: Partial<Project>, task = { arn: '', id: TASK }) {
  return renderInk(
    <App
      services={sandboxServices(sb, {
        refreshSeconds: 1,
        project: { name: 'vd', profile: 'sandbox', source: pg.spec, target: pg.spec, ...project },
      })}
      initialRoute={{
        screen: 'tableStats',
        params: { arn: task.arn || arn, id: task.id, cdc: true },
      }}
    />,
  );
}

describe.skipIf(!pg.ok)('validation drill-down and re-validate (PostgreSQL → PostgreSQL)', () => {
  it('V re-validates (validate-only), v lists the failures, Enter shows the rows side by side', async () => {
    await db.query(`UPDATE ${schema}_t.items SET price = 99.99 WHERE id = 7`);
    await db.query(`DELETE FROM ${schema}_t.items WHERE id = 8`);
    const app = open({});
    await app.waitForText('Validated');
    // Nothing failed yet: v says so.
    await app.pressCommand('tables.failures');
    await app.waitForText(`${schema}.items has no validation failures (Validated)`);

    await app.pressCommand('list.mark');
    await app.waitForText('1 marked');
    await app.pressCommand('tables.revalidate');
    await app.waitForText('Re-validate tables?');
    expect(app.frame()).toContain('validate-only: no data is loaded');
    await app.pressCommand('dialog.confirm', 'y');
    await app.waitForText(`Re-validating 1 table(s) of ${TASK}`);
    await app.waitForText('Mismatched: 2 rows', 30_000);
    // Validate-only: the changed row was not loaded again.
    const { rows } = await db.query<{ price: string }>(
      `SELECT price::text AS price FROM ${schema}_t.items WHERE id = 7`,
    );
    expect(rows[0]?.price).toBe('99.99');
    const { tables } = await listTableStats(sb.clients, arn);
    expect(tables[0]).toMatchObject({ validationState: 'Mismatched records', validationFailed: 2 });

    await app.pressCommand('tables.failures');
    let frame = await app.waitForText('2 failures (read from the target');
    expect(frame).toContain('› Validation failures of items');
    expect(frame).toMatch(/KEY↑\s+FAILURE TYPE\s+FAILURE TIME\s+DETAILS/);
    expect(frame).toMatch(
      /7\s+RECORD_DIFF\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\s+price: 10\.50 → 99\.99/,
    );
    expect(frame).toMatch(/8\s+MISSING_TARGET\s+.*row missing in the target/);
    // The filter works as on every list.
    await app.filterTo('MISSING');
    await app.waitFor((f) => expect(f).not.toContain('RECORD_DIFF'));
    await app.pressCommand('list.clearFilter');
    await app.waitForText('RECORD_DIFF');

    await app.pressCommand('failures.open');
    frame = await app.waitForText('1 of 4 columns differs');
    expect(frame).toContain(
      `Key 7 · RECORD_DIFF · source ${schema}.items → target ${schema}_t.items`,
    );
    expect(frame).toMatch(/COLUMN\s+SOURCE\s+TARGET/);
    expect(frame).toMatch(/ {2}id \(key\)\s+7\s+7/);
    expect(frame).toMatch(/≠ price\s+10\.50\s+99\.99/);
    expect(frame).toMatch(/ {2}name\s+item 7\s+item 7/);
    // Enter on a column shows its whole values.
    await app.press('j', 'j', 'j');
    await app.pressCommand('diff.value');
    frame = await app.waitForText('note · source');
    expect(frame).toContain('nnnnnnn');
    await app.pressCommand('dialog.cancel');
    await app.waitForText('1 of 4 columns differs');
    await app.pressCommand('diff.differing');
    frame = await app.waitForText('differing columns only');
    expect(frame).not.toContain('item 7');

    await app.pressCommand('nav.back');
    await app.waitForText('2 failures');
    await app.pressCommand('list.down');
    await app.pressCommand('failures.open');
    frame = await app.waitForText('The row is missing in the target');
    expect(frame).toMatch(/ {2}price\s+12\.00\s+missing/);
    expect(frame).not.toContain('≠');
    app.unmount();
  }, 90_000);

  it('without a project target, v says why; a target that is not the endpoint is named', async () => {
    let app = open({ target: null });
    await app.waitForText('Mismatched');
    await app.pressCommand('tables.failures');
    await app.waitForText("read through the project's target connection: none is set");
    app.unmount();

    app = open({ target: { ...pg.spec, host: 'localhost' } });
    await app.waitForText('Mismatched');
    await app.pressCommand('tables.failures');
    await app.waitForText(
      "The project's target connection (localhost:5432/test) is not the task's target endpoint dst-pg",
    );
    await app.waitForText('2 failures');
    app.unmount();
  }, 60_000);

  it('V says why when the task is not running, or validates nothing', async () => {
    const full = await createTask('vd-full', 'full-load', `${schema}_f`, true);
    await waitFor(async () => expect((await findTask(sb.clients, full)).status).toBe('stopped'), {
      timeout: 60_000,
      what: 'the full load done',
    });
    const app = open({}, { arn: full, id: 'vd-full' });
    await app.waitForText('Table completed');
    await app.pressCommand('tables.revalidate');
    await app.waitForText(
      'Re-validate: The task is stopped: tables can be re-validated only while it runs',
    );
    await sb.dms.send(
      new ModifyReplicationTaskCommand({
        ReplicationTaskArn: full,
        ReplicationTaskSettings: JSON.stringify({
          ValidationSettings: { EnableValidation: false },
        }),
      }),
    );
    await waitFor(async () => expect((await findTask(sb.clients, full)).status).toBe('stopped'));
    await app.pressCommand('tables.revalidate');
    await app.waitForText('Re-validate: Data validation is off for vd-full');
    expect(app.frame()).not.toContain('Re-validate tables?');
    app.unmount();
  }, 90_000);
});
