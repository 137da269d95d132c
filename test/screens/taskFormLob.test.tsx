// The form measures the largest LOB value of the selected tables on the project's source and
// warns when limited LOB mode would truncate it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DbConnection, openConnection } from '../../src/db/connection.js';
import { largestLob } from '../../src/db/largestLob.js';
import { startTestSandbox, type TestSandbox } from '../support/sandbox.js';
import { serverAvailable } from '../support/servers.js';
import { lineWith, renderForm, sandboxServices } from './taskFormSupport.js';

const pg = await serverAvailable('postgres');
const mysql = await serverAvailable('mysql');
const SCHEMA = `dmst_tflob_${Math.random().toString(36).slice(2, 8)}`;

describe.skipIf(!pg.ok)(`largest LOB value (${pg.reason})`, () => {
  let sandbox: TestSandbox;
  let db: DbConnection;
  beforeAll(async () => {
    db = await openConnection(pg.spec);
    await db.query(`CREATE SCHEMA ${SCHEMA}`);
    await db.query(
      `CREATE TABLE ${SCHEMA}.docs (id int PRIMARY KEY, body text, meta jsonb, n int)`,
    );
    await db.query(
      `INSERT INTO ${SCHEMA}.docs VALUES (1, repeat('a', 40 * 1024), '{"a":1}', 1), (2, 'short', NULL, 2)`,
    );
    await db.query(`CREATE TABLE ${SCHEMA}.plain (id int PRIMARY KEY, name varchar(20))`);
    sandbox = await startTestSandbox();
  });
  afterAll(async () => {
    await db?.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`).catch(() => {});
    await db?.close();
    await sandbox?.close();
  });

  it('finds the longest value among LOB columns only', async () => {
    const found = await largestLob(pg.spec, [{ schema: SCHEMA, table: '%' }]);
    expect(found).toMatchObject({
      bytes: 40 * 1024,
      where: `${SCHEMA}.docs.body`,
      columns: 2,
      unmeasured: 0,
    });
    expect(await largestLob(pg.spec, [{ schema: SCHEMA, table: 'plain' }])).toMatchObject({
      bytes: 0,
      columns: 0,
    });
  });

  it('warns in the form while limited mode would truncate it', async () => {
    const ui = renderForm(
      sandboxServices(sandbox.url, {
        project: { name: 'lob', profile: 'sandbox', source: pg.spec, target: null },
      }),
      { selection: { schemas: [], tables: [{ schema: SCHEMA, table: 'docs' }] } },
    );
    await ui.waitForText(`Largest LOB value: 40 KB (${SCHEMA}.docs.body), 2 LOB column(s)`);
    await ui.waitForText('The largest LOB value is 40 KB: limited mode at 32 KB would truncate it');
    await ui.press(...Array(7).fill('tab'));
    await ui.waitForText('› Max LOB size (KB)');
    await ui.press('backspace', 'backspace');
    await ui.type('64');
    await ui.waitFor(
      (f) => lineWith(f, 'Max LOB size').includes('64') && !f.includes('would truncate'),
      { what: 'no warning at 64 KB' },
    );
    ui.unmount();
  });

  it('warns when "Don\'t include LOB columns" leaves out a NOT NULL LOB column', async () => {
    await db.query(`CREATE TABLE ${SCHEMA}.required (id int PRIMARY KEY, body text NOT NULL)`);
    const ui = renderForm(
      sandboxServices(sandbox.url, {
        project: { name: 'lob', profile: 'sandbox', source: pg.spec, target: null },
      }),
      { selection: { schemas: [], tables: [{ schema: SCHEMA, table: 'required' }] } },
    );
    await ui.waitForText('Largest LOB value');
    await ui.press(...Array(6).fill('tab'));
    await ui.waitForText('› Include LOB columns');
    await ui.press('right');
    await ui.waitFor((f) => lineWith(f, 'Include LOB columns').includes("Don't include"), {
      what: "Don't include LOB columns chosen",
    });
    await ui.waitForText(`${SCHEMA}.required.body is a NOT NULL LOB column`);
    ui.unmount();
    await db.query(`DROP TABLE ${SCHEMA}.required`);
  });
});

describe.skipIf(!mysql.ok)(`largest LOB value on MariaDB (${mysql.reason})`, () => {
  it('measures TEXT and BLOB columns', async () => {
    const db = await openConnection(mysql.spec);
    try {
      await db.query(`CREATE DATABASE ${SCHEMA}`);
      await db.query(
        `CREATE TABLE ${SCHEMA}.docs (id int PRIMARY KEY, body mediumtext, pic blob, name varchar(10))`,
      );
      await db.query(
        `INSERT INTO ${SCHEMA}.docs VALUES (1, REPEAT('b', 5000), REPEAT('c', 9000), 'x')`,
      );
      expect(await largestLob(mysql.spec, [{ schema: SCHEMA, table: 'do[_]s' }])).toMatchObject({
        columns: 0,
      });
      expect(await largestLob(mysql.spec, [{ schema: SCHEMA, table: 'd_cs' }])).toMatchObject({
        bytes: 9000,
        where: `${SCHEMA}.docs.pic`,
        columns: 2,
      });
    } finally {
      await db.query(`DROP DATABASE IF EXISTS ${SCHEMA}`).catch(() => {});
      await db.close();
    }
  });
});
