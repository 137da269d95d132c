// The agent lets go of what a run opens: every S3 store (its client and sockets) and every DMS
// client it made is closed when the run ends, stopped or failed, and repeated stop/resume cycles
// leave the process with no more handles than after the first.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, type AgentDeps } from '../../src/agent/agent.js';
import { agentDeps } from '../../src/agent/deps.js';
import { type DbConnection, openConnection } from '../../src/db/connection.js';
import type { AgentTaskSpec } from '../../src/model/agentTask.js';
import { startTestSandbox, type TestSandbox, uniqueName } from '../support/sandbox.js';
import { serverAvailable } from '../support/servers.js';
import { waitFor } from '../support/wait.js';
import { createItemsSchema } from './helpers.js';

const pg = await serverAvailable('postgres');
const root = mkdtempSync(join(tmpdir(), 'agent-handles-'));
const schema = uniqueName('aghd').replace(/-/g, '_');
let sb: TestSandbox;
let conn: DbConnection;

/** Sockets, timers and other handles that keep this process alive. */
const handles = () =>
  process.getActiveResourcesInfo().filter((r) => r !== 'PipeWrap' && r !== 'TTYWrap').length;

/** Uploads wait here until the test lets them through: a few for a cycle (so a stop lands
 *  mid-extraction), then all of them while a stop lets the partitions in flight finish. */
function uploadGate() {
  let allowance = 0;
  let open = false;
  const waiting: (() => void)[] = [];
  const release = () => {
    while (waiting.length > 0 && (open || allowance > 0)) {
      if (!open) allowance--;
      waiting.shift()?.();
    }
  };
  return {
    pass: () =>
      new Promise<void>((resolve) => {
        waiting.push(resolve);
        release();
      }),
    grant(uploads: number) {
      allowance += uploads;
      release();
    },
    openAll() {
      open = true;
      release();
    },
    close() {
      open = false;
      allowance = 0;
    },
  };
}

/** The real deps, with uploads through the gate and counting what they open and close. */
function countingDeps(gate: ReturnType<typeof uploadGate>) {
  const real = agentDeps();
  const count = { stores: 0, storesClosed: 0, clients: 0, clientsDestroyed: 0 };
  const deps: AgentDeps = {
    ...real,
    pollMs: 100,
    async store(spec) {
      const store = await real.store(spec);
      count.stores++;
      return {
        ...store,
        upload: async (key, body) => {
          await gate.pass();
          return store.upload(key, body);
        },
        close: () => {
          count.storesClosed++;
          store.close();
        },
      };
    },
    clients(spec) {
      const clients = real.clients(spec);
      count.clients++;
      return {
        ...clients,
        dms: clients.dms,
        logs: clients.logs,
        cloudwatch: clients.cloudwatch,
        destroy: () => {
          count.clientsDestroyed++;
          clients.destroy();
        },
      };
    },
  };
  return { deps, count };
}

describe.skipIf(!pg.ok)(`the agent's handles (${pg.reason})`, () => {
  beforeAll(async () => {
    sb = await startTestSandbox();
    conn = await openConnection(pg.spec);
    await createItemsSchema(conn, schema, 6000);
  }, 60_000);

  afterAll(async () => {
    await conn?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await conn?.close();
    await sb?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('stop/resume cycles close every S3 and DMS client, and the handles do not grow', async () => {
    const gate = uploadGate();
    const { deps, count } = countingDeps(gate);
    const agent = new Agent(
      root,
      { pid: process.pid, startedAt: new Date().toISOString(), version: 'test' },
      deps,
    );
    const spec: AgentTaskSpec = {
      name: 'cycles',
      source: { ...pg.spec },
      select: [`${schema}.items`],
      bucket: 'handles',
      folder: 'cycles',
      targetEndpoint: 'none',
      instance: 'none',
      roleArn: '',
      format: 'csv.gz',
      maxFileBytes: 1 << 20,
      parallel: 2,
      rowsPerPartition: 200,
      nullMarker: '\\N',
      aws: sb.target,
    };
    agent.create(spec);
    const view = () => agent.tasks()[0];
    let baseline = 0;
    for (let cycle = 0; cycle < 4; cycle++) {
      const before = view()?.local.tables[0]?.partitionsDone ?? 0;
      agent.act('cycles', cycle === 0 ? 'start' : 'resume');
      gate.grant(2);
      await waitFor(() => view(), {
        until: (t) => (t?.local.tables[0]?.partitionsDone ?? 0) >= before + 2,
        timeout: 60_000,
        what: `cycle ${cycle}: two more partitions`,
      });
      agent.act('cycles', 'stop');
      gate.openAll();
      await waitFor(() => view(), {
        until: (t) => t?.state === 'stopped',
        timeout: 60_000,
        what: `cycle ${cycle}: stopped`,
      });
      gate.close();
      expect(count.storesClosed).toBe(count.stores);
      if (cycle === 0) baseline = handles();
      else
        await waitFor(() => handles(), {
          until: (n) => n <= baseline,
          timeout: 30_000,
          what: `handles back to ${baseline} after cycle ${cycle}`,
        });
    }
    expect(count.stores).toBe(4);

    // To the end: the DMS subtask fails (no such target endpoint); its clients are let go too.
    gate.openAll();
    agent.act('cycles', 'resume');
    const failed = await waitFor(() => view(), {
      until: (t) => t?.state === 'failed',
      timeout: 120_000,
      what: 'the DMS subtask to fail on the missing endpoint',
    });
    expect(failed?.error).toMatch(/no target endpoint "none"/);
    expect(count.clients).toBeGreaterThan(0);
    expect([count.storesClosed, count.clientsDestroyed]).toEqual([count.stores, count.clients]);

    // Delete with objects and DMS resources: its store and clients are closed as well.
    await agent.handle({
      method: 'POST',
      path: '/tasks/cycles/delete',
      query: new URLSearchParams(),
      body: { objects: true, dms: true },
    });
    expect([count.storesClosed, count.clientsDestroyed]).toEqual([count.stores, count.clients]);
    await agent.close();
  }, 240_000);
});
