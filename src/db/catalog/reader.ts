// The catalog reader contract shared by the PostgreSQL (and PGlite) and MySQL/MariaDB readers,
// and openCatalog(), which picks one for a connection. Every query is parameterised, bounded
// (a row limit and a server-side statement timeout) and cancellable (an AbortSignal rejects at
// once and asks the server to cancel the running statement).
import type { ConnectionSpec } from '../../model/connection.js';
import type { CatalogFamily, CatalogSchema, TableDetail, TableList } from '../../model/catalog.js';
import { ConnectionError, type DbConnection, openConnection } from '../connection.js';

export interface QueryOptions {
  signal?: AbortSignal;
}

export interface TablesOptions extends QueryOptions {
  /** Server-side substring filter on table names ("" or undefined: all). */
  nameFilter?: string;
  /** At most this many tables (default 50,000). */
  limit?: number;
}

export interface CatalogReader {
  readonly family: CatalogFamily;
  /** What the tree's root shows: the database (PostgreSQL) or the server (MySQL). */
  readonly label: string;
  readonly serverVersion: string;
  schemas(options?: QueryOptions & { includeSystem?: boolean }): Promise<CatalogSchema[]>;
  tables(schema: string, options?: TablesOptions): Promise<TableList>;
  tableDetail(schema: string, table: string, options?: QueryOptions): Promise<TableDetail>;
  close(): Promise<void>;
}

export const DEFAULT_TABLE_LIMIT = 50_000;
/** Server-side bound on one catalog statement. */
export const STATEMENT_TIMEOUT_MS = 60_000;

export class QueryCancelled extends Error {
  constructor() {
    super('Cancelled');
    this.name = 'QueryCancelled';
  }
}

/**
 * Runs a query that the caller may abandon: on abort the promise rejects with QueryCancelled at
 * once, and `cancelOnServer` is asked (best effort) to stop the statement.
 */
export async function cancellable<T>(
  run: () => Promise<T>,
  signal: AbortSignal | undefined,
  cancelOnServer: () => Promise<void>,
): Promise<T> {
  if (signal?.aborted) throw new QueryCancelled();
  if (!signal) return run();
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      reject(new QueryCancelled());
      cancelOnServer().catch(() => undefined);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    run().then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

export async function openCatalog(
  spec: ConnectionSpec,
  options: { timeoutMs?: number } = {},
): Promise<CatalogReader> {
  const connection = await openConnection(spec, {
    timeoutMs: options.timeoutMs,
    applicationName: 'dms-tui catalog',
  });
  try {
    if (connection.family === 'postgres') {
      const { postgresCatalog } = await import('./postgres.js');
      return await postgresCatalog(connection, spec);
    }
    const { mysqlCatalog } = await import('./mysql.js');
    return await mysqlCatalog(connection, spec);
  } catch (error) {
    await connection.close();
    throw error instanceof ConnectionError ? error : new ConnectionError(oneLine(error));
  }
}

export function oneLine(error: unknown): string {
  const message = (error as { message?: string })?.message ?? String(error);
  return message.split('\n')[0] ?? 'Unknown error';
}

export type { DbConnection };
