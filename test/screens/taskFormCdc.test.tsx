// The Create DMS Task form for change data capture: choosing a CDC migration type checks the
// project's source (real PostgreSQL) and warns about what CDC lacks there — here a selected
// table without a primary key; the CDC start, stop and stop-after-full-load fields appear for
// the types they suit, a stop position not in DMS's form is refused inline; a cdc task hides
// the target table preparation (the JSON they make: test/model/cdcTaskOptions.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DbConnection, openConnection } from '../../src/db/connection.js';
import { startTestSandbox, type TestSandbox, uniqueName } from '../support/sandbox.js';
import { serverAvailable } from '../support/servers.js';
import { lineWith, renderForm, sandboxServices } from './taskFormSupport.js';

const pg = await serverAvailable('postgres');
const SCHEMA = uniqueName('dmst_tfcdc');

describe.skipIf(!pg.ok)(`CDC in the Create DMS Task form (${pg.reason})`, () => {
  let sandbox: TestSandbox;
  let db: DbConnection;
  beforeAll(async () => {
    db = await openConnection(pg.spec);
    await db.query(`CREATE SCHEMA ${SCHEMA}`);
    await db.query(`CREATE TABLE ${SCHEMA}.orders (id int PRIMARY KEY, total numeric)`);
    await db.query(`CREATE TABLE ${SCHEMA}.audit (at timestamptz, what text)`);
    sandbox = await startTestSandbox();
  });
  afterAll(async () => {
    await db?.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`).catch(() => {});
    await db?.close();
    await sandbox?.close();
  });

  it('warns about a table without a primary key, offers the CDC options, hides the preparation for cdc', async () => {
    const ui = renderForm(
      sandboxServices(sandbox.url, {
        project: { name: 'cdc', profile: 'sandbox', source: pg.spec, target: null },
      }),
      {
        selection: {
          schemas: [],
          tables: [
            { schema: SCHEMA, table: 'orders' },
            { schema: SCHEMA, table: 'audit' },
          ],
        },
      },
    );
    await ui.waitForText('Migration type');
    expect(ui.frame()).not.toContain('no primary key');
    await ui.press(...Array(4).fill('tab'));
    await ui.waitForText('› Migration type');
    await ui.pressCommand('form.choiceNext');
    await ui.waitForText('Migrate existing data and replicate ongoing changes');
    let frame = await ui.waitForText(
      `Source: 1 selected table has no primary key (${SCHEMA}.audit): DMS replicates only`,
    );
    expect(frame).toContain('Target table preparation');
    // The CDC options: start, stop, and what happens after the full load.
    expect(frame).toMatch(/CDC start\s+now, a time \(UTC\) or a position/);
    expect(frame).toContain('CDC stop');
    expect(lineWith(frame, 'After the full load')).toContain('Keep replicating');
    await ui.press('tab', 'tab', 'tab');
    await ui.waitForText('› CDC stop');
    await ui.type('6pm');
    await ui.waitForText('Type server_time:YYYY-MM-DDTHH:MM:SS or commit_time');
    await ui.press(...Array(3).fill('backspace'));
    await ui.type('server_time:2026-12-01T18:00:00');
    await ui.waitFor((f) => !f.includes('Type server_time:'), { what: 'the stop accepted' });
    await ui.press('tab');
    await ui.pressCommand('form.choiceNext');
    await ui.waitForText('Stop after the cached changes are applied');
    await ui.press(...Array(4).fill('shift+tab'));
    await ui.waitForText('› Migration type');
    await ui.pressCommand('form.choiceNext');
    frame = await ui.waitForText('Replicate data changes only (CDC)');
    expect(frame).not.toContain('Target table preparation');
    expect(frame).not.toContain('After the full load');
    expect(lineWith(frame, 'CDC stop')).toContain('server_time:2026-12-01T18:00:00');
    expect(frame).toContain('no primary key');
    expect(lineWith(frame, 'Migration type')).toContain('Replicate data changes only (CDC)');
    ui.unmount();
  });
});
