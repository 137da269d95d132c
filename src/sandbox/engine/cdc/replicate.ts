// Ongoing replication: transactions read from the source queue up in commit order; the apply
// loop commits them to the target in batches (with the checkpoint in the same transaction),
// confirms them to the source, counts them, and once a second reports latency and throughput.
// It ends when the task is stopped, capture or apply fails, or a stop condition is met.
import type { ChangeApplier, OpCounts } from '../../../db/cdc/apply.js';
import { tableKey } from '../../../db/cdc/apply.js';
import { type PositionKind, toCheckpoint } from '../../../db/cdc/positions.js';
import type { ChangeCapture, PositionOrder, SourceTxn } from '../../../db/cdc/types.js';
import type { CdcJob, CdcOutcome, CdcRunOptions } from './types.js';

export interface ReplicateContext {
  job: CdcJob;
  capture: ChangeCapture;
  applier: ChangeApplier;
  order: PositionOrder;
  kind: PositionKind;
}

/** Changes held in memory before reading from the source pauses. */
const MAX_PENDING = 50_000;
/** Changes per target transaction, at most (a source transaction is never split). */
const MAX_BATCH = 10_000;
/** The longest the apply loop waits for more changes while they are still arriving. */
const GATHER_MS = 50;
/** No change for this long and nothing queued: caught up with the source. */
const IDLE_MS = 1000;

function countOps(txns: SourceTxn[]): Map<string, OpCounts> {
  const counts = new Map<string, OpCounts>();
  for (const t of txns)
    for (const c of t.changes) {
      const key = tableKey(c.table);
      let n = counts.get(key);
      if (!n) {
        n = { insert: 0, update: 0, delete: 0 };
        counts.set(key, n);
      }
      n[c.op]++;
    }
  return counts;
}

const APPLY_FILE = 'target_apply.c:1402';

export async function replicate(ctx: ReplicateContext, opts: CdcRunOptions): Promise<CdcOutcome> {
  const { job, capture, applier, order } = ctx;
  const queue: SourceTxn[] = [];
  let pending = 0;
  let failure: string | undefined;
  let wake: (() => void) | null = null;
  const signalWake = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  let waiters: (() => void)[] = [];
  const release = () => {
    const w = waiters;
    waiters = [];
    for (const r of w) r();
  };
  const startedMs = Date.now();
  let lastReceiveMs = startedMs;
  let newestCommitMs = 0;
  let applyingSinceMs: number | null = null;
  let received = 0;
  let applied = 0;
  const cache = opts.cache;
  let cachedDone = opts.cachedUntil === undefined && !cache;
  let commitStopSeen = false;
  /** The position of the last transaction taken into a batch. */
  let batchedPosition = opts.from;
  if (cache) {
    cache.begin(opts.from);
    cache.onWake = () => signalWake();
  }
  const cachedUntil = () => (cache ? cache.until : opts.cachedUntil);
  /** The load is over and every table's cached changes are in the queue (or applied). */
  const allReleased = () => !cache || (cache.until !== undefined && cache.holding === 0);
  const queueReleased = () => {
    if (!cache) return;
    const released = cache.takeReleased();
    const ahead = released
      .filter((r) => r.changes.length > 0)
      .map((r) => ({ position: batchedPosition, commitMs: r.newestCommitMs, changes: r.changes }));
    queue.unshift(...ahead);
    for (const r of released) {
      pending += r.changes.length;
      job.log(
        'TARGET_APPLY',
        'I',
        `Start applying of '${r.changes.length}' cached events for table '${r.table.replace('.', "'.'")}'`,
        'target_apply.c:1126',
      );
    }
  };

  const onTxn = async (txn: SourceTxn) => {
    if (failure || job.signal.aborted) return;
    if (order(txn.position, opts.from) <= 0) return;
    if (opts.notBeforeMs !== undefined && txn.commitMs < opts.notBeforeMs) return;
    if (opts.stop?.kind === 'commit_time' && txn.commitMs > opts.stop.atMs) {
      commitStopSeen = true;
      signalWake();
      return;
    }
    lastReceiveMs = Date.now();
    newestCommitMs = txn.commitMs;
    received += txn.changes.length;
    if (txn.changes.length > 0) job.onCounts('captured', countOps([txn]));
    const through = cache ? cache.split(txn) : txn;
    if (through.changes.length === 0 && through !== txn) return;
    queue.push(through);
    pending += through.changes.length;
    signalWake();
    while (pending > MAX_PENDING && !failure && !job.signal.aborted)
      await new Promise<void>((resolve) => waiters.push(resolve));
  };

  const abort = () => signalWake();
  job.signal.addEventListener('abort', abort);
  const metrics = setInterval(() => {
    const now = Date.now();
    const busy = queue.length > 0 || applyingSinceMs !== null || now - lastReceiveMs < IDLE_MS;
    const oldest = applyingSinceMs ?? queue[0]?.commitMs;
    job.onMetrics({
      latencySource: busy && newestCommitMs > 0 ? Math.max(0, (now - newestCommitMs) / 1000) : 0,
      latencyTarget:
        oldest !== undefined && oldest !== null ? Math.max(0, (now - oldest) / 1000) : 0,
      incoming: pending,
      throughputSource: received,
      throughputTarget: applied,
    });
    received = 0;
    applied = 0;
  }, 1000);
  try {
    try {
      await capture.start(opts.from, {
        onTxn,
        onDdl: (ddl) => {
          if (ddl.table) job.onDdl(tableKey(ddl.table));
        },
        onError: (error) => {
          failure ??= `Change capture stopped: ${(error.message ?? String(error)).split('\n')[0]}`;
          signalWake();
          release();
        },
      });
    } catch (error) {
      return {
        kind: 'failed',
        message: `Failed to start change capture: ${(error as Error).message.split('\n')[0]}`,
      };
    }
    job.log(
      'SOURCE_CAPTURE',
      'I',
      `Change capture started after source position '${opts.from}'`,
      'sorter_transaction.c:1290',
    );
    const markCached = () => {
      cachedDone = true;
      opts.onCachedApplied();
    };
    for (;;) {
      if (job.signal.aborted || cache?.cancelled) return { kind: 'stopped' };
      queueReleased();
      if (failure) return { kind: 'failed', message: failure };
      const now = Date.now();
      if (opts.stop?.kind === 'server_time' && now >= opts.stop.atMs)
        return { kind: 'stop-position', reason: 'STOPPED_AT_SERVER_TIME' };
      if (queue.length === 0) {
        const idle = now - lastReceiveMs >= IDLE_MS && now - startedMs >= IDLE_MS;
        if (!cachedDone && idle && allReleased()) {
          markCached();
          if (opts.stopAfterCached) return { kind: 'cached-applied' };
        }
        if (opts.stop?.kind === 'commit_time' && (commitStopSeen || (idle && now > opts.stop.atMs)))
          return { kind: 'stop-position', reason: 'STOPPED_AT_COMMIT_TIME' };
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, 200).unref();
        });
        continue;
      }
      // Changes still streaming in: gather them a little longer, so a backlog goes over in
      // large transactions rather than many small commits (bounded: at most GATHER_MS).
      const gatherUntil = Date.now() + GATHER_MS;
      while (
        pending < MAX_BATCH &&
        Date.now() - lastReceiveMs < 5 &&
        Date.now() < gatherUntil &&
        !job.signal.aborted
      )
        await new Promise<void>((resolve) => setTimeout(resolve, 2));
      const batch: SourceTxn[] = [];
      let changes = 0;
      while (
        queue.length > 0 &&
        (batch.length === 0 || changes + (queue[0]?.changes.length ?? 0) <= MAX_BATCH)
      ) {
        const txn = queue.shift() as SourceTxn;
        batch.push(txn);
        changes += txn.changes.length;
      }
      const last = batch[batch.length - 1] as SourceTxn;
      if (order(last.position, batchedPosition) > 0) batchedPosition = last.position;
      // Never past a change still cached for a table being loaded: a restart reads it again.
      const safe = cache ? cache.limit(batchedPosition, order) : last.position;
      const checkpoint = toCheckpoint(ctx.kind, safe);
      applyingSinceMs = batch[0]?.commitMs ?? null;
      let result: Awaited<ReturnType<ChangeApplier['apply']>>;
      try {
        result = await applier.apply(batch, checkpoint);
      } catch (error) {
        const message = `Failed to apply changes to the target: ${((error as Error).message ?? String(error)).split('\n')[0]}`;
        job.log('TARGET_APPLY', 'E', message, APPLY_FILE);
        return { kind: 'failed', message };
      } finally {
        applyingSinceMs = null;
      }
      pending -= changes;
      applied += changes;
      capture.confirm(safe);
      job.onCheckpoint(checkpoint);
      if (result.applied.size > 0) job.onCounts('applied', result.applied);
      job.onApplied?.(batch.flatMap((txn) => txn.changes));
      for (const e of result.exceptions)
        job.log(
          'TARGET_APPLY',
          'W',
          `Failed to apply a change to table ${e.table}: ${e.error}. The change (${e.statement}) was written to ${applier.controlSchema}.awsdms_apply_exceptions`,
          'target_apply.c:2212',
        );
      if (pending <= MAX_PENDING / 2) release();
      const until = cachedUntil();
      if (
        !cachedDone &&
        until &&
        allReleased() &&
        order(batchedPosition, until) >= 0 &&
        queue.length === 0
      ) {
        markCached();
        if (opts.stopAfterCached) return { kind: 'cached-applied' };
      }
    }
  } finally {
    clearInterval(metrics);
    if (cache) cache.onWake = null;
    job.signal.removeEventListener('abort', abort);
    release();
    await capture.close();
  }
}
