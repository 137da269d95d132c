// End to end in a real terminal: a project (PostgreSQL source, MariaDB target) → schema
// browser → mark tables → c → the Create DMS Task form with new endpoints created from the
// project's connections → Preview → Save → Create → start now → the Data Migration View shows
// the task reaching "Load complete", and MariaDB holds the rows. The built CLI talks to an
// in-process sandbox through --endpoint-url.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openProjects } from '../../src/config/projects.js';
import { type DbConnection, openConnection } from '../../src/db/connection.js';
import { CLI, homeEnv, startTerminal } from '../support/pty.js';
import { startTestSandbox, type TestSandbox } from '../support/sandbox.js';
import { serverAvailable } from '../support/servers.js';

const pg = await serverAvailable('postgres');
const mysql = await serverAvailable('mysql');
const SCHEMA = `dmst_e2e_tf_${Math.random().toString(36).slice(2, 8)}`;

let sandbox: TestSandbox;
let home: string;
let pgc: DbConnection | undefined;
let myc: DbConnection | undefined;

describe.skipIf(!pg.ok || !mysql.ok)(
  `Create DMS Task in a real terminal (${pg.reason}; ${mysql.reason})`,
  () => {
    beforeAll(async () => {
      if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` first');
      pgc = await openConnection(pg.spec);
      await pgc.query(`CREATE SCHEMA ${SCHEMA}`);
      await pgc.query(`CREATE TABLE ${SCHEMA}.customers (id int PRIMARY KEY, name text NOT NULL)`);
      await pgc.query(
        `CREATE TABLE ${SCHEMA}.orders (id int PRIMARY KEY, customer_id int, note text)`,
      );
      await pgc.query(
        `INSERT INTO ${SCHEMA}.customers SELECT g, 'customer ' || g FROM generate_series(1, 3) g`,
      );
      await pgc.query(
        `INSERT INTO ${SCHEMA}.orders SELECT g, 1 + g % 3, repeat('x', g) FROM generate_series(1, 25) g`,
      );
      myc = await openConnection(mysql.spec);
      sandbox = await startTestSandbox();
      home = mkdtempSync(join(tmpdir(), 'dmst-e2e-taskform-'));
      openProjects(join(home, 'config')).create({
        name: 'e2e',
        profile: '',
        region: 'us-east-1',
        source: { ...pg.spec },
        target: { ...mysql.spec },
      });
    });
    afterAll(async () => {
      await pgc?.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`).catch(() => {});
      await myc?.query(`DROP DATABASE IF EXISTS \`${SCHEMA}\``).catch(() => {});
      await pgc?.close();
      await myc?.close();
      await sandbox?.close();
      if (home) rmSync(home, { recursive: true, force: true });
    });

    it('browser → c → form with new endpoints → Preview → Save → Create → start now → Load complete', async () => {
      const term = startTerminal({
        args: ['--endpoint-url', sandbox.url, '--region', 'us-east-1', '--project', 'e2e'],
        cols: 120,
        rows: 36,
        cwd: home,
        env: {
          ...homeEnv(home),
          AWS_ACCESS_KEY_ID: 'AKIDTEST',
          AWS_SECRET_ACCESS_KEY: 'not-a-secret',
        },
      });
      try {
        // The schema browser: go to our schema, expand it, mark both tables, c.
        await term.waitForText('Schema browser', 20_000);
        await term.waitForText(SCHEMA, 20_000);
        // Filter to our schema.
        // The browser may still be settling (both catalogs loading): open the prompt until it shows.
        for (let attempt = 0; ; attempt++) {
          await term.pressCommand('list.filter');
          const opened = await term.waitForText(/^\/ +on .*Enter keeps/m, 1500).then(
            () => true,
            () => false,
          );
          if (opened) break;
          if (attempt === 10) throw new Error(`the filter prompt never opened:\n${term.screen()}`);
        }
        // One chunk (Ink hands it over as a paste): the filter field gets the whole name at once.
        term.write(SCHEMA);
        await term.waitForText(`/${SCHEMA}`);
        await term.pressCommand('prompt.accept');
        await term.waitForText(`filter ${SCHEMA} on the source`);
        await term.pressCommand('list.down');
        await term.pressCommand('browser.expand');
        await term.waitForText('orders');
        await term.pressCommand('list.down');
        await term.pressCommand('list.mark');
        await term.pressCommand('list.mark');
        await term.waitForText('2 marked');
        await term.pressCommand('browser.createTask');

        // The form, with the sandbox's instance preselected.
        await term.waitForText('Create DMS task ·', 20_000);
        await term.waitForText('sandbox · dms.t3.medium');
        const name = `${SCHEMA.replace(/_/g, '-')}-2-tables`;
        await term.waitForText(name);

        // New source and target endpoints from the project's connections, tested from the instance.
        await term.pressCommand('form.next');
        await term.pressCommand('form.next');
        await term.pressCommand('form.choose');
        await term.waitForText('Create new source endpoint…');
        await term.pressCommand('dialog.confirm');
        await term.waitForText('Create new source endpoint (prefilled');
        await term.pressCommand('form.create');
        await term.waitForText(/Source endpoint\s+e2e-source .*✓ connection successful/, 30_000);
        await term.pressCommand('form.next');
        await term.pressCommand('form.choose');
        await term.waitForText('Create new target endpoint…');
        await term.pressCommand('dialog.confirm');
        await term.waitForText('Create new target endpoint (prefilled');
        await term.pressCommand('form.create');
        await term.waitForText(/Target endpoint\s+e2e-target .*✓ connection successful/, 30_000);

        // Preview, then Save (default <task-name>.json in the current directory).
        await term.pressCommand('form.preview');
        const preview = await term.waitForText('CreateReplicationTask input');
        expect(preview).toContain(`"ReplicationTaskIdentifier": "${name}"`);
        await term.pressCommand('dialog.cancel');
        await term.waitForText('Table mappings');
        await term.pressCommand('form.save');
        await term.waitForText('Save the CreateReplicationTask input as JSON');
        await term.pressCommand('prompt.accept');
        await term.waitForText(`Saved ${home}`);
        expect(existsSync(join(home, `${name}.json`))).toBe(true);
        const saved = JSON.parse(readFileSync(join(home, `${name}.json`), 'utf8'));
        expect(JSON.parse(saved.TableMappings).rules).toHaveLength(2);

        // Create, start now, and watch it in the Data Migration View.
        await term.pressCommand('form.create');
        await term.waitForText(`Task ${name} created`, 20_000);
        await term.pressCommand('dialog.confirm', 'y');
        await term.waitForText(new RegExp(`${name.slice(0, 20)}.*Load complete`), 90_000);

        const rows = await myc!.query<{ n: number | string }>(
          `SELECT COUNT(*) AS n FROM \`${SCHEMA}\`.orders`,
        );
        expect(Number(rows.rows[0]?.n)).toBe(25);
        const customers = await myc!.query<{ n: number | string }>(
          `SELECT COUNT(*) AS n FROM \`${SCHEMA}\`.customers`,
        );
        expect(Number(customers.rows[0]?.n)).toBe(3);

        await term.pressCommand('app.quit');
        expect(await term.exited).toBe(0);
      } finally {
        term.kill();
      }
    }, 240_000);
  },
);
