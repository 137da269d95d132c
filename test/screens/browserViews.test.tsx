// The schema browser's filters and what it shows beside each name, on real PostgreSQL: `/`
// searches schemas that were never expanded, `!` inverts, a second `/` edits the filter and Esc
// clears it; a table never analysed shows an estimate and its size; a schema loaded with F says
// so; and when a task of this project finishes loading the target, the target pane is read
// again so the loaded table stops saying "missing in target".
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateReplicationTaskCommand,
  DescribeReplicationInstancesCommand,
} from '@aws-sdk/client-database-migration-service';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { App } from '../../src/shell/App.js';
import { findTask, startTask } from '../../src/aws/tasks.js';
import { openProjects } from '../../src/config/projects.js';
import { CatalogSessions } from '../../src/db/catalog/session.js';
import { type DbConnection, openConnection } from '../../src/db/connection.js';
import { renderInk } from '../support/ink.js';
import { sandboxServices, startTestSandbox, type TestSandbox } from '../support/sandbox.js';
import { serverAvailable } from '../support/servers.js';
import { waitFor } from '../support/wait.js';
import { includeTables } from '../support/mappings.js';
import { createPgEndpoint } from '../support/pgEndpoint.js';

const pg = await serverAvailable('postgres');
const tag = Math.random().toString(36).slice(2, 8);
const SCHEMA = `dmst_views_${tag}`;
const OTHER = `dmst_views_other_${tag}`;
const TARGET_DB = `dmst_views_tgt_${tag}`;
// A database of its own: the tree then shows only this test's schemas, whatever other tests
// (running at the same time, or interrupted earlier) leave in the shared one.
const SOURCE_DB = `dmst_views_src_${tag}`;

describe.skipIf(!pg.ok)(`schema browser views (${pg.reason})`, () => {
  let admin: DbConnection;
  let sb: TestSandbox;
  let configDir: string;

  beforeAll(async () => {
    admin = await openConnection(pg.spec);
    await admin.query(`CREATE DATABASE ${SOURCE_DB}`);
    const s = await openConnection({ ...pg.spec, database: SOURCE_DB });
    await s.query(`CREATE SCHEMA ${SCHEMA}`);
    await s.query(`CREATE SCHEMA ${OTHER}`);
    await s.query(
      `CREATE TABLE ${SCHEMA}.orders (id int, note text);
       INSERT INTO ${SCHEMA}.orders SELECT g, md5(g::text) FROM generate_series(1, 5000) g;
       CREATE TABLE ${SCHEMA}.zeta (id int);
       CREATE TABLE ${OTHER}.needle_tbl (id int);`,
    );
    await s.close();
    await admin.query(`CREATE DATABASE ${TARGET_DB}`);
    const t = await openConnection({ ...pg.spec, database: TARGET_DB });
    await t.query(`CREATE SCHEMA ${SCHEMA}; CREATE TABLE ${SCHEMA}.orders (id int, note text)`);
    await t.close();
    sb = await startTestSandbox({ fakeEngine: true });
    configDir = mkdtempSync(join(tmpdir(), 'dmst-views-'));
  });
  afterAll(async () => {
    await sb?.close();
    await admin?.query(`DROP DATABASE IF EXISTS ${SOURCE_DB} WITH (FORCE)`);
    await admin?.query(`DROP DATABASE IF EXISTS ${TARGET_DB} WITH (FORCE)`);
    await admin?.close();
    rmSync(configDir, { recursive: true, force: true });
  });

  const open = () => {
    const store = openProjects(configDir);
    store.save({
      name: 'views',
      profile: '',
      source: { ...pg.spec, database: SOURCE_DB },
      target: { ...pg.spec, database: TARGET_DB },
    });
    const catalogs = new CatalogSessions();
    const services = sandboxServices(sb, {
      projects: store,
      project: store.get('views'),
      catalogs,
      refreshSeconds: 1,
    });
    const app = renderInk(<App services={services} initialRoute={{ screen: 'browser' }} />);
    return { app, catalogs };
  };

  it('searches unexpanded schemas, inverts with !, edits with a second /, clears with Esc', async () => {
    const { app, catalogs } = open();
    await app.waitForText(SCHEMA);
    expect(app.lastFrame()).not.toContain('needle_tbl');
    // The other schema was never expanded: `/` finds its table all the same.
    await app.filterTo('needle');
    let frame = await app.waitForText('needle_tbl');
    expect(frame).toContain("filter needle on the source's names");
    // A second `/` holds the filter, to edit: now everything of ours except "orders".
    await app.pressCommand('list.filter');
    await app.waitForText('/needle');
    await app.press('ctrl+u');
    await app.type(`!orders`);
    await app.pressCommand('prompt.accept');
    frame = await app.waitForText('zeta');
    expect(frame).not.toMatch(/○ orders/);
    expect(frame).toContain('needle_tbl');
    // Esc on the tree clears the filter.
    await app.pressCommand('list.clearFilter');
    await app.waitFor((f) => !f.includes('filter !orders') && !f.includes('needle_tbl'));
    app.unmount();
    await catalogs.closeAll();
  });

  it('shows an estimate for a table never analysed, the F sign, and refreshes the target after a task', async () => {
    const { app, catalogs } = open();
    await app.waitForText(SCHEMA);
    await app.filterTo(SCHEMA);
    await app.pressCommand('list.down');
    await app.pressCommand('browser.expand');
    // Never analysed: a guess from its size ("~"), not "— rows 0 B".
    let frame = await app.waitForText(/orders\s+~[\d,]+ rows [\d.]+ kB/);
    expect(frame).not.toMatch(/orders\s+— rows/);
    // A table missing in the target keeps its size.
    expect(frame).toMatch(/zeta\s+0 B · missing in target/);

    // F on the schema: its row says the tables were filtered on the server.
    await app.pressCommand('list.clearFilter');
    await app.filterTo(SCHEMA);
    await app.pressCommand('list.top');
    await app.pressCommand('list.down');
    await app.pressCommand('browser.serverFilter');
    await app.waitForText(`Server-side name filter for ${SCHEMA}`);
    await app.type('zet');
    await app.press('enter');
    frame = await app.waitForText(`F "zet"`);
    expect(frame).not.toMatch(/○ orders/);

    // A task of this project (its target endpoint is the project's target) loads zeta.
    const endpoint = (id: string, type: 'source' | 'target', database: string) =>
      createPgEndpoint(sb.dms, id, type, { ...pg.spec, database });
    const { ReplicationInstances } = await sb.dms.send(new DescribeReplicationInstancesCommand({}));
    const task = await sb.dms.send(
      new CreateReplicationTaskCommand({
        ReplicationTaskIdentifier: `views-${tag}`,
        SourceEndpointArn: await endpoint(`views-src-${tag}`, 'source', SOURCE_DB),
        TargetEndpointArn: await endpoint(`views-tgt-${tag}`, 'target', TARGET_DB),
        ReplicationInstanceArn: ReplicationInstances?.[0]?.ReplicationInstanceArn ?? '',
        MigrationType: 'full-load',
        TableMappings: includeTables(SCHEMA, 'zeta'),
      }),
    );
    const arn = task.ReplicationTask?.ReplicationTaskArn ?? '';
    // The stand-in engine does not copy rows: the table appears on the target as a load would
    // leave it, then the task completes.
    const t = await openConnection({ ...pg.spec, database: TARGET_DB });
    await t.query(`CREATE TABLE ${SCHEMA}.zeta (id int)`);
    await t.close();
    await waitFor(async () => expect((await findTask(sb.clients, arn)).status).toBe('ready'));
    await startTask(sb.clients, arn, 'start-replication');
    frame = await app.waitForText('target pane refreshed', 20_000);
    await app.waitFor((f) => /zeta/.test(f) && !/zeta\s+.*missing in target/.test(f));
    app.unmount();
    await catalogs.closeAll();
  });
});
