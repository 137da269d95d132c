// The code each demo database's worker thread runs. It is plain JavaScript kept in a string
// (run with `new Worker(code, { eval: true })`) so it works the same from TypeScript sources
// under tsx/vitest and from the esbuild bundle, where no separate worker file exists.
// It opens (or creates) one PGlite data directory, seeds it when asked and empty, serves it
// over TCP with pglite-socket, and closes PGlite cleanly when told to. Memory (issue 13): the
// compiled pglite.wasm comes from the parent, shared by both workers instead of compiled twice,
// and `settings` (postgres -c options) keep PostgreSQL's buffers to the demo's size.
export interface DemoWorkerData {
  pglitePath: string;
  socketPath: string;
  dataDir: string;
  /** 0: any free port (the one it got comes back in the ready message). */
  port: number;
  host: string;
  /** SQL run once when the database has no `markerTable` yet (null: nothing to seed). */
  seedSql: string | null;
  markerTable: string | null;
  maxConnections: number;
  /** pglite.wasm compiled once by the parent (a WebAssembly.Module crosses to workers shared). */
  wasmModule: WebAssembly.Module;
  /** Extra postgres start parameters, e.g. ['-c', 'shared_buffers=16MB']. */
  settings: string[];
}

export type DemoWorkerMessage =
  | { type: 'ready'; seeded: boolean; ms: number; port: number }
  | { type: 'error'; message: string }
  | { type: 'closed' };

export const DEMO_WORKER_CODE = `
const { parentPort, workerData } = require('node:worker_threads');
const { PGlite } = require(workerData.pglitePath);
const { PGLiteSocketServer } = require(workerData.socketPath);
let db;
let server;
async function main() {
  const t0 = Date.now();
  db = await PGlite.create({
    dataDir: workerData.dataDir,
    pgliteWasmModule: workerData.wasmModule,
    startParams: [...PGlite.defaultStartParams, ...workerData.settings],
  });
  let seeded = false;
  if (workerData.seedSql) {
    const r = await db.query('SELECT to_regclass($1) AS r', [workerData.markerTable]);
    if (r.rows[0].r === null) {
      await db.exec('BEGIN;' + workerData.seedSql + ';COMMIT;');
      seeded = true;
    }
  }
  server = new PGLiteSocketServer({ db, port: workerData.port, host: workerData.host, maxConnections: workerData.maxConnections });
  await server.start();
  const port = Number(server.getServerConn().split(':').pop());
  parentPort.postMessage({ type: 'ready', seeded, ms: Date.now() - t0, port });
}
parentPort.on('message', async (msg) => {
  if (msg && msg.type === 'close') {
    try { if (server) await server.stop(); } catch {}
    try { if (db) await db.close(); } catch {}
    parentPort.postMessage({ type: 'closed' });
    parentPort.close();
  }
});
main().catch(async (error) => {
  try { if (db) await db.close(); } catch {}
  parentPort.postMessage({ type: 'error', message: String((error && error.message) || error).split('\\n')[0] });
});
`;
