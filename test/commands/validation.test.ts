// `dms-tui validation TASK` as a cut-over gate, against an in-process sandbox whose real engine
// loads and validates PostgreSQL → PostgreSQL (schema renamed): exit 0 and "validated" when the
// target equals the source; after the target drifts, a validation-only task reads "Mismatched
// records" and the command exits 1 naming the table, in table and JSON output; 3 for no task.
import { runCommand } from '../support/commandRun.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findTask, startTask } from '../../src/aws/tasks.js';
import { EXIT } from '../../src/commands/io.js';
import { type DbConnection, openConnection } from '../../src/db/connection.js';
import { startTestSandbox, type TestSandbox, uniqueName } from '../support/sandbox.js';
import { serverAvailable } from '../support/servers.js';
import { waitFor } from '../support/wait.js';

const pg = await serverAvailable('postgres');
const src = uniqueName('dmst_vcli');
const dst = `${src}_t`;
let sb: TestSandbox;
let conn: DbConnection;
const ENV = {
  AWS_ACCESS_KEY_ID: 'SANDBOXACCESSKEY',
  AWS_SECRET_ACCESS_KEY: 'sandbox-secret-not-a-real-key',
  AWS_REGION: 'us-east-1',
};

async function cli(...args: string[]) {
  return runCommand('validation', [...args, '--endpoint-url', sb.url], { env: ENV });
}

const mappings = JSON.stringify({
  rules: [
    {
      'rule-type': 'selection',
      'rule-id': '1',
      'rule-name': 'all',
      'object-locator': { 'schema-name': src, 'table-name': '%' },
      'rule-action': 'include',
    },
    {
      'rule-type': 'transformation',
      'rule-id': '2',
      'rule-name': 'to-target',
      'rule-target': 'schema',
      'object-locator': { 'schema-name': src },
      'rule-action': 'rename',
      value: dst,
    },
  ],
});

async function runToStop(id: string, validation: Record<string, unknown>): Promise<string> {
  const arn = await sb.createTask(id, {
    tables: mappings,
    settings: JSON.stringify({
      FullLoadSettings: { TargetTablePrepMode: 'DROP_AND_CREATE' },
      ValidationSettings: validation,
    }),
  });
  await waitFor(async () => expect((await findTask(sb.clients, arn)).status).toBe('ready'));
  await startTask(sb.clients, arn, 'start-replication');
  await waitFor(async () => expect((await findTask(sb.clients, arn)).status).toBe('stopped'), {
    timeout: 60_000,
  });
  return arn;
}

beforeAll(async () => {
  if (!pg.ok) return;
  Object.assign(process.env, ENV);
  delete process.env.AWS_PROFILE;
  sb = await startTestSandbox({ endpoints: true });
  conn = await openConnection({ ...pg.spec, database: 'test' });
  await conn.query(`CREATE SCHEMA ${src}`);
  await conn.query(
    `CREATE TABLE ${src}.accounts (id int PRIMARY KEY, owner text, balance numeric(12,2))`,
  );
  await conn.query(
    `INSERT INTO ${src}.accounts SELECT g, 'owner ' || g, g * 10 FROM generate_series(1, 300) g`,
  );
  await conn.query(`CREATE TABLE ${src}.notes (body text)`);
}, 60_000);

afterAll(async () => {
  if (!pg.ok) return;
  await sb.close();
  await conn.query(`DROP SCHEMA IF EXISTS ${src} CASCADE`);
  await conn.query(`DROP SCHEMA IF EXISTS ${dst} CASCADE`);
  await conn.close();
});

describe.skipIf(!pg.ok)('dms-tui validation', () => {
  it('exits 0 when every validated table equals the source, 1 once one is mismatched', async () => {
    await runToStop('vcli-load', { EnableValidation: true, PartitionSize: 100 });
    const fine = await cli('vcli-load');
    expect(fine.code).toBe(EXIT.ok);
    expect(fine.stderr).toBe('');
    expect(fine.stdout).toMatch(/accounts\s+Validated\s+0\s+0\s+0/);
    expect(fine.stdout).toMatch(/notes\s+No primary key/);
    expect(fine.stdout).toContain(
      'vcli-load: 2 tables: 1 validated, 1 without a primary key (not validated)',
    );

    await conn.query(`UPDATE ${dst}.accounts SET balance = 0 WHERE id = 42`);
    await conn.query(`DELETE FROM ${dst}.accounts WHERE id = 43`);
    await runToStop('vcli-check', { ValidationOnly: true });
    const bad = await cli('vcli-check');
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/accounts\s+Mismatched records\s+0\s+2\s+0/);
    expect(bad.stdout).toContain('1 mismatched (2 records)');
    expect(bad.stderr).toBe(
      `dms-tui validation: 1 table(s) not equal to the source: ${src}.accounts (Mismatched records)\n`,
    );
    const json = await cli('vcli-check', '--output', 'json');
    expect(json.code).toBe(1);
    const parsed = JSON.parse(json.stdout) as { ok: boolean; tables: Record<string, unknown>[] };
    expect(parsed.ok).toBe(false);
    expect(parsed.tables).toContainEqual({
      schema: src,
      table: 'accounts',
      state: 'Mismatched records',
      pending: 0,
      failed: 2,
      suspended: 0,
      details: '',
    });
  }, 120_000);

  it('refuses a missing TASK and an unknown task', async () => {
    expect((await cli()).code).toBe(EXIT.usage);
    expect((await cli('no-such-task')).code).toBe(EXIT.notFound);
  });
});
