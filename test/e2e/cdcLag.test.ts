// A CDC task's lag in a real terminal: the built CLI (`--sandbox`, finding the test's sandbox
// through its sandbox.json) watches a full-load-and-cdc task PostgreSQL → PostgreSQL that the
// real engine replicates; bulk changes on the source make the LAG column go up, and it comes
// back down once the target has caught up.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  CreateEndpointCommand,
  CreateReplicationTaskCommand,
  DeleteReplicationTaskCommand,
  DescribeReplicationInstancesCommand,
  StartReplicationTaskCommand,
} from '@aws-sdk/client-database-migration-service';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findTask } from '../../src/aws/tasks.js';
import { arnResource } from '../../src/model/task.js';
import { type DbConnection, openConnection } from '../../src/db/connection.js';
import { writeSandboxInfo } from '../../src/sandbox/sandboxFile.js';
import { CLI, isolatedEnv, startTerminal, type TerminalSession } from '../support/pty.js';
import { startTestSandbox, type TestSandbox, uniqueName } from '../support/sandbox.js';
import { serverAvailable } from '../support/servers.js';
import { waitFor } from '../support/wait.js';
import { dropLeftoverSlots } from '../sandbox/support/cdcSlots.js';
import { includeTables } from '../support/mappings.js';

const pg = await serverAvailable('postgres');
const SCHEMA = uniqueName('dmst_e2elag');
const TARGET_DB = uniqueName('dmst_e2elag_tgt');
const TASK = SCHEMA.replace(/_/g, '-');

let sb: TestSandbox;
let src: DbConnection;
let term: TerminalSession | undefined;
let taskArn = '';

beforeAll(async () => {
  if (!pg.ok) return;
  if (!existsSync(CLI))
    throw new Error('dist/cli.js is missing: run `npm run build` first (npm test does)');
  sb = await startTestSandbox();
  src = await openConnection(pg.spec);
  await src.query(`CREATE SCHEMA ${SCHEMA}`);
  await src.query(`CREATE TABLE ${SCHEMA}.items (id int PRIMARY KEY, n int, note text)`);
  await src.query(
    `INSERT INTO ${SCHEMA}.items SELECT g, g, md5(g::text) FROM generate_series(1, 1000) g`,
  );
  await src.query(`CREATE DATABASE ${TARGET_DB}`);
  const endpoint = async (type: 'source' | 'target', database: string) =>
    (
      await sb.dms.send(
        new CreateEndpointCommand({
          EndpointIdentifier: `${TASK}-${type}`,
          EndpointType: type,
          EngineName: 'postgres',
          ServerName: pg.spec.host,
          Port: pg.spec.port,
          DatabaseName: database,
          Username: pg.spec.user,
          Password: pg.spec.password,
        }),
      )
    ).Endpoint?.EndpointArn;
  const instance = (await sb.dms.send(new DescribeReplicationInstancesCommand({})))
    .ReplicationInstances?.[0]?.ReplicationInstanceArn;
  const created = await sb.dms.send(
    new CreateReplicationTaskCommand({
      ReplicationTaskIdentifier: TASK,
      SourceEndpointArn: await endpoint('source', pg.spec.database),
      TargetEndpointArn: await endpoint('target', TARGET_DB),
      ReplicationInstanceArn: instance,
      MigrationType: 'full-load-and-cdc',
      TableMappings: includeTables(SCHEMA),
    }),
  );
  taskArn = created.ReplicationTask?.ReplicationTaskArn ?? '';
  await waitFor(async () => expect((await findTask(sb.clients, taskArn)).status).toBe('ready'));
  await sb.dms.send(
    new StartReplicationTaskCommand({
      ReplicationTaskArn: taskArn,
      StartReplicationTaskType: 'start-replication',
    }),
  );
  await waitFor(
    async () => {
      const t = await findTask(sb.clients, taskArn);
      expect(t.status).toBe('running');
      expect(t.stats?.progressPercent).toBe(100);
    },
    { timeout: 60_000 },
  );
}, 120_000);

afterAll(async () => {
  term?.kill();
  if (!pg.ok) return;
  // Deleting the task drops its replication slot (named after its resource id): wait for it.
  await sb?.dms
    .send(new DeleteReplicationTaskCommand({ ReplicationTaskArn: taskArn }))
    .catch(() => undefined);
  await waitFor(
    () => expect(findTask(sb.clients, taskArn)).rejects.toThrow(/No replication task/),
    {
      timeout: 30_000,
    },
  ).catch(() => undefined);
  await sb?.close();
  await dropLeftoverSlots(src, [TASK, arnResource(taskArn)]).catch(() => undefined);
  await src?.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`).catch(() => undefined);
  await src?.query(`DROP DATABASE IF EXISTS ${TARGET_DB} WITH (FORCE)`).catch(() => undefined);
  await src?.close();
}, 60_000);

/** The lag the task's row shows, in seconds (undefined while it shows none). */
function rowLag(screen: string): number | undefined {
  const row = screen.split('\n').find((l) => l.includes(TASK));
  const m = row ? /\s(?:(\d+)m)?(\d+)s\s/.exec(row) : null;
  return m ? Number(m[1] ?? 0) * 60 + Number(m[2]) : undefined;
}

describe.skipIf(!pg.ok)(`a CDC task's lag in a real terminal (${pg.reason})`, () => {
  it('goes up under a burst of changes and comes back down', async () => {
    const { env } = isolatedEnv('dmst-e2e-lag-');
    // The app finds the test's sandbox where `--sandbox` looks for one.
    const sandboxDir = join(env.DMS_TUI_DATA_DIR, 'sandbox');
    mkdirSync(sandboxDir, { recursive: true, mode: 0o700 });
    writeSandboxInfo(sandboxDir, {
      pid: process.pid,
      port: sb.sandbox.port,
      url: sb.url,
      startedAt: new Date().toISOString(),
    });
    term = startTerminal({ args: ['--sandbox', '--refresh', '1'], cols: 120, rows: 30, env });
    await term.waitForText(TASK, 30_000);
    await term.waitFor((s) => expect(s).toMatch(/running · Replicating · lag \d/), {
      timeout: 30_000,
      what: 'the task replicating with a known lag',
    });

    // Bursts of changes until the row shows a lag of 2 s or more.
    let loading = true;
    const load = (async () => {
      let base = 1_000_000;
      while (loading) {
        await src.query(
          `INSERT INTO ${SCHEMA}.items SELECT g, g, md5(g::text) FROM generate_series($1::int, $1::int + 199999) g`,
          [base],
        );
        await src.query(`UPDATE ${SCHEMA}.items SET n = n + 1 WHERE id >= $1`, [base]);
        base += 200_000;
      }
    })();
    let peak = 0;
    try {
      await term.waitFor(
        (s) => {
          peak = Math.max(peak, rowLag(s) ?? 0);
          expect(peak).toBeGreaterThanOrEqual(2);
        },
        { timeout: 120_000, interval: 100, what: 'the LAG column to reach 2 s' },
      );
    } finally {
      loading = false;
      await load;
    }
    // The target catches up: the lag comes back down.
    const screen = await term.waitFor(
      (s) => {
        expect(rowLag(s)).toBeLessThanOrEqual(1);
        return s;
      },
      { timeout: 180_000, interval: 200, what: 'the LAG column back under 2 s' },
    );
    expect(screen).toMatch(/Replicating · lag [01] s/);
  }, 360_000);
});
