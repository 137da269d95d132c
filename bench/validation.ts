// bench/validation: data validation of an N-row table PostgreSQL → PostgreSQL (issue 15), beside
// the full load of the same table by the sandbox engine and a bare `EXCEPT` comparison query
// over the same two tables (both directions), all in the same run, with the process's peak RSS
// over each phase, and validation again once the target prints the same values differently
// (so that every row is compared value by value, as across engines).
// Run with `npx tsx bench/validation.ts [rows]` (default 1000000).
// DMS defaults: PartitionSize 10000, ThreadCount 5.
import { openConnection } from '../src/db/connection.js';
import type { ConnectionSpec } from '../src/model/connection.js';
import type { MappingRule } from '../src/model/tableMappings.js';
import { readValidationSettings, type TableValidation } from '../src/model/validation.js';
import { runFullLoad } from '../src/sandbox/engine/index.js';
import { createValidator } from '../src/sandbox/engine/validation/validator.js';

const PG: ConnectionSpec = {
  engine: 'postgres',
  host: '127.0.0.1',
  port: 5432,
  database: 'test',
  user: 'postgres',
  sslMode: 'none',
};
const SRC = 'dmst_bval';
const DST = 'dmst_bval_t';
const rows = Number(process.argv[2] ?? 1_000_000);

const rules: MappingRule[] = [
  {
    'rule-type': 'selection',
    'rule-id': '1',
    'rule-name': '1',
    'object-locator': { 'schema-name': SRC, 'table-name': 'items' },
    'rule-action': 'include',
  },
  {
    'rule-type': 'transformation',
    'rule-id': '2',
    'rule-name': '2',
    'rule-target': 'schema',
    'object-locator': { 'schema-name': SRC },
    'rule-action': 'rename',
    value: DST,
  },
];

interface Measured {
  seconds: number;
  peakMb: number;
  /** Peak RSS over the RSS when the phase started. */
  growthMb: number;
  /** CPU seconds this process spent (the rest of the time is the servers'). */
  cpu: number;
}

/** Seconds and the largest RSS (MB) seen while `work` runs, sampled every 50 ms. */
async function measure(work: () => Promise<unknown>): Promise<Measured> {
  const start = process.memoryUsage().rss;
  let peak = start;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  const started = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  await work();
  const used = process.cpuUsage(cpuStart);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  const mb = (n: number) => n / 1024 / 1024;
  return {
    seconds,
    peakMb: mb(peak),
    growthMb: mb(peak - start),
    cpu: (used.user + used.system) / 1e6,
  };
}

async function main(): Promise<void> {
  const db = await openConnection(PG);
  await db.query(`DROP SCHEMA IF EXISTS ${SRC} CASCADE`);
  await db.query(`DROP SCHEMA IF EXISTS ${DST} CASCADE`);
  await db.query(`CREATE SCHEMA ${SRC}`);
  await db.query(
    `CREATE TABLE ${SRC}.items (id bigint PRIMARY KEY, name text, amount numeric(12,2), created timestamptz)`,
  );
  await db.query(
    `INSERT INTO ${SRC}.items SELECT g, 'item number ' || g, g * 1.25, timestamptz '2024-01-01' + g * interval '1 second' FROM generate_series(1, ${rows}) g`,
  );
  await db.query(`ANALYZE ${SRC}.items`);
  const baseMb = process.memoryUsage().rss / 1024 / 1024;

  const load = await measure(async () => {
    const outcome = await runFullLoad({
      source: PG,
      target: PG,
      tableMappings: { rules },
      settings: { FullLoadSettings: { TargetTablePrepMode: 'DROP_AND_CREATE' } },
      signal: new AbortController().signal,
      onTables() {},
      onTableUpdate() {},
      log(_c, severity, message) {
        if (severity === 'E') console.error(message);
      },
    });
    if (outcome.kind !== 'completed') throw new Error(`load ended ${outcome.kind}`);
  });

  const validate = () =>
    measure(async () => {
      let result: TableValidation | undefined;
      const validator = createValidator({
        taskName: 'BENCHVALIDATION',
        source: PG,
        target: PG,
        rules,
        settings: readValidationSettings({ ValidationSettings: { EnableValidation: true } }),
        lob: { kind: 'limited', maxKb: 32, maxBytes: 32 * 1024 },
        signal: new AbortController().signal,
        onTable(_ref, v) {
          result = v;
        },
        onRecords() {},
        log(_c, severity, message) {
          if (severity === 'E') console.error(message);
        },
      });
      validator.validateTable({ schema: SRC, table: 'items' });
      await validator.idle();
      await validator.close();
      if (result?.state !== 'Validated')
        throw new Error(`validation ended ${JSON.stringify(result)}`);
    });
  const validation = await validate();

  const except = await measure(() =>
    db.query(
      `SELECT (SELECT count(*) FROM (SELECT * FROM ${SRC}.items EXCEPT SELECT * FROM ${DST}.items) a) +
              (SELECT count(*) FROM (SELECT * FROM ${DST}.items EXCEPT SELECT * FROM ${SRC}.items) b) AS n`,
    ),
  );
  // The same values printed differently (another numeric scale): digests never agree, so every
  // row is read and compared value by value, as across engines.
  await db.query(`ALTER TABLE ${DST}.items ALTER COLUMN amount TYPE numeric(14,4)`);
  const byRow = await validate();
  await db.query(
    `DELETE FROM public.awsdms_validation_failures_v1 WHERE "TASK_NAME" = 'BENCHVALIDATION'`,
  );
  await db.query(`DROP SCHEMA ${SRC} CASCADE`);
  await db.query(`DROP SCHEMA ${DST} CASCADE`);
  await db.close();

  const line = (what: string, m: Measured) =>
    `${what.padEnd(52)} ${m.seconds.toFixed(1).padStart(6)} s  ${((rows / m.seconds) | 0).toLocaleString('en-US').padStart(9)} rows/s  node CPU ${m.cpu.toFixed(1).padStart(5)} s  peak RSS ${m.peakMb.toFixed(0).padStart(4)} MB (+${m.growthMb.toFixed(0)})  ${(m.seconds / load.seconds).toFixed(2)}× load  ${(m.seconds / except.seconds).toFixed(2)}× EXCEPT`;
  console.log(
    `${rows.toLocaleString('en-US')} rows PostgreSQL → PostgreSQL (RSS before: ${baseMb.toFixed(0)} MB; +N: peak growth over the phase)`,
  );
  console.log(line('full load (sandbox engine)', load));
  console.log(line('bare EXCEPT both ways (reference, in server)', except));
  console.log(line('validation (PartitionSize 10000, ThreadCount 5)', validation));
  console.log(line('validation, target printing values differently', byRow));
}

await main();
