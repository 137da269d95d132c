// Connection details for the real database servers tests use. DMS_TUI_TEST_PG and
// DMS_TUI_TEST_MYSQL point elsewhere; when a server cannot be reached, tests that need it are
// skipped with the reason, unless DMS_TUI_REQUIRE_SERVERS=1 (set by .ci/run), which makes an
// unreachable server a failure so CI never passes by skipping.
import type { ConnectionSpec } from '../../src/model/connection.js';
import { openConnection } from '../../src/db/connection.js';

export const requireServers = process.env.DMS_TUI_REQUIRE_SERVERS === '1';

function specFromUrl(url: string, engine: ConnectionSpec['engine']): ConnectionSpec {
  const u = new URL(url);
  return {
    engine,
    host: u.hostname,
    port: Number(u.port || (engine === 'postgres' ? 5432 : 3306)),
    database: decodeURIComponent(u.pathname.replace(/^\//, '')),
    user: decodeURIComponent(u.username || (engine === 'postgres' ? 'postgres' : 'root')),
    password: u.password ? decodeURIComponent(u.password) : undefined,
    sslMode: 'none',
  };
}

export const pgSpec = (): ConnectionSpec =>
  specFromUrl(process.env.DMS_TUI_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test', 'postgres');
export const mysqlSpec = (): ConnectionSpec =>
  specFromUrl(process.env.DMS_TUI_TEST_MYSQL ?? 'mysql://root@127.0.0.1:3306/test', 'mariadb');

const reachable = new Map<string, Promise<string | null>>();

/** null when reachable, else the reason it is not. */
async function probe(spec: ConnectionSpec): Promise<string | null> {
  try {
    const c = await openConnection(spec, { timeoutMs: 3000 });
    await c.close();
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

/**
 * Use at the top of a test file:
 *   const pg = await serverAvailable('postgres');
 *   describe.skipIf(!pg.ok)(`… (${pg.reason})`, …)
 * Throws under DMS_TUI_REQUIRE_SERVERS=1 when the server is unreachable.
 */
export async function serverAvailable(
  kind: 'postgres' | 'mysql',
): Promise<{ ok: boolean; reason: string; spec: ConnectionSpec }> {
  const spec = kind === 'postgres' ? pgSpec() : mysqlSpec();
  const key = `${spec.host}:${spec.port}`;
  if (!reachable.has(key)) reachable.set(key, probe(spec));
  const failure = await reachable.get(key)!;
  if (failure && requireServers) {
    throw new Error(
      `${kind} server at ${key} is required (DMS_TUI_REQUIRE_SERVERS=1) but unreachable: ${failure}`,
    );
  }
  return {
    ok: failure === null,
    reason: failure ? `skipped: ${kind} unreachable at ${key}: ${failure}` : 'reachable',
    spec,
  };
}
