// The PostgreSQL catalog reader against the real server and against PGlite over TCP, on a
// fixture schema with odd names.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConnection } from '../../../src/db/connection.js';
import { openCatalog } from '../../../src/db/catalog/openCatalog.js';
import { type CatalogReader, QueryCancelled, QueryGate } from '../../../src/db/catalog/reader.js';
import { waitFor } from '../../support/wait.js';
import type { ConnectionSpec } from '../../../src/model/connection.js';
import { startPglite, type PgliteServer } from '../../support/pglite.js';
import { serverAvailable } from '../../support/servers.js';
import { ODD, postgresFixture } from './fixtures.js';

const pg = await serverAvailable('postgres');
const SCHEMA = `Dmst Catalog ${Math.random().toString(36).slice(2, 8)} "Ünï"`;

function readerSuite(
  name: string,
  setup: () => Promise<{ spec: ConnectionSpec; done(): Promise<void> }>,
) {
  describe(name, () => {
    let reader: CatalogReader;
    let done: () => Promise<void>;
    let spec: ConnectionSpec;
    beforeAll(async () => {
      ({ spec, done } = await setup());
      reader = await openCatalog(spec);
    });
    afterAll(async () => {
      await reader?.close();
      await done?.();
    });

    it('lists schemas with table counts, hiding system schemas by default', async () => {
      const schemas = await reader.schemas();
      const mine = schemas.find((s) => s.name === SCHEMA);
      expect(mine).toMatchObject({ tableCount: 4, system: false });
      expect(schemas.map((s) => s.name)).not.toContain('pg_catalog');
      const all = await reader.schemas({ includeSystem: true });
      expect(all.map((s) => s.name)).toContain('pg_catalog');
      expect(reader.serverVersion).toMatch(/PostgreSQL \d+/);
    });

    it('lists tables and views with estimates', async () => {
      const { tables, truncated } = await reader.tables(SCHEMA);
      expect(truncated).toBe(false);
      expect(tables.map((t) => t.name).sort()).toEqual(
        [ODD.view, ODD.customers, ODD.orders, ODD.cafe].sort(),
      );
      const customers = tables.find((t) => t.name === ODD.customers)!;
      expect(customers.kind).toBe('table');
      expect(customers.estimatedRows).toBe(50);
      expect(customers.sizeBytes).toBeGreaterThan(0);
      expect(tables.find((t) => t.name === ODD.view)).toMatchObject({
        kind: 'view',
        estimatedRows: null,
      });
    });

    it('filters names on the server, escaping LIKE wildcards, and bounds the list', async () => {
      expect(
        (await reader.tables(SCHEMA, { nameFilter: 'CAFé' })).tables.map((t) => t.name),
      ).toEqual([ODD.cafe]);
      expect((await reader.tables(SCHEMA, { nameFilter: '"items"' })).tables).toHaveLength(1);
      expect((await reader.tables(SCHEMA, { nameFilter: '%' })).tables).toHaveLength(0);
      const limited = await reader.tables(SCHEMA, { limit: 2 });
      expect(limited).toMatchObject({ truncated: true });
      expect(limited.tables).toHaveLength(2);
    });

    it('reads columns with type, nullability, keys and LOB flags', async () => {
      const detail = await reader.tableDetail(SCHEMA, ODD.customers);
      expect(detail.primaryKey).toEqual(['Id']);
      const byName = Object.fromEntries(detail.columns.map((c) => [c.name, c]));
      expect(byName.Id).toMatchObject({
        primaryKey: true,
        nullable: false,
        lob: false,
        position: 1,
      });
      expect(byName['Full Name']).toMatchObject({
        dataType: 'character varying(80)',
        nullable: false,
        lob: false,
      });
      for (const lob of ['notes', 'photo', 'prefs', 'tags', 'free'])
        expect(byName[lob]?.lob, lob).toBe(true);

      const orders = await reader.tableDetail(SCHEMA, ODD.orders);
      expect(orders.primaryKey).toEqual(['order_id', 'line']);
      expect(orders.foreignKeys).toEqual([
        {
          name: expect.any(String),
          columns: ['customer_id'],
          references: { schema: SCHEMA, table: ODD.customers, columns: ['Id'] },
        },
      ]);
      expect(orders.columns.find((c) => c.name === 'customer_id')).toMatchObject({
        foreignKey: true,
        primaryKey: false,
      });
      const cafe = await reader.tableDetail(SCHEMA, ODD.cafe);
      expect(cafe.columns.map((c) => c.name)).toEqual(['ünïcode']);
    });

    it('rejects at once when cancelled', async () => {
      const controller = new AbortController();
      controller.abort();
      await expect(reader.tables(SCHEMA, { signal: controller.signal })).rejects.toBeInstanceOf(
        QueryCancelled,
      );
      // Still usable afterwards.
      expect((await reader.tables(SCHEMA)).tables).toHaveLength(4);
    });
  });
}

describe.skipIf(!pg.ok)(`PostgreSQL server (${pg.reason})`, () => {
  readerSuite('catalog reader on PostgreSQL', async () => {
    const admin = await openConnection(pg.spec);
    await admin.query(postgresFixture(SCHEMA));
    return {
      spec: pg.spec,
      async done() {
        await admin.query(`DROP SCHEMA "${SCHEMA.replace(/"/g, '""')}" CASCADE`);
        await admin.close();
      },
    };
  });

  it('cancels a long statement on the server, and the next query is not hit', async () => {
    const conn = await openConnection(pg.spec);
    const watcher = await openConnection(pg.spec);
    try {
      const pid = (await conn.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!
        .pid;
      const gate = new QueryGate(async () => {
        const other = await openConnection(pg.spec);
        await other.query('SELECT pg_cancel_backend($1)', [pid]);
        await other.close();
      });
      const controller = new AbortController();
      const sleeping = gate.run(() => conn.query('SELECT pg_sleep(60)'), controller.signal);
      const running = () =>
        watcher.query(
          "SELECT 1 FROM pg_stat_activity WHERE pid = $1 AND state = 'active' AND query LIKE '%pg_sleep%'",
          [pid],
        );
      await waitFor(async () => (await running()).rows.length === 1);
      controller.abort();
      await expect(sleeping).rejects.toBeInstanceOf(QueryCancelled);
      const next = await gate.run(() => conn.query<{ one: number }>('SELECT 1 AS one'));
      expect(next.rows[0]?.one).toBe(1);
      expect((await running()).rows).toHaveLength(0);
    } finally {
      await conn.close();
      await watcher.close();
    }
  });

  it('abandons an in-flight query when aborted and stays usable', async () => {
    const reader = await openCatalog(pg.spec);
    try {
      const controller = new AbortController();
      const pending = reader.tables(SCHEMA, { signal: controller.signal });
      controller.abort();
      await expect(pending).rejects.toBeInstanceOf(QueryCancelled);
      expect(Array.isArray(await reader.schemas())).toBe(true);
    } finally {
      await reader.close();
    }
  });
});

let pglite: PgliteServer | undefined;
readerSuite('catalog reader on PGlite over TCP', async () => {
  pglite = await startPglite();
  await pglite.exec(postgresFixture(SCHEMA));
  return { spec: pglite.spec, done: () => pglite!.close() };
});
