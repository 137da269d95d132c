// bench/cdcApply: change data capture PostgreSQL → PostgreSQL through the sandbox (run as its
// own process, as `dms-tui sandbox` runs), beside PostgreSQL's own logical replication (a
// publication and a subscription over the same table) measured in the same run:
//   1. apply rate: a backlog of changes waits in each one's slot; the time from starting the
//      reader until the last change is visible on its target gives changes/s;
//   2. end-to-end lag (source commit → row visible on the target) p50/p95 under a steady load
//      of --rate changes/s (default 1000) for --seconds (default 60);
//   3. the sandbox process's RSS, sampled every second over the run.
// Run: npx tsx bench/cdcApply.ts [--seconds 60] [--rate 1000] [--backlog 1000]
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CreateReplicationTaskCommand,
  DatabaseMigrationServiceClient,
  DescribeReplicationInstancesCommand,
  DeleteReplicationTaskCommand,
  StartReplicationTaskCommand,
  StopReplicationTaskCommand,
} from '@aws-sdk/client-database-migration-service';
import { type DbConnection, openConnection } from '../src/db/connection.js';
import { includeTables } from '../test/support/mappings.js';
import { pgSpec } from '../test/support/servers.js';
import { describeTaskByArn } from '../test/support/describeTask.js';
import { createPgEndpoint } from '../test/support/pgEndpoint.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : Number.NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
}
const SECONDS = flag('seconds', 60);
const RATE = flag('rate', 1000);
const BACKLOG_TXNS = flag('backlog', 1000);
const PER_TXN = 160; // 100 inserts, 50 updates, 10 deletes

const PG = pgSpec();
const tag = Math.random().toString(36).slice(2, 7);
const SCHEMA = `dmst_cdcb_${tag}`;
const SANDBOX_DB = `dmst_cdcb_sb_${tag}`;
const NATIVE_DB = `dmst_cdcb_nat_${tag}`;
const NATIVE_SLOT = `dmst_cdcb_nat_${tag}`;
const FIXTURE = fileURLToPath(new URL('../test/sandbox/fixtures/cli.ts', import.meta.url));
const TABLES = `CREATE TABLE ${SCHEMA}.t (id bigint PRIMARY KEY, a int NOT NULL, b text, c numeric(12,2));
  CREATE TABLE ${SCHEMA}.probe (seq int PRIMARY KEY, note text)`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitUntil(
  check: () => Promise<boolean>,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

function startSandbox(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', FIXTURE, 'sandbox', '--data-dir', dataDir, '--port', '0', '--no-demo'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening on (\S+)/.exec(out);
      if (m) resolve({ child, url: m[1] as string });
    });
    child.once('exit', (code) => reject(new Error(`sandbox exited (${code})`)));
  });
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/** Rows of the transactions before the backlog (k ≤ 0): what the first backlog ones change. */
const SPAN = 100;

/**
 * One backlog transaction: 100 inserts of its own rows, and 50 updates and 10 deletes of the
 * rows of the transaction SPAN before it, so no row changes twice within a few hundred
 * transactions (the sandbox writes a row's last image once per batch: a workload that changes
 * its rows again at once would flatter it).
 */
async function backlogTxn(src: DbConnection, k: number): Promise<void> {
  const base = k * 1000;
  const old = (k - SPAN) * 1000;
  await src.query('BEGIN');
  await src.query(
    `INSERT INTO ${SCHEMA}.t SELECT ${base} + g, g, md5(g::text), g * 1.25 FROM generate_series(1, 100) g`,
  );
  await src.query(
    `UPDATE ${SCHEMA}.t SET a = a + 1, b = 'updated' WHERE id BETWEEN ${old + 1} AND ${old + 50}`,
  );
  await src.query(`DELETE FROM ${SCHEMA}.t WHERE id BETWEEN ${old + 91} AND ${old + 100}`);
  await src.query('COMMIT');
}

const probeSeen = async (conn: DbConnection, seq: number) =>
  (await conn.query(`SELECT 1 FROM ${SCHEMA}.probe WHERE seq = $1`, [seq])).rows.length > 0;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** Whatever a run (even a failed one) left: the subscription, slots, publications. */
async function cleanUp(admin: DbConnection, taskId: string): Promise<void> {
  const quiet = (p: Promise<unknown>) => p.catch(() => undefined);
  const native = await openConnection({ ...PG, database: NATIVE_DB }).catch(() => null);
  if (native) {
    await quiet(native.query(`ALTER SUBSCRIPTION ${NATIVE_SLOT} DISABLE`));
    await quiet(native.query(`ALTER SUBSCRIPTION ${NATIVE_SLOT} SET (slot_name = NONE)`));
    await quiet(native.query(`DROP SUBSCRIPTION IF EXISTS ${NATIVE_SLOT}`));
    await native.close();
  }
  const slots = [NATIVE_SLOT, `${taskId || 'none'}%`];
  for (let i = 0; i < 50; i++) {
    const { rows } = await admin.query<{ n: string }>(
      'SELECT count(*) AS n FROM pg_replication_slots WHERE (slot_name = $1 OR slot_name LIKE $2) AND active',
      slots,
    );
    if (Number(rows[0]?.n) === 0) break;
    await sleep(100);
  }
  await quiet(
    admin.query(
      'SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = $1 OR slot_name LIKE $2',
      slots,
    ),
  );
  const { rows: pubs } = await admin.query<{ pubname: string }>(
    'SELECT pubname FROM pg_publication WHERE pubname = $1 OR pubname LIKE $2',
    [NATIVE_SLOT, `awsdms_pub_${taskId || 'none'}%`],
  );
  for (const p of pubs) await quiet(admin.query(`DROP PUBLICATION IF EXISTS "${p.pubname}"`));
}

async function main(): Promise<void> {
  const admin = await openConnection(PG);
  const src = await openConnection(PG);
  const dataDir = mkdtempSync(join(tmpdir(), 'dmst-cdcbench-'));
  let sandbox: { child: ChildProcess; url: string } | undefined;
  let taskId = '';
  const rss: number[] = [];
  let sampler: NodeJS.Timeout | undefined;
  try {
    await admin.query(`CREATE SCHEMA ${SCHEMA}`);
    await admin.query(TABLES);
    await admin.query(
      `INSERT INTO ${SCHEMA}.t SELECT k * 1000 + g, g, 'seed', g FROM generate_series(${1 - SPAN}, 0) k, generate_series(1, 100) g`,
    );
    for (const db of [SANDBOX_DB, NATIVE_DB]) await admin.query(`CREATE DATABASE ${db}`);
    const native = await openConnection({ ...PG, database: NATIVE_DB });
    const viaSandbox = await openConnection({ ...PG, database: SANDBOX_DB });
    for (const target of [native, viaSandbox]) {
      await target.query(`CREATE SCHEMA ${SCHEMA}`);
      await target.query(TABLES);
      await target.query(
        `INSERT INTO ${SCHEMA}.t SELECT k * 1000 + g, g, 'seed', g FROM generate_series(${1 - SPAN}, 0) k, generate_series(1, 100) g`,
      );
    }

    // The sandbox: a cdc task over the schema, started once (its slot is created), then stopped.
    sandbox = await startSandbox(dataDir);
    const pid = sandbox.child.pid as number;
    sampler = setInterval(() => rss.push(rssMb(pid)), 1000);
    const dms = new DatabaseMigrationServiceClient({
      endpoint: sandbox.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
    });
    const endpoint = (id: string, type: 'source' | 'target', database: string) =>
      createPgEndpoint(dms, id, type, { ...PG, database });
    const instance = (await dms.send(new DescribeReplicationInstancesCommand({})))
      .ReplicationInstances?.[0]?.ReplicationInstanceArn as string;
    const arn = (
      await dms.send(
        new CreateReplicationTaskCommand({
          ReplicationTaskIdentifier: 'bench-cdc',
          SourceEndpointArn: await endpoint('bench-src', 'source', PG.database),
          TargetEndpointArn: await endpoint('bench-tgt', 'target', SANDBOX_DB),
          ReplicationInstanceArn: instance,
          MigrationType: 'cdc',
          TableMappings: includeTables(SCHEMA),
        }),
      )
    ).ReplicationTask?.ReplicationTaskArn as string;
    taskId = arn.split(':').pop()?.toLowerCase() ?? '';
    const status = async () => (await describeTaskByArn(dms, arn))?.Status;
    await waitUntil(async () => (await status()) === 'ready', 30_000, 'task ready');
    const start = (type: 'start-replication' | 'resume-processing') =>
      dms.send(
        new StartReplicationTaskCommand({
          ReplicationTaskArn: arn,
          StartReplicationTaskType: type,
        }),
      );
    await start('start-replication');
    await waitUntil(async () => (await status()) === 'running', 60_000, 'task running');
    await dms.send(new StopReplicationTaskCommand({ ReplicationTaskArn: arn }));
    await waitUntil(async () => (await status()) === 'stopped', 60_000, 'task stopped');

    // PostgreSQL's own: a publication, a slot and a disabled subscription (same cluster: the
    // slot is made by hand, as CREATE SUBSCRIPTION cannot create it here).
    await admin.query(`CREATE PUBLICATION ${NATIVE_SLOT} FOR TABLE ${SCHEMA}.t, ${SCHEMA}.probe`);
    await admin.query(`SELECT pg_create_logical_replication_slot('${NATIVE_SLOT}', 'pgoutput')`);
    await native.query(
      `CREATE SUBSCRIPTION ${NATIVE_SLOT} CONNECTION 'host=${PG.host} port=${PG.port} dbname=${PG.database} user=${PG.user}' PUBLICATION ${NATIVE_SLOT} WITH (create_slot = false, slot_name = '${NATIVE_SLOT}', enabled = false, copy_data = false)`,
    );

    // 1. The same backlog waits in both slots.
    for (let k = 1; k <= BACKLOG_TXNS; k++) await backlogTxn(src, k);
    await src.query(`INSERT INTO ${SCHEMA}.probe VALUES (0, 'end of backlog')`);
    const changes = BACKLOG_TXNS * PER_TXN + 1;

    // Timed twice: from the reader's start (start-up included) and from the first change
    // visible on the target (the apply itself), each until the last change is visible.
    const drain = async (target: DbConnection, begin: () => Promise<unknown>, what: string) => {
      const t0 = Date.now();
      await begin();
      let first = 0;
      await waitUntil(
        async () => {
          if (
            !first &&
            (await target.query(`SELECT 1 FROM ${SCHEMA}.t WHERE id = 1001`)).rows.length > 0
          )
            first = Date.now();
          return probeSeen(target, 0);
        },
        600_000,
        what,
      );
      const end = Date.now();
      return { total: (end - t0) / 1000, apply: (end - (first || t0)) / 1000 };
    };
    const sb = await drain(
      viaSandbox,
      () => start('resume-processing'),
      'the sandbox to apply the backlog',
    );
    const nat = await drain(
      native,
      () => native.query(`ALTER SUBSCRIPTION ${NATIVE_SLOT} ENABLE`),
      'native replication to apply the backlog',
    );
    const count = async (c: DbConnection) =>
      Number((await c.query<{ n: string }>(`SELECT count(*) AS n FROM ${SCHEMA}.t`)).rows[0]?.n);
    const [want, gotSandbox, gotNative] = [
      await count(src),
      await count(viaSandbox),
      await count(native),
    ];
    const rate = (seconds: number) => Math.round(changes / seconds);
    const ratio = (a: number, b: number) => `${((100 * b) / a).toFixed(0)} %`;
    console.log(
      `backlog: ${changes} changes in ${BACKLOG_TXNS} transactions (rows: source ${want}, sandbox ${gotSandbox}, native ${gotNative}); load average ${loadavg()[0]?.toFixed(1)}`,
    );
    console.log(
      `apply rate, start-up included: sandbox ${rate(sb.total)} changes/s (${sb.total.toFixed(1)} s)   native logical replication ${rate(nat.total)} changes/s (${nat.total.toFixed(1)} s)   ratio ${ratio(sb.total, nat.total)} (target ≥ 50 %)`,
    );
    console.log(
      `apply rate, first change to last: sandbox ${rate(sb.apply)} changes/s (${sb.apply.toFixed(1)} s)   native ${rate(nat.apply)} changes/s (${nat.apply.toFixed(1)} s)   ratio ${ratio(sb.apply, nat.apply)}`,
    );

    // 2. Steady load: RATE changes/s for SECONDS; each tick's probe row times source commit → target.
    const rssBefore = rssMb(pid);
    const committed = new Map<number, number>();
    const lag = { sandbox: [] as number[], native: [] as number[] };
    const ticksPerSecond = 10;
    const perTick = Math.max(2, Math.round(RATE / ticksPerSecond));
    let seq = 0;
    let producing = true;
    const watch = async (conn: DbConnection, into: number[]) => {
      let seen = 0;
      while (producing || seen < seq) {
        const { rows } = await conn.query<{ s: number | null }>(
          `SELECT max(seq) AS s FROM ${SCHEMA}.probe`,
        );
        const now = Date.now();
        const top = rows[0]?.s ?? 0;
        for (let s = seen + 1; s <= top; s++) {
          const at = committed.get(s);
          if (at !== undefined) into.push(now - at);
        }
        seen = Math.max(seen, top);
        await sleep(10);
      }
    };
    const watchers = [watch(viaSandbox, lag.sandbox), watch(native, lag.native)];
    const startMs = Date.now();
    let next = startMs;
    let k = BACKLOG_TXNS + 1;
    while (Date.now() - startMs < SECONDS * 1000) {
      const base = k++ * 1000;
      const n = seq + 1;
      await src.query('BEGIN');
      await src.query(
        `INSERT INTO ${SCHEMA}.t SELECT ${base} + g, g, 'steady', g FROM generate_series(1, ${perTick - 1}) g`,
      );
      await src.query(`INSERT INTO ${SCHEMA}.probe VALUES ($1, 'tick')`, [n]);
      await src.query('COMMIT');
      committed.set(n, Date.now());
      seq = n;
      next += 1000 / ticksPerSecond;
      await sleep(Math.max(0, next - Date.now()));
    }
    producing = false;
    await Promise.all(watchers);
    const achieved = (seq * perTick) / ((Date.now() - startMs) / 1000);
    const line = (name: string, v: number[]) =>
      `${name} p50 ${percentile(v, 50)} ms, p95 ${percentile(v, 95)} ms, max ${Math.max(...v)} ms (${v.length} probes)`;
    console.log(
      `steady load: ${seq} transactions of ${perTick} changes over ${SECONDS} s (≈ ${Math.round(achieved)} changes/s offered)`,
    );
    console.log(
      `lag  ${line('sandbox', lag.sandbox)}   |   ${line('native', lag.native)}   (target: sandbox p95 < 2000 ms)`,
    );

    // 3. Memory of the sandbox process.
    clearInterval(sampler);
    const rssAfter = rssMb(pid);
    const steady = rss.slice(-Math.max(1, SECONDS));
    console.log(
      `sandbox RSS: ${rss.length} samples, min ${Math.min(...rss).toFixed(0)} MB, max ${Math.max(...rss).toFixed(0)} MB; before the steady load ${rssBefore.toFixed(0)} MB, after ${rssAfter.toFixed(0)} MB; over the steady load ${Math.min(...steady).toFixed(0)}–${Math.max(...steady).toFixed(0)} MB`,
    );

    await dms.send(new StopReplicationTaskCommand({ ReplicationTaskArn: arn }));
    await waitUntil(async () => (await status()) === 'stopped', 60_000, 'task stopped');
    await dms.send(new DeleteReplicationTaskCommand({ ReplicationTaskArn: arn }));
    await waitUntil(
      async () => {
        const { rows } = await admin.query(
          'SELECT 1 FROM pg_replication_slots WHERE slot_name LIKE $1',
          [`${arn.split(':').pop()?.toLowerCase()}%`],
        );
        return rows.length === 0;
      },
      30_000,
      'the task slot to be dropped',
    );
    dms.destroy();
    await native.query(`ALTER SUBSCRIPTION ${NATIVE_SLOT} DISABLE`);
    await native.query(`ALTER SUBSCRIPTION ${NATIVE_SLOT} SET (slot_name = NONE)`);
    await native.query(`DROP SUBSCRIPTION ${NATIVE_SLOT}`);
    await native.close();
    await viaSandbox.close();
  } finally {
    if (sampler) clearInterval(sampler);
    sandbox?.child.kill('SIGTERM');
    await cleanUp(admin, taskId);
    await src.close();
    for (const db of [SANDBOX_DB, NATIVE_DB])
      await admin.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`).catch(() => undefined);
    await admin.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`).catch(() => undefined);
    await admin.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
