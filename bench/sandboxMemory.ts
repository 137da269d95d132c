// Sandbox memory, each figure beside a reference from the same run: the built CLI's
// `dms-tui sandbox` process (its demo databases are PGlite in worker threads of the same
// process) started in a fresh data dir:
//  - RSS idle with the demo open, beside the same sandbox with --no-demo;
//  - RSS over POLLS rounds of what an open TUI asks every refresh (DescribeReplicationTasks,
//    DescribeTableStatistics and GetLogEvents of a task that loaded the demo, and a catalog
//    query on each demo database) — an hour of polling compressed — sampled as it goes, so
//    the trend shows whether memory grows with the number of polls.
// Run: npm run build && npx tsx bench/sandboxMemory.ts   (POLLS=3000 by default)
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import {
  CreateReplicationTaskCommand,
  DescribeEndpointsCommand,
  DescribeReplicationInstancesCommand,
  DescribeReplicationTasksCommand,
  DescribeTableStatisticsCommand,
  StartReplicationTaskCommand,
} from '@aws-sdk/client-database-migration-service';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { DatabaseMigrationServiceClient } from '@aws-sdk/client-database-migration-service';
import { openConnection } from '../src/db/connection.js';
import type { ConnectionSpec } from '../src/model/connection.js';
import { CLI } from '../test/support/pty.js';
import { waitFor } from '../test/support/wait.js';
import { includeTables } from '../test/support/mappings.js';

const POLLS = Number(process.env.POLLS ?? 3000);
/** PARTS=api or PARTS=db polls only the sandbox's API or only the demo databases. */
const PARTS = process.env.PARTS ?? 'api,db';
const CREDS = { accessKeyId: 'AKIDBENCH', secretAccessKey: 'not-a-secret' };

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

interface Started {
  child: ChildProcess;
  url: string;
  demo?: { source: ConnectionSpec; target: ConnectionSpec };
  dir: string;
}

async function startSandboxProcess(demo: boolean): Promise<Started> {
  const dir = mkdtempSync(join(tmpdir(), 'dmst-bench-sbmem-'));
  const child = spawn(
    process.execPath,
    [CLI, 'sandbox', '--data-dir', dir, '--port', '0', ...(demo ? [] : ['--no-demo'])],
    { stdio: 'ignore', env: { ...process.env, NODE_OPTIONS: process.env.BENCH_NODE_OPTIONS } },
  );
  const info = await waitFor(
    () => JSON.parse(readFileSync(join(dir, 'sandbox.json'), 'utf8')) as Omit<Started, 'child'>,
    { timeout: 180_000, interval: 100, what: 'sandbox.json' },
  );
  return { child, url: info.url, demo: info.demo, dir };
}

async function stop(s: Started): Promise<void> {
  const exited = new Promise((r) => s.child.once('exit', r));
  s.child.kill('SIGTERM');
  await exited;
  rmSync(s.dir, { recursive: true, force: true });
}

const settle = () => new Promise((r) => setTimeout(r, 3000));

async function main() {
  const bare = await startSandboxProcess(false);
  await settle();
  const bareRss = rssMb(bare.child.pid ?? 0);
  await stop(bare);

  const s = await startSandboxProcess(true);
  const pid = s.child.pid ?? 0;
  const raw = { endpoint: s.url, region: 'us-east-1', credentials: CREDS, maxAttempts: 1 };
  const dms = new DatabaseMigrationServiceClient(raw);
  const logs = new CloudWatchLogsClient(raw);
  try {
    await settle();
    const idle = rssMb(pid);
    // A task that loads the demo, as a user of the demo project would start.
    const endpoints = (await dms.send(new DescribeEndpointsCommand({}))).Endpoints ?? [];
    const src = endpoints.find(
      (e) => String(e.EndpointType).toUpperCase() === 'SOURCE',
    )?.EndpointArn;
    const dst = endpoints.find(
      (e) => String(e.EndpointType).toUpperCase() === 'TARGET',
    )?.EndpointArn;
    const instance = (await dms.send(new DescribeReplicationInstancesCommand({})))
      .ReplicationInstances?.[0]?.ReplicationInstanceArn;
    const task = await dms.send(
      new CreateReplicationTaskCommand({
        ReplicationTaskIdentifier: 'bench-demo',
        SourceEndpointArn: src,
        TargetEndpointArn: dst,
        ReplicationInstanceArn: instance,
        MigrationType: 'full-load',
        TableMappings: includeTables('%', '%', 'all'),
        ReplicationTaskSettings: JSON.stringify({ Logging: { EnableLogging: true } }),
      }),
    );
    const arn = task.ReplicationTask?.ReplicationTaskArn ?? '';
    const status = async () =>
      (await dms.send(new DescribeReplicationTasksCommand({ WithoutSettings: true })))
        .ReplicationTasks?.[0];
    await waitFor(status, { until: (t) => t?.Status === 'ready', timeout: 60_000 });
    await dms.send(
      new StartReplicationTaskCommand({
        ReplicationTaskArn: arn,
        StartReplicationTaskType: 'start-replication',
      }),
    );
    const done = await waitFor(status, {
      until: (t) => t?.Status === 'stopped' || t?.Status === 'failed',
      timeout: 300_000,
    });
    await settle();
    const afterLoad = rssMb(pid);
    const stream = `dms-task-${arn.split(':').pop()}`;
    const catalogs = await Promise.all(
      [s.demo?.source, s.demo?.target].map((spec) => openConnection(spec as ConnectionSpec)),
    );
    const samples: [number, number][] = [[0, afterLoad]];
    const started = performance.now();
    for (let i = 1; i <= POLLS; i++) {
      const api = PARTS.includes('api');
      await Promise.all([
        api && status(),
        api && dms.send(new DescribeTableStatisticsCommand({ ReplicationTaskArn: arn })),
        api &&
          logs.send(
            new GetLogEventsCommand({
              logGroupName: 'dms-tasks-sandbox',
              logStreamName: stream,
              startFromHead: true,
              limit: 500,
            }),
          ),
        ...(PARTS.includes('db') ? catalogs : []).map((c) =>
          c.query(
            `SELECT table_schema, table_name FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')`,
          ),
        ),
      ]);
      if (i % Math.max(1, Math.floor(POLLS / 10)) === 0) samples.push([i, rssMb(pid)]);
    }
    const seconds = (performance.now() - started) / 1000;
    await Promise.all(catalogs.map((c) => c.close()));
    await settle();
    const end = rssMb(pid);
    const first = samples[1]?.[1] ?? afterLoad;
    console.log(`Sandbox process RSS (demo: PGlite source and target in worker threads)`);
    console.log(
      `  idle, demo open:            ${idle.toFixed(1)} MB   | same sandbox with --no-demo: ${bareRss.toFixed(1)} MB   (target < 400 MB)`,
    );
    console.log(
      `  after loading the demo:     ${afterLoad.toFixed(1)} MB   (task ${done?.Status}, ${done?.ReplicationTaskStats?.TablesLoaded} tables)`,
    );
    console.log(
      `  over ${POLLS} polls of ${PARTS} (${seconds.toFixed(0)} s; one TUI refresh each, ≈ ${((POLLS * 5) / 3600).toFixed(1)} h at 5 s):`,
    );
    console.log(
      `    ${samples.map(([n, mb]) => `${n}: ${mb.toFixed(0)}`).join('  ')}  (polls: MB)`,
    );
    console.log(
      `    growth from the first tenth to the last: ${(end - first).toFixed(1)} MB; settled after: ${end.toFixed(1)} MB`,
    );
  } finally {
    dms.destroy();
    logs.destroy();
    await stop(s);
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
