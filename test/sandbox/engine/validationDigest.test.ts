// Validation between two tables of one engine (PostgreSQL → PostgreSQL, MariaDB → MariaDB),
// where key ranges are compared first by a digest the servers compute: equal tables validate,
// drift is found with the same failures as the value-by-value comparison (a NULL and an empty
// string swapped, values holding separators and quotes, missing rows either side of the key
// range), and a target printing equal values differently (another numeric scale) validates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DbConnection, openConnection } from '../../../src/db/connection.js';
import { controlSchema, FAILURES_TABLE } from '../../../src/db/validationQueries.js';
import type { ConnectionSpec } from '../../../src/model/connection.js';
import type { MappingRule } from '../../../src/model/tableMappings.js';
import { readValidationSettings, type TableValidation } from '../../../src/model/validation.js';
import { runFullLoad } from '../../../src/sandbox/engine/index.js';
import { createValidator } from '../../../src/sandbox/engine/validation/validator.js';
import { serverAvailable } from '../../support/servers.js';
import { include, makeJob, uniqueName } from './support.js';

const ROWS = 1200;
/** A key of two numbers, as the demo's sales.order_items has: compared by key ranges too. */
const LINES_COLUMNS = 'order_id int, line_no int, qty int, PRIMARY KEY (order_id, line_no)';
const pg = await serverAvailable('postgres');
const my = await serverAvailable('mysql');

const engines = [
  { label: 'PostgreSQL → PostgreSQL', server: pg },
  { label: 'MariaDB → MariaDB', server: my },
];

describe.each(engines)('validation by range digests, $label', ({ server }) => {
  const S = uniqueName('dmst_vdg_s');
  const T = uniqueName('dmst_vdg_t');
  const taskName = uniqueName('VDG').toUpperCase();
  let db: DbConnection;
  const spec = server.spec as ConnectionSpec;
  const isPg = () => db.family === 'postgres';
  const q = (n: string) => (isPg() ? `"${n}"` : `\`${n}\``);
  const rules: MappingRule[] = [
    include(S, 'items'),
    include(S, 'lines', '3'),
    {
      'rule-type': 'transformation',
      'rule-id': '2',
      'rule-name': '2',
      'rule-target': 'schema',
      'object-locator': { 'schema-name': S },
      'rule-action': 'rename',
      value: T,
    },
  ];

  async function load(): Promise<void> {
    const outcome = await runFullLoad(makeJob({ source: spec, target: spec, rules }));
    expect(outcome.kind).toBe('completed');
  }

  async function validate(table = 'items') {
    let result: TableValidation | undefined;
    let attempted = 0;
    let succeeded = 0;
    const validator = createValidator({
      taskName,
      source: spec,
      target: spec,
      rules,
      settings: readValidationSettings({
        ValidationSettings: { EnableValidation: true, PartitionSize: 100, ThreadCount: 3 },
      }),
      lob: { kind: 'limited', maxKb: 32, maxBytes: 32 * 1024 },
      signal: new AbortController().signal,
      onTable(_ref, v) {
        result = v;
      },
      onRecords(a, s) {
        attempted += a;
        succeeded += s;
      },
      log() {},
    });
    validator.validateTable({ schema: S, table });
    await validator.idle();
    await validator.close();
    const { rows } = await db.query<{ KEY: string; FAILURE_TYPE: string }>(
      `SELECT ${q('KEY')}, ${q('FAILURE_TYPE')} FROM ${q(controlSchema(db))}.${q(FAILURES_TABLE)} WHERE ${q('TASK_NAME')} = ${isPg() ? '$1' : '?'} AND ${q('TABLE_NAME')} = ${isPg() ? '$2' : '?'}`,
      [taskName, table],
    );
    const failures = rows
      .map((r) => [r.KEY, r.FAILURE_TYPE])
      .sort(([a], [b]) => ((a as string) < (b as string) ? -1 : 1));
    return { result, attempted, succeeded, failures };
  }

  beforeAll(async () => {
    if (!server.ok) return;
    db = await openConnection(spec);
    // Values that a careless row text would confuse: NULL and '', separators, quotes, newlines.
    const cat = (...parts: string[]) =>
      isPg() ? parts.join(' || ') : `CONCAT(${parts.join(', ')})`;
    const newline = isPg() ? 'chr(10)' : 'CHAR(10)';
    const a = `CASE g % 4 WHEN 0 THEN NULL WHEN 1 THEN '' WHEN 2 THEN ${cat(`'x,"y"(z)'`, newline, `'\\\\ end'`)} ELSE ${cat("'a'", 'g')} END`;
    const b = `CASE g % 4 WHEN 0 THEN '' WHEN 1 THEN NULL ELSE ${cat("'b'", 'g')} END`;
    if (isPg()) {
      await db.query(`CREATE SCHEMA ${S}`);
      await db.query(
        `CREATE TABLE ${S}.items (id int PRIMARY KEY, a text, b varchar(40), amount numeric(10,2), ts timestamptz)`,
      );
      await db.query(
        `INSERT INTO ${S}.items SELECT g, ${a}, ${b}, g * 1.5, timestamptz '2024-03-01 10:00:00.25+02' + g * interval '1 minute' FROM generate_series(1, ${ROWS}) g`,
      );
      await db.query(`CREATE TABLE ${S}.lines (${LINES_COLUMNS})`);
      await db.query(
        `INSERT INTO ${S}.lines SELECT g / 3, g % 3, g FROM generate_series(0, ${ROWS - 1}) g`,
      );
      return;
    }
    await db.query(`CREATE DATABASE ${S}`);
    await db.query(
      `CREATE TABLE ${S}.items (id int PRIMARY KEY, a text, b varchar(40), amount decimal(10,2), ts datetime(6))`,
    );
    await db.query('SET SESSION max_recursive_iterations = 100000').catch(() => undefined);
    await db.query(
      `INSERT INTO ${S}.items WITH RECURSIVE seq(g) AS (SELECT 1 UNION ALL SELECT g + 1 FROM seq WHERE g < ${ROWS})
       SELECT g, ${a}, ${b}, g * 1.5, DATE_ADD('2024-03-01 08:00:00.25', INTERVAL g MINUTE) FROM seq`,
    );
    await db.query(`CREATE TABLE ${S}.lines (${LINES_COLUMNS})`);
    await db.query(
      `INSERT INTO ${S}.lines WITH RECURSIVE seq(g) AS (SELECT 0 UNION ALL SELECT g + 1 FROM seq WHERE g < ${ROWS - 1})
       SELECT g DIV 3, g % 3, g FROM seq`,
    );
  }, 60_000);

  afterAll(async () => {
    if (!server.ok) return;
    await db.query(
      `DELETE FROM ${q(controlSchema(db))}.${q(FAILURES_TABLE)} WHERE ${q('TASK_NAME')} = ${isPg() ? '$1' : '?'}`,
      [taskName],
    );
    for (const s of [S, T])
      await db.query(
        isPg() ? `DROP SCHEMA IF EXISTS ${s} CASCADE` : `DROP DATABASE IF EXISTS ${s}`,
      );
    await db.close();
  });

  it.skipIf(!server.ok)(
    'validates equal tables and finds every kind of drift',
    async () => {
      await load();
      const equal = await validate();
      expect(equal.result?.state).toBe('Validated');
      expect([equal.attempted, equal.succeeded]).toEqual([ROWS, ROWS]);
      expect(equal.failures).toEqual([]);

      // Row 404 has a = NULL, b = '': swapped on the target, the only drift of its partition.
      // Row 21's amount changes, row 30 is deleted, and the target gains rows before the first
      // key and after the last one.
      await db.query(`UPDATE ${T}.items SET a = '', b = NULL WHERE id = 404`);
      await db.query(`UPDATE ${T}.items SET amount = 99.99 WHERE id = 21`);
      await db.query(`DELETE FROM ${T}.items WHERE id = 30`);
      await db.query(`INSERT INTO ${T}.items (id, a) VALUES (-1, 'stray'), (5000, 'stray')`);
      const drift = await validate();
      expect(drift.result).toMatchObject({ state: 'Mismatched records', failed: 5 });
      expect(drift.failures).toEqual([
        ['{"key":["-1"]}', 'MISSING_SOURCE'],
        ['{"key":["21"]}', 'RECORD_DIFF'],
        ['{"key":["30"]}', 'MISSING_TARGET'],
        ['{"key":["404"]}', 'RECORD_DIFF'],
        ['{"key":["5000"]}', 'MISSING_SOURCE'],
      ]);
    },
    120_000,
  );

  it.skipIf(!server.ok)(
    'validates a target that prints equal values differently',
    async () => {
      await load();
      await db.query(
        isPg()
          ? `ALTER TABLE ${T}.items ALTER COLUMN amount TYPE numeric(12,4)`
          : `ALTER TABLE ${T}.items MODIFY amount decimal(12,4)`,
      );
      const retyped = await validate();
      expect(retyped.result?.state).toBe('Validated');
      expect([retyped.attempted, retyped.succeeded]).toEqual([ROWS, ROWS]);
      expect(retyped.failures).toEqual([]);
    },
    120_000,
  );

  it.skipIf(!server.ok)(
    'compares a key of two numbers by key ranges, drift found inside and around them',
    async () => {
      await load();
      const equal = await validate('lines');
      expect(equal.result?.state).toBe('Validated');
      expect([equal.attempted, equal.succeeded]).toEqual([ROWS, ROWS]);
      // A changed row, a deleted one, and target rows between two source keys (order 7 has
      // lines 0-2), before the first and after the last.
      await db.query(`UPDATE ${T}.lines SET qty = -1 WHERE order_id = 150 AND line_no = 1`);
      await db.query(`DELETE FROM ${T}.lines WHERE order_id = 250 AND line_no = 2`);
      await db.query(`INSERT INTO ${T}.lines VALUES (7, 9, 0), (-1, 0, 0), (${ROWS}, 0, 0)`);
      const drift = await validate('lines');
      expect(drift.result).toMatchObject({ state: 'Mismatched records', failed: 5 });
      expect(drift.failures).toEqual([
        ['{"key":["-1","0"]}', 'MISSING_SOURCE'],
        ['{"key":["1200","0"]}', 'MISSING_SOURCE'],
        ['{"key":["150","1"]}', 'RECORD_DIFF'],
        ['{"key":["250","2"]}', 'MISSING_TARGET'],
        ['{"key":["7","9"]}', 'MISSING_SOURCE'],
      ]);
    },
    120_000,
  );
});
