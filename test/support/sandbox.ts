// An in-process sandbox for hook, screen and command tests, with a controllable stand-in for
// the full-load engine (so tests decide when a load finishes) and helpers that create endpoints
// and tasks through the real SDK.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateEndpointCommand,
  CreateReplicationTaskCommand,
  type DatabaseMigrationServiceClient,
  DescribeReplicationInstancesCommand,
} from '@aws-sdk/client-database-migration-service';
import type { Services } from '../../src/ui/services.js';
import { type AwsClients, createAwsClients } from '../../src/aws/clients.js';
import type { AwsTarget } from '../../src/model/awsTarget.js';
import type { FullLoadJob, FullLoadOutcome, RunFullLoad } from '../../src/sandbox/engine/types.js';
import { type RunningSandbox, startSandbox } from '../../src/sandbox/server.js';
import { testServices } from './services.js';

/** A stand-in engine: reports its tables, loads them at once ('complete') or holds them until
 *  released or stopped ('hold'), and writes a few log lines like the real one. */
export class FakeEngine {
  mode: 'complete' | 'hold' | 'fail' = 'complete';
  tables = [
    { schema: 'public', table: 'orders' },
    { schema: 'public', table: 'customers' },
  ];
  rows = 42;
  private waiting = new Set<() => void>();

  release(): void {
    for (const w of this.waiting) w();
    this.waiting.clear();
  }

  readonly run: RunFullLoad = async (job: FullLoadJob): Promise<FullLoadOutcome> => {
    const tables = this.tables.filter((t) => !job.skipTables?.has(`${t.schema}.${t.table}`));
    job.onTables(tables);
    job.log('TABLES_MANAGER', 'I', `${tables.length} tables to load`, 'tables.c:1');
    if (this.mode === 'fail') return { kind: 'failed', message: 'Cannot connect to the source' };
    const [first, ...rest] = tables;
    if (first)
      job.onTableUpdate({
        ...first,
        state: 'Full load',
        fullLoadRows: 1,
        errorRows: 0,
        startTime: new Date(),
      });
    if (this.mode === 'hold') {
      await new Promise<void>((resolve) => {
        this.waiting.add(resolve);
        job.signal.addEventListener('abort', () => resolve(), { once: true });
      });
      if (job.signal.aborted) return { kind: 'stopped' };
    }
    for (const t of first ? [first, ...rest] : rest) {
      job.onTableUpdate({
        ...t,
        state: 'Table completed',
        fullLoadRows: this.rows,
        errorRows: 0,
        endTime: new Date(),
      });
      job.log(
        'TARGET_LOAD',
        'I',
        `Load finished for table '${t.schema}'.'${t.table}' (${this.rows} rows)`,
        'load.c:2',
      );
    }
    job.log('SOURCE_UNLOAD', 'W', 'A warning line for the colours test', 'unload.c:3');
    return { kind: 'completed' };
  };
}

export interface TestSandbox {
  sandbox: RunningSandbox;
  target: AwsTarget;
  clients: AwsClients;
  engine: FakeEngine;
  dataDir: string;
  source: string;
  targetEndpoint: string;
  instanceArn: string;
  createTask(
    id: string,
    options?: { type?: string; logging?: boolean; tables?: string },
  ): Promise<string>;
  /** Closes the sandbox and starts it again on the same port and data (e.g. without chaos). */
  restart(options?: { chaos?: string }): Promise<void>;
  close(): Promise<void>;
}

/** A source and a target endpoint on the local PostgreSQL, and the sandbox's ready instance. */
export async function postgresFixtures(
  dms: DatabaseMigrationServiceClient,
  sourceId: string,
  targetId: string,
): Promise<{ source: string; target: string; instanceArn: string }> {
  const endpoint = async (id: string, type: 'source' | 'target') =>
    (
      await dms.send(
        new CreateEndpointCommand({
          EndpointIdentifier: id,
          EndpointType: type,
          EngineName: 'postgres',
          ServerName: '127.0.0.1',
          Port: 5432,
          DatabaseName: 'test',
          Username: 'postgres',
        }),
      )
    ).Endpoint?.EndpointArn ?? '';
  const instances = await dms.send(new DescribeReplicationInstancesCommand({}));
  return {
    source: await endpoint(sourceId, 'source'),
    target: await endpoint(targetId, 'target'),
    instanceArn: instances.ReplicationInstances?.[0]?.ReplicationInstanceArn ?? '',
  };
}

export async function startTestSandbox(
  options: { chaos?: string; clientAttempts?: number } = {},
): Promise<TestSandbox> {
  const dataDir = mkdtempSync(join(tmpdir(), 'dmst-migview-'));
  const engine = new FakeEngine();
  let sandbox = await startSandbox({
    port: 0,
    dataDir,
    demo: false,
    chaos: options.chaos,
    runFullLoad: engine.run,
  });
  const target: AwsTarget = { sandbox: true, endpointUrl: sandbox.url, region: 'us-east-1' };
  const clients = createAwsClients(target, { maxAttempts: options.clientAttempts ?? 3 });
  const setup = createAwsClients(target, { maxAttempts: 10, retryMode: 'standard' });
  const dms = await setup.dms();
  const {
    source,
    target: targetEndpoint,
    instanceArn,
  } = await postgresFixtures(dms, 'src-pg', 'dst-pg');
  const handle: TestSandbox = {
    get sandbox() {
      return sandbox;
    },
    target,
    clients,
    engine,
    dataDir,
    source,
    targetEndpoint,
    instanceArn,
    async createTask(id, o = {}) {
      const out = await dms.send(
        new CreateReplicationTaskCommand({
          ReplicationTaskIdentifier: id,
          SourceEndpointArn: source,
          TargetEndpointArn: targetEndpoint,
          ReplicationInstanceArn: instanceArn,
          MigrationType: (o.type ?? 'full-load') as 'full-load',
          TableMappings:
            o.tables ??
            JSON.stringify({
              rules: [
                {
                  'rule-type': 'selection',
                  'rule-id': '1',
                  'rule-name': 'all',
                  'object-locator': { 'schema-name': 'public', 'table-name': '%' },
                  'rule-action': 'include',
                },
              ],
            }),
          ReplicationTaskSettings:
            o.logging === false ? undefined : JSON.stringify({ Logging: { EnableLogging: true } }),
        }),
      );
      return out.ReplicationTask?.ReplicationTaskArn ?? '';
    },
    async restart(o: { chaos?: string } = {}) {
      const port = sandbox.port;
      await sandbox.close();
      sandbox = await startSandbox({
        port,
        dataDir,
        demo: false,
        chaos: o.chaos,
        runFullLoad: engine.run,
      });
    },
    async close() {
      engine.release();
      clients.destroy();
      setup.destroy();
      await sandbox.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return handle;
}

/** Polls `check` until it stops throwing (bounded); rethrows the last failure. */
export async function eventually<T>(
  check: () => T | Promise<T>,
  timeoutMs = 10_000,
  everyMs = 50,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < until) {
    try {
      return await check();
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw last;
}

/** Services for hook and screen tests pointed at a test sandbox. */
export function sandboxServices(sb: TestSandbox, overrides: Partial<Services> = {}): Services {
  return testServices({
    target: sb.target,
    clients: sb.clients,
    sandbox: { endpointUrl: sb.sandbox.url },
    ...overrides,
  });
}
