// The table statistics of a CDC task show how many changes of each table went to the target's
// awsdms_apply_exceptions, read through the project's target connection (real PostgreSQL, the
// control table as the sandbox's applier creates it), and `x` lists the latest ones with their
// error and statement; without a project target connection the screen says nothing of them.
// `dms-tui stats --project NAME` prints the same after the table.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTaskCommand } from '../../src/commands/index.js';
import { EXIT } from '../../src/commands/io.js';
import { openProjects } from '../../src/config/projects.js';
import { readApplyExceptions } from '../../src/db/applyExceptions.js';
import { ChangeApplier } from '../../src/db/cdc/apply.js';
import { type DbConnection, openConnection } from '../../src/db/connection.js';
import { App } from '../../src/shell/App.js';
import type { Project } from '../../src/model/project.js';
import { renderInk } from '../support/ink.js';
import {
  sandboxServices,
  startTestSandbox,
  type TestSandbox,
  uniqueName,
} from '../support/sandbox.js';
import { serverAvailable } from '../support/servers.js';

const pg = await serverAvailable('postgres');
const targetDb = uniqueName('dmst_exc');
let sb: TestSandbox;
let admin: DbConnection;
let tgt: DbConnection;
let arn = '';

beforeAll(async () => {
  if (!pg.ok) return;
  sb = await startTestSandbox({ fakeEngine: true, endpoints: true });
  arn = await sb.createTask('exc-task', { type: 'full-load-and-cdc' });
  admin = await openConnection(pg.spec);
  await admin.query(`CREATE DATABASE ${targetDb}`);
  tgt = await openConnection({ ...pg.spec, database: targetDb });
  const taskName = arn.split(':').pop() as string;
  await new ChangeApplier(tgt, taskName, new Map()).ensureControlTables();
  const insert = `INSERT INTO public.awsdms_apply_exceptions ("TASK_NAME", "TABLE_OWNER", "TABLE_NAME", "ERROR_TIME", "STATEMENT", "ERROR") VALUES ($1, 'shop', $2, $3, $4, $5)`;
  for (let i = 1; i <= 3; i++)
    await tgt.query(insert, [
      taskName,
      'orders',
      `2026-01-0${i} 10:00:00`,
      `INSERT INTO shop.orders VALUES (${i})`,
      `duplicate key value violates unique constraint "orders_pkey" (${i})`,
    ]);
  await tgt.query(insert, [
    taskName,
    'items',
    '2026-01-05 10:00:00',
    'DELETE FROM shop.items WHERE id = 7',
    'permission denied for table items',
  ]);
  // Another task's exception is not this task's.
  await tgt.query(insert, [
    'OTHERTASK',
    'orders',
    '2026-01-06 10:00:00',
    'INSERT INTO shop.orders VALUES (99)',
    'an error of another task',
  ]);
}, 60_000);

afterAll(async () => {
  if (!pg.ok) return;
  await tgt?.close();
  await admin?.query(`DROP DATABASE IF EXISTS ${targetDb} WITH (FORCE)`);
  await admin?.close();
  await sb?.close();
});

function open(target: Project['target']) {
  return renderInk(
    <App
      services={sandboxServices(sb, {
        refreshSeconds: 1,
        project: { name: 'exc', profile: 'sandbox', source: null, target },
      })}
      initialRoute={{ screen: 'tableStats', params: { arn, id: 'exc-task', cdc: true } }}
    />,
  );
}

describe.skipIf(!pg.ok)('apply exceptions on the table statistics screen', () => {
  it('counts them per table from the target, and x lists the latest with error and statement', async () => {
    const app = open({ ...pg.spec, database: targetDb });
    let frame = await app.waitForText('Apply exceptions: 4 · shop.orders 3 · shop.items 1 (read f');
    // Where they come from (a narrow terminal cuts the end of the line).
    expect(frame).toMatch(/\(read from the target's public\.awsdms_ap/);
    expect(frame).not.toContain('duplicate key');
    await app.pressCommand('tables.exceptions');
    frame = await app.waitForText('permission denied for table items');
    // The newest first: the delete of items, then the orders' inserts.
    const lines = frame.split('\n');
    const at = (text: string) => lines.findIndex((l) => l.includes(text));
    expect(at('DELETE FROM shop.items WHERE id = 7')).toBeGreaterThanOrEqual(0);
    expect(at('shop.items')).toBeLessThan(at('INSERT INTO shop.orders VALUES (3)'));
    expect(frame).toMatch(/shop\.orders +duplicate key value violates unique constraint/);
    expect(frame).toContain('INSERT INTO shop.orders VALUES (1)');
    expect(frame).not.toContain('an error of another task');
    await app.pressCommand('tables.exceptions');
    await app.waitFor((f) => expect(f).not.toContain('permission denied'));
    app.unmount();
  });

  it('says nothing of them without a project target connection', async () => {
    const app = open(null);
    const frame = await app.waitForText('Tables of exc-task');
    await app.waitForText(/No table statistics yet|Table/);
    expect(frame).not.toContain('Apply exceptions');
    await app.pressCommand('tables.exceptions');
    await app.waitForText('read through the project target connection: none is set');
    app.unmount();
  });
});

describe.skipIf(!pg.ok)('apply exceptions in dms-tui stats', () => {
  // The SDK reads its credentials from the process, as taskCommands.test.ts sets them.
  beforeAll(() => {
    Object.assign(process.env, {
      AWS_ACCESS_KEY_ID: 'SANDBOXACCESSKEY',
      AWS_SECRET_ACCESS_KEY: 'sandbox-secret-not-a-real-key',
    });
  });
  async function stats(project: Project) {
    const configDir = mkdtempSync(join(tmpdir(), 'dmst-exc-'));
    try {
      openProjects(configDir).save(project);
      let stdout = '';
      let stderr = '';
      const code = await runTaskCommand(
        'stats',
        ['exc-task', '--project', project.name, '--endpoint-url', sb.sandbox.url],
        {
          stdout: (t) => {
            stdout += t;
          },
          stderr: (t) => {
            stderr += t;
          },
          env: {
            DMS_TUI_CONFIG_DIR: configDir,
            AWS_REGION: 'us-east-1',
            AWS_ACCESS_KEY_ID: 'SANDBOXACCESSKEY',
            AWS_SECRET_ACCESS_KEY: 'sandbox-secret-not-a-real-key',
          },
          signal: new AbortController().signal,
          readApplyExceptions,
        },
      );
      return { code, stdout, stderr };
    } finally {
      rmSync(configDir, { recursive: true, force: true });
    }
  }

  it("prints the counts and the latest exceptions read through the project's target", async () => {
    const out = await stats({
      name: 'exc',
      profile: 'sandbox',
      source: null,
      target: { ...pg.spec, database: targetDb },
    });
    expect(out.stderr).toBe('');
    expect(out.code).toBe(EXIT.ok);
    expect(out.stdout).toContain(
      "Apply exceptions: 4 · shop.orders 3 · shop.items 1 (read from the target's public.awsdms_apply_exceptions)",
    );
    expect(out.stdout).toMatch(
      /shop\.items +permission denied for table items\n +DELETE FROM shop\.items WHERE id = 7/,
    );
    expect(out.stdout).not.toContain('an error of another task');
  });

  it('says nothing of them without a target connection', async () => {
    const out = await stats({ name: 'exc', profile: 'sandbox', source: null, target: null });
    expect(out.code).toBe(EXIT.ok);
    expect(out.stdout).toContain('exc-task:');
    expect(out.stdout).not.toContain('Apply exceptions');
  });
});
