// The round trip every CDC direction is tested with, through the AWS CLI: a full-load-and-cdc
// task over <schema>.items; changes during and after the load; the target converges; stopped,
// the source changes; resume-processing applies exactly those changes and converges again.
import { expect } from 'vitest';
import type { DbConnection } from '../../../src/db/connection.js';
import { waitFor } from '../../support/wait.js';
import { cdcCli, replicating } from './cdcCli.js';
import type { CliSession } from './cliSession.js';
import { changeItems, itemsDigest } from './cdcWorkload.js';

export function convergence(src: DbConnection, tgt: DbConnection, schema: string) {
  return waitFor(
    async () => expect(await itemsDigest(tgt, schema)).toEqual(await itemsDigest(src, schema)),
    { what: 'the target to converge to the source', timeout: 60_000, interval: 250 },
  );
}

const applied = (stats: Record<string, number | string>[]) =>
  ['AppliedInserts', 'AppliedUpdates', 'AppliedDeletes'].reduce(
    (n, k) => n + Number(stats[0]?.[k] ?? 0),
    0,
  );

export async function roundTrip(o: {
  aws: CliSession;
  id: string;
  source: string;
  target: string;
  src: DbConnection;
  tgt: DbConnection;
  schema: string;
  seed: number;
  checkpoint: RegExp;
  /** Called once the task exists (clean-up needs its resource id). */
  onTask?: (arn: string) => void;
  /** Checks while the task is stopped (e.g. the slot is kept). */
  whileStopped?: () => Promise<void>;
}): Promise<string> {
  const cli = cdcCli(o.aws);
  const arn = await cli.task({
    id: o.id,
    source: o.source,
    target: o.target,
    schema: o.schema,
    type: 'full-load-and-cdc',
  });
  o.onTask?.(arn);
  await cli.start(arn, 'start-replication');
  let round = 0;
  // Changes while the load runs (cached, then applied after it) …
  while (round < 3) await changeItems(o.src, o.schema, round++, o.seed);
  await cli.until(arn, replicating, 'load complete, replication ongoing');
  // … and after it.
  while (round < 8) await changeItems(o.src, o.schema, round++, o.seed);
  await convergence(o.src, o.tgt, o.schema);

  const running = await cli.describe(arn);
  expect(running.Status).toBe('running');
  expect(running.RecoveryCheckpoint).toMatch(o.checkpoint);
  const stats = await cli.tableStats(arn);
  // The load saw the rows committed before it began, the first rounds' among them.
  expect(stats[0]).toMatchObject({ TableName: 'items', TableState: 'Table completed' });
  for (const op of ['Inserts', 'Updates', 'Deletes']) {
    expect(Number(stats[0]?.[op])).toBeGreaterThan(0);
    expect(Number(stats[0]?.[`Applied${op}`])).toBe(Number(stats[0]?.[op]));
  }
  const lines = await cli.logLines(arn);
  expect(lines.some((l) => l.includes('[SOURCE_CAPTURE  ]I:'))).toBe(true);
  expect(lines.some((l) => l.includes('[TARGET_APPLY    ]I:'))).toBe(true);

  expect((await cli.stop(arn)).StopReason).toBe('Stop Reason NORMAL');
  await o.whileStopped?.();
  const before = await cli.tableStats(arn);
  let changedWhileStopped = 0;
  while (round < 11) changedWhileStopped += await changeItems(o.src, o.schema, round++, o.seed);
  await cli.start(arn, 'resume-processing');
  await convergence(o.src, o.tgt, o.schema);
  // Exactly the changes made while stopped were applied on resume: none lost, none twice.
  const after = await cli.statsUntil(
    arn,
    (stats) => applied(stats) - applied(before) >= changedWhileStopped,
    'the statistics of the changes applied on resume',
  );
  expect(applied(after) - applied(before)).toBe(changedWhileStopped);
  expect(after[0]?.FullLoadRows).toBe(before[0]?.FullLoadRows);
  await cli.stop(arn);
  return arn;
}
