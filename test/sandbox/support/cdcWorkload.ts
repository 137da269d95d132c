// A source table and the changes CDC tests make to it, the same on PostgreSQL and MariaDB:
// inserts, updates and deletes, alone and in multi-statement transactions, with NULLs, quotes,
// newlines, unicode and exact numerics; and the checksum that says a target has converged.
import type { DbConnection } from '../../../src/db/connection.js';
import { digest, type Kind } from '../engine/support.js';

export const ITEM_COLUMNS: [string, Kind][] = [
  ['id', 'int'],
  ['name', 'text'],
  ['note', 'text'],
  ['qty', 'num'],
  ['at', 'ts'],
];

const mark = (conn: DbConnection, i: number) => (conn.family === 'postgres' ? `$${i}` : '?');
const table = (conn: DbConnection, schema: string) =>
  conn.family === 'postgres' ? `"${schema}".items` : `\`${schema}\`.items`;

/** Creates <schema>.items with `rows` rows (the schema or database must exist). */
export async function createItems(conn: DbConnection, schema: string, rows: number): Promise<void> {
  const t = table(conn, schema);
  if (conn.family === 'postgres') {
    await conn.query(
      `CREATE TABLE ${t} (id int PRIMARY KEY, name text NOT NULL, note text, qty numeric(12,3), at timestamp(6))`,
    );
    await conn.query(
      `INSERT INTO ${t} SELECT g, 'item ' || g, CASE WHEN g % 5 = 0 THEN NULL ELSE repeat('n', g % 40) END, g * 1.125, timestamp '2024-01-01' + g * interval '61.123456 seconds' FROM generate_series(1, ${rows}) g`,
    );
    return;
  }
  await conn.query(
    `CREATE TABLE ${t} (id int PRIMARY KEY, name text NOT NULL, note text, qty decimal(12,3), at datetime(6)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4`,
  );
  await conn.query('SET SESSION max_recursive_iterations = 1000000');
  await conn.query(
    `INSERT INTO ${t} WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < ${rows})
     SELECT n, CONCAT('item ', n), IF(n % 5 = 0, NULL, REPEAT('n', n % 40)), n * 1.125, TIMESTAMP('2024-01-01') + INTERVAL n * 61123456 MICROSECOND FROM g`,
  );
}

async function inTransaction(conn: DbConnection, work: () => Promise<void>): Promise<void> {
  await conn.query(conn.family === 'postgres' ? 'BEGIN' : 'START TRANSACTION');
  try {
    await work();
    await conn.query('COMMIT');
  } catch (error) {
    await conn.query('ROLLBACK');
    throw error;
  }
}

/**
 * One round of changes: single-statement inserts, updates and deletes, then a transaction of
 * several statements. `round` keeps the new ids of each round apart; `seed` is the seeded rows.
 */
export async function changeItems(
  conn: DbConnection,
  schema: string,
  round: number,
  seed: number,
): Promise<number> {
  const t = table(conn, schema);
  const m = (i: number) => mark(conn, i);
  const insert = `INSERT INTO ${t} (id, name, note, qty, at) VALUES (${m(1)}, ${m(2)}, ${m(3)}, ${m(4)}, ${m(5)})`;
  const base = 1_000_000 + round * 100;
  await conn.query(insert, [
    base + 1,
    `it's "quoted" #${round}`,
    null,
    '-123.456',
    '2025-02-03 04:05:06.789012',
  ]);
  await conn.query(insert, [
    base + 2,
    `line one\nline two\ttab \\ back`,
    'ünïcödé ✓ 日本語 🚀',
    '99999.999',
    '1999-12-31 23:59:59.999999',
  ]);
  await conn.query(
    `UPDATE ${t} SET name = ${m(1)}, note = NULL, qty = qty + 1 WHERE id = ${m(2)}`,
    [`updated in round ${round} ‘curly’`, 1 + ((round * 7) % seed)],
  );
  await conn.query(`DELETE FROM ${t} WHERE id = ${m(1)}`, [1 + ((round * 13 + 3) % seed)]);
  await inTransaction(conn, async () => {
    await conn.query(insert, [base + 3, 'in a transaction', 'x', '0.001', '2030-06-15 12:00:00']);
    await conn.query(`UPDATE ${t} SET note = ${m(1)} WHERE id = ${m(2)}`, [
      `touched ${round}`,
      base + 3,
    ]);
    await conn.query(`UPDATE ${t} SET qty = 7.5 WHERE id = ${m(1)}`, [base + 2]);
    await conn.query(`DELETE FROM ${t} WHERE id = ${m(1)}`, [base + 1]);
    await conn.query(`UPDATE ${t} SET at = NULL WHERE id = ${m(1)}`, [
      1 + ((round * 17 + 5) % seed),
    ]);
  });
  return 9;
}

/** Row count and checksum of <schema>.items. */
export function itemsDigest(conn: DbConnection, schema: string) {
  return digest(conn, schema, 'items', ITEM_COLUMNS);
}
