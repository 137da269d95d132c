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
import { type CliSession, cliSession, awsCliVersion } from './support/cliSession.js';
import { cdcCli } from './support/cdcCli.js';
import { roundTrip } from './support/cdcScenario.js';
import { createItems } from './support/cdcWorkload.js';
import { dropLeftoverSlots, slotsOf } from './support/cdcSlots.js';

const pg = await serverAvailable('postgres');
const ready = pg.ok && awsCliVersion !== null;
const why = awsCliVersion === null ? 'skipped: no AWS CLI' : pg.reason;
const schema = uniqueName('dmst_cdc');
const targetDb = uniqueName('dmst_cdc_tgt');
const SEED = 3000;

let t: TestSandbox;
let aws: CliSession;
let src: DbConnection;
let tgt: DbConnection;
const taskIds: string[] = [];

beforeAll(async () => {
  if (!ready) return;
  t = await startTestSandbox();
  aws = cliSession(() => t.url);
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

describe.skipIf(!ready)(
  `CDC PostgreSQL → PostgreSQL through the AWS CLI (${awsCliVersion ?? why})`,
  () => {
    it('replicates changes made during and after the load, across stop and resume, and drops its slot on delete', async () => {
      const cli = cdcCli(aws);
      const source = await cli.endpoint('cdc-pg-src', 'source', pg.spec);
      const target = await cli.endpoint('cdc-pg-tgt', 'target', { ...pg.spec, database: targetDb });
      let taskId = '';
      const arn = await roundTrip({
        aws,
        id: 'cdc-pg-pg',
        source,
        target,
        src,
        tgt,
        schema,
        seed: SEED,
        checkpoint: /^checkpoint:V1#1#[0-9A-F]{8}\/[0-9A-F]{8}#/,
        onTask(created) {
          taskId = created.split(':').pop() as string;
          taskIds.push(taskId);
        },
        async whileStopped() {
          // The slot is kept across stop and resume: changes made meanwhile wait in it.
          expect(await slotsOf(src, taskId)).toHaveLength(1);
        },
      });
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
