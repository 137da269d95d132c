// Deleting a CDC task whose PostgreSQL source cannot be reached: the replication slot cannot be
// dropped, so the task log says it was left at the source and names it (DMS leaves it too, and
// a forgotten slot keeps WAL on the source's disk), instead of failing silently.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DbConnection, openConnection } from '../../src/db/connection.js';
import { startTestSandbox, type TestSandbox, uniqueName } from '../support/sandbox.js';
import { serverAvailable } from '../support/servers.js';
import { waitFor } from '../support/wait.js';
import { cdcCli } from './support/cdcCli.js';
import { type CliSession, cliSession, awsCliVersion } from './support/cliSession.js';
import { dropLeftoverSlots, slotsOf } from './support/cdcSlots.js';
import { createItems } from './support/cdcWorkload.js';

const pg = await serverAvailable('postgres');
const ready = pg.ok && awsCliVersion !== null;
const schema = uniqueName('dmst_cdcleft');
const targetDb = uniqueName('dmst_cdcleft_tgt');

let t: TestSandbox;
let aws: CliSession;
let src: DbConnection;
let taskId = '';

beforeAll(async () => {
  if (!ready) return;
  t = await startTestSandbox();
  aws = cliSession(() => t.url);
  src = await openConnection(pg.spec);
  await src.query(`CREATE SCHEMA ${schema}`);
  await createItems(src, schema, 10);
  await src.query(`CREATE DATABASE ${targetDb}`);
}, 60_000);

afterAll(async () => {
  if (!ready) return;
  await t.close();
  aws.cleanup();
  if (taskId) await dropLeftoverSlots(src, [taskId]);
  await src.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await src.query(`DROP DATABASE IF EXISTS ${targetDb} WITH (FORCE)`);
  await src.close();
});

describe.skipIf(!ready)('deleting a CDC task whose source is unreachable', () => {
  it('leaves the slot and says so in the task log, by name', async () => {
    const cli = cdcCli(aws);
    const source = await cli.endpoint('left-src', 'source', pg.spec);
    const target = await cli.endpoint('left-tgt', 'target', { ...pg.spec, database: targetDb });
    const arn = await cli.task({ id: 'left-task', source, target, schema, type: 'cdc' });
    taskId = arn.split(':').pop() as string;
    await cli.start(arn, 'start-replication');
    await cli.until(arn, (x) => x.Status === 'running', 'running');
    await cli.stop(arn);
    const [slot] = await slotsOf(src, taskId);
    expect(slot).toBeDefined();
    // The source moves out of reach (nothing listens on port 1).
    await aws('dms', 'modify-endpoint', '--endpoint-arn', source, '--port', '1');
    const lines = await cli.logLines(arn);
    await cli.delete(arn);
    const left = await waitFor(
      async () => (await cli.logLines(arn)).slice(lines.length).find((l) => l.includes(slot!)),
      { until: (l) => l !== undefined, what: 'the log line naming the slot left', timeout: 30_000 },
    );
    expect(left).toMatch(/\[SOURCE_CAPTURE {2}\]W: +The replication slot '.+' and publications/);
    expect(left).toContain('were left at the source');
    expect(await slotsOf(src, taskId)).toEqual([slot]);
  }, 120_000);
});
