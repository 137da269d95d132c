// The replication agent's extraction: a 2,000,000-row PostgreSQL table to the sandbox's S3 as
// gzipped CSV, by the agent process (the built CLI, partitions in parallel), beside the
// reference pipeline against the same S3 in the same run:
//   psql -c "COPY … TO STDOUT (FORMAT csv)" | gzip -1 | aws s3 cp - s3://…
// Prints rows/s of each, the ratio (target ≥ 1.0×), the CPU time each side's own processes
// used (psql + gzip + aws; the agent process with its gzip threads — PostgreSQL and the sandbox
// are shared, and the CPU time holds still when other work loads the machine, the ratio does
// not), the agent's peak RSS (VmHWM, target < 200 MB), and how many partitions a kill -9 in the
// middle made the restarted agent redo.
//   npm run build --silent && npx tsx bench/agentExtract.ts   (ROWS=… to change the size)
import { execFile, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { promisify } from 'node:util';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AgentTaskView } from '../src/model/agentView.js';
import { callAgent } from '../src/agent/control.js';
import { stopAgent } from '../src/agent/launcher.js';
import { runAgentTaskCommand } from '../src/commands/agentTasks.js';
import { openConnection } from '../src/db/connection.js';
import { pgSpec } from '../test/support/servers.js';
import { startTestSandbox } from '../test/support/sandbox.js';

const children: { kill(signal: NodeJS.Signals): boolean }[] = [];
const ROWS = Number(process.env.ROWS ?? 2_000_000);
const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` first');
const AWS = existsSync('/usr/bin/aws') ? '/usr/bin/aws' : 'aws';
const spec = pgSpec();
const schema = `dmst_agentbench_${Math.random().toString(36).slice(2, 8)}`;
const root = mkdtempSync(join(tmpdir(), 'agent-bench-'));
const sb = await startTestSandbox();
const admin = await openConnection(spec);

const run = promisify(execFile);
const rate = (rows: number, ms: number) => Math.round((rows * 1000) / ms);
const fmt = (n: number) => n.toLocaleString('en-US');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** CPU seconds (user + system) a process has used so far. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** The children's CPU seconds from bash's `times` (its second line: "0m1.234s 0m0.456s"). */
function childrenCpuSeconds(times: string): number {
  const line = times.trim().split('\n').at(-1) ?? '';
  return [...line.matchAll(/(\d+)m([\d.]+)s/g)].reduce(
    (sum, m) => sum + Number(m[1]) * 60 + Number(m[2]),
    0,
  );
}

function peakRssMb(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : Number.NaN;
}

function startAgentProcess(dir: string) {
  const child = spawn(process.execPath, [CLI, 'agent', 'run', '--data-dir', dir], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DMS_TUI_AGENT_POLL_MS: '500' },
  });
  children.push(child);
  return child;
}

async function untilAnswering(dir: string) {
  for (let i = 0; i < 200; i++) {
    try {
      return await callAgent(dir, 'GET', '/status', undefined, 1000);
    } catch {
      await sleep(100);
    }
  }
  throw new Error('the agent did not answer');
}

async function task(dir: string, name: string): Promise<AgentTaskView> {
  const all = await callAgent<AgentTaskView[]>(dir, 'GET', '/tasks');
  return all.find((t) => t.name === name) as AgentTaskView;
}

async function createTask(dir: string, name: string, rowsPerPartition = 250_000) {
  const io = {
    stdout: () => undefined,
    stderr: (t: string) => process.stderr.write(t),
    env: { ...process.env, DMS_TUI_SOURCE_PASSWORD: spec.password ?? '' },
    ensureSandbox: async () => ({ endpointUrl: sb.url }),
  };
  const url = `postgres://${spec.user}@${spec.host}:${spec.port}/${spec.database}`;
  const code = await runAgentTaskCommand(
    'agent-task',
    [
      'create',
      name,
      '--source',
      url,
      '--select',
      `${schema}.big`,
      '--bucket',
      'bench',
      '--folder',
      name,
      '--target-endpoint',
      'none',
      '--instance',
      'none',
      '--sandbox',
      '--parallel',
      '4',
      '--rows-per-partition',
      String(rowsPerPartition),
      '--data-dir',
      dir,
      '--start',
    ],
    io,
  );
  if (code !== 0) throw new Error(`agent-task create exited ${code}`);
}

try {
  console.log(`Creating ${fmt(ROWS)} rows in ${schema}.big …`);
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.query(
    `CREATE TABLE ${schema}.big (id bigint PRIMARY KEY, name text, amount numeric(12,2), created timestamp, flag boolean)`,
  );
  await admin.query(
    `INSERT INTO ${schema}.big SELECT g, 'customer name ' || g, (g % 100000) / 100.0, timestamp '2024-01-01' + g * interval '1 second', g % 3 = 0 FROM generate_series(1, ${ROWS}) g`,
  );
  await admin.query(`VACUUM ANALYZE ${schema}.big`);

  // Reference: psql COPY | gzip -1 | aws s3 cp - (the AWS CLI against the same sandbox S3).
  const home = join(root, 'home');
  mkdirSync(home, { recursive: true });
  const env = {
    PATH: process.env.PATH,
    HOME: home,
    AWS_ACCESS_KEY_ID: 'AKIDBENCH',
    AWS_SECRET_ACCESS_KEY: 'x',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_CONFIG_FILE: join(home, 'c'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'k'),
    PGPASSWORD: spec.password ?? '',
  };
  // The sandbox serves S3 from this process: the CLI must run asynchronously.
  await run(AWS, ['s3', 'mb', 's3://bench', '--endpoint-url', sb.url], { env });
  const refStart = performance.now();
  const refOut = await run(
    'bash',
    [
      '-o',
      'pipefail',
      '-c',
      `psql -h ${spec.host} -p ${spec.port} -U ${spec.user} -d ${spec.database} -c "COPY ${schema}.big TO STDOUT (FORMAT csv)" | gzip -1 | ${AWS} s3 cp - s3://bench/reference/big.csv.gz --endpoint-url ${sb.url} && times`,
    ],
    { env },
  );
  const refMs = performance.now() - refStart;
  const refCpu = childrenCpuSeconds(refOut.stdout);

  // The agent: a fresh process, create + start, until the local subtask is done.
  const dir = join(root, 'agent');
  const agent = startAgentProcess(dir);
  await untilAnswering(dir);
  const agentCpuStart = cpuSeconds(agent.pid as number);
  const agentStart = performance.now();
  await createTask(dir, 'bench');
  let t = await task(dir, 'bench');
  while (t.local.state !== 'done' && t.local.state !== 'failed') {
    await sleep(100);
    t = await task(dir, 'bench');
  }
  const agentMs = performance.now() - agentStart;
  const agentCpu = cpuSeconds(agent.pid as number) - agentCpuStart;
  if (t.local.state === 'failed') throw new Error(`agent failed: ${t.error}`);
  const rss = peakRssMb(agent.pid as number);
  const rows = t.local.tables[0]?.rows ?? 0;

  // kill -9 in the middle: how many partitions does the restarted agent redo?
  const killDir = join(root, 'kill');
  const inS3Lines = () =>
    readFileSync(join(killDir, 'tasks', 'killed.log'), 'utf8')
      .split('\n')
      .filter((l) => /partition \d+\/\d+ in S3/.test(l)).length;
  let killed = startAgentProcess(killDir);
  await untilAnswering(killDir);
  await createTask(killDir, 'killed', 25_000);
  let k = await task(killDir, 'killed');
  const progress = (t: AgentTaskView) => t.local.tables[0]?.partitionsDone ?? 0;
  const totalOf = (t: AgentTaskView) => t.local.tables[0]?.partitionsTotal ?? 0;
  while (totalOf(k) === 0 || progress(k) < totalOf(k) / 2) {
    await sleep(20);
    k = await task(killDir, 'killed');
  }
  const total = totalOf(k);
  killed.kill('SIGKILL');
  await new Promise((resolve) => killed.once('exit', resolve));
  const doneAtKill = JSON.parse(readFileSync(join(killDir, 'tasks', 'killed.json'), 'utf8')).local
    .tables[0].done.length as number;
  const linesAtKill = inS3Lines();
  killed = startAgentProcess(killDir);
  await untilAnswering(killDir);
  while (k.local.state !== 'done') {
    await sleep(100);
    k = await task(killDir, 'killed');
  }
  const extractedAfter = inS3Lines() - linesAtKill;

  console.log(
    `\nExtraction of ${fmt(rows)} rows to the sandbox S3 (load average ${readFileSync('/proc/loadavg', 'utf8').split(' ')[0]})`,
  );
  console.log(
    `  reference psql COPY | gzip -1 | aws s3 cp - : ${fmt(rate(ROWS, refMs))} rows/s (${(refMs / 1000).toFixed(1)} s), CPU ${refCpu.toFixed(2)} s`,
  );
  console.log(
    `  dms-tui agent (250k-row partitions, 4 at once): ${fmt(rate(rows, agentMs))} rows/s (${(agentMs / 1000).toFixed(1)} s), CPU ${agentCpu.toFixed(2)} s  ratio ${(refMs / agentMs).toFixed(2)}× (target ≥ 1.0×)`,
  );
  console.log(
    `  agent peak RSS (VmHWM)                       : ${rss.toFixed(0)} MB (target < 200 MB)`,
  );
  console.log(
    `  kill -9 with ${doneAtKill}/${total} partitions checkpointed: the restarted agent extracted ${extractedAfter} = the ${total - doneAtKill} not checkpointed (those in flight, at most 4, included)`,
  );
  killed.kill('SIGTERM');
  agent.kill('SIGTERM');
  await Promise.all([
    stopAgent(dir).catch(() => undefined),
    stopAgent(killDir).catch(() => undefined),
  ]);
} finally {
  for (const child of children) child.kill('SIGKILL');
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.close();
  await sb.close();
  rmSync(root, { recursive: true, force: true });
}
