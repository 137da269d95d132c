// kill -9 of a sandbox process while it replicates changes, then a restart on the same data dir
// and resume-processing through the AWS CLI: the target converges to the source, and a trigger
// on the target that counts every row change it receives proves no change was applied twice
// (the checkpoint is committed with the changes it covers).
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DbConnection, openConnection } from '../../src/db/connection.js';
import { startTestSandbox, type TestSandbox, uniqueName } from '../support/sandbox.js';
import { serverAvailable } from '../support/servers.js';
import { waitFor } from '../support/wait.js';
import { type CliSession, cliSession, awsCliVersion } from './support/cliSession.js';
import { cdcCli, replicating } from './support/cdcCli.js';
import { dropLeftoverSlots } from './support/cdcSlots.js';
import { digest } from './engine/support.js';

const pg = await serverAvailable('postgres');
const ready = pg.ok && awsCliVersion !== null;
const why = awsCliVersion === null ? 'skipped: no AWS CLI' : pg.reason;
const FIXTURE = fileURLToPath(new URL('./fixtures/cli.ts', import.meta.url));
const schema = uniqueName('dmst_cdc_kill');
const targetDb = uniqueName('dmst_cdc_kill_tgt');
const dataDir = mkdtempSync(join(tmpdir(), 'dmst-cdc-crash-'));
const ROWS = 600;
const ROUNDS = 600;

let src: DbConnection;
let tgt: DbConnection;
let child: ChildProcess | undefined;
let again: TestSandbox | undefined;
let url = '';
const taskIds: string[] = [];

beforeAll(async () => {
  if (!ready) return;
  src = await openConnection(pg.spec);
  await src.query(`CREATE SCHEMA ${schema}`);
  await src.query(`CREATE TABLE ${schema}.events (id int PRIMARY KEY, v bigint NOT NULL)`);
  await src.query(`INSERT INTO ${schema}.events SELECT g, 0 FROM generate_series(1, ${ROWS}) g`);
  await src.query(`CREATE DATABASE ${targetDb}`);
  tgt = await openConnection({ ...pg.spec, database: targetDb });
});

afterAll(async () => {
  if (!ready) return;
  if (child?.exitCode === null) child.kill('SIGKILL');
  await again?.close(true);
  await tgt?.close();
  await dropLeftoverSlots(src, taskIds);
  await src.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await src.query(`DROP DATABASE IF EXISTS ${targetDb} WITH (FORCE)`);
  await src.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function startChild(): Promise<string> {
  child = spawn(
    process.execPath,
    ['--import', 'tsx', FIXTURE, 'sandbox', '--data-dir', dataDir, '--port', '0', '--no-demo'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child!.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening on (\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child!.once('exit', (code) => reject(new Error(`sandbox process exited early (${code})`)));
  });
}

/** Counts every row change the target table receives. */
async function auditTarget(): Promise<void> {
  await tgt.query(`CREATE TABLE ${schema}.audit (n bigserial PRIMARY KEY, op text)`);
  await tgt.query(
    `CREATE FUNCTION ${schema}.audit_fn() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO ${schema}.audit (op) VALUES (TG_OP); RETURN NULL; END $$`,
  );
  await tgt.query(
    `CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON ${schema}.events FOR EACH ROW EXECUTE FUNCTION ${schema}.audit_fn()`,
  );
}

const audited = async () =>
  Number((await tgt.query<{ n: string }>(`SELECT count(*) AS n FROM ${schema}.audit`)).rows[0]?.n);

describe.skipIf(!ready)(`kill -9 during CDC (${awsCliVersion ?? why})`, () => {
  it('restarts, resumes from the target checkpoint, converges, and applies nothing twice', async () => {
    url = await startChild();
    const aws: CliSession = cliSession(() => url);
    try {
      const cli = cdcCli(aws);
      const arn = await cli.task({
        id: 'cdc-kill',
        source: await cli.endpoint('kill-src', 'source', pg.spec),
        target: await cli.endpoint('kill-tgt', 'target', { ...pg.spec, database: targetDb }),
        schema,
        type: 'full-load-and-cdc',
      });
      taskIds.push(arn.split(':').pop() as string);
      await cli.start(arn, 'start-replication');
      await cli.until(arn, replicating, 'load complete, replication ongoing');
      await auditTarget();

      // Two changes per source transaction, each of its own row (apply writes a row's last
      // image once per batch, so a row changed twice could be counted once), while the
      // sandbox is killed in the middle.
      let changes = 0;
      const produce = (async () => {
        for (let i = 0; i < ROUNDS; i++) {
          await src.query('BEGIN');
          await src.query(`UPDATE ${schema}.events SET v = v + 1 WHERE id = $1`, [1 + i]);
          await src.query(`INSERT INTO ${schema}.events VALUES ($1, $2)`, [10_000 + i, i]);
          await src.query('COMMIT');
          changes += 2;
        }
      })();
      await waitFor(audited, { until: (n) => n >= 100, what: 'changes applied', timeout: 60_000 });
      child!.kill('SIGKILL');
      await new Promise((resolve) => child!.once('exit', resolve));
      await produce;
      expect(await audited()).toBeLessThan(changes);

      again = await startTestSandbox({ dataDir });
      url = again.url;
      const recovered = await cli.describe(arn);
      expect(recovered.Status).toBe('stopped');
      expect(recovered.StopReason).toBe('Stop Reason RECOVERABLE_ERROR');
      await cli.start(arn, 'resume-processing');
      const columns: [string, 'int'][] = [
        ['id', 'int'],
        ['v', 'int'],
      ];
      await waitFor(
        async () =>
          expect(await digest(tgt, schema, 'events', columns)).toEqual(
            await digest(src, schema, 'events', columns),
          ),
        { what: 'the target to converge', timeout: 60_000, interval: 250 },
      );
      expect(await audited()).toBe(changes);
      await cli.stop(arn);
      await cli.delete(arn);
    } finally {
      aws.cleanup();
    }
  }, 180_000);
});
