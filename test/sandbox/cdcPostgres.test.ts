// Change data capture PostgreSQL → PostgreSQL through the AWS CLI (an independent client): a
// full-load-and-cdc task with inserts, updates, deletes and multi-statement transactions made
// during and after the load converges to the source; stopped, the source changes, and
// resume-processing converges again with nothing lost or doubled; deleting the task drops its
// replication slot and publications.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DbConnection, openConnection } from '../../src/db/connection.js';
import { startTestSandbox, type TestSandbox, uniqueName } from '../support/sandbox.js';
import { serverAvailable } from '../support/servers.js';
import { waitFor } from '../support/wait.js';
import { type AwsCli, awsCli, awsCliVersion } from './support/awsCli.js';
import { cdcCli, replicating } from './support/cdcCli.js';
import { changeItems, createItems, itemsDigest } from './support/cdcWorkload.js';
import { dropLeftoverSlots, slotsOf } from './support/cdcSlots.js';

const pg = await serverAvailable('postgres');
const ready = pg.ok && awsCliVersion !== null;
const why = awsCliVersion === null ? 'skipped: no AWS CLI' : pg.reason;
const schema = uniqueName('dmst_cdc');
const targetDb = uniqueName('dmst_cdc_tgt');
const SEED = 3000;

let t: TestSandbox;
let aws: AwsCli;
let src: DbConnection;
let tgt: DbConnection;
const taskIds: string[] = [];

beforeAll(async () => {
  if (!ready) return;
  t = await startTestSandbox();
  aws = awsCli(() => t.url);
  src = await openConnection(pg.spec);
  await src.query(`CREATE SCHEMA ${schema}`);
  await createItems(src, schema, SEED);
  await src.query(`CREATE DATABASE ${targetDb}`);
  tgt = await openConnection({ ...pg.spec, database: targetDb });
}, 60_000);

afterAll(async () => {
  if (!ready) return;
  await t.close();
  aws.cleanup();
  await tgt?.close();
  await dropLeftoverSlots(src, taskIds);
  await src.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await src.query(`DROP DATABASE IF EXISTS ${targetDb} WITH (FORCE)`);
  await src.close();
});

const converged = () =>
  waitFor(
    async () => expect(await itemsDigest(tgt, schema)).toEqual(await itemsDigest(src, schema)),
    {
      what: 'the target to converge to the source',
      timeout: 60_000,
      interval: 250,
    },
  );

describe.skipIf(!ready)(
  `CDC PostgreSQL → PostgreSQL through the AWS CLI (${awsCliVersion ?? why})`,
  () => {
    it('replicates changes made during and after the load, across stop and resume, and drops its slot on delete', async () => {
      const cli = cdcCli(aws);
      const source = await cli.endpoint('cdc-pg-src', 'source', pg.spec);
      const target = await cli.endpoint('cdc-pg-tgt', 'target', { ...pg.spec, database: targetDb });
      const arn = await cli.task({
        id: 'cdc-pg-pg',
        source,
        target,
        schema,
        type: 'full-load-and-cdc',
      });
      const taskId = arn.split(':').pop() as string;
      taskIds.push(taskId);
      await cli.start(arn, 'start-replication');
      let round = 0;
      let changes = 0;
      // Changes while the load runs (cached, then applied after it) …
      while (round < 3) changes += await changeItems(src, schema, round++, SEED);
      await cli.until(arn, replicating, 'load complete, replication ongoing');
      // … and after it.
      while (round < 8) changes += await changeItems(src, schema, round++, SEED);
      await converged();

      const running = await cli.describe(arn);
      expect(running.Status).toBe('running');
      expect(running.RecoveryCheckpoint).toMatch(/^checkpoint:V1#1#[0-9A-F]{8}\/[0-9A-F]{8}#/);
      const [stats] = await cli.tableStats(arn);
      // The load saw the rows committed before it began, the first rounds' among them.
      expect(stats).toMatchObject({ TableName: 'items', TableState: 'Table completed' });
      for (const op of ['Inserts', 'Updates', 'Deletes'])
        expect(Number(stats?.[`Applied${op}`])).toBeGreaterThan(0);
      expect(
        Number(stats?.AppliedInserts) +
          Number(stats?.AppliedUpdates) +
          Number(stats?.AppliedDeletes),
      ).toBeGreaterThanOrEqual(changes - 3 * 9);
      const lines = await cli.logLines(arn);
      expect(lines.some((l) => l.includes('[SOURCE_CAPTURE  ]I:  Replication slot'))).toBe(true);
      expect(lines.some((l) => l.includes('[TARGET_APPLY    ]I:'))).toBe(true);

      // Stop: the slot stays; changes made meanwhile wait in it.
      expect((await cli.stop(arn)).StopReason).toBe('Stop Reason NORMAL');
      expect(await slotsOf(src, taskId)).toHaveLength(1);
      const before = await cli.tableStats(arn);
      let whileStopped = 0;
      while (round < 11) whileStopped += await changeItems(src, schema, round++, SEED);
      await cli.start(arn, 'resume-processing');
      await converged();
      const after = await cli.tableStats(arn);
      const applied = (s: Record<string, number | string>[] | undefined) =>
        ['AppliedInserts', 'AppliedUpdates', 'AppliedDeletes'].reduce(
          (n, k) => n + Number(s?.[0]?.[k] ?? 0),
          0,
        );
      // Exactly the changes made while stopped were applied on resume: none lost, none twice.
      expect(applied(after) - applied(before)).toBe(whileStopped);
      expect(after[0]?.FullLoadRows).toBe(before[0]?.FullLoadRows);

      await cli.stop(arn);
      await cli.delete(arn);
      await waitFor(async () => expect(await slotsOf(src, taskId)).toEqual([]), {
        what: 'the replication slot to be dropped',
        timeout: 20_000,
      });
      const { rows: pubs } = await src.query(
        'SELECT pubname FROM pg_publication WHERE pubname LIKE $1',
        [`awsdms_pub_${taskId.toLowerCase()}%`],
      );
      expect(pubs).toEqual([]);
    }, 240_000);
  },
);
