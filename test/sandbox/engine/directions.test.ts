// The engine between real PostgreSQL and MariaDB servers, each direction, each prep mode and
// LOB mode: row counts and digests of the target equal the source's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DbConnection, openConnection } from '../../../src/db/connection.js';
import type { MappingRule } from '../../../src/model/tableMappings.js';
import { runFullLoad } from '../../../src/sandbox/engine/index.js';
import { serverAvailable } from '../../support/servers.js';
import { digest, include, type Kind, makeJob, uniqueName } from './support.js';

const pg = await serverAvailable('postgres');
const my = await serverAvailable('mysql');

const S = uniqueName('dmst_dir_s');
const T = uniqueName('dmst_dir_t');

const PG_COLUMNS: [string, Kind][] = [
  ['id', 'int'],
  ['name', 'text'],
  ['amount', 'num'],
  ['flag', 'bool'],
  ['born', 'date'],
  ['ts', 'ts'],
  ['note', 'text'],
  ['data', 'bin'],
];

const renameSchema = (from: string, to: string, id = '90'): MappingRule => ({
  'rule-type': 'transformation',
  'rule-id': id,
  'rule-name': `rename${id}`,
  'rule-target': 'schema',
  'object-locator': { 'schema-name': from },
  'rule-action': 'rename',
  value: to,
});

const FULL_LOB = {
  SupportLobs: true,
  FullLobMode: true,
  LimitedSizeLobMode: false,
  LobChunkSize: 64,
};

async function createMysqlItems(m: DbConnection): Promise<void> {
  // MariaDB and MySQL name the recursion limit differently.
  await m.query('SET SESSION max_recursive_iterations = 100000').catch(() => undefined);
  await m.query('SET SESSION cte_max_recursion_depth = 100000').catch(() => undefined);
  await m.query(`CREATE TABLE ${S}.items (
      id int PRIMARY KEY, name varchar(50) NOT NULL, amount decimal(10,2), flag tinyint(1),
      born date, ts datetime(6), note longtext, data longblob, doc json, price double,
      tiny tinyint unsigned)`);
  await m.query(`INSERT INTO ${S}.items
      WITH RECURSIVE seq(g) AS (SELECT 1 UNION ALL SELECT g + 1 FROM seq WHERE g < 3000)
      SELECT g, CONCAT('name ', g), (g * 37 % 100000) / 100, g % 3 = 0,
             DATE_ADD('2000-01-01', INTERVAL g DAY),
             DATE_ADD('2020-01-01 00:00:00.123456', INTERVAL g * 61500000 MICROSECOND),
             CASE WHEN g % 50 = 0 THEN NULL
                  WHEN g % 7 = 0 THEN CONCAT('tab\\there\\nnew line \\\\ back', CHAR(12), 'slash ü€ ', REPEAT('long ', g))
                  ELSE CONCAT('note ', g) END,
             CASE WHEN g % 11 = 0 THEN NULL ELSE CONCAT(UNHEX(REPEAT(MD5(g), 1 + g % 5)), X'00090a5c') END,
             JSON_OBJECT('g', g), g / 3, g % 256
        FROM seq`);
}

describe.skipIf(!pg.ok || !my.ok)(`engine directions (${pg.reason}; ${my.reason})`, () => {
  let p: DbConnection;
  let m: DbConnection;

  beforeAll(async () => {
    p = await openConnection(pg.spec);
    m = await openConnection(my.spec);
    await p.query(`CREATE SCHEMA ${S}`);
    await p.query(`CREATE TABLE ${S}.items (
      id integer PRIMARY KEY, name varchar(50) NOT NULL, amount numeric(10,2), flag boolean,
      born date, ts timestamp(6), tstz timestamptz, note text, data bytea, doc jsonb, uid uuid,
      tags integer[], price double precision)`);
    await p.query(`INSERT INTO ${S}.items
      SELECT g, 'name ' || g, (g * 37 % 100000) / 100.0, g % 3 = 0,
             date '2000-01-01' + g, timestamp '2020-01-01 00:00:00.123456' + g * interval '1 minute 1.5 second',
             timestamptz '2021-06-01 12:00:00+02' + g * interval '1 hour',
             CASE WHEN g % 50 = 0 THEN NULL
                  WHEN g % 7 = 0 THEN E'tab\\there\\nnew line \\\\ back\\fslash \\u00fc\\u20ac ' || repeat('long ', g)
                  ELSE 'note ' || g END,
             CASE WHEN g % 11 = 0 THEN NULL ELSE decode(repeat(md5(g::text), 1 + g % 5), 'hex') || '\\x00090a5c'::bytea END,
             jsonb_build_object('g', g, 's', 'x"y'), md5(g::text)::uuid, ARRAY[g, g + 1], g / 3.0
        FROM generate_series(1, 3000) g`);
    await p.query(`CREATE TABLE ${S}.small (id integer PRIMARY KEY, v varchar(10))`);
    await p.query(`INSERT INTO ${S}.small SELECT g, 'v' || g FROM generate_series(1, 10) g`);

    await m.query(`CREATE DATABASE ${S}`);
    await createMysqlItems(m);
  });

  afterAll(async () => {
    await p?.query(`DROP SCHEMA IF EXISTS ${S} CASCADE`);
    await p?.query(`DROP SCHEMA IF EXISTS ${T} CASCADE`);
    await m?.query(`DROP DATABASE IF EXISTS ${S}`);
    await m?.query(`DROP DATABASE IF EXISTS ${T}`);
    await p?.close();
    await m?.close();
  });

  it('PostgreSQL → PostgreSQL, full LOB mode: every column equal', async () => {
    const job = makeJob({
      source: pg.spec,
      target: pg.spec,
      rules: [include(S, '%'), renameSchema(S, T)],
      settings: { TargetMetadata: FULL_LOB },
    });
    expect(await runFullLoad(job)).toEqual({ kind: 'completed' });
    expect(job.final(S, 'items')).toMatchObject({ state: 'Table completed', fullLoadRows: 3000 });
    expect(job.final(S, 'small')).toMatchObject({ state: 'Table completed', fullLoadRows: 10 });
    expect(await digest(p, T, 'items', PG_COLUMNS)).toEqual(
      await digest(p, S, 'items', PG_COLUMNS),
    );
    const extra = `SELECT md5(string_agg(doc::text || uid::text || tags::text || price::text || tstz::text, ',' ORDER BY id)) AS h FROM`;
    expect((await p.query(`${extra} ${T}.items`)).rows).toEqual(
      (await p.query(`${extra} ${S}.items`)).rows,
    );
    const types = await p.query(
      `SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'items' ORDER BY ordinal_position`,
      [T],
    );
    expect(types.rows).toContainEqual({ column_name: 'tags', data_type: 'ARRAY' });
    expect(
      job.lines.some((l) => l.includes('[TASK_MANAGER    ]I:  Loading finished for table')),
    ).toBe(true);
  });

  it('PostgreSQL → MariaDB, DROP_AND_CREATE twice, full LOB: rows equal, UTC timestamps', async () => {
    for (let i = 0; i < 2; i++) {
      const job = makeJob({
        source: pg.spec,
        target: my.spec,
        rules: [include(S, 'items'), renameSchema(S, T)],
        settings: { TargetMetadata: FULL_LOB },
      });
      expect(await runFullLoad(job)).toEqual({ kind: 'completed' });
      expect(job.final(S, 'items')).toMatchObject({ state: 'Table completed', fullLoadRows: 3000 });
      if (i === 1) expect(job.lines.some((l) => l.includes('dropped and recreated'))).toBe(true);
    }
    expect(await digest(m, T, 'items', PG_COLUMNS)).toEqual(
      await digest(p, S, 'items', PG_COLUMNS),
    );
    const { rows } = await m.query<{ tstz: string; uid: string; doc: string }>(
      `SELECT CAST(tstz AS CHAR) AS tstz, uid, CAST(doc AS CHAR) AS doc, CAST(tags AS CHAR) AS tags FROM ${T}.items WHERE id = 1`,
    );
    expect(rows[0]).toMatchObject({ tstz: '2021-06-01 11:00:00.000000', tags: '{1,2}' });
    expect(rows[0]?.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.parse(String(rows[0]?.doc))).toEqual({ g: 1, s: 'x"y' });
  });

  it('PostgreSQL → MariaDB: dates MariaDB cannot hold are counted, logged and loaded as NULL', async () => {
    await p.query(
      `CREATE TABLE ${S}.odd_dates (id int PRIMARY KEY, d date, ts timestamp, tstz timestamptz)`,
    );
    await p.query(`INSERT INTO ${S}.odd_dates VALUES
      (1, '2024-02-29', '2024-02-29 10:00', '2024-02-29 10:00+00'),
      (2, 'infinity', 'infinity', 'infinity'),
      (3, '-infinity', '-infinity', '-infinity'),
      (4, '0044-03-15 BC', '0044-03-15 BC', '0044-03-15 12:00+00 BC'),
      (5, NULL, NULL, NULL)`);
    const job = makeJob({
      source: pg.spec,
      target: my.spec,
      rules: [include(S, 'odd_dates'), renameSchema(S, T)],
    });
    expect(await runFullLoad(job)).toEqual({ kind: 'completed' });
    expect(job.final(S, 'odd_dates')).toMatchObject({ fullLoadRows: 5 });
    for (const column of ['d', 'ts', 'tstz'])
      expect(
        job.lines.filter((l) =>
          l.includes(
            `]W:  3 value(s) of column '${column}' of table '${S}'.'odd_dates' cannot be held by the target`,
          ),
        ),
      ).toHaveLength(1);
    const { rows } = await m.query<{ id: number; d: string | null; ts: string | null }>(
      `SELECT id, CAST(d AS CHAR) AS d, CAST(ts AS CHAR) AS ts, CAST(tstz AS CHAR) AS tstz FROM ${T}.odd_dates ORDER BY id`,
    );
    expect(rows[0]).toMatchObject({ d: '2024-02-29', ts: '2024-02-29 10:00:00.000000' });
    for (const row of rows.slice(1)) expect(row).toMatchObject({ d: null, ts: null, tstz: null });
    expect(JSON.stringify(rows)).not.toContain('0000-00-00');
  });

  it('MariaDB → PostgreSQL: zero dates are counted and logged, loaded as NULL', async () => {
    await m.query(`SET SESSION sql_mode = ''`);
    await m.query(`CREATE TABLE ${S}.zero_dates (id int PRIMARY KEY, d date, dt datetime)`);
    await m.query(
      `INSERT INTO ${S}.zero_dates VALUES (1, '2024-01-02', '2024-01-02 03:04:05'), (2, '0000-00-00', '0000-00-00 00:00:00'), (3, '0000-00-00', NULL)`,
    );
    const job = makeJob({
      source: my.spec,
      target: pg.spec,
      rules: [include(S, 'zero_dates'), renameSchema(S, T)],
    });
    expect(await runFullLoad(job)).toEqual({ kind: 'completed' });
    expect(
      job.lines.filter((l) =>
        l.includes(`]W:  2 value(s) of column 'd' of table '${S}'.'zero_dates'`),
      ),
    ).toHaveLength(1);
    expect(job.lines.filter((l) => l.includes(`]W:  1 value(s) of column 'dt'`))).toHaveLength(1);
    const { rows } = await p.query<{ n: string }>(
      `SELECT count(*) AS n FROM ${T}.zero_dates WHERE d IS NULL`,
    );
    expect(Number(rows[0]?.n)).toBe(2);
  });

  it('PostgreSQL → MariaDB, limited LOB mode: values cut at LobMaxSize with a warning', async () => {
    const job = makeJob({
      source: pg.spec,
      target: my.spec,
      rules: [include(S, 'items'), renameSchema(S, T)],
      settings: {
        TargetMetadata: {
          SupportLobs: true,
          FullLobMode: false,
          LimitedSizeLobMode: true,
          LobMaxSize: 1,
        },
      },
    });
    expect(await runFullLoad(job)).toEqual({ kind: 'completed' });
    expect(
      job.lines.filter((l) => /\]W: {2}LOB values of table '.*'\.'items'.*'note'.*1 KB/.test(l)),
    ).toHaveLength(1);
    const { rows } = await m.query<{ n: string; longest: string }>(
      `SELECT COUNT(*) AS n, MAX(CHAR_LENGTH(note)) AS longest FROM ${T}.items`,
    );
    expect(rows[0]).toEqual({ n: '3000', longest: '1024' });
    const short: [string, Kind][] = PG_COLUMNS.filter(([c]) => c !== 'note');
    expect(await digest(m, T, 'items', short)).toEqual(await digest(p, S, 'items', short));
  });

  it('MariaDB → PostgreSQL, no LOB support: LOB columns left out with a warning per column', async () => {
    const job = makeJob({
      source: my.spec,
      target: pg.spec,
      rules: [include(S, 'items'), renameSchema(S, T)],
      settings: {
        FullLoadSettings: { TargetTablePrepMode: 'DROP_AND_CREATE' },
        TargetMetadata: { SupportLobs: false },
      },
    });
    expect(await runFullLoad(job)).toEqual({ kind: 'completed' });
    expect(job.lines.filter((l) => l.includes('LOB support is disabled'))).toHaveLength(3);
    const { rows } = await p.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'items' ORDER BY ordinal_position`,
      [T],
    );
    expect(rows.map((r) => r.column_name)).toEqual([
      'id',
      'name',
      'amount',
      'flag',
      'born',
      'ts',
      'price',
      'tiny',
    ]);
    const cols: [string, Kind][] = PG_COLUMNS.filter(([c]) => c !== 'note' && c !== 'data');
    expect(await digest(p, T, 'items', cols)).toEqual(await digest(m, S, 'items', cols));
  });

  it('MariaDB → PostgreSQL, full LOB mode: text, blobs and JSON text equal', async () => {
    const job = makeJob({
      source: my.spec,
      target: pg.spec,
      rules: [include(S, 'items'), renameSchema(S, T)],
      settings: { TargetMetadata: FULL_LOB },
    });
    expect(await runFullLoad(job)).toEqual({ kind: 'completed' });
    expect(await digest(p, T, 'items', PG_COLUMNS)).toEqual(
      await digest(m, S, 'items', PG_COLUMNS),
    );
    // MariaDB's JSON is LONGTEXT underneath (DMS reads it as NCLOB): it arrives as text.
    const { rows } = await p.query(`SELECT doc FROM ${T}.items WHERE id = 2`);
    expect(JSON.parse(String(rows[0]?.doc))).toEqual({ g: 2 });
  });

  it('MariaDB → MariaDB: TRUNCATE_BEFORE_LOAD replaces rows, DO_NOTHING keeps them', async () => {
    await m.query(`CREATE DATABASE IF NOT EXISTS ${T}`);
    await m.query(`DROP TABLE IF EXISTS ${T}.items`);
    await m.query(`CREATE TABLE ${T}.items LIKE ${S}.items`);
    await m.query(`INSERT INTO ${T}.items (id, name) VALUES (100000, 'stale'), (100001, 'stale')`);
    const run = async (mode: string) => {
      const job = makeJob({
        source: my.spec,
        target: my.spec,
        rules: [include(S, 'items'), renameSchema(S, T)],
        settings: { FullLoadSettings: { TargetTablePrepMode: mode }, TargetMetadata: FULL_LOB },
      });
      expect(await runFullLoad(job)).toEqual({ kind: 'completed' });
      return job;
    };
    const truncated = await run('TRUNCATE_BEFORE_LOAD');
    expect(truncated.lines.some((l) => l.includes('was truncated (TRUNCATE_BEFORE_LOAD)'))).toBe(
      true,
    );
    expect(await digest(m, T, 'items', PG_COLUMNS)).toEqual(
      await digest(m, S, 'items', PG_COLUMNS),
    );

    await m.query(`DELETE FROM ${T}.items WHERE id > 10`);
    await m.query(`INSERT INTO ${T}.items (id, name) VALUES (100000, 'kept')`);
    const kept = await run('DO_NOTHING');
    expect(kept.lines.some((l) => l.includes('left as they are (DO_NOTHING)'))).toBe(true);
    // rows 1..10 already there: the target skips them (duplicate keys) and says so
    expect(kept.final(S, 'items')).toMatchObject({
      state: 'Table completed',
      fullLoadRows: 2990,
      errorRows: 10,
    });
    const { rows } = await m.query<{ n: string }>(`SELECT COUNT(*) AS n FROM ${T}.items`);
    expect(rows[0]?.n).toBe('3001');

    await m.query(`DROP TABLE ${T}.items`);
    const created = await run('DO_NOTHING');
    expect(
      created.lines.some((l) =>
        l.includes('was created in the target (TargetTablePrepMode DO_NOTHING)'),
      ),
    ).toBe(true);
    expect(await digest(m, T, 'items', PG_COLUMNS)).toEqual(
      await digest(m, S, 'items', PG_COLUMNS),
    );
  });
});
