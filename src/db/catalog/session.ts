// A catalog session: one connection's catalog, loaded lazily and cached for the whole run (the
// browser can be left and re-entered without reloading); reload() drops the cache. Listeners
// are told after every change, and snapshots are immutable so React can compare them cheaply.
import type { CatalogSchema, TableDetail, TableList } from '../../model/catalog.js';
import type { ConnectionSpec } from '../../model/connection.js';
import type { Loadable } from '../../model/loadable.js';
import { openCatalog } from './openCatalog.js';
import { type CatalogReader, oneLine, QueryCancelled } from './reader.js';

export interface CatalogSnapshot {
  /** The connection: loading, failed (one line), or ready with what the root shows. */
  connection?: Loadable<{ label: string; serverVersion: string }>;
  schemas?: Loadable<CatalogSchema[]>;
  tables: ReadonlyMap<string, Loadable<TableList>>;
  details: ReadonlyMap<string, Loadable<TableDetail>>;
}

export const detailKey = (schema: string, table: string) => `${schema}\u0000${table}`;

const EMPTY: CatalogSnapshot = { tables: new Map(), details: new Map() };

export type OpenReader = (spec: ConnectionSpec) => Promise<CatalogReader>;

export class CatalogSession {
  private snapshot: CatalogSnapshot = EMPTY;
  private reader?: Promise<CatalogReader>;
  private listeners = new Set<() => void>();
  private controller = new AbortController();
  private generation = 0;

  constructor(
    readonly spec: ConnectionSpec,
    private readonly open: OpenReader = (s) => openCatalog(s, { timeoutMs: 10_000 }),
  ) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): CatalogSnapshot => this.snapshot;

  private update(patch: (s: CatalogSnapshot) => CatalogSnapshot, generation: number) {
    if (generation !== this.generation) return;
    this.snapshot = patch(this.snapshot);
    for (const l of this.listeners) l();
  }

  private connect(): Promise<CatalogReader> {
    if (!this.reader) {
      const generation = this.generation;
      this.update((s) => ({ ...s, connection: { state: 'loading' } }), generation);
      this.reader = this.open(this.spec);
      this.reader.then(
        (r) =>
          this.update(
            (s) => ({
              ...s,
              connection: {
                state: 'ready',
                value: { label: r.label, serverVersion: r.serverVersion },
              },
            }),
            generation,
          ),
        (e: unknown) => {
          this.update(
            (s) => ({ ...s, connection: { state: 'error', message: oneLine(e) } }),
            generation,
          );
          this.reader = undefined;
        },
      );
    }
    return this.reader;
  }

  private async run<T>(
    load: (reader: CatalogReader, signal: AbortSignal) => Promise<T>,
    set: (s: CatalogSnapshot, value: Loadable<T>) => CatalogSnapshot,
  ): Promise<void> {
    const generation = this.generation;
    const signal = this.controller.signal;
    this.update((s) => set(s, { state: 'loading' }), generation);
    try {
      const reader = await this.connect();
      const value = await load(reader, signal);
      this.update((s) => set(s, { state: 'ready', value }), generation);
    } catch (error) {
      if (error instanceof QueryCancelled) return;
      this.update((s) => set(s, { state: 'error', message: oneLine(error) }), generation);
    }
  }

  /** Loads the schema list unless it is loaded or loading. */
  loadSchemas(): Promise<void> {
    if (this.snapshot.schemas && this.snapshot.schemas.state !== 'error') return Promise.resolve();
    return this.run(
      (r, signal) => r.schemas({ signal }),
      (s, schemas) => ({ ...s, schemas }),
    );
  }

  /** Loads a schema's tables (again when the server-side name filter changes). */
  loadTables(schema: string, nameFilter?: string): Promise<void> {
    const current = this.snapshot.tables.get(schema);
    const sameFilter =
      nameFilter === undefined ||
      (current?.state === 'ready' && current.value.nameFilter === nameFilter);
    if (current && current.state !== 'error' && sameFilter) return Promise.resolve();
    return this.run(
      (r, signal) => r.tables(schema, { nameFilter, signal }),
      (s, value) => ({ ...s, tables: new Map(s.tables).set(schema, value) }),
    );
  }

  loadDetail(schema: string, table: string): Promise<void> {
    const key = detailKey(schema, table);
    const current = this.snapshot.details.get(key);
    if (current && current.state !== 'error') return Promise.resolve();
    return this.run(
      (r, signal) => r.tableDetail(schema, table, { signal }),
      (s, value) => ({ ...s, details: new Map(s.details).set(key, value) }),
    );
  }

  /** Forgets everything loaded (and the connection); the next load starts afresh. */
  async reload(): Promise<void> {
    this.controller.abort();
    this.controller = new AbortController();
    this.generation++;
    const old = this.reader;
    this.reader = undefined;
    this.snapshot = EMPTY;
    for (const l of this.listeners) l();
    await old?.then((r) => r.close()).catch(() => undefined);
  }

  async close(): Promise<void> {
    this.controller.abort();
    this.generation++;
    const old = this.reader;
    this.reader = undefined;
    await old?.then((r) => r.close()).catch(() => undefined);
  }
}

/** Sessions for the whole run, keyed by what they connect to (never by the password). */
export class CatalogSessions {
  private sessions = new Map<string, CatalogSession>();
  constructor(private readonly open?: OpenReader) {}

  get(spec: ConnectionSpec): CatalogSession {
    const { password, ...rest } = spec;
    const key = JSON.stringify(rest) + (password === undefined ? '' : `#${hash(password)}`);
    let session = this.sessions.get(key);
    if (!session) {
      session = new CatalogSession(spec, this.open);
      this.sessions.set(key, session);
    }
    return session;
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.sessions.values()].map((s) => s.close()));
    this.sessions.clear();
  }
}

function hash(text: string): string {
  let h = 5381;
  for (let i = 0; i < text.length; i++) h = ((h * 33) ^ text.charCodeAt(i)) >>> 0;
  return h.toString(36);
}
