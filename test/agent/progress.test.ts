// Progress within a partition: an agent (in this process, with its lease and real control channel)
// extracts a PostgreSQL table that is one big partition into an object store whose upload is
// held back, so the partition cannot finish. `agent-tasks --output json` must already show
// rows, bytes, rows/s, an ETA and a percent above 0 while no partition is checkpointed; once the
// upload goes on, the partition lands and the counts are the checkpointed ones.
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent } from '../../src/agent/agent.js';
import { serveControl } from '../../src/agent/control.js';
import { agentDeps } from '../../src/agent/deps.js';
import { acquireLease, releaseLease } from '../../src/agent/lease.js';
import type { ObjectStore } from '../../src/agent/objectStore.js';
import { type DbConnection, openConnection } from '../../src/db/connection.js';
import { makePrivateDir } from '../../src/sandbox/fileModes.js';
import type { AgentTaskView } from '../../src/model/agentView.js';
import { startTestSandbox, type TestSandbox, uniqueName } from '../support/sandbox.js';
import { serverAvailable } from '../support/servers.js';
import { waitFor } from '../support/wait.js';
import { agentTaskCli, waitForLocalDone } from './helpers.js';

const pg = await serverAvailable('postgres');
const ROWS = 200_000;

/** An object store whose uploads wait until `release()`; it keeps what it received. */
function heldStore() {
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const objects = new Map<string, number>();
  const store: ObjectStore = {
    async upload(key, body) {
      await released;
      let bytes = 0;
      for await (const chunk of body) bytes += (chunk as Buffer).length;
      objects.set(key, bytes);
    },
    async putText(key, text) {
      objects.set(key, text.length);
    },
    close() {},
    async deletePrefix() {
      return 0;
    },
  };
  return { store, objects, release };
}

describe.skipIf(!pg.ok)(`progress within a partition (${pg.reason})`, () => {
  const schema = uniqueName('agprog').replace(/-/g, '_');
  const root = mkdtempSync(join(tmpdir(), 'agent-progress-'));
  const dir = join(root, 'agent');
  const held = heldStore();
  let sb: TestSandbox;
  let conn: DbConnection;
  let agent: Agent;
  let server: Server;

  beforeAll(async () => {
    sb = await startTestSandbox();
    conn = await openConnection(pg.spec);
    await conn.query(`CREATE SCHEMA ${schema}`);
    await conn.query(`CREATE TABLE ${schema}.wide (id int PRIMARY KEY, payload text)`);
    await conn.query(
      `INSERT INTO ${schema}.wide SELECT g, md5(g::text) || md5((g * 7)::text) || md5((g * 13)::text) FROM generate_series(1, ${ROWS}) g`,
    );
    await conn.query(`ANALYZE ${schema}.wide`);
    makePrivateDir(dir);
    agent = new Agent(dir, acquireLease(dir, 'test'), {
      ...agentDeps(),
      store: async () => held.store,
    });
    server = await serveControl(dir, (req) => agent.handle(req));
  }, 120_000);

  afterAll(async () => {
    held.release();
    await agent?.close();
    server?.close();
    releaseLease(dir);
    await conn?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await conn?.close();
    await sb?.close();
    rmSync(root, { recursive: true, force: true });
  });

  const tasks = async (): Promise<AgentTaskView[]> => {
    const out = await agentTaskCli(sb, 'agent-tasks', ['--output', 'json', '--data-dir', dir]);
    expect(out.stderr).toBe('');
    return JSON.parse(out.stdout) as AgentTaskView[];
  };

  it('rows, bytes, rows/s, ETA and percent move before the one partition is in S3', async () => {
    const url = `postgres://${pg.spec.user}@${pg.spec.host}:${pg.spec.port}/${pg.spec.database}`;
    const created = await agentTaskCli(sb, 'agent-task', [
      'create',
      'big',
      '--source',
      url,
      '--select',
      `${schema}.wide`,
      '--bucket',
      'staging',
      '--target-endpoint',
      'none',
      '--instance',
      'none',
      '--sandbox',
      '--rows-per-partition',
      String(ROWS * 2),
      '--data-dir',
      dir,
      '--start',
    ]);
    expect(created.stderr).toBe('');

    const during = await waitFor(async () => (await tasks())[0], {
      until: (t) => (t?.progress ?? 0) > 0,
      timeout: 60_000,
      what: 'progress above 0 while the partition is held',
    });
    const table = during?.local.tables[0];
    expect(table).toMatchObject({ partitionsTotal: 1, partitionsDone: 0 });
    expect(table?.rows).toBeGreaterThan(0);
    expect(table?.rows).toBeLessThan(ROWS);
    expect(table?.bytes).toBeGreaterThan(0);
    expect(table?.rowsPerSecond).toBeGreaterThan(0);
    expect(table?.etaSeconds).toBeGreaterThan(0);
    expect(during?.progress).toBeLessThan(50);
    expect(during?.local.state).toBe('running');
    expect([...held.objects.keys()].some((k) => k.includes('/LOAD'))).toBe(false);
    const status = agent.status().tasks[0];
    expect(status?.progress).toBeGreaterThan(0);

    held.release();
    const done = await waitForLocalDone(dir, 'big');
    expect(done.local.tables[0]).toMatchObject({
      partitionsDone: 1,
      rows: ROWS,
      etaSeconds: 0,
    });
    expect(done.local.tables[0]?.bytes).toBeGreaterThan(table?.bytes ?? 0);
    expect(done.progress).toBeGreaterThanOrEqual(50);
    expect([...held.objects.keys()].filter((k) => k.includes('/LOAD'))).toHaveLength(1);
  });
});
