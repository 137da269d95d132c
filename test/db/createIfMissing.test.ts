// Several sessions creating one table or schema at once (two tasks starting on one target both
// create the shared control tables): every one of them succeeds, and a real error still fails.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DbConnection, openConnection } from '../../src/db/connection.js';
import { createIfMissing } from '../../src/db/createIfMissing.js';
import { uniqueName } from '../support/sandbox.js';
import { serverAvailable } from '../support/servers.js';

const pg = await serverAvailable('postgres');
const schema = uniqueName('dmst_race');

describe.skipIf(!pg.ok)(`create if missing, from 8 sessions at once (${pg.reason})`, () => {
  let conns: DbConnection[] = [];
  beforeAll(async () => {
    conns = await Promise.all(Array.from({ length: 8 }, () => openConnection(pg.spec)));
  });
  afterAll(async () => {
    await conns[0]?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await Promise.all(conns.map((c) => c.close()));
  });

  it('each session succeeds, round after round (plain IF NOT EXISTS loses the race)', async () => {
    await Promise.all(
      conns.map((c) => createIfMissing(c, `CREATE SCHEMA IF NOT EXISTS ${schema}`)),
    );
    for (let round = 0; round < 10; round++) {
      const table = `${schema}.t${round}`;
      await Promise.all(
        conns.map((c) =>
          createIfMissing(c, `CREATE TABLE IF NOT EXISTS ${table} (id int PRIMARY KEY, v text)`),
        ),
      );
      const { rows } = await conns[0]!.query<{ r: string | null }>(
        'SELECT to_regclass($1)::text AS r',
        [table],
      );
      expect(rows[0]?.r).toBe(table);
    }
  });

  it('any other error still fails', async () => {
    await expect(
      createIfMissing(conns[0]!, `CREATE TABLE IF NOT EXISTS ${schema}.bad (id nosuchtype)`),
    ).rejects.toThrow(/type "nosuchtype" does not exist/);
  });
});
