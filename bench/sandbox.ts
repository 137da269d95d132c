// Sandbox figures, each beside a reference measured in the same run:
//  1. start-up of startSandbox({demo: false}) vs a bare node:http server listening;
//  2. DescribeReplicationTasks (WithoutSettings, 100 tasks) round trip vs a bare node:http
//     server answering the same bytes;
//  3. GetLogEvents (1,000 of 20,000 lines) round trip vs the same bare server.
// Run: npx tsx bench/sandbox.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox } from '../src/sandbox/server.js';
import type { TaskRecord } from '../src/sandbox/state.js';
import { createStore, loadState } from '../src/sandbox/store.js';
import { createTaskLogWriter } from '../src/sandbox/taskLog.js';
import { includeTables } from '../test/support/mappings.js';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (n: number) => `${n.toFixed(2)} ms`;

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

async function bareServer(body: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'Content-Type': 'application/x-amz-json-1.1' });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function call(url: string, target: string, body: unknown): Promise<string> {
  const res = await fetch(`${url}/`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': target },
    body: JSON.stringify(body),
  });
  return res.text();
}

async function rounds(n: number, fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 20; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < n; i++) times.push(await time(fn));
  return median(times);
}

function report(name: string, value: number, reference: number) {
  console.log(
    `${name.padEnd(44)} ${ms(value).padStart(10)}   reference ${ms(reference).padStart(10)}   ratio ${(value / reference).toFixed(2)}x`,
  );
}

// 1. Start-up.
const starts: number[] = [];
const bareStarts: number[] = [];
for (let i = 0; i < 15; i++) {
  const dir = mkdtempSync(join(tmpdir(), 'dmst-bench-'));
  let sb: Awaited<ReturnType<typeof startSandbox>> | undefined;
  starts.push(await time(async () => (sb = await startSandbox({ port: 0, dataDir: dir }))));
  await sb!.close();
  rmSync(dir, { recursive: true, force: true });
  let bare: Server | undefined;
  bareStarts.push(await time(async () => (bare = (await bareServer('{}')).server)));
  await new Promise((resolve) => bare!.close(resolve));
}
report(
  'startSandbox (no demo), median of 15',
  median(starts.slice(1)),
  median(bareStarts.slice(1)),
);

// 2. and 3. Calls against a sandbox holding 100 tasks and a task log of 20,000 lines.
const dir = mkdtempSync(join(tmpdir(), 'dmst-bench-'));
{
  // Log lines written by the sandbox's own writer into the data dir before it starts.
  const store = createStore(dir, loadState(dir));
  const writer = createTaskLogWriter(store);
  const task = {
    arn: 'arn:aws:dms:us-east-1:000000000000:task:BENCHLOGS',
    resourceId: 'BENCHLOGS',
    instanceArn: 'none',
    settings: { Logging: { EnableLogging: true } },
  } as unknown as TaskRecord;
  for (let i = 0; i < 20_000; i++)
    writer.write(
      task,
      'TARGET_LOAD',
      'I',
      `Load finished for table 'public'.'t${i}'. ${i * 7} rows received.`,
      'streamcomponent.c:3485',
    );
  await store.flush();
}
const sb = await startSandbox({ port: 0, dataDir: dir });
const D = 'AmazonDMSv20160101.';
const inst = JSON.parse(await call(sb.url, `${D}DescribeReplicationInstances`, {}))
  .ReplicationInstances[0].ReplicationInstanceArn;
const ep = async (id: string, type: string) =>
  JSON.parse(
    await call(sb.url, `${D}CreateEndpoint`, {
      EndpointIdentifier: id,
      EndpointType: type,
      EngineName: 'postgres',
    }),
  ).Endpoint.EndpointArn;
const s = await ep('s', 'source');
const t = await ep('t', 'target');
const mappings = includeTables('x');
for (let i = 0; i < 100; i++) {
  await call(sb.url, `${D}CreateReplicationTask`, {
    ReplicationTaskIdentifier: `bench-${i}`,
    SourceEndpointArn: s,
    TargetEndpointArn: t,
    ReplicationInstanceArn: inst,
    MigrationType: 'full-load',
    TableMappings: mappings,
  });
}

const describeBody = { WithoutSettings: true };
const describeReply = await call(sb.url, `${D}DescribeReplicationTasks`, describeBody);
const bare1 = await bareServer(describeReply);
report(
  `DescribeReplicationTasks, 100 tasks (${describeReply.length} B)`,
  await rounds(300, () => call(sb.url, `${D}DescribeReplicationTasks`, describeBody)),
  await rounds(300, () => call(bare1.url, `${D}DescribeReplicationTasks`, describeBody)),
);
await new Promise((resolve) => bare1.server.close(resolve));

const L = 'Logs_20140328.';
const logsBody = {
  logGroupName: 'dms-tasks-sandbox',
  logStreamName: 'dms-task-BENCHLOGS',
  startFromHead: true,
  limit: 1000,
  nextToken: `f/${'0'.repeat(51)}10000/s`,
};
const logsReply = await call(sb.url, `${L}GetLogEvents`, logsBody);
if (JSON.parse(logsReply).events?.length !== 1000)
  throw new Error(`unexpected GetLogEvents reply: ${logsReply.slice(0, 200)}`);
const bare2 = await bareServer(logsReply);
report(
  `GetLogEvents, 1,000 of 20,000 lines (${logsReply.length} B)`,
  await rounds(200, () => call(sb.url, `${L}GetLogEvents`, logsBody)),
  await rounds(200, () => call(bare2.url, `${L}GetLogEvents`, logsBody)),
);
await new Promise((resolve) => bare2.server.close(resolve));
await sb.close();
rmSync(dir, { recursive: true, force: true });
