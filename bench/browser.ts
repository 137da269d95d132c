// The schema browser at scale: a PostgreSQL schema of 20,000 tables created here. Prints
//  - the bare catalog query (the reader's table list over `pg`), median of 5,
//  - expanding the schema in the browser, keystroke to the frame showing its tables: cold (the
//    query included) and from the session cache,
//  - a `/` filter keystroke to the updated frame, median over 30 keystrokes (target < 50 ms),
// each beside the bare query time and the ratio. The screen is rendered by Ink through
// ink-testing-library (100 columns, 30 rows), in this process, with React's production build
// as in dist/cli.js (NODE_ENV=production unless set; React is imported after setting it).
//   npx tsx bench/browser.ts            (PostgreSQL from DMS_TUI_TEST_PG or 127.0.0.1:5432/test)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

process.env.NODE_ENV ??= 'production';
const { render } = await import('ink-testing-library');
const { createElement } = await import('react');
const { App } = await import('../src/shell/App.js');
const { openProjects } = await import('../src/config/projects.js');
const { openCatalog } = await import('../src/db/catalog/openCatalog.js');
const { CatalogSessions } = await import('../src/db/catalog/session.js');
const { openConnection } = await import('../src/db/connection.js');
const { pgSpec } = await import('../test/support/servers.js');
const { testServices } = await import('../test/support/services.js');

const TABLES = 20_000;
const SCHEMA = `dmst_bench_${Math.random().toString(36).slice(2, 8)}`;
const BATCH = 1_000;

const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const ms = (v: number) => `${v.toFixed(1)} ms`;
const tick = () => new Promise((resolve) => setImmediate(resolve));
/** Setup keys only (never inside a measurement): let Ink and React settle after each. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 150));

async function untilFrame(lastFrame: () => string | undefined, test: (f: string) => boolean) {
  const deadline = performance.now() + 120_000;
  for (;;) {
    const frame = lastFrame() ?? '';
    if (test(frame)) return;
    if (performance.now() > deadline) throw new Error(`frame never matched:\n${frame}`);
    await tick();
  }
}

const spec = pgSpec();
const admin = await openConnection(spec);
console.log(`Creating ${TABLES.toLocaleString('en-US')} tables in ${SCHEMA} …`);
const createStart = performance.now();
await admin.query(`CREATE SCHEMA ${SCHEMA}`);
for (let from = 0; from < TABLES; from += BATCH) {
  await admin.query(
    `DO $$ BEGIN FOR i IN ${from}..${Math.min(TABLES, from + BATCH) - 1} LOOP
       EXECUTE format('CREATE TABLE ${SCHEMA}.%I (id int, name varchar(40))', 't_' || lpad(i::text, 5, '0'));
     END LOOP; END $$`,
  );
}
console.log(`created in ${((performance.now() - createStart) / 1000).toFixed(1)} s`);

const configDir = mkdtempSync(join(tmpdir(), 'dmst-bench-browser-'));
try {
  // 1. The bare catalog query.
  const reader = await openCatalog(spec);
  const queryTimes: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    const { tables } = await reader.tables(SCHEMA);
    queryTimes.push(performance.now() - t);
    if (tables.length !== TABLES)
      throw new Error(`expected ${TABLES} tables, got ${tables.length}`);
  }
  await reader.close();
  const bare = median(queryTimes);

  // 2. The browser: expand the schema (cold, then cached), then filter keystrokes.
  const store = openProjects(configDir);
  store.save({ name: 'bench', profile: '', source: spec, target: null });
  const catalogs = new CatalogSessions();
  const services = testServices({ projects: store, project: store.get('bench'), catalogs });
  const app = render(createElement(App, { services, initialRoute: { screen: 'browser' } }));
  await untilFrame(app.lastFrame, (f) => f.includes(SCHEMA));
  // Narrow the schema list to ours (the database may hold others), then focus it.
  for (const ch of `/${SCHEMA}`) {
    app.stdin.write(ch);
    await settle();
  }
  app.stdin.write('\r');
  await untilFrame(app.lastFrame, (f) => !f.includes('\n/'));
  await settle();
  app.stdin.write('\u001B[B');
  await untilFrame(app.lastFrame, (f) => f.includes(`▸ ○ ${SCHEMA}`));
  await settle();

  let t = performance.now();
  app.stdin.write('\r');
  await untilFrame(app.lastFrame, (f) => f.includes('t_00000'));
  const expandCold = performance.now() - t;

  await settle();
  app.stdin.write('\u001B[D');
  await untilFrame(app.lastFrame, (f) => !f.includes('t_00000'));
  await settle();
  t = performance.now();
  app.stdin.write('\r');
  await untilFrame(app.lastFrame, (f) => f.includes('t_00000'));
  const expandCached = performance.now() - t;

  // Filter keystrokes: "/" then t_1 2 3 4, backspaces, and so on; each must change the frame.
  await settle();
  app.stdin.write('/');
  await untilFrame(app.lastFrame, (f) => /\n\/\S*/.test(f));
  await settle();
  for (let i = 0; i < SCHEMA.length; i++) {
    app.stdin.write('\u007F');
    await settle();
  }
  await untilFrame(app.lastFrame, (f) => !f.includes(`/${SCHEMA.slice(0, 3)}`));
  await settle();
  // Each key changes the filter text, so each changes the frame.
  const BS = '\u007F';
  const keys = [
    ...'t_1234',
    ...BS.repeat(4),
    ...'999',
    ...BS.repeat(5),
    ...'0000',
    ...BS.repeat(4),
    ...'_00',
    ...BS.repeat(3),
  ];
  const filterTimes: number[] = [];
  for (const key of keys) {
    const before = app.lastFrame();
    const started = performance.now();
    app.stdin.write(key);
    await untilFrame(app.lastFrame, (f) => f !== before);
    filterTimes.push(performance.now() - started);
    await settle();
  }
  app.unmount();
  await catalogs.closeAll();

  const filter = median(filterTimes);
  const row = (label: string, value: number) =>
    console.log(
      `${label.padEnd(46)} ${ms(value).padStart(10)}   ×${(value / bare).toFixed(2)} of the bare query`,
    );
  console.log('');
  console.log(
    `PostgreSQL schema with ${TABLES.toLocaleString('en-US')} tables (${spec.host}:${spec.port}), React ${process.env.NODE_ENV} build`,
  );
  console.log(
    `${'bare catalog query (reader.tables), median of 5'.padEnd(46)} ${ms(bare).padStart(10)}`,
  );
  row('expand the schema, cold (query + render)', expandCold);
  row('expand the schema, from the session cache', expandCached);
  row(`filter keystroke → frame, median of ${filterTimes.length}`, filter);
  console.log(
    `${'filter keystroke → frame, max'.padEnd(46)} ${ms(Math.max(...filterTimes)).padStart(10)}   (target for the median: < 50 ms: ${filter < 50 ? 'met' : 'NOT met'})`,
  );
} finally {
  for (let from = 0; from < TABLES; from += BATCH) {
    await admin
      .query(
        `DO $$ BEGIN FOR i IN ${from}..${Math.min(TABLES, from + BATCH) - 1} LOOP
           EXECUTE format('DROP TABLE IF EXISTS ${SCHEMA}.%I', 't_' || lpad(i::text, 5, '0'));
         END LOOP; END $$`,
      )
      .catch(() => undefined);
  }
  await admin.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`).catch(() => undefined);
  await admin.close();
  rmSync(configDir, { recursive: true, force: true });
}
process.exit(0);
