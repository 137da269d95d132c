// The embedded demo: the first start seeds the PGlite source with the sample, a later start
// reopens the same data; the engine loads from it into PGlite and into PostgreSQL.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openConnection } from '../../../src/db/connection.js';
import { startDemoDatabases } from '../../../src/sandbox/demo/index.js';
import { runFullLoad } from '../../../src/sandbox/engine/index.js';
import { serverAvailable } from '../../support/servers.js';
import { include, makeJob, uniqueName } from '../engine/support.js';

const pg = await serverAvailable('postgres');
const dataDir = mkdtempSync(join(tmpdir(), 'dmst-demo-'));
// Any free ports: a fixed or random one may be taken by another socket on a busy machine.
const basePort = 0;
const SLOW = 240_000;

const ITEMS_DIGEST = `SELECT count(*)::int AS n, md5(string_agg(order_id || ':' || line_no || ':' || product_id || ':' || quantity || ':' || unit_price, ',' ORDER BY order_id, line_no)) AS h FROM sales.order_items`;

describe('embedded demo databases', () => {
  let firstDigest: unknown;
  const pgSchema = uniqueName('dmst_demo');

  afterAll(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    if (pg.ok) {
      const c = await openConnection(pg.spec);
      await c.query(`DROP SCHEMA IF EXISTS ${pgSchema} CASCADE`);
      await c.close();
    }
  });

  it(
    'first start creates the sample; the engine loads it into the PGlite target and PostgreSQL',
    async () => {
      const demo = await startDemoDatabases({ dataDir, basePort });
      try {
        expect(demo.seeded).toBe(true);
        const source = await openConnection(demo.source);
        const { rows: tables } = await source.query<{ schema: string; n: number }>(
          `SELECT table_schema AS schema, count(*)::int AS n FROM information_schema.tables
            WHERE table_schema IN ('sales', 'inventory', 'hr') AND table_type = 'BASE TABLE'
            GROUP BY 1 ORDER BY 1`,
        );
        expect(tables).toEqual([
          { schema: 'hr', n: 2 },
          { schema: 'inventory', n: 4 },
          { schema: 'sales', n: 5 },
        ]);
        const { rows: fks } = await source.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM information_schema.table_constraints WHERE constraint_type = 'FOREIGN KEY'`,
        );
        expect(fks[0]?.n).toBeGreaterThanOrEqual(8);
        firstDigest = (await source.query(ITEMS_DIGEST)).rows[0];
        expect(firstDigest).toMatchObject({ n: 120000 });
        // a second connection at the same time works (pglite-socket queues queries)
        const second = await openConnection(demo.source);
        expect((await second.query('SELECT count(*)::int AS n FROM hr.employees')).rows[0]).toEqual(
          { n: 240 },
        );
        await second.close();

        // PGlite → PGlite: the small schemas plus the notes (TEXT over 32 KB: limited LOB mode cuts them)
        const job = makeJob({
          source: demo.source,
          target: demo.target,
          rules: [
            include('hr', '%', '1'),
            include('inventory', '%', '2'),
            include('sales', 'order_notes', '3'),
          ],
        });
        expect(await runFullLoad(job)).toEqual({ kind: 'completed' });
        expect(job.lines.some((l) => l.includes('one query at a time'))).toBe(true);
        expect(job.lines.some((l) => l.includes(`LOB values of table 'sales'.'order_notes'`))).toBe(
          true,
        );
        const target = await openConnection(demo.target);
        const photos = `SELECT count(*)::int AS n, md5(string_agg(encode(photo, 'hex'), ',' ORDER BY id)) AS h FROM hr.employees`;
        expect((await target.query(photos)).rows).toEqual((await source.query(photos)).rows);
        const stock = 'SELECT count(*)::int AS n, sum(quantity)::int AS q FROM inventory.stock';
        expect((await target.query(stock)).rows).toEqual((await source.query(stock)).rows);
        const { rows: notes } = await target.query<{ n: number; longest: number }>(
          'SELECT count(*)::int AS n, max(length(body)) AS longest FROM sales.order_notes',
        );
        expect(notes[0]).toEqual({ n: 1000, longest: 32768 });
        await target.close();

        // PGlite → PostgreSQL: the largest table, through COPY
        if (pg.ok) {
          const toPg = makeJob({
            source: demo.source,
            target: pg.spec,
            rules: [
              include('sales', 'order_items'),
              {
                'rule-type': 'transformation',
                'rule-id': '2',
                'rule-name': 'to-test-schema',
                'rule-target': 'schema',
                'object-locator': { 'schema-name': 'sales' },
                'rule-action': 'rename',
                value: pgSchema,
              },
            ],
          });
          expect(await runFullLoad(toPg)).toEqual({ kind: 'completed' });
          expect(toPg.final('sales', 'order_items')).toMatchObject({
            state: 'Table completed',
            fullLoadRows: 120000,
          });
          const c = await openConnection(pg.spec);
          const copied = (await c.query(ITEMS_DIGEST.replace('sales.', `${pgSchema}.`))).rows[0];
          await c.close();
          expect(copied).toEqual(firstDigest);
        }
        await source.close();
      } finally {
        await demo.close();
      }
    },
    SLOW,
  );

  it(
    'a later start reopens the data directory and sees the same data',
    async () => {
      const demo = await startDemoDatabases({ dataDir, basePort });
      try {
        expect(demo.seeded).toBe(false);
        const source = await openConnection(demo.source);
        expect((await source.query(ITEMS_DIGEST)).rows[0]).toEqual(firstDigest);
        await source.close();
        const target = await openConnection(demo.target);
        expect(
          (await target.query('SELECT count(*)::int AS n FROM inventory.products')).rows[0],
        ).toEqual({ n: 500 });
        await target.close();
      } finally {
        await demo.close();
      }
    },
    SLOW,
  );
});
