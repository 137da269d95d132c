// Changes cached during the full load, per table, as DMS caches them: a table's changes are
// held while it waits for or goes through its load, and go to the apply loop as soon as that
// table's load completes; the other tables' changes are applied as they come. The checkpoint
// never passes the oldest change still held, so a restart reads it again (apply is idempotent
// by key), and a table's cached changes go ahead of anything queued after them.
import type { PositionOrder, RowChange, SourceTxn } from '../../../db/cdc/types.js';

/** A table's key, as the applier writes it: schema.table. */
const tableKey = (t: { schema: string; table: string }) => `${t.schema}.${t.table}`;

interface Held {
  changes: RowChange[];
  /** The position of the transaction read just before the first held change. */
  before: string | null;
  newestCommitMs: number;
}

/** A table's cached changes, handed over once its load completed. */
export interface ReleasedChanges {
  table: string;
  changes: RowChange[];
  newestCommitMs: number;
}

export class CachedChanges {
  private readonly held = new Map<string, Held>();
  private ready: ReleasedChanges[] = [];
  private lastPosition: string | null = null;
  /** Where the source stood when the full load finished: the end of the cached changes. */
  until: string | undefined;
  /** The load ended without completing (stopped or failed): replication ends too. */
  cancelled = false;
  /** Set by the apply loop: something to do (a table released, the load over). */
  onWake: (() => void) | null = null;

  constructor(tables: string[]) {
    for (const t of tables) this.held.set(t, { changes: [], before: null, newestCommitMs: 0 });
  }

  /** Replication reads after `from`: the first held change's predecessor is at least that. */
  begin(from: string): void {
    this.lastPosition = from;
  }

  get holding(): number {
    return this.held.size;
  }

  /** Caches the changes of held tables; returns the rest of the transaction (maybe none). */
  split(txn: SourceTxn): SourceTxn {
    const through: RowChange[] = [];
    for (const c of txn.changes) {
      const h = this.held.get(tableKey(c.table));
      if (!h) {
        through.push(c);
        continue;
      }
      if (h.changes.length === 0) h.before = this.lastPosition;
      h.changes.push(c);
      h.newestCommitMs = txn.commitMs;
    }
    this.lastPosition = txn.position;
    return through.length === txn.changes.length ? txn : { ...txn, changes: through };
  }

  /** The table's load completed (or ended in error): its cached changes can go. */
  release(table: string): void {
    const h = this.held.get(table);
    if (!h) return;
    this.held.delete(table);
    this.ready.push({ table, changes: h.changes, newestCommitMs: h.newestCommitMs });
    this.onWake?.();
  }

  /** The full load finished at source position `until`: whatever is still held goes too. */
  finish(until: string | undefined): void {
    this.until = until;
    for (const table of [...this.held.keys()]) this.release(table);
    this.onWake?.();
  }

  cancel(): void {
    this.cancelled = true;
    this.onWake?.();
  }

  takeReleased(): ReleasedChanges[] {
    const out = this.ready;
    this.ready = [];
    return out;
  }

  /** The furthest a checkpoint may go: `position`, or before the oldest change still held. */
  limit(position: string, order: PositionOrder): string {
    let safe = position;
    for (const h of this.held.values())
      if (h.changes.length > 0 && h.before !== null && order(h.before, safe) < 0) safe = h.before;
    return safe;
  }
}
