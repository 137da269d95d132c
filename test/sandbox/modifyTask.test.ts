// ModifyReplicationTask on the sandbox, as the task form sends it: the task goes through
// modifying back to stopped, and the next run uses the new table mappings (a rename-schema
// rule: the rows land in the renamed schema) with the real engine on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findTask, modifyTask, startTask } from '../../src/aws/tasks.js';
import { type DbConnection, openConnection } from '../../src/db/connection.js';
import { buildCreateTaskInput } from '../../src/model/taskInput.js';
import { modifyTaskInput, valuesFromTask } from '../../src/model/taskModify.js';
import { taskInputFromForm } from '../../src/model/taskFormValidation.js';
import { serverAvailable } from '../support/servers.js';
import { startTestSandbox, type TestSandbox, uniqueName } from '../support/sandbox.js';
import { waitFor } from '../support/wait.js';

const pg = await serverAvailable('postgres');
const S = uniqueName('dmst_mod_s');
const T1 = uniqueName('dmst_mod_a');
const T2 = uniqueName('dmst_mod_b');

describe.skipIf(!pg.ok)(`ModifyReplicationTask on the sandbox (${pg.reason})`, () => {
  let sb: TestSandbox;
  let db: DbConnection;

  beforeAll(async () => {
    db = await openConnection(pg.spec);
    await db.query(`CREATE SCHEMA ${S}`);
    await db.query(`CREATE TABLE ${S}.items (id int PRIMARY KEY, v text)`);
    await db.query(`INSERT INTO ${S}.items SELECT g, 'v' || g FROM generate_series(1, 25) g`);
    sb = await startTestSandbox({ endpoints: true });
  });
  afterAll(async () => {
    await sb?.close();
    for (const schema of [S, T1, T2]) await db?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await db?.close();
  });

  const count = async (schema: string) =>
    Number((await db.query(`SELECT count(*)::int AS n FROM ${schema}.items`)).rows[0]?.n);
  const settled = (arn: string) =>
    waitFor(
      async () => {
        const t = await findTask(sb.clients, arn);
        expect(['ready', 'stopped', 'failed']).toContain(t.status);
        return t;
      },
      { timeout: 30_000 },
    );

  it('goes through modifying, and the next run lands in the renamed schema', async () => {
    const rows = (to: string) => [
      { action: 'include' as const, schema: S, table: '%' },
      { action: 'rename-schema' as const, schema: S, table: '%', to },
    ];
    const input = buildCreateTaskInput({
      name: 'modify-rename',
      replicationInstanceArn: sb.instanceArn,
      sourceEndpointArn: sb.source,
      targetEndpointArn: sb.targetEndpoint,
      migrationType: 'full-load',
      tablePrepMode: 'DROP_AND_CREATE',
      lob: { mode: 'limited', chunkSizeKb: 64, maxSizeKb: 32 },
      logging: true,
      mappings: rows(T1),
    });
    const arn = await sb.createTask('modify-rename', {
      tables: input.TableMappings,
      settings: input.ReplicationTaskSettings,
    });
    await settled(arn);
    await startTask(sb.clients, arn, 'start-replication');
    await waitFor(async () => expect((await findTask(sb.clients, arn)).status).toBe('stopped'), {
      timeout: 30_000,
    });
    expect(await count(T1)).toBe(25);

    // What the form does: read the task back, change the rule, send ModifyReplicationTask.
    const before = await findTask(sb.clients, arn, { withSettings: true });
    const values = { ...valuesFromTask(before), mappings: rows(T2) };
    const built = taskInputFromForm(values);
    if (!built.ok) throw new Error(built.error);
    const after = await modifyTask(sb.clients, modifyTaskInput(before, built.input));
    expect(after.status).toBe('modifying');
    expect((await settled(arn)).status).toBe('stopped');

    await startTask(sb.clients, arn, 'reload-target');
    await waitFor(async () => expect(await count(T2).catch(() => 0)).toBe(25), {
      timeout: 30_000,
    });
  });
});
