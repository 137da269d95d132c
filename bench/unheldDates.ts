// The cost of counting the dates MySQL/MariaDB cannot hold (infinity, BC, past 9999) before a
// PostgreSQL → MySQL load: one scan of the table (countUnheldPg), printed beside a plain
// count(*) of the same table measured in the same run, on a table of 1,000,000 rows with a date
// and a timestamptz column. Medians of 5.
//   npx tsx bench/unheldDates.ts        (PostgreSQL from DMS_TUI_TEST_PG or 127.0.0.1:5432/test)
import { openConnection } from '../src/db/connection.js';
import type { TablePlan } from '../src/db/loadPlan.js';
import { countUnheldPg } from '../src/db/tableReader.js';
import { serverAvailable } from '../test/support/servers.js';

const pg = await serverAvailable('postgres');
if (!pg.ok) {
  console.log(`PostgreSQL not reachable (${pg.reason}): nothing measured`);
  process.exit(0);
}
const conn = await openConnection(pg.spec);
const table = `dmst_bench_dates_${Math.random().toString(36).slice(2, 8)}`;
const median = async (run: () => Promise<unknown>) => {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[2] ?? 0;
};
try {
  await conn.query(`CREATE TABLE public.${table} (id int, d date, ts timestamptz, body text)`);
  await conn.query(
    `INSERT INTO public.${table} SELECT g, date '2000-01-01' + (g % 9000), now(), md5(g::text) FROM generate_series(1, 1000000) g`,
  );
  await conn.query(`UPDATE public.${table} SET d = 'infinity' WHERE id % 1000 = 0`);
  const column = { nullable: true, binary: false, bool: false, castText: false };
  const plan: TablePlan = {
    source: { schema: 'public', table },
    target: { schema: 'public', table },
    sourceFamily: 'postgres',
    targetFamily: 'mysql',
    primaryKey: [],
    columns: [
      {
        ...column,
        source: 'd',
        target: 'd',
        targetSql: 'date',
        timestampTz: false,
        temporal: true,
      },
      {
        ...column,
        source: 'ts',
        target: 'ts',
        targetSql: 'datetime(6)',
        timestampTz: true,
        temporal: true,
      },
    ],
  };
  const reference = await median(() => conn.query(`SELECT count(*) FROM public.${table}`));
  let counted = new Map<string, number>();
  const mine = await median(async () => {
    counted = await countUnheldPg(conn, plan);
  });
  console.log('PostgreSQL table of 1,000,000 rows (a date and a timestamptz column)');
  console.log(`plain count(*) (reference)             ${reference.toFixed(1).padStart(8)} ms`);
  console.log(
    `count of values MySQL cannot hold      ${mine.toFixed(1).padStart(8)} ms   ×${(mine / reference).toFixed(2)} of the reference (found ${[...counted].map(([c, n]) => `${c}: ${n}`).join(', ')})`,
  );
} finally {
  await conn.query(`DROP TABLE IF EXISTS public.${table}`);
  await conn.close();
}
