// The writer's INSERT path (used for PGlite and for MySQL servers with local_infile off) and its
// bulk path take the same COPY-text lines and store the same values.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DbConnection, openConnection } from '../../src/db/connection.js';
import type { TablePlan } from '../../src/db/loadPlan.js';
import { escapeField } from '../../src/db/rowCodec.js';
import { openBatch, prepareTargetTable, type WriteMethod } from '../../src/db/tableWriter.js';
import { serverAvailable } from '../support/servers.js';

const my = await serverAvailable('mysql');
const pg = await serverAvailable('postgres');
const DB = `dmst_writer_${Math.random().toString(36).slice(2, 8)}`;

function plan(family: 'postgres' | 'mysql', table: string): TablePlan {
  const col = (name: string, targetSql: string, binary = false) => ({
    source: name,
    target: name,
    targetSql,
    nullable: name !== 'id',
    binary,
    bool: false,
    timestampTz: false,
    temporal: false,
    castText: false,
  });
  return {
    source: { schema: DB, table },
    target: { schema: DB, table },
    sourceFamily: family,
    targetFamily: family,
    columns: [
      col('id', 'integer'),
      col('note', family === 'mysql' ? 'longtext' : 'text'),
      col('data', family === 'mysql' ? 'longblob' : 'bytea', true),
    ],
    primaryKey: ['id'],
  };
}

const NOTE = 'tab\there\nline \\ back ü€';
const lines = (family: 'postgres' | 'mysql') => {
  const hex = Buffer.from([0, 9, 10, 92, 255]).toString('hex');
  const bin = family === 'postgres' ? `\\\\x${hex}` : hex;
  return Buffer.from(`1\t${escapeField(NOTE)}\t${bin}\n2\t\\N\t\\N\n`);
};

async function load(conn: DbConnection, method: WriteMethod, table: string) {
  const p = plan(conn.family, table);
  await prepareTargetTable(conn, p, 'DROP_AND_CREATE');
  const sink = await openBatch(conn, p, { method });
  const buf = lines(conn.family);
  // split mid-character to check the decoder
  const cut = buf.indexOf(Buffer.from('ü')) + 1;
  await sink.write(buf.subarray(0, cut));
  await sink.write(buf.subarray(cut));
  return sink.end();
}

describe.skipIf(!my.ok || !pg.ok)(`table writer (${my.reason}; ${pg.reason})`, () => {
  let m: DbConnection;
  let p: DbConnection;
  beforeAll(async () => {
    m = await openConnection(my.spec);
    p = await openConnection(pg.spec);
  });
  afterAll(async () => {
    await m?.query(`DROP DATABASE IF EXISTS ${DB}`);
    await p?.query(`DROP SCHEMA IF EXISTS ${DB} CASCADE`);
    await m?.close();
    await p?.close();
  });

  it.each(['bulk', 'insert'] as const)('MySQL, %s', async (method) => {
    expect(await load(m, method, `t_${method}`)).toEqual({ skipped: 0 });
    const { rows } = await m.query<{ id: number; note: string | null; h: string | null }>(
      `SELECT id, note, HEX(data) AS h FROM ${DB}.t_${method} ORDER BY id`,
    );
    expect(rows).toEqual([
      { id: 1, note: NOTE, h: '00090A5CFF' },
      { id: 2, note: null, h: null },
    ]);
  });

  it.each(['bulk', 'insert'] as const)('PostgreSQL, %s', async (method) => {
    expect(await load(p, method, `t_${method}`)).toEqual({ skipped: 0 });
    const { rows } = await p.query(
      `SELECT id, note, encode(data, 'hex') AS h FROM ${DB}.t_${method} ORDER BY id`,
    );
    expect(rows).toEqual([
      { id: 1, note: NOTE, h: '00090a5cff' },
      { id: 2, note: null, h: null },
    ]);
  });
});
