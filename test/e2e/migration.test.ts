// The Data Migration View in a real terminal against the sandbox with the embedded demo: create
// a task through the sandbox, start it from the view, watch it reach "Load complete" with the
// right table counts, read its real log lines, delete it; and (with the PostgreSQL test server)
// stop and resume a long load.
import { existsSync } from 'node:fs';
import {
  CreateEndpointCommand,
  CreateReplicationTaskCommand,
  type DatabaseMigrationServiceClient,
  DescribeEndpointsCommand,
  DescribeReplicationInstancesCommand,
} from '@aws-sdk/client-database-migration-service';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AwsClients } from '../../src/aws/clients.js';
import { listTableStats } from '../../src/aws/tableStats.js';
import { findTask } from '../../src/aws/tasks.js';
import { openConnection } from '../../src/db/connection.js';
import { CLI, sandboxTerminal, type TerminalSession } from '../support/pty.js';
import { startTestSandbox, type TestSandbox } from '../support/sandbox.js';
import { serverAvailable } from '../support/servers.js';
import { waitFor } from '../support/wait.js';

const pg = await serverAvailable('postgres');
let sandbox: TestSandbox;
let clients: AwsClients;
let dms: DatabaseMigrationServiceClient;
let instanceArn = '';

beforeAll(async () => {
  if (!existsSync(CLI))
    throw new Error('dist/cli.js is missing: run `npm run build` first (npm test does)');
  sandbox = await startTestSandbox({ demo: true });
  clients = sandbox.clients;
  dms = await clients.dms();
  instanceArn =
    (await dms.send(new DescribeReplicationInstancesCommand({}))).ReplicationInstances?.[0]
      ?.ReplicationInstanceArn ?? '';
}, 180_000);

afterAll(async () => {
  await sandbox?.close();
});

function terminal(): TerminalSession {
  return sandboxTerminal(sandbox.url, { cols: 140, rows: 30, prefix: 'dmst-e2e-home-' });
}

const settings = JSON.stringify({
  Logging: { EnableLogging: true },
  FullLoadSettings: { TargetTablePrepMode: 'DROP_AND_CREATE' },
});

async function createTask(id: string, source: string, target: string, mappings: object) {
  const out = await dms.send(
    new CreateReplicationTaskCommand({
      ReplicationTaskIdentifier: id,
      SourceEndpointArn: source,
      TargetEndpointArn: target,
      ReplicationInstanceArn: instanceArn,
      MigrationType: 'full-load',
      TableMappings: JSON.stringify(mappings),
      ReplicationTaskSettings: settings,
    }),
  );
  const arn = out.ReplicationTask?.ReplicationTaskArn ?? '';
  await waitFor(async () => expect((await findTask(clients, arn)).status).toBe('ready'), {
    what: `${id} ready`,
  });
  return arn;
}

const include = (schema: string, table = '%') => ({
  'rule-type': 'selection',
  'rule-id': '1',
  'rule-name': 'include',
  'object-locator': { 'schema-name': schema, 'table-name': table },
  'rule-action': 'include',
});

describe('Data Migration View in a real terminal (sandbox with the demo)', () => {
  it('starts a demo task from the view, shows Load complete with the table counts, its log, and deletes it', async () => {
    const endpoints = (await dms.send(new DescribeEndpointsCommand({}))).Endpoints ?? [];
    const source = endpoints.find((e) => e.EndpointIdentifier === 'demo-source')?.EndpointArn ?? '';
    const target = endpoints.find((e) => e.EndpointIdentifier === 'demo-target')?.EndpointArn ?? '';
    const arn = await createTask('e2e-demo', source, target, { rules: [include('inventory')] });

    const term = terminal();
    try {
      await term.waitForText(/e2e-demo\s+ready · Ready to start/, 30_000);
      await term.pressCommand('task.start');
      const done = await term.waitForText(/e2e-demo\s+stopped · Load complete/, 60_000);
      const { tables } = await listTableStats(clients, arn);
      expect(tables.length).toBeGreaterThan(0);
      expect(tables.every((t) => t.state === 'Table completed')).toBe(true);
      expect(done).toContain(`${tables.length} of ${tables.length}`);
      expect(done).toContain('100%');
      expect(done).toContain('demo-source → demo-target');

      await term.pressCommand('task.logs');
      const log = await term.waitForText(/\[TARGET_LOAD\s*\]I:/, 20_000);
      expect(log).toContain('Log of e2e-demo');
      expect(log).toMatch(/inventory/);
      await term.pressCommand('nav.back');
      await term.waitForText(/e2e-demo\s+stopped/);

      await term.pressCommand('task.delete');
      await term.waitForText('Delete e2e-demo?');
      await term.pressCommand('dialog.confirm', 'y');
      await term.waitForText('No replication tasks', 20_000);
      await term.pressCommand('app.quit');
      expect(await term.exited).toBe(0);
    } finally {
      term.kill();
    }
  }, 180_000);

  it.skipIf(!pg.ok)(
    `stops and resumes a long load (PostgreSQL → PostgreSQL) ${pg.reason}`,
    async () => {
      const schema = `dmst_e2emig_${Math.random().toString(36).slice(2, 8)}`;
      const db = await openConnection(pg.spec);
      try {
        await db.query(`CREATE SCHEMA ${schema}`);
        await db.query(`CREATE SCHEMA ${schema}_t`);
        for (const t of ['big1', 'big2', 'big3', 'big4'])
          await db.query(
            `CREATE TABLE ${schema}.${t} AS SELECT g AS id, md5(g::text) AS v, now() AS at FROM generate_series(1, 400000) g`,
          );
        const endpoint = async (id: string, type: 'source' | 'target') =>
          (
            await dms.send(
              new CreateEndpointCommand({
                EndpointIdentifier: `${id}-${schema.slice(-6)}`,
                EndpointType: type,
                EngineName: 'postgres',
                ServerName: pg.spec.host,
                Port: pg.spec.port,
                DatabaseName: pg.spec.database,
                Username: pg.spec.user,
              }),
            )
          ).Endpoint?.EndpointArn ?? '';
        const arn = await createTask(
          'e2e-long',
          await endpoint('pgsrc', 'source'),
          await endpoint('pgdst', 'target'),
          {
            rules: [
              { ...include(schema), 'load-order': 1 },
              {
                'rule-type': 'transformation',
                'rule-id': '2',
                'rule-name': 'rename',
                'rule-target': 'schema',
                'object-locator': { 'schema-name': schema },
                'rule-action': 'rename',
                value: `${schema}_t`,
              },
            ],
          },
        );
        // One table at a time, small commits: a load that lasts long enough to stop.
        const term = terminal();
        try {
          await term.waitForText(/e2e-long\s+ready/, 30_000);
          await term.pressCommand('task.start');
          await term.waitForText(/e2e-long\s+running · Loading/, 30_000);
          await term.pressCommand('task.stop');
          await term.waitForText(/e2e-long\s+stopp/, 10_000);
          const stopped = await waitFor(
            async () => {
              const t = await findTask(clients, arn);
              expect(t.status).toBe('stopped');
              return t;
            },
            { timeout: 30_000, what: 'e2e-long stopped' },
          );
          // Stopped mid-load by the user, not finished.
          expect(stopped.stopReason).toBe('Stop Reason NORMAL');
          await term.waitForText(/e2e-long\s+stopped · Stopped/, 10_000);
          await term.pressCommand('task.resume');
          await term.waitForText(/e2e-long\s+(starting|running)/, 10_000);
          await term.waitForText(/e2e-long\s+stopped · Load complete/, 120_000);
          const count = await db.query(
            `SELECT (SELECT count(*) FROM ${schema}_t.big1) + (SELECT count(*) FROM ${schema}_t.big4) AS n`,
          );
          expect(Number((count.rows[0] as { n: string }).n)).toBe(800_000);
          await term.pressCommand('app.quit');
          expect(await term.exited).toBe(0);
        } finally {
          term.kill();
        }
      } finally {
        await db.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await db.query(`DROP SCHEMA IF EXISTS ${schema}_t CASCADE`);
        await db.close();
      }
    },
    300_000,
  );
});
