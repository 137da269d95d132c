// The MySQL/MariaDB catalog reader against the real MariaDB server, on a fixture schema with
// odd names.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConnection, type DbConnection } from '../../../src/db/connection.js';
import { openCatalog } from '../../../src/db/catalog/openCatalog.js';
import { type CatalogReader, QueryCancelled } from '../../../src/db/catalog/reader.js';
import { serverAvailable } from '../../support/servers.js';
import { mysqlFixture, ODD } from './fixtures.js';

const my = await serverAvailable('mysql');
const SCHEMA = `Dmst Cat ${Math.random().toString(36).slice(2, 8)} ü`;

describe.skipIf(!my.ok)(`catalog reader on MariaDB (${my.reason})`, () => {
  let admin: DbConnection;
  let reader: CatalogReader;
  beforeAll(async () => {
    admin = await openConnection(my.spec);
    await admin.query('SET NAMES utf8mb4');
    for (const sql of mysqlFixture(SCHEMA)) await admin.query(sql);
    await admin.query(`ANALYZE TABLE \`${SCHEMA}\`.\`Customers\``);
    reader = await openCatalog(my.spec);
  });
  afterAll(async () => {
    await reader?.close();
    await admin?.query(`DROP DATABASE IF EXISTS \`${SCHEMA}\``);
    await admin?.close();
  });

  it('lists schemas, hiding system ones by default', async () => {
    const schemas = await reader.schemas();
    expect(schemas.find((s) => s.name === SCHEMA)).toMatchObject({ tableCount: 4, system: false });
    expect(schemas.map((s) => s.name)).not.toContain('mysql');
    expect((await reader.schemas({ includeSystem: true })).map((s) => s.name)).toContain(
      'information_schema',
    );
    expect(reader.serverVersion).toMatch(/\d+\.\d+/);
  });

  it('lists tables and views, filters on the server, bounds the list', async () => {
    const { tables } = await reader.tables(SCHEMA);
    expect(tables.map((t) => t.name).sort()).toEqual(
      [ODD.view, ODD.customers, ODD.orders, ODD.cafe].sort(),
    );
    expect(tables.find((t) => t.name === ODD.view)).toMatchObject({
      kind: 'view',
      estimatedRows: null,
    });
    expect(tables.find((t) => t.name === ODD.customers)?.sizeBytes).toBeGreaterThan(0);
    expect((await reader.tables(SCHEMA, { nameFilter: 'café' })).tables.map((t) => t.name)).toEqual(
      [ODD.cafe],
    );
    expect((await reader.tables(SCHEMA, { nameFilter: '_' })).tables).toHaveLength(0);
    const limited = await reader.tables(SCHEMA, { limit: 3 });
    expect(limited.truncated).toBe(true);
    expect(limited.tables).toHaveLength(3);
  });

  it('reads columns, keys and LOB flags', async () => {
    const detail = await reader.tableDetail(SCHEMA, ODD.customers);
    expect(detail.primaryKey).toEqual(['Id']);
    const byName = Object.fromEntries(detail.columns.map((c) => [c.name, c]));
    expect(byName.Id).toMatchObject({ primaryKey: true, nullable: false, lob: false });
    expect(byName['Full Name']).toMatchObject({
      dataType: 'varchar(80)',
      lob: false,
      nullable: false,
    });
    for (const lob of ['notes', 'photo', 'prefs', 'small'])
      expect(byName[lob]?.lob, lob).toBe(true);

    const orders = await reader.tableDetail(SCHEMA, ODD.orders);
    expect(orders.primaryKey).toEqual(['order_id', 'line']);
    expect(orders.foreignKeys).toEqual([
      {
        name: 'fk_cust',
        columns: ['customer_id'],
        references: { schema: SCHEMA, table: ODD.customers, columns: ['Id'] },
      },
    ]);
    expect((await reader.tableDetail(SCHEMA, ODD.cafe)).columns.map((c) => c.name)).toEqual([
      'ünïcode',
    ]);
  });

  it('rejects at once when cancelled and stays usable', async () => {
    const controller = new AbortController();
    const pending = reader.tables(SCHEMA, { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(QueryCancelled);
    expect((await reader.tables(SCHEMA)).tables).toHaveLength(4);
  });
});
