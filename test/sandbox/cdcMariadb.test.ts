// Change data capture with MariaDB through the AWS CLI: MariaDB → PostgreSQL from the ROW
// binlog and PostgreSQL → MariaDB into awsdms_control's checkpoint, each with changes during
// and after the load, stop and resume-processing; and a cdc-only task that starts at a binlog
// position given as CdcStartPosition (changes before it stay behind).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DbConnection, openConnection } from '../../src/db/connection.js';
import { startTestSandbox, type TestSandbox, uniqueName } from '../support/sandbox.js';
import { serverAvailable } from '../support/servers.js';
import { waitFor } from '../support/wait.js';
import { type CliSession, cliSession, awsCliVersion } from './support/cliSession.js';
import { cdcCli } from './support/cdcCli.js';
import { roundTrip } from './support/cdcScenario.js';
import { dropLeftoverSlots, slotsOf } from './support/cdcSlots.js';
import { createItems, itemsDigest } from './support/cdcWorkload.js';

const pg = await serverAvailable('postgres');
const my = await serverAvailable('mysql');
const ready = pg.ok && my.ok && awsCliVersion !== null;
const why = awsCliVersion === null ? 'skipped: no AWS CLI' : !pg.ok ? pg.reason : my.reason;
const SEED = 2000;
const fromMaria = uniqueName('dmst_cdc_my');
const toMaria = uniqueName('dmst_cdc_pm');
const cdcOnly = uniqueName('dmst_cdc_only');

let t: TestSandbox;
let aws: CliSession;
let pgc: DbConnection;
let myc: DbConnection;
const taskIds: string[] = [];
const binlogCheckpoint = /^checkpoint:V1#1#[^#]+\.\d+:\d+#/;

beforeAll(async () => {
  if (!ready) return;
  t = await startTestSandbox();
  aws = cliSession(() => t.url);
  pgc = await openConnection(pg.spec);
  myc = await openConnection(my.spec);
  for (const db of [fromMaria, cdcOnly]) {
    await myc.query(`CREATE DATABASE \`${db}\``);
  }
  await createItems(myc, fromMaria, SEED);
  await pgc.query(`CREATE SCHEMA ${toMaria}`);
  await createItems(pgc, toMaria, SEED);
}, 60_000);

afterAll(async () => {
  if (!ready) return;
  await t.close();
  aws.cleanup();
  await dropLeftoverSlots(pgc, taskIds);
  for (const s of [fromMaria, toMaria, cdcOnly]) {
    await pgc.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
    await myc.query(`DROP DATABASE IF EXISTS \`${s}\``);
  }
  await pgc.close();
  await myc.close();
});

describe.skipIf(!ready)(`CDC with MariaDB through the AWS CLI (${awsCliVersion ?? why})`, () => {
  it('MariaDB → PostgreSQL: replicates the binlog across stop and resume', async () => {
    const cli = cdcCli(aws);
    const arn = await roundTrip({
      aws,
      id: 'cdc-my-pg',
      source: await cli.endpoint('cdc-my-src', 'source', my.spec),
      target: await cli.endpoint('cdc-pg-tgt', 'target', pg.spec),
      src: myc,
      tgt: pgc,
      schema: fromMaria,
      seed: SEED,
      checkpoint: binlogCheckpoint,
    });
    await cli.delete(arn);
  }, 240_000);

  it('PostgreSQL → MariaDB: replicates the slot across stop and resume, checkpoint in awsdms_control', async () => {
    const cli = cdcCli(aws);
    let taskId = '';
    const arn = await roundTrip({
      aws,
      id: 'cdc-pg-my',
      source: await cli.endpoint('cdc-pg-src', 'source', pg.spec),
      target: await cli.endpoint('cdc-my-tgt', 'target', my.spec),
      src: pgc,
      tgt: myc,
      schema: toMaria,
      seed: SEED,
      checkpoint: /^checkpoint:V1#1#[0-9A-F]{8}\/[0-9A-F]{8}#/,
      onTask(created) {
        taskId = created.split(':').pop() as string;
        taskIds.push(taskId);
      },
    });
    const { rows } = await myc.query<{ c: string }>(
      'SELECT `CHECKPOINT` AS c FROM awsdms_control.awsdms_txn_state WHERE TASK_NAME = ?',
      [taskId],
    );
    expect(rows[0]?.c).toBe((await cli.describe(arn)).RecoveryCheckpoint);
    await cli.delete(arn);
    await waitFor(async () => expect(await slotsOf(pgc, taskId)).toEqual([]), {
      what: 'the replication slot to be dropped',
      timeout: 20_000,
    });
  }, 240_000);

  it('cdc-only from a CdcStartPosition: changes after the binlog position, none before', async () => {
    const cli = cdcCli(aws);
    await myc.query(
      `CREATE TABLE \`${cdcOnly}\`.items (id int PRIMARY KEY, name text NOT NULL, note text, qty decimal(12,3), at datetime(6))`,
    );
    await myc.query(
      `INSERT INTO \`${cdcOnly}\`.items VALUES (1, 'before the position', NULL, 1, NULL)`,
    );
    const { rows } = await myc.query<{ File: string; Position: string }>('SHOW MASTER STATUS');
    const position = `${rows[0]?.File}:${rows[0]?.Position}`;
    await myc.query(
      `INSERT INTO \`${cdcOnly}\`.items VALUES (2, 'after ''it''', 'ü\\nx', 2.5, '2024-05-06 07:08:09.123456')`,
    );
    await myc.query(`INSERT INTO \`${cdcOnly}\`.items VALUES (3, 'then deleted', NULL, 3, NULL)`);
    await myc.query(`DELETE FROM \`${cdcOnly}\`.items WHERE id = 3`);
    const arn = await cli.task({
      id: 'cdc-only-position',
      source: await cli.endpoint('cdc-only-src', 'source', my.spec),
      target: await cli.endpoint('cdc-only-tgt', 'target', pg.spec),
      schema: cdcOnly,
      type: 'cdc',
      extra: ['--cdc-start-position', position],
    });
    await cli.start(arn, 'start-replication');
    const running = await cli.until(arn, (x) => x.Status === 'running', 'running');
    expect(running.CdcStartPosition).toBe(position);
    await myc.query(`UPDATE \`${cdcOnly}\`.items SET qty = 9.75 WHERE id = 2`);
    await waitFor(
      async () => {
        const { rows: got } = await pgc.query<{
          id: number;
          name: string;
          note: string;
          qty: string;
        }>(`SELECT id, name, note, qty::text AS qty FROM ${cdcOnly}.items ORDER BY id`);
        expect(got).toEqual([{ id: 2, name: "after 'it'", note: 'ü\nx', qty: '9.750' }]);
      },
      { what: 'the changes after the start position', timeout: 60_000, interval: 250 },
    );
    await myc.query(`ALTER TABLE \`${cdcOnly}\`.items ADD COLUMN extra int NULL`);
    const stats = await cli.statsUntil(arn, (s) => s[0]?.Ddls === 1, 'the DDL counted');
    expect(stats[0]).toMatchObject({
      Inserts: 2,
      Deletes: 1,
      Updates: 1,
      AppliedInserts: 2,
      AppliedDdls: 0,
    });
    expect((await cli.stop(arn)).StopReason).toBe('Stop Reason NORMAL');
    expect(await itemsDigest(myc, cdcOnly)).not.toEqual(await itemsDigest(pgc, cdcOnly));
    await cli.delete(arn);
  }, 120_000);
});
