// The one test sandbox: the sandbox in-process on a random port with a temporary data dir, the
// real SDK clients pointed at it (raw `dms`/`logs` making one attempt, and the app's AwsClients),
// and, on request, the stand-in engine and two PostgreSQL endpoints so a test can create tasks
// in one call. Sandbox, hook, screen, command and e2e tests and the benches all start it here.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import {
  CreateEndpointCommand,
  CreateReplicationTaskCommand,
  DatabaseMigrationServiceClient,
  DescribeReplicationInstancesCommand,
} from '@aws-sdk/client-database-migration-service';
import type { Services } from '../../src/ui/services.js';
import { type AwsClients, createAwsClients } from '../../src/aws/clients.js';
import type { AwsTarget } from '../../src/model/awsTarget.js';
import {
  type RunningSandbox,
  type SandboxOptions,
  startSandbox,
} from '../../src/sandbox/server.js';
import { createMetricsStore, type MetricsStore } from '../../src/sandbox/metrics/store.js';
import { FakeEngine } from './fakeEngine.js';
import { testServices } from './services.js';
import { includeTables } from './mappings.js';

export { FakeEngine } from './fakeEngine.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

export const DUMMY_CREDENTIALS = { accessKeyId: 'AKIDTEST', secretAccessKey: 'not-a-secret' };

export interface TestSandboxOptions extends Partial<SandboxOptions> {
  /** Run loads with a FakeEngine the test drives (`sb.engine`) instead of the real engine.
   *  Ignored when `runFullLoad` is given. */
  fakeEngine?: boolean;
  /** Create a source and a target endpoint on the local PostgreSQL (ids `src-pg`, `dst-pg`
   *  unless named here) and look up the instance, for `createTask`. */
  endpoints?: boolean | { source: string; target: string };
  /** Region of the SDK clients (default us-east-1). */
  region?: string;
  /** maxAttempts of the app's AwsClients (default 3). */
  clientAttempts?: number;
}

export interface TestSandbox {
  /** The running sandbox (a new one after `restart`). */
  readonly sandbox: RunningSandbox;
  readonly url: string;
  dataDir: string;
  /** Raw SDK clients, one attempt per call, dummy credentials. */
  dms: DatabaseMigrationServiceClient;
  logs: CloudWatchLogsClient;
  cloudwatch: CloudWatchClient;
  /** The sandbox's metrics store (kept across `restart`), for tests that record measurements. */
  metrics: MetricsStore;
  /** The app's view of the sandbox: its AwsTarget and AwsClients. */
  target: AwsTarget;
  clients: AwsClients;
  /** The stand-in engine (in use with `fakeEngine: true`). */
  engine: FakeEngine;
  /** With `endpoints`: the two endpoints' ARNs and the instance's. */
  source: string;
  targetEndpoint: string;
  instanceArn: string;
  /** Creates a task between the two endpoints (needs `endpoints`); returns its ARN. */
  createTask(
    id: string,
    options?: { type?: string; logging?: boolean; tables?: string; settings?: string },
  ): Promise<string>;
  /** Closes the sandbox and starts it again on the same port and data (e.g. without chaos). */
  restart(options?: { chaos?: string }): Promise<void>;
  /** Stops everything; removes the data dir unless `keepData`. */
  close(keepData?: boolean): Promise<void>;
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

const ALL_PUBLIC_TABLES = includeTables('public', '%', 'all');

export async function startTestSandbox(options: TestSandboxOptions = {}): Promise<TestSandbox> {
  const {
    fakeEngine,
    endpoints,
    region = 'us-east-1',
    clientAttempts,
    ...sandboxOptions
  } = options;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'dmst-sandbox-'));
  const engine = new FakeEngine();
  const metrics = options.metrics ?? createMetricsStore();
  const runFullLoad = options.runFullLoad ?? (fakeEngine ? engine.run : undefined);
  const start = (port: number, chaos: string | undefined) =>
    startSandbox({ ...sandboxOptions, port, dataDir, chaos, runFullLoad, metrics });
  let sandbox = await start(options.port ?? 0, options.chaos).catch((error: unknown) => {
    if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    throw error;
  });
  const raw = { endpoint: sandbox.url, region, credentials: DUMMY_CREDENTIALS, maxAttempts: 1 };
  const dms = new DatabaseMigrationServiceClient(raw);
  const logs = new CloudWatchLogsClient(raw);
  const cloudwatch = new CloudWatchClient(raw);
  const target: AwsTarget = { sandbox: true, endpointUrl: sandbox.url, region };
  const clients = createAwsClients(target, { maxAttempts: clientAttempts ?? 3 });
  // Set-up calls retry harder, so fixtures get made even through --chaos.
  const setup = createAwsClients(target, { maxAttempts: 10, retryMode: 'standard' });
  const ids = typeof endpoints === 'object' ? endpoints : { source: 'src-pg', target: 'dst-pg' };
  const fixtures = endpoints
    ? await postgresFixtures(await setup.dms(), ids.source, ids.target)
    : { source: '', target: '', instanceArn: '' };

  return {
    get sandbox() {
      return sandbox;
    },
    get url() {
      return sandbox.url;
    },
    dataDir,
    dms,
    logs,
    cloudwatch,
    metrics,
    target,
    clients,
    engine,
    source: fixtures.source,
    targetEndpoint: fixtures.target,
    instanceArn: fixtures.instanceArn,
    async createTask(id, o = {}) {
      if (!endpoints) throw new Error('createTask needs startTestSandbox({ endpoints: true })');
      const out = await (await setup.dms()).send(
        new CreateReplicationTaskCommand({
          ReplicationTaskIdentifier: id,
          SourceEndpointArn: fixtures.source,
          TargetEndpointArn: fixtures.target,
          ReplicationInstanceArn: fixtures.instanceArn,
          MigrationType: (o.type ?? 'full-load') as 'full-load',
          TableMappings: o.tables ?? ALL_PUBLIC_TABLES,
          ReplicationTaskSettings:
            o.settings ??
            (o.logging === false
              ? undefined
              : JSON.stringify({ Logging: { EnableLogging: true } })),
        }),
      );
      return out.ReplicationTask?.ReplicationTaskArn ?? '';
    },
    async restart(o = {}) {
      const port = sandbox.port;
      await sandbox.close();
      sandbox = await start(port, o.chaos);
    },
    async close(keepData = false) {
      engine.release();
      for (const client of [dms, logs, cloudwatch, clients, setup]) client.destroy();
      await sandbox.close();
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A name no other test (or earlier run) uses. */
export function uniqueName(prefix: string): string {
  return `${prefix}_${Math.random().toString(36).slice(2, 8)}`;
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
