// A first start creates the demo databases (initdb, and the sample in the source) in a child
// process of its own, which then exits: WebAssembly memory never shrinks, and creating and
// seeding takes PGlite to about 1 GB that a worker thread would keep (and the process would not
// give back even after the thread ends) for as long as the sandbox runs. The serving workers
// then open the created directories, at the size that serving needs.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** True when a directory holds a database already (PGlite's initdb has run there). */
export function databaseExists(dataDir: string): boolean {
  return existsSync(join(dataDir, 'PG_VERSION'));
}

export interface CreateRequest {
  pglitePath: string;
  /** Each directory to create, with SQL to seed it with unless `markerTable` already exists. */
  databases: { dataDir: string; seedSql: string | null; markerTable: string | null }[];
  /** postgres -c settings, as the serving workers use. */
  startParams: string[];
}

const CREATE_CODE = `
let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', async () => {
  try {
    const request = JSON.parse(input);
    const { PGlite } = require(request.pglitePath);
    let seeded = false;
    for (const d of request.databases) {
      const db = await PGlite.create({ dataDir: d.dataDir, startParams: [...PGlite.defaultStartParams, ...request.startParams] });
      if (d.seedSql) {
        const r = await db.query('SELECT to_regclass($1) AS r', [d.markerTable]);
        if (r.rows[0].r === null) {
          await db.exec('BEGIN;' + d.seedSql + ';COMMIT;');
          seeded = true;
        }
      }
      await db.close();
    }
    process.stdout.write(seeded ? 'seeded' : 'created');
  } catch (error) {
    process.stderr.write(String((error && error.message) || error).split('\\n')[0]);
    process.exitCode = 1;
  }
});
`;

/** Creates (and seeds) the databases in a child process; resolves with whether it seeded. */
export function createDatabases(request: CreateRequest, timeoutMs = 180_000): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', CREATE_CODE], {
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: timeoutMs,
    });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      err += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0 && (out === 'seeded' || out === 'created')) resolve(out === 'seeded');
      else
        reject(new Error(`Demo databases could not be created: ${err.trim() || `exit ${code}`}`));
    });
    child.stdin.end(JSON.stringify(request));
  });
}
