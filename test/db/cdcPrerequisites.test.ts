// The source's CDC prerequisites read through the project's connection from the real servers
// (PostgreSQL with wal_level = logical, MariaDB with a ROW binlog and full row images), a table
// without a primary key found on each; the warnings' words for sources that are not ready.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCdcPrerequisites } from '../../src/db/cdcPrerequisites.js';
import { type DbConnection, openConnection } from '../../src/db/connection.js';
import { cdcWarnings } from '../../src/model/cdcPrerequisites.js';
import { serverAvailable } from '../support/servers.js';
import { uniqueName } from '../support/sandbox.js';

const pg = await serverAvailable('postgres');
const mysql = await serverAvailable('mysql');
const SCHEMA = uniqueName('dmst_cdcpre');

describe.each([
  ['postgres', pg],
  ['mysql', mysql],
] as const)('on %s', (kind, server) => {
  let db: DbConnection;
  beforeAll(async () => {
    if (!server.ok) return;
    db = await openConnection(server.spec);
    await db.query(kind === 'postgres' ? `CREATE SCHEMA ${SCHEMA}` : `CREATE DATABASE ${SCHEMA}`);
    await db.query(`CREATE TABLE ${SCHEMA}.keyed (id int PRIMARY KEY, v int)`);
    await db.query(`CREATE TABLE ${SCHEMA}.events (at int, what varchar(20))`);
  });
  afterAll(async () => {
    await db
      ?.query(kind === 'postgres' ? `DROP SCHEMA ${SCHEMA} CASCADE` : `DROP DATABASE ${SCHEMA}`)
      .catch(() => {});
    await db?.close();
  });

  it.skipIf(!server.ok)('finds the server ready and names the table without a key', async () => {
    const facts = await checkCdcPrerequisites(server.spec, [{ schema: SCHEMA, table: '%' }]);
    expect(facts.tablesWithoutKey).toEqual([`${SCHEMA}.events`]);
    expect(cdcWarnings(facts)).toEqual([
      `1 selected table has no primary key (${SCHEMA}.events): DMS replicates only their inserts`,
    ]);
    const keyed = await checkCdcPrerequisites(server.spec, [{ schema: SCHEMA, table: 'keyed' }]);
    expect(cdcWarnings(keyed)).toEqual([]);
  });
});

describe('CDC prerequisite warnings', () => {
  const none = { tablesWithoutKey: [], tablesWithoutKeyCount: 0 };
  it('say what PostgreSQL lacks', () => {
    expect(
      cdcWarnings({
        family: 'postgres',
        user: 'app',
        walLevel: 'replica',
        replicationPrivilege: false,
        ...none,
      }),
    ).toEqual([
      'wal_level is replica: CDC needs logical (ALTER SYSTEM SET wal_level = logical, then restart)',
      'user app has neither REPLICATION nor superuser: CDC needs one of them',
    ]);
  });

  it('say what MySQL or MariaDB lacks, and count many tables without a key', () => {
    expect(
      cdcWarnings({
        family: 'mysql',
        user: 'app@%',
        logBin: false,
        binlogFormat: 'MIXED',
        binlogRowImage: 'MINIMAL',
        replicationSlave: false,
        replicationClient: true,
        tablesWithoutKey: ['a.t1', 'a.t2', 'a.t3', 'a.t4'],
        tablesWithoutKeyCount: 7,
      }),
    ).toEqual([
      'log_bin is OFF: CDC reads the binary log (turn log_bin on)',
      'binlog_format is MIXED: DMS needs ROW',
      'binlog_row_image is MINIMAL: DMS needs FULL',
      'user app@% lacks REPLICATION SLAVE: CDC needs it',
      '7 selected tables have no primary key (a.t1, a.t2, a.t3 and 4 more): DMS replicates only their inserts',
    ]);
  });
});
