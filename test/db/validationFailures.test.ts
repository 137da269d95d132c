// The drill-down's reads on a MariaDB target (the PostgreSQL one is covered by the screen and
// e2e tests): a table's rows of awsdms_validation_failures_v1 (the control table as the
// validator makes it, in awsdms_control), this task's only, and the source (PostgreSQL) and
// target (MariaDB) rows of a key lined up through a renamed column, in the text form validation
// compares (UTC timestamps, numeric scale). A target without the control table has none.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DbConnection, openConnection } from '../../src/db/connection.js';
import { readValidationFailures } from '../../src/db/validationFailures.js';
import { ensureFailuresTable, insertFailures } from '../../src/db/validationQueries.js';
import { readFailureRows } from '../../src/db/validationRows.js';
import { diffLines } from '../../src/model/validationDiff.js';
import { uniqueName } from '../support/sandbox.js';
import { serverAvailable } from '../support/servers.js';

const pg = await serverAvailable('postgres');
const my = await serverAvailable('mysql');
const ready = pg.ok && my.ok;
const schema = uniqueName('dmst_vf');
const TASK = uniqueName('VFTASK').toUpperCase();
let pgc: DbConnection;
let myc: DbConnection;

beforeAll(async () => {
  if (!ready) return;
  pgc = await openConnection(pg.spec);
  myc = await openConnection(my.spec);
  await pgc.query(`CREATE SCHEMA ${schema}`);
  await pgc.query(
    `CREATE TABLE ${schema}.orders (id int PRIMARY KEY, customer text, total numeric(10,2), at timestamptz)`,
  );
  await pgc.query(
    `INSERT INTO ${schema}.orders VALUES (1, 'ann', 10.50, '2024-03-01 10:00:00+02'), (2, 'bob', 3, NULL)`,
  );
  await myc.query(`CREATE DATABASE \`${schema}\``);
  await myc.query(
    `CREATE TABLE \`${schema}\`.orders (id int PRIMARY KEY, buyer text, total decimal(10,2), at datetime(6))`,
  );
  await myc.query(
    `INSERT INTO \`${schema}\`.orders VALUES (1, 'ann', 99.00, '2024-03-01 08:00:00'), (3, 'cy', 1, NULL)`,
  );
  await ensureFailuresTable(myc);
  const table = { schema, table: 'orders' };
  await insertFailures(myc, TASK, table, [
    {
      key: '{"key":["1"]}',
      type: 'RECORD_DIFF',
      details: '[{"column":"total","source":"10.50","target":"99.00"}]',
    },
    { key: '{"key":["2"]}', type: 'MISSING_TARGET', details: '' },
  ]);
  await insertFailures(myc, `${TASK}X`, table, [
    { key: '{"key":["9"]}', type: 'MISSING_TARGET', details: '' },
  ]);
}, 30_000);

afterAll(async () => {
  if (!ready) return;
  await myc.query(
    'DELETE FROM awsdms_control.awsdms_validation_failures_v1 WHERE TASK_NAME IN (?, ?)',
    [TASK, `${TASK}X`],
  );
  await myc.query(`DROP DATABASE IF EXISTS \`${schema}\``);
  await pgc.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await myc.close();
  await pgc.close();
});

describe.skipIf(!ready)(
  `validation failures on MariaDB ${ready ? '' : pg.ok ? my.reason : pg.reason}`,
  () => {
    it("lists this task's failures of the table, at most `limit`, with how many there are", async () => {
      const all = await readValidationFailures(my.spec, {
        taskName: TASK,
        table: { schema, table: 'orders' },
        limit: 1000,
      });
      expect(all.where).toBe('awsdms_control.awsdms_validation_failures_v1');
      expect(all.total).toBe(2);
      expect(all.failures.map((f) => [f.key, f.type])).toEqual([
        [['1'], 'RECORD_DIFF'],
        [['2'], 'MISSING_TARGET'],
      ]);
      expect(Math.abs(Date.now() - (all.failures[0]?.time.getTime() ?? 0))).toBeLessThan(600_000);
      const one = await readValidationFailures(my.spec, {
        taskName: TASK,
        table: { schema, table: 'orders' },
        limit: 1,
      });
      expect([one.total, one.failures.length]).toEqual([2, 1]);
    });

    it('has none where the control table does not exist', async () => {
      await pgc.query(`CREATE DATABASE ${schema}`);
      try {
        const out = await readValidationFailures(
          { ...pg.spec, database: schema },
          { taskName: TASK, table: { schema, table: 'orders' }, limit: 10 },
        );
        expect(out).toMatchObject({ noTable: true, total: 0, failures: [] });
      } finally {
        await pgc.query(`DROP DATABASE IF EXISTS ${schema} WITH (FORCE)`);
      }
    });

    it('reads both rows of a key through a renamed column, compared as validation does', async () => {
      const rules = [
        {
          'rule-type': 'transformation' as const,
          'rule-id': '2',
          'rule-name': '2',
          'rule-target': 'column' as const,
          'object-locator': {
            'schema-name': schema,
            'table-name': 'orders',
            'column-name': 'customer',
          },
          'rule-action': 'rename' as const,
          value: 'buyer',
        },
      ];
      const read = (key: string) =>
        readFailureRows({
          source: pg.spec,
          target: my.spec,
          sourceTable: { schema, table: 'orders' },
          targetTable: { schema, table: 'orders' },
          rules,
          key: [key],
        });
      const one = await read('1');
      expect(one.columns.map((c) => [c.source, c.target])).toEqual([
        ['id', 'id'],
        ['customer', 'buyer'],
        ['total', 'total'],
        ['at', 'at'],
      ]);
      const lines = diffLines(one.columns, one.source, one.target);
      expect(lines.map((l) => [l.source, l.target, l.differs])).toEqual([
        [{ kind: 'value', text: '1' }, { kind: 'value', text: '1' }, false],
        [{ kind: 'value', text: 'ann' }, { kind: 'value', text: 'ann' }, false],
        [{ kind: 'value', text: '10.50' }, { kind: 'value', text: '99.00' }, true],
        // 10:00 at +02 is 08:00 UTC on both sides.
        [
          { kind: 'value', text: '2024-03-01 08:00:00.000000' },
          { kind: 'value', text: '2024-03-01 08:00:00.000000' },
          false,
        ],
      ]);
      const two = await read('2');
      expect(two.target).toBeNull();
      expect(two.source?.[1]).toBe('bob');
      await expect(
        readFailureRows({
          source: pg.spec,
          target: my.spec,
          sourceTable: { schema, table: 'orders' },
          targetTable: { schema: `${schema}_none`, table: 'orders' },
          rules,
          key: ['1'],
        }),
      ).rejects.toThrow(`The target has no table ${schema}_none.orders`);
    });
  },
);
