// bench/validation: data validation of an N-row table PostgreSQL → PostgreSQL (issue 15), beside
// the full load of the same table by the sandbox engine and a bare `EXCEPT` comparison query
// over the same two tables (both directions), all in the same run, with the process's peak RSS
// over each phase, and validation again once the target prints the same values differently
// (so that every row is compared value by value, as across engines).
// The same again for a table whose key is two numbers (order_id, line_no), as the demo's
// sales.order_items has.
// Run with `npx tsx bench/validation.ts [rows]` (default 1000000).
// DMS defaults: PartitionSize 10000, ThreadCount 5.
import { type DbConnection, openConnection } from '../src/db/connection.js';
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
    'object-locator': { 'schema-name': SRC, 'table-name': '%' },
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

/** The bench's tables: one keyed by one number, one by two (three lines an order). */
const TABLES = [
  {
    name: 'items',
    key: 'a one-number key',
    create: `CREATE TABLE ${SRC}.items (id bigint PRIMARY KEY, name text, amount numeric(12,2), created timestamptz)`,
    fill: `INSERT INTO ${SRC}.items SELECT g, 'item number ' || g, g * 1.25, timestamptz '2024-01-01' + g * interval '1 second' FROM generate_series(1, ${rows}) g`,
  },
  {
    name: 'lines',
    key: 'a two-number key',
    create: `CREATE TABLE ${SRC}.lines (order_id bigint, line_no int, name text, amount numeric(12,2), PRIMARY KEY (order_id, line_no))`,
    fill: `INSERT INTO ${SRC}.lines SELECT g / 3, g % 3, 'line ' || g, g * 1.25 FROM generate_series(0, ${rows - 1}) g`,
  },
];

async function benchTable(db: DbConnection, table: (typeof TABLES)[number]): Promise<void> {
  await db.query(table.create);
  await db.query(table.fill);
  await db.query(`ANALYZE ${SRC}.${table.name}`);
  const baseMb = process.memoryUsage().rss / 1024 / 1024;
  const only: MappingRule[] = [
    { ...rules[0]!, 'object-locator': { 'schema-name': SRC, 'table-name': table.name } },
    rules[1]!,
  ];

  const load = await measure(async () => {
    const outcome = await runFullLoad({
      source: PG,
      target: PG,
      tableMappings: { rules: only },
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
        rules: only,
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
      validator.validateTable({ schema: SRC, table: table.name });
      await validator.idle();
      await validator.close();
      if (result?.state !== 'Validated')
        throw new Error(`validation ended ${JSON.stringify(result)}`);
    });
  const validation = await validate();

  const except = await measure(() =>
    db.query(
      `SELECT (SELECT count(*) FROM (SELECT * FROM ${SRC}.${table.name} EXCEPT SELECT * FROM ${DST}.${table.name}) a) +
              (SELECT count(*) FROM (SELECT * FROM ${DST}.${table.name} EXCEPT SELECT * FROM ${SRC}.${table.name}) b) AS n`,
    ),
  );
  // The same values printed differently (another numeric scale): digests never agree, so every
  // row is read and compared value by value, as across engines.
  await db.query(`ALTER TABLE ${DST}.${table.name} ALTER COLUMN amount TYPE numeric(14,4)`);
  const byRow = await validate();
  await db.query(
    `DELETE FROM public.awsdms_validation_failures_v1 WHERE "TASK_NAME" = 'BENCHVALIDATION'`,
  );

  const line = (what: string, m: Measured) =>
    `${what.padEnd(52)} ${m.seconds.toFixed(1).padStart(6)} s  ${((rows / m.seconds) | 0).toLocaleString('en-US').padStart(9)} rows/s  node CPU ${m.cpu.toFixed(1).padStart(5)} s  peak RSS ${m.peakMb.toFixed(0).padStart(4)} MB (+${m.growthMb.toFixed(0)})  ${(m.seconds / load.seconds).toFixed(2)}× load  ${(m.seconds / except.seconds).toFixed(2)}× EXCEPT`;
  console.log(
    `${rows.toLocaleString('en-US')} rows PostgreSQL → PostgreSQL, ${table.key} (RSS before: ${baseMb.toFixed(0)} MB; +N: peak growth over the phase)`,
  );
  console.log(line('full load (sandbox engine)', load));
  console.log(line('bare EXCEPT both ways (reference, in server)', except));
  console.log(line('validation (PartitionSize 10000, ThreadCount 5)', validation));
  console.log(line('validation, target printing values differently', byRow));
}

async function main(): Promise<void> {
  const db = await openConnection(PG);
  await db.query(`DROP SCHEMA IF EXISTS ${SRC} CASCADE`);
  await db.query(`DROP SCHEMA IF EXISTS ${DST} CASCADE`);
  await db.query(`CREATE SCHEMA ${SRC}`);
  for (const table of TABLES) await benchTable(db, table);
  await db.query(`DROP SCHEMA ${SRC} CASCADE`);
  await db.query(`DROP SCHEMA ${DST} CASCADE`);
  await db.close();
}

await main();
