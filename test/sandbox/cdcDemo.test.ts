// The embedded demo replicates: a full-load-and-cdc task from demo-source to demo-target (both
// PGlite, which has no logical decoding, so the sandbox captures through triggers) through the
// AWS CLI; changes made through the demo source reach the target; delete removes the triggers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DbConnection, openConnection } from '../../src/db/connection.js';
import { startTestSandbox, type TestSandbox } from '../support/sandbox.js';
import { waitFor } from '../support/wait.js';
import { type CliSession, cliSession, awsCliVersion } from './support/cliSession.js';
import { cdcCli, replicating } from './support/cdcCli.js';

const ready = awsCliVersion !== null;
let t: TestSandbox;
let aws: CliSession;
let src: DbConnection;
let tgt: DbConnection;

beforeAll(async () => {
  if (!ready) return;
  t = await startTestSandbox({ demo: true });
  aws = cliSession(() => t.url);
  src = await openConnection(t.sandbox.demo!.source);
  tgt = await openConnection(t.sandbox.demo!.target);
}, 120_000);

afterAll(async () => {
  if (!ready) return;
  await src?.close();
  await tgt?.close();
  await t?.close();
  aws?.cleanup();
});

const DEPARTMENTS = 'SELECT id, name FROM hr.departments ORDER BY id';

describe.skipIf(!ready)('CDC in the embedded demo (PGlite, trigger capture)', () => {
  it('replicates changes made through the demo source', async () => {
    const cli = cdcCli(aws);
    const endpoints = (await aws('dms', 'describe-endpoints')).Endpoints as {
      EndpointIdentifier: string;
      EndpointArn: string;
    }[];
    const arnOf = (id: string) => endpoints.find((e) => e.EndpointIdentifier === id)!.EndpointArn;
    const arn = await cli.task({
      id: 'demo-cdc',
      source: arnOf('demo-source'),
      target: arnOf('demo-target'),
      schema: 'hr',
      type: 'full-load-and-cdc',
    });
    await cli.start(arn, 'start-replication');
    await cli.until(arn, replicating, 'load complete, replication ongoing', 120_000);
    await src.query("UPDATE hr.departments SET name = 'Ops ''quoted''' WHERE id = 5");
    await src.query("INSERT INTO hr.departments VALUES (9, 'Research ✓')");
    await src.query("INSERT INTO hr.departments VALUES (10, 'gone soon')");
    await src.query('DELETE FROM hr.departments WHERE id = 10');
    await src.query('UPDATE hr.employees SET salary = salary + 0.01, photo = NULL WHERE id <= 3');
    await waitFor(
      async () =>
        expect((await tgt.query(DEPARTMENTS)).rows).toEqual((await src.query(DEPARTMENTS)).rows),
      { what: 'departments to converge', timeout: 60_000, interval: 300 },
    );
    const employees =
      'SELECT id, salary::text AS s, photo IS NULL AS p FROM hr.employees WHERE id <= 4 ORDER BY id';
    await waitFor(
      async () =>
        expect((await tgt.query(employees)).rows).toEqual((await src.query(employees)).rows),
      { what: 'employees to converge', timeout: 60_000, interval: 300 },
    );
    const stats = Object.fromEntries((await cli.tableStats(arn)).map((s) => [s.TableName, s]));
    expect(stats.departments).toMatchObject({
      AppliedInserts: 2,
      AppliedUpdates: 1,
      AppliedDeletes: 1,
    });
    expect(stats.employees).toMatchObject({ AppliedUpdates: 3 });
    await cli.stop(arn);
    await cli.delete(arn);
    await waitFor(
      async () => {
        const { rows } = await src.query(
          "SELECT tgname FROM pg_trigger WHERE tgname LIKE 'awsdms_cdc_%'",
        );
        expect(rows).toEqual([]);
      },
      { what: 'the capture triggers to be removed', timeout: 20_000 },
    );
  }, 240_000);
});
