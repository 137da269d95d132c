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
  takeTurns(server.queryQueue, db);
  await server.start();
  const port = Number(server.getServerConn().split(':').pop());
  parentPort.postMessage({ type: 'ready', seeded, ms: Date.now() - t0, port });
}
// pglite-socket runs the protocol messages of every connection one at a time from one queue,
// and keeps a connection's messages together only while PostgreSQL is inside a transaction.
// PGlite is one backend: another connection's Parse between one's Parse and Sync replaces the
// unnamed statement ("bind message supplies 2190 parameters, but prepared statement requires
// 2500", or worse, the same count and another statement), as a validator reading while the
// engine loads showed. So a connection keeps its turn from its first message until a response
// ends with ReadyForQuery outside a transaction ('Z', length 5, 'I'), or it terminates. A
// connection that leaves during its turn would leave the others waiting for ever: its turn
// ends there, with a Sync (ends an unfinished extended query) and a ROLLBACK when a
// transaction is open. The queue's own processQueue (which also stops for good when a message
// throws) is replaced by this one.
const READY = 0x5a;
const IDLE = 0x49;
const TERMINATE = 0x58;
const SYNC = new Uint8Array([0x53, 0, 0, 0, 4]);
function takeTurns(queue, db) {
  let holder = null;
  let running = null;
  const gone = new Set();
  const lastSix = (tail, data) => {
    const both = new Uint8Array(tail.length + data.length);
    both.set(tail, 0);
    both.set(data, tail.length);
    return both.slice(Math.max(0, both.length - 6));
  };
  const endsIdle = (tail) =>
    tail.length === 6 && tail[0] === READY && tail[1] === 0 && tail[2] === 0 && tail[3] === 0 &&
    tail[4] === 5 && tail[5] === IDLE;
  async function endTurnOfGone() {
    gone.delete(holder);
    holder = null;
    try { await db.runExclusive(() => db.execProtocolRaw(SYNC)); } catch {}
    try { if (db.isInTransaction()) await db.exec('ROLLBACK'); } catch {}
  }
  queue.processQueue = async function () {
    if (this.processing) return;
    this.processing = true;
    try {
      for (;;) {
        if (holder !== null && gone.has(holder)) await endTurnOfGone();
        const at = holder === null ? 0 : this.queue.findIndex((q) => q.handlerId === holder);
        if (at === -1 || this.queue.length === 0) break;
        const item = this.queue.splice(at, 1)[0];
        running = item.handlerId;
        let tail = new Uint8Array(0);
        let bytes = 0;
        try {
          await db.runExclusive(() =>
            db.execProtocolRawStream(item.message, {
              onRawData: (data) => {
                bytes += data.length;
                tail = lastSix(tail, data);
                item.onData(data);
              },
            }),
          );
        } catch (error) {
          running = null;
          holder = null;
          gone.delete(item.handlerId);
          item.reject(error);
          continue;
        }
        running = null;
        const over = item.message[0] === TERMINATE || (endsIdle(tail) && !db.isInTransaction());
        holder = over ? null : item.handlerId;
        if (over) gone.delete(item.handlerId);
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  };
  queue.clearTransactionIfNeeded = async function (handlerId) {
    if (holder === handlerId || running === handlerId) gone.add(handlerId);
    await this.processQueue();
  };
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
