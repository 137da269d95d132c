// One table's full comparison: the source is read in key order, PartitionSize rows at a time,
// and up to ThreadCount partitions are looked up on the target at once by key. A target with
// more rows than were matched is then read key by key the other way for MISSING_SOURCE rows.
// Only a few partitions are ever held in memory.
import type { DbConnection } from '../../../db/connection.js';
import { countRows } from '../recount.js';
import {
  type FailureRow,
  readByKeys,
  readPartition,
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

/** Compares source rows with the target rows of the same keys; returns how many matched by key. */
export function compareRows(
  sides: TableSides,
  sourceRows: readonly TextRow[],
  targetRows: readonly TextRow[],
  progress: CompareProgress,
): number {
  const byKey = new Map<string, TextRow>();
  for (const row of targetRows) byKey.set(rowKey(sides, row), row);
  let found = 0;
  let succeeded = 0;
  for (const row of sourceRows) {
    const key = rowKey(sides, row);
    const target = byKey.get(key);
    if (!target) {
      progress.onFailure(key, { key: failureKey(sides, row), type: 'MISSING_TARGET', details: '' });
      continue;
    }
    found++;
    const diffs = diffRows(sides.names, row, target);
    if (diffs.length === 0) succeeded++;
    else
      progress.onFailure(key, {
        key: failureKey(sides, row),
        type: 'RECORD_DIFF',
        details: describeDiff(diffs),
      });
  }
  progress.onPartition(sourceRows.length, succeeded);
  return found;
}

export async function compareTable(
  sides: TableSides,
  main: Pair,
  workers: Pair[],
  partitionSize: number,
  progress: CompareProgress,
): Promise<void> {
  const nextSource = partitionReader(sideOf(sides, 'source', main.source), partitionSize, false);
  let matched = 0;
  await Promise.all(
    workers.map(async (w) => {
      for (;;) {
        if (progress.stopped()) return;
        const rows = await nextSource();
        if (!rows) return;
        const target = await readByKeys(sideOf(sides, 'target', w.target), rows);
        matched += compareRows(sides, rows, target, progress);
      }
    }),
  );
  if (progress.stopped()) return;
  const targetRows = await countRows(main.target, sides.target);
  if (targetRows <= matched) return;
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
