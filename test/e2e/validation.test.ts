// Data validation in a real terminal (the built CLI against an in-process sandbox, PostgreSQL →
// PostgreSQL, a project with both connections): a running full-load-and-cdc task with
// validation on has validated its table; the test changes one target row; in the app the table
// statistics re-validate the marked table (V), the table reads "Mismatched", v lists the
// failure read through the project's target connection, and Enter shows the source and the
// target row side by side with the changed column marked.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listTableStats } from '../../src/aws/tableStats.js';
import { findTask, startTask, stopTask } from '../../src/aws/tasks.js';
import { openProjects } from '../../src/config/projects.js';
import { type DbConnection, openConnection } from '../../src/db/connection.js';
import { dropLeftoverSlots } from '../sandbox/support/cdcSlots.js';
import { includeTables } from '../support/mappings.js';
import { CLI, homeEnv, SANDBOX_KEYS, startTerminal } from '../support/pty.js';
import { startTestSandbox, type TestSandbox, uniqueName } from '../support/sandbox.js';
import { serverAvailable } from '../support/servers.js';
import { waitFor } from '../support/wait.js';

const pg = await serverAvailable('postgres');
const schema = uniqueName('dmst_e2eval');
const TASK = 'e2e-validation';
let sb: TestSandbox;
let db: DbConnection;
let arn = '';
let home = '';

beforeAll(async () => {
  if (!pg.ok) return;
  if (!existsSync(CLI))
    throw new Error('dist/cli.js is missing: run `npm run build` first (npm test does)');
  db = await openConnection(pg.spec);
  await db.query(`CREATE SCHEMA ${schema}`);
  await db.query(
    `CREATE TABLE ${schema}.accounts (id int PRIMARY KEY, owner text, balance numeric(12,2))`,
  );
  await db.query(
    `INSERT INTO ${schema}.accounts SELECT g, 'owner ' || g, g * 100 FROM generate_series(1, 200) g`,
  );
  sb = await startTestSandbox({ endpoints: true });
  arn = await sb.createTask(TASK, {
    type: 'full-load-and-cdc',
    // Source and target are one database here: the task writes to another schema.
    tables: JSON.stringify({
      rules: [
        ...JSON.parse(includeTables(schema)).rules,
        {
          'rule-type': 'transformation',
          'rule-id': '2',
          'rule-name': '2',
          'rule-target': 'schema',
          'object-locator': { 'schema-name': schema },
          'rule-action': 'rename',
          value: `${schema}_t`,
        },
      ],
    }),
    settings: JSON.stringify({
      Logging: { EnableLogging: true },
      ValidationSettings: { EnableValidation: true },
    }),
  });
  await waitFor(async () => expect((await findTask(sb.clients, arn)).status).toBe('ready'));
  await startTask(sb.clients, arn, 'start-replication');
  await waitFor(
    async () =>
      expect((await listTableStats(sb.clients, arn)).tables[0]?.validationState).toBe('Validated'),
    { timeout: 60_000, what: 'the table validated' },
  );
  home = mkdtempSync(join(tmpdir(), 'dmst-e2e-val-'));
  openProjects(join(home, 'config')).create({
    name: 'e2e',
    profile: '',
    region: 'us-east-1',
    source: { ...pg.spec },
    target: { ...pg.spec },
  });
}, 120_000);

afterAll(async () => {
  if (!pg.ok) return;
  await stopTask(sb.clients, arn).catch(() => undefined);
  await sb?.close();
  await dropLeftoverSlots(db, [arn.split(':').pop() ?? '']);
  await db
    .query('DELETE FROM public.awsdms_validation_failures_v1 WHERE "TASK_NAME" = $1', [
      arn.split(':').pop(),
    ])
    .catch(() => undefined);
  await db.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await db.query(`DROP SCHEMA IF EXISTS ${schema}_t CASCADE`);
  await db.close();
  if (home) rmSync(home, { recursive: true, force: true });
});

describe.skipIf(!pg.ok)(`data validation in a real terminal ${pg.reason}`, () => {
  it('re-validates a changed table and shows the source and target rows with the difference marked', async () => {
    // The target drifts after validation.
    await db.query(`UPDATE ${schema}_t.accounts SET owner = 'changed' WHERE id = 42`);
    const term = startTerminal({
      args: [
        '--endpoint-url',
        sb.url,
        '--region',
        'us-east-1',
        '--refresh',
        '1',
        '--project',
        'e2e',
      ],
      cols: 120,
      rows: 32,
      cwd: home,
      env: { ...homeEnv(home), ...SANDBOX_KEYS },
    });
    try {
      await term.waitForText('Schema browser', 20_000);
      await term.pressCommand('app.goto');
      await term.type('tasks');
      await term.pressCommand('prompt.accept');
      await term.waitForText(new RegExp(`${TASK}\\s+running`), 20_000);
      await term.pressCommand('task.tableStats');
      await term.waitForText(/accounts\s+.*Validated/, 20_000);

      await term.pressCommand('list.mark');
      await term.waitForText('1 marked');
      await term.pressCommand('tables.revalidate');
      await term.waitForText('Re-validate tables?');
      await term.pressCommand('dialog.confirm', 'y');
      await term.waitForText('Mismatched: 1 row', 30_000);

      await term.pressCommand('list.up');
      await term.pressCommand('tables.failures');
      const list = await term.waitForText('1 failure (read from the target', 20_000);
      expect(list).toMatch(/42\s+RECORD_DIFF\s+.*owner: owner 42 → changed/);

      await term.pressCommand('failures.open');
      const diff = await term.waitForText('1 of 3 columns differs', 20_000);
      expect(diff).toContain(
        `Key 42 · RECORD_DIFF · source ${schema}.accounts → target ${schema}_t.accounts`,
      );
      expect(diff).toMatch(/^ {2}id \(key\)\s+42\s+42\s*$/m);
      expect(diff).toMatch(/^≠ owner\s+owner 42\s+changed\s*$/m);
      expect(diff).toMatch(/^ {2}balance\s+4200\.00\s+4200\.00\s*$/m);

      await term.pressCommand('app.quit');
      expect(await term.exited).toBe(0);
    } finally {
      term.kill();
    }
  }, 180_000);
});
