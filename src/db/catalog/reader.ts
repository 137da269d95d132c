// The catalog reader contract shared by the PostgreSQL (and PGlite) and MySQL/MariaDB readers
// (openCatalog.ts picks one for a connection). Every query is parameterised, bounded
// (a row limit and a server-side statement timeout) and cancellable (an AbortSignal rejects at
// once and asks the server to cancel the running statement).
import type { CatalogFamily, CatalogSchema, TableDetail, TableList } from '../../model/catalog.js';
import type { DbConnection } from '../connection.js';

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
 * Runs one connection's catalog queries one after another, each abandonable: on abort the
 * caller's promise rejects with QueryCancelled at once and, if the statement is still running,
 * `cancelOnServer` asks the server to stop it. The next query waits until the abandoned one has
 * settled and the cancel request has been made, so a late cancel can never hit it.
 */
export class QueryGate {
  private tail: Promise<void> = Promise.resolve();

  constructor(private readonly cancelOnServer: () => Promise<void>) {}

  run<T>(run: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) return Promise.reject(new QueryCancelled());
    let started = false;
    let settled = false;
    let cancelled: Promise<void> = Promise.resolve();
    const work = this.tail.then(() => {
      if (signal?.aborted) throw new QueryCancelled();
      started = true;
      return run();
    });
    const done = work.then(
      () => {
        settled = true;
      },
      () => {
        settled = true;
      },
    );
    this.tail = done.then(() => cancelled);
    if (!signal) return work;
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => {
        reject(new QueryCancelled());
        if (started && !settled) cancelled = this.cancelOnServer().catch(() => undefined);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      work.then(
        (value) => {
          signal.removeEventListener('abort', onAbort);
          resolve(value);
        },
        (error: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(signal.aborted ? new QueryCancelled() : error);
        },
      );
    });
  }
}

export function oneLine(error: unknown): string {
  const message = (error as { message?: string })?.message ?? String(error);
  return message.split('\n')[0] ?? 'Unknown error';
}

export type { DbConnection };
