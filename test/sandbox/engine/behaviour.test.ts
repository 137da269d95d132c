// Engine behaviour on PostgreSQL: selection wildcards and transformations, a failing table,
// no matching tables, stop then resume, and a lost connection.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DbConnection, openConnection } from '../../../src/db/connection.js';
import type { MappingRule, TransformationRule } from '../../../src/model/tableMappings.js';
import { runFullLoad } from '../../../src/sandbox/engine/index.js';
import { serverAvailable } from '../../support/servers.js';
import { waitFor } from '../../support/wait.js';
import { digest, include, type Kind, makeJob, uniqueName } from './support.js';

const pg = await serverAvailable('postgres');

const S = uniqueName('dmst_beh_s');
const T = uniqueName('dmst_beh_t');

function transform(
  id: string,
  target: TransformationRule['rule-target'],
  action: TransformationRule['rule-action'],
  locator: TransformationRule['object-locator'],
  value?: string,
): MappingRule {
  return {
    'rule-type': 'transformation',
    'rule-id': id,
    'rule-name': `t${id}`,
    'rule-target': target,
    'object-locator': locator,
    'rule-action': action,
    ...(value === undefined ? {} : { value }),
  };
}

const BIG: [string, Kind][] = [
  ['id', 'int'],
  ['v', 'text'],
];

describe.skipIf(!pg.ok)(`engine behaviour (${pg.reason})`, () => {
  let p: DbConnection;

  beforeAll(async () => {
    p = await openConnection(pg.spec);
    await p.query(`CREATE SCHEMA ${S}`);
    await p.query(
      `CREATE TABLE ${S}.order_items (id int PRIMARY KEY, name text, price numeric(8,2), secret text)`,
    );
    await p.query(
      `INSERT INTO ${S}.order_items SELECT g, 'n' || g, g / 4.0, 's' || g FROM generate_series(1, 100) g`,
    );
    await p.query(`CREATE TABLE ${S}.orderXitems (id int PRIMARY KEY)`);
    await p.query(`CREATE TABLE ${S}.order_tmp (id int PRIMARY KEY)`);
    await p.query(`CREATE TABLE ${S}.customers (id int PRIMARY KEY, v text)`);
    await p.query(`INSERT INTO ${S}.customers SELECT g, 'c' || g FROM generate_series(1, 50) g`);
    await p.query(`CREATE VIEW ${S}.customers_view AS SELECT * FROM ${S}.customers`);
    await p.query(`CREATE TABLE ${S}.big (id int PRIMARY KEY, v text)`);
    await p.query(
      `INSERT INTO ${S}.big SELECT g, repeat('x', 200) || g FROM generate_series(1, 50000) g`,
    );
  });

  afterAll(async () => {
    await p?.query(`DROP SCHEMA IF EXISTS ${S} CASCADE`);
    await p?.query(`DROP SCHEMA IF EXISTS ${T} CASCADE`);
    await p?.close();
  });

  it('selects with % and _ and [_], excludes, and renames schema, tables and columns', async () => {
    const job = makeJob({
      source: pg.spec,
      target: pg.spec,
      rules: [
        include(S, 'order_%', '1'),
        include(S, 'customer_', '2'),
        include(S, 'order[_]tmp', '3', 'exclude'),
        transform('10', 'schema', 'rename', { 'schema-name': S }, T),
        transform('11', 'table', 'convert-uppercase', { 'schema-name': S, 'table-name': 'order%' }),
        transform('12', 'table', 'add-prefix', { 'schema-name': S, 'table-name': '%' }, 'x_'),
        transform(
          '13',
          'column',
          'rename',
          { 'schema-name': S, 'table-name': 'order_items', 'column-name': 'name' },
          'title',
        ),
        transform('14', 'column', 'remove-column', {
          'schema-name': S,
          'table-name': '%',
          'column-name': 'secret',
        }),
        transform(
          '15',
          'column',
          'add-suffix',
          { 'schema-name': S, 'table-name': '%', 'column-name': 'pri%' },
          '_eur',
        ),
      ],
    });
    expect(await runFullLoad(job)).toEqual({ kind: 'completed' });
    // `_` matches one character (customers, orderxitems too); [_] is a literal underscore;
    // views are never selected.
    expect(job.tables.sort()).toEqual([`${S}.customers`, `${S}.order_items`, `${S}.orderxitems`]);
    const { rows } = await p.query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = $1 ORDER BY table_name COLLATE "C", ordinal_position`,
      [T],
    );
    expect(rows).toEqual([
      { table_name: 'x_ORDERXITEMS', column_name: 'id' },
      { table_name: 'x_ORDER_ITEMS', column_name: 'id' },
      { table_name: 'x_ORDER_ITEMS', column_name: 'title' },
      { table_name: 'x_ORDER_ITEMS', column_name: 'price_eur' },
      { table_name: 'x_customers', column_name: 'id' },
      { table_name: 'x_customers', column_name: 'v' },
    ]);
    const target = await p.query(
      `SELECT md5(string_agg(id || title || price_eur, ',' ORDER BY id)) AS h FROM ${T}."x_ORDER_ITEMS"`,
    );
    const source = await p.query(
      `SELECT md5(string_agg(id || name || price, ',' ORDER BY id)) AS h FROM ${S}.order_items`,
    );
    expect(target.rows).toEqual(source.rows);
    const pk = await p.query(
      `SELECT count(*)::int AS n FROM information_schema.table_constraints WHERE table_schema = $1 AND constraint_type = 'PRIMARY KEY'`,
      [T],
    );
    expect(pk.rows[0]).toEqual({ n: 3 });
  });

  it('a failing table goes to "Table error" with E: lines and the others load', async () => {
    await p.query(`CREATE SCHEMA IF NOT EXISTS ${T}`);
    await p.query(`DROP TABLE IF EXISTS ${T}.customers`);
    await p.query(`CREATE TABLE ${T}.customers (id int PRIMARY KEY, v int)`);
    const job = makeJob({
      source: pg.spec,
      target: pg.spec,
      rules: [
        include(S, 'customers', '1'),
        include(S, 'order[_]items', '2'),
        transform('3', 'schema', 'rename', { 'schema-name': S }, T),
      ],
      settings: { FullLoadSettings: { TargetTablePrepMode: 'DO_NOTHING', MaxFullLoadSubTasks: 2 } },
    });
    expect(await runFullLoad(job)).toEqual({ kind: 'completed' });
    expect(job.final(S, 'customers')?.state).toBe('Table error');
    expect(job.final(S, 'order_items')).toMatchObject({
      state: 'Table completed',
      fullLoadRows: 100,
    });
    // MaxFullLoadSubTasks 2: each table had its own subtask, running side by side.
    expect(
      job.lines.filter((l) => /Start loading table .* by subtask [12]\./.test(l)),
    ).toHaveLength(2);
    expect(job.lines.some((l) => l.includes('by subtask 2.'))).toBe(true);
    const errors = job.lines.filter((l) => l.includes(']E:  '));
    expect(
      errors.some(
        (l) =>
          l.includes(`'${S}'.'customers'`) && l.includes('invalid input syntax for type integer'),
      ),
    ).toBe(true);
  });

  it('reports that no table matches, and leaves the verdict to the runner', async () => {
    // FailOnNoTablesCaptured and the failure message belong to the task lifecycle
    // (src/model/taskLifecycleFailures.ts), which the runner applies.
    const job = makeJob({ source: pg.spec, target: pg.spec, rules: [include(S, 'nothing%')] });
    expect(await runFullLoad(job)).toEqual({ kind: 'no-tables' });
    expect(job.lines.some((l) => l.includes(']E:'))).toBe(false);
  });

  it('stops within a moment (table cancelled), then resumes with the tables not completed', async () => {
    const rules: MappingRule[] = [
      { ...include(S, 'customers', '1'), 'load-order': 2 },
      include(S, 'big', '2'),
      transform('3', 'schema', 'rename', { 'schema-name': S }, T),
    ];
    const settings = {
      FullLoadSettings: {
        TargetTablePrepMode: 'DROP_AND_CREATE',
        MaxFullLoadSubTasks: 1,
        CommitRate: 1000,
      },
    };
    let abortedAt = 0;
    const job = makeJob({
      source: pg.spec,
      target: pg.spec,
      rules,
      settings,
      onUpdate: (u, j) => {
        if (u.table === 'big' && u.fullLoadRows > 0 && !abortedAt) {
          abortedAt = Date.now();
          j.controller.abort();
        }
      },
    });
    expect(await runFullLoad(job)).toEqual({ kind: 'stopped' });
    expect(abortedAt).toBeGreaterThan(0);
    expect(job.final(S, 'customers')).toMatchObject({ state: 'Table completed', fullLoadRows: 50 });
    expect(job.final(S, 'big')?.state).toBe('Table cancelled');
    const partial = await p.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${T}.big`);
    expect(partial.rows[0]?.n).toBeLessThan(50000);

    const resume = makeJob({
      source: pg.spec,
      target: pg.spec,
      rules,
      settings,
      skipTables: new Set([`${S}.customers`]),
    });
    expect(await runFullLoad(resume)).toEqual({ kind: 'completed' });
    expect(resume.updates.some((u) => u.table === 'customers')).toBe(false);
    expect(resume.final(S, 'big')).toMatchObject({ state: 'Table completed', fullLoadRows: 50000 });
    expect(await digest(p, T, 'big', BIG)).toEqual(await digest(p, S, 'big', BIG));
  });

  it('an unreachable endpoint fails the task with one readable line', async () => {
    const job = makeJob({
      source: pg.spec,
      target: { ...pg.spec, port: 1 },
      rules: [include(S, 'customers')],
    });
    const outcome = await runFullLoad(job);
    expect(outcome).toEqual({
      kind: 'failed',
      message: `Failed to connect to the target endpoint: Connection refused by ${pg.spec.host}:1: is the server running and listening there?`,
    });
    expect(job.lines.at(-1)).toMatch(/\]E: {2}Failed to connect to the target endpoint/);
  });

  it('a lost connection fails the task with the driver message', async () => {
    // The target table is locked against writes so the load is surely in flight when its
    // sessions are killed. EXCLUSIVE, not ACCESS EXCLUSIVE: that one takes a transaction id,
    // and other files' CDC tasks creating replication slots on this server would wait for it.
    await p.query(`CREATE SCHEMA IF NOT EXISTS ${T}`);
    await p.query(`CREATE TABLE IF NOT EXISTS ${T}.customers (id int PRIMARY KEY, v text)`);
    const locker = await openConnection(pg.spec);
    await locker.query('BEGIN');
    await locker.query(`LOCK TABLE ${T}.customers IN EXCLUSIVE MODE`);
    const killer = await openConnection(pg.spec);
    let killed: Promise<unknown> | undefined;
    // Only this load's sessions, those waiting for the locked table: other test files run their
    // own sandboxes on this server at the same time, under the same application name.
    const killLoadSessions = () =>
      waitFor(async () => {
        const { rows } = await killer.query(
          `SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'relation' AND relation = $1::regclass AND NOT granted`,
          [`${T}.customers`],
        );
        expect(rows.length).toBeGreaterThan(0);
      });
    const job = makeJob({
      source: pg.spec,
      target: pg.spec,
      rules: [include(S, 'customers'), transform('3', 'schema', 'rename', { 'schema-name': S }, T)],
      settings: { FullLoadSettings: { TargetTablePrepMode: 'DO_NOTHING' } },
      onUpdate: (u) => {
        if (u.state === 'Full load' && !killed) killed = killLoadSessions();
      },
    });
    const outcome = await runFullLoad(job);
    await killed;
    await locker.query('ROLLBACK');
    await locker.close();
    await killer.close();
    if (outcome.kind !== 'failed') console.log(job.lines.join('\n'));
    expect(outcome.kind).toBe('failed');
    expect(outcome.kind === 'failed' && outcome.message).toMatch(
      /Lost connection while loading table .*customers.*: terminating connection due to administrator command/,
    );
    expect(job.final(S, 'customers')?.state).toBe('Table error');
  });
});
