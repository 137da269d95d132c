// The embedded demo (issue 3 item 9): two PGlite databases under <dataDir>/demo/{source,target},
// each in its own worker thread (PGlite blocks the thread that runs it) and served on
// 127.0.0.1 over the PostgreSQL wire protocol by pglite-socket, so `pg`, the engine, the
// catalog readers and psql can connect. The first start seeds the source with a deterministic
// sample (sampleSql.ts); later starts reopen the data directories.
// Memory (issue 13): PostgreSQL's buffers are sized for the demo (DEMO_SETTINGS), both workers
// share one compiled pglite.wasm, and a first start creates and seeds the databases in a child
// process that exits (create.ts) before the serving workers open them.
import { chmodSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ConnectionSpec } from '../../model/connection.js';
import { DIR_MODE, makePrivateDir, privateTree } from '../fileModes.js';
import { createDatabases, databaseExists } from './create.js';
import { DEMO_MARKER_TABLE, SAMPLE_SQL } from './sampleSql.js';
import { DEMO_WORKER_CODE, type DemoWorkerData, type DemoWorkerMessage } from './worker.js';

export interface DemoDatabases {
  source: ConnectionSpec;
  target: ConnectionSpec;
  /** True when this start created the sample (first start). */
  seeded: boolean;
  close(): Promise<void>;
}

/**
 * pglite-socket runs one query at a time but accepts several connections (queries queue);
 * the engine loads PGlite tables one after another and uses no explicit transactions there.
 */
const MAX_CONNECTIONS = 32;

/** postgres -c settings for the demo databases: a few MB of sample data, so 16 MB of shared
 *  buffers (PGlite's default is PostgreSQL's 128 MB, per database) and small work areas. */
const DEMO_SETTINGS = [
  '-c',
  'shared_buffers=16MB',
  '-c',
  'maintenance_work_mem=16MB',
  '-c',
  'temp_buffers=2MB',
];

interface RunningDb {
  worker: Worker;
  seeded: boolean;
  port: number;
  close(): Promise<void>;
}

function startDb(data: DemoWorkerData): Promise<RunningDb> {
  const worker = new Worker(DEMO_WORKER_CODE, { eval: true, workerData: data });
  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= new Promise<void>((resolve) => {
      const timer = setTimeout(() => void worker.terminate().then(() => resolve()), 15_000);
      worker.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      worker.postMessage({ type: 'close' });
    });
    return closing;
  };
  return new Promise((resolve, reject) => {
    const onMessage = (msg: DemoWorkerMessage) => {
      if (msg.type === 'ready') {
        worker.off('error', onError);
        resolve({ worker, seeded: msg.seeded, port: msg.port, close });
      } else if (msg.type === 'error') {
        worker.off('error', onError);
        void worker.terminate();
        reject(new Error(`Demo database at ${data.dataDir} did not start: ${msg.message}`));
      }
    };
    const onError = (error: Error) =>
      reject(new Error(`Demo database worker failed: ${error.message}`));
    worker.on('message', onMessage);
    worker.once('error', onError);
  });
}

function spec(port: number): ConnectionSpec {
  return {
    engine: 'postgres',
    host: '127.0.0.1',
    port,
    database: 'postgres',
    user: 'postgres',
    sslMode: 'none',
  };
}

export async function startDemoDatabases(opts: {
  dataDir: string;
  /** The source listens here and the target on the next port; 0: each on any free port. */
  basePort: number;
}): Promise<DemoDatabases> {
  const require = createRequire(import.meta.url);
  const pglitePath = require.resolve('@electric-sql/pglite');
  const socketPath = require.resolve('@electric-sql/pglite-socket');
  const base = join(opts.dataDir, 'demo');
  const sourceDir = join(base, 'source');
  const targetDir = join(base, 'target');
  makePrivateDir(sourceDir);
  makePrivateDir(targetDir);
  chmodSync(base, DIR_MODE);
  const fresh = !databaseExists(sourceDir) || !databaseExists(targetDir);
  const seeded =
    fresh &&
    (await createDatabases({
      pglitePath,
      startParams: DEMO_SETTINGS,
      databases: [
        { dataDir: sourceDir, seedSql: SAMPLE_SQL, markerTable: DEMO_MARKER_TABLE },
        { dataDir: targetDir, seedSql: null, markerTable: null },
      ],
    }));
  const wasmModule = await WebAssembly.compile(
    readFileSync(join(dirname(pglitePath), 'pglite.wasm')),
  );
  const common = {
    pglitePath,
    socketPath,
    host: '127.0.0.1',
    maxConnections: MAX_CONNECTIONS,
    wasmModule,
    settings: DEMO_SETTINGS,
  };
  const [source, target] = await Promise.allSettled([
    startDb({
      ...common,
      dataDir: sourceDir,
      port: opts.basePort,
      seedSql: SAMPLE_SQL,
      markerTable: DEMO_MARKER_TABLE,
    }),
    startDb({
      ...common,
      dataDir: targetDir,
      port: opts.basePort === 0 ? 0 : opts.basePort + 1,
      seedSql: null,
      markerTable: null,
    }),
  ]);
  if (source.status === 'rejected' || target.status === 'rejected') {
    if (source.status === 'fulfilled') await source.value.close();
    if (target.status === 'fulfilled') await target.value.close();
    const failure =
      source.status === 'rejected' ? source.reason : (target as PromiseRejectedResult).reason;
    throw failure instanceof Error ? failure : new Error(String(failure));
  }
  // PGlite creates its files 0666 whatever the umask: private again once it has started, and
  // after it closes for the files it added meanwhile (the 0700 directories guard them).
  privateTree(base);
  return {
    source: spec(source.value.port),
    target: spec(target.value.port),
    seeded: seeded || source.value.seeded,
    close: async () => {
      await Promise.all([source.value.close(), target.value.close()]);
      privateTree(base);
    },
  };
}
