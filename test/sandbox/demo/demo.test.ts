// The embedded demo: the first start seeds the PGlite source with the sample, a later start
// reopens the same data; the engine loads from it into PGlite and into PostgreSQL.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { connect, type Socket } from 'node:net';
import pgDriver from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openConnection } from '../../../src/db/connection.js';
import type { ConnectionSpec } from '../../../src/model/connection.js';
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
        await connectionsTakeTurns(demo.target);
      } finally {
        await demo.close();
      }
    },
    SLOW,
  );
});

/**
 * PGlite is one backend behind many connections: one connection's queries stay whole while
 * others run theirs (parameterized queries from four readers while a writer commits
 * transactions of large rows, as a validator reads while the engine loads), and a connection
 * that leaves in the middle of a query or of a transaction does not leave the others waiting.
 */
async function connectionsTakeTurns(spec: ConnectionSpec): Promise<void> {
  const writer = await openConnection(spec);
  const readers = await Promise.all([1, 2, 3, 4].map(() => openConnection(spec)));
  await writer.query('CREATE TABLE dmst_turns (id int, body text)');
  const body = 'x'.repeat(60_000);
  const answers = await Promise.all([
    (async () => {
      for (let i = 0; i < 40; i++) {
        await writer.query('BEGIN');
        await writer.query('INSERT INTO dmst_turns VALUES ($1, $2)', [i, body]);
        await writer.query('COMMIT');
      }
      return [];
    })(),
    ...readers.map(async (reader, r) => {
      const seen: number[] = [];
      for (let i = 0; i < 50; i++) {
        const { rows } = await reader.query<{ n: number }>('SELECT $1::int + $2::int AS n', [i, r]);
        seen.push(Number(rows[0]?.n));
      }
      return seen;
    }),
  ]);
  for (const [r, seen] of answers.slice(1).entries())
    expect(seen).toEqual(Array.from({ length: 50 }, (_, i) => i + r));

  // Leaves after a Parse with no Sync: its turn ends, the others go on.
  await leaveMidQuery(spec);
  // Leaves inside a transaction: rolled back, the others go on.
  const quitter = new pgDriver.Client({ host: spec.host, port: spec.port, user: 'postgres' });
  quitter.on('error', () => undefined); // it is about to lose its connection on purpose
  await quitter.connect();
  await quitter.query('BEGIN');
  await quitter.query('INSERT INTO dmst_turns VALUES (-1, $1)', ['never committed']);
  (quitter as unknown as { connection: { stream: Socket } }).connection.stream.destroy();
  const { rows } = await readers[0]!.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM dmst_turns WHERE id >= $1',
    [-1],
  );
  expect(rows[0]).toEqual({ n: 40 });
  await writer.query('DROP TABLE dmst_turns');
  for (const c of [writer, ...readers]) await c.close();
}

/** A raw client: start-up, then one Parse and no Sync, then gone. */
async function leaveMidQuery(spec: ConnectionSpec): Promise<void> {
  const socket = connect(spec.port, spec.host);
  await once(socket, 'connect');
  const params = Buffer.from('user\0postgres\0database\0postgres\0\0');
  const startup = Buffer.alloc(8);
  startup.writeInt32BE(8 + params.length, 0);
  startup.writeInt32BE(196608, 4);
  socket.write(Buffer.concat([startup, params]));
  let seen = Buffer.alloc(0);
  await new Promise<void>((resolve) =>
    socket.on('data', (data: Buffer) => {
      seen = Buffer.concat([seen, data]);
      if (seen.includes(Buffer.from([0x5a, 0, 0, 0, 5, 0x49]))) resolve();
    }),
  );
  const sql = Buffer.from('SELECT $1::int\0');
  const parse = Buffer.alloc(5);
  parse.write('P', 0);
  parse.writeInt32BE(4 + sql.length + 1 + 2, 1);
  socket.write(Buffer.concat([parse, Buffer.from('\0'), sql, Buffer.from([0, 0])]));
  socket.destroy();
}
