// One table's full comparison. A numeric key (every key column a number) is cut into ranges of PartitionSize
// source rows, compared up to ThreadCount at once, first by a server-side digest when both sides
// are of one engine. Other keys: the source is read in key order, PartitionSize rows at a time,
// and up to ThreadCount partitions are looked up on the target at once by key; a target with
// more rows than were matched is then read key by key the other way for MISSING_SOURCE rows.
// Only a few partitions are ever held in memory.
import type { DbConnection } from '../../../db/connection.js';
import { countRows } from '../recount.js';
import {
  type FailureRow,
  type KeyRange,
  readByKeys,
  readPartition,
  partitionEnd,
  rangeDigest,
  readRange,
  type TextRow,
  type ValidationSide,
} from '../../../db/validationQueries.js';
import { diffRows } from '../../../model/validation.js';
import { failureKey, rowKey, sideOf, type TableSides } from './sides.js';

export interface Pair {
  source: DbConnection;
  target: DbConnection;
}

export interface CompareProgress {
  /** Rows compared in the last partition and how many of them matched. */
  onPartition(attempted: number, succeeded: number): void;
  /** A failed row (normalized key → what goes to the failures table). */
  onFailure(key: string, failure: FailureRow): void;
  /** True once the table must stop (too many failures, task stopping). */
  stopped(): boolean;
}

/** Hands out partitions of one side in key order, one read at a time. */
function partitionReader(side: ValidationSide, size: number, keysOnly: boolean) {
  let after: TextRow | null = null;
  let done = false;
  let chain: Promise<unknown> = Promise.resolve();
  return (): Promise<TextRow[] | null> => {
    const next = chain.then(async () => {
      if (done) return null;
      const rows = await readPartition(side, after, size, keysOnly);
      if (rows.length < size) done = true;
      if (rows.length === 0) return null;
      after = (rows[rows.length - 1] as TextRow).slice(0, side.keyCount);
      return rows;
    });
    chain = next.catch(() => undefined);
    return next;
  };
}

export function describeDiff(diffs: ReturnType<typeof diffRows>): string {
  return JSON.stringify(
    diffs.map((d) => ({ column: d.column, source: d.source, target: d.target })),
  );
}

/** True when the two sides hold the same keys, printed alike, in the same order. */
function alignedKeys(keyCount: number, source: readonly TextRow[], target: readonly TextRow[]) {
  if (source.length !== target.length) return false;
  for (let i = 0; i < source.length; i++) {
    const s = source[i] as TextRow;
    const t = target[i] as TextRow;
    for (let k = 0; k < keyCount; k++) if (s[k] !== t[k]) return false;
  }
  return true;
}

/**
 * Compares source rows with the target rows of the same keys: how many source rows the target
 * has, and how many target rows the source has not (reported as MISSING_SOURCE). Rows read in
 * key order on both sides usually pair up by position; otherwise they are matched by key.
 */
export function compareRows(
  sides: TableSides,
  sourceRows: readonly TextRow[],
  targetRows: readonly TextRow[],
  progress: CompareProgress,
): { found: number; extras: number } {
  const recordDiff = (row: TextRow, target: TextRow): boolean => {
    const diffs = diffRows(sides.names, row, target);
    if (diffs.length === 0) return true;
    progress.onFailure(rowKey(sides, row), {
      key: failureKey(sides, row),
      type: 'RECORD_DIFF',
      details: describeDiff(diffs),
    });
    return false;
  };
  let succeeded = 0;
  if (alignedKeys(sides.keyCount, sourceRows, targetRows)) {
    sourceRows.forEach((row, i) => {
      if (recordDiff(row, targetRows[i] as TextRow)) succeeded++;
    });
    progress.onPartition(sourceRows.length, succeeded);
    return { found: sourceRows.length, extras: 0 };
  }
  const byKey = new Map<string, TextRow>();
  for (const row of targetRows) byKey.set(rowKey(sides, row), row);
  let found = 0;
  for (const row of sourceRows) {
    const key = rowKey(sides, row);
    const target = byKey.get(key);
    byKey.delete(key);
    if (!target) {
      progress.onFailure(key, { key: failureKey(sides, row), type: 'MISSING_TARGET', details: '' });
      continue;
    }
    found++;
    if (recordDiff(row, target)) succeeded++;
  }
  progress.onPartition(sourceRows.length, succeeded);
  for (const [key, row] of byKey)
    progress.onFailure(key, { key: failureKey(sides, row), type: 'MISSING_SOURCE', details: '' });
  return { found, extras: byKey.size };
}

/** Hands out consecutive key ranges of `size` source rows: (after, upTo], the last one open. */
function rangeReader(side: ValidationSide, size: number) {
  let after: TextRow | null = null;
  let done = false;
  let chain: Promise<unknown> = Promise.resolve();
  return (): Promise<KeyRange | null> => {
    const next = chain.then(async () => {
      if (done) return null;
      const upTo = await partitionEnd(side, after, size);
      const range: KeyRange = { after, upTo };
      if (upTo === null) done = true;
      after = upTo;
      return range;
    });
    chain = next.catch(() => undefined);
    return next;
  };
}

/**
 * Compares the key ranges of a numeric key (of one or several columns). When both sides speak one engine each range is
 * first compared by a digest the servers compute (count and hash of the compared texts): equal
 * digests mean equal texts, so the range is validated without reading a row. Otherwise, and
 * for every range once a digest mismatch turned out to hold no failure (the two sides print
 * equal values differently), the rows are read and compared value by value.
 */
async function compareRanges(
  sides: TableSides,
  main: Pair,
  workers: Pair[],
  size: number,
  progress: CompareProgress,
): Promise<void> {
  const nextRange = rangeReader(sideOf(sides, 'source', main.source), size);
  let digests = main.source.family === main.target.family;
  let failures = 0;
  const counting: CompareProgress = {
    ...progress,
    onFailure(key, failure) {
      failures++;
      progress.onFailure(key, failure);
    },
  };
  await Promise.all(
    workers.map(async (w) => {
      const source = sideOf(sides, 'source', w.source);
      const target = sideOf(sides, 'target', w.target);
      for (;;) {
        if (progress.stopped()) return;
        const range = await nextRange();
        if (!range) return;
        const digested = digests;
        if (digested) {
          // A server that cannot compute the digest leaves the rows to be compared.
          const pair = await Promise.all([
            rangeDigest(source, range),
            rangeDigest(target, range),
          ]).catch(() => {
            digests = false;
            return null;
          });
          const [s, t] = pair ?? [];
          if (s && t && s.rows === t.rows && s.digest === t.digest) {
            progress.onPartition(s.rows, s.rows);
            continue;
          }
        }
        const [sourceRows, targetRows] = await Promise.all([
          readRange(source, range),
          readRange(target, range),
        ]);
        const before = failures;
        compareRows(sides, sourceRows, targetRows, counting);
        if (digested && failures === before) digests = false;
      }
    }),
  );
}

export async function compareTable(
  sides: TableSides,
  main: Pair,
  workers: Pair[],
  partitionSize: number,
  progress: CompareProgress,
): Promise<void> {
  const nextSource = partitionReader(sideOf(sides, 'source', main.source), partitionSize, false);
  // A numeric key (of one column or several) orders alike on every engine: partitions are key
  // ranges, read on both sides at once by every worker, and together they cover every target
  // row.
  if (sides.names.slice(0, sides.keyCount).every((c) => c.kind === 'number')) {
    await compareRanges(sides, main, workers, partitionSize, progress);
    return;
  }
  let seen = 0;
  await Promise.all(
    workers.map(async (w) => {
      for (;;) {
        if (progress.stopped()) return;
        const rows = await nextSource();
        if (!rows) return;
        const target = await readByKeys(sideOf(sides, 'target', w.target), rows);
        const { found, extras } = compareRows(sides, rows, target, progress);
        seen += found + extras;
      }
    }),
  );
  if (progress.stopped()) return;
  const targetRows = await countRows(main.target, sides.target);
  if (targetRows <= seen) return;
  // Rows the target has and the source does not.
  const nextTarget = partitionReader(sideOf(sides, 'target', main.target), partitionSize, true);
  await Promise.all(
    workers.map(async (w) => {
      for (;;) {
        if (progress.stopped()) return;
        const keys = await nextTarget();
        if (!keys) return;
        const found = await readByKeys(sideOf(sides, 'source', w.source), keys, true);
        const inSource = new Set(found.map((r) => rowKey(sides, r)));
        for (const k of keys) {
          const key = rowKey(sides, k);
          if (!inSource.has(key))
            progress.onFailure(key, {
              key: failureKey(sides, k),
              type: 'MISSING_SOURCE',
              details: '',
            });
        }
      }
    }),
  );
}
