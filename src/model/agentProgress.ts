// Progress as SCT shows a Local & DMS task: 0–50 % the local subtask (rows extracted of the
// estimate; 50 only once every partition is in S3), 50–100 % the DMS subtask (its full-load
// percent halved). Per table: partitions done/total, rows, bytes, rows/s and an ETA, counting
// the rows the partitions in flight have read so far (LiveProgress) beside the checkpointed
// ones, so they move within a big partition. Pure.
import type { AgentTableRecord, AgentTaskRecord } from './agentTask.js';

/** What a table's partitions in flight have read so far, and for how long (the agent's memory
 *  only: a partition is checkpointed once its objects are in S3). */
export interface InFlight {
  rows: number;
  bytes: number;
  activeMs: number;
}

/** In-flight reads by table (tableKey). */
export type LiveProgress = ReadonlyMap<string, InFlight>;

export function tableKey(t: Pick<AgentTableRecord, 'schema' | 'table'>): string {
  return `${t.schema}.${t.table}`;
}

export interface TableProgress {
  schema: string;
  table: string;
  partitionsDone: number;
  partitionsTotal: number;
  rows: number;
  bytes: number;
  estimatedRows: number;
  rowsPerSecond: number | null;
  /** Seconds left, null when unknown (nothing measured yet) or done. */
  etaSeconds: number | null;
  /** Why the table is one partition (no key), shown in the UI. */
  note?: string;
}

export function rowsPerSecond(rows: number, activeMs: number): number | null {
  return activeMs > 0 && rows > 0 ? (rows * 1000) / activeMs : null;
}

export function etaSeconds(rowsLeft: number, rate: number | null): number | null {
  if (rowsLeft <= 0) return 0;
  return rate && rate > 0 ? Math.ceil(rowsLeft / rate) : null;
}

export function tableProgress(t: AgentTableRecord, live?: LiveProgress): TableProgress {
  const now = live?.get(tableKey(t));
  const rows = t.done.reduce((sum, p) => sum + p.rows, 0) + (now?.rows ?? 0);
  const bytes = t.done.reduce((sum, p) => sum + p.bytes, 0) + (now?.bytes ?? 0);
  const total = t.plan.partitions.length;
  const finished = t.done.length >= total;
  const rate = rowsPerSecond(rows, t.activeMs + (now?.activeMs ?? 0));
  return {
    schema: t.schema,
    table: t.table,
    partitionsDone: t.done.length,
    partitionsTotal: total,
    rows,
    bytes,
    estimatedRows: t.estimatedRows,
    rowsPerSecond: rate,
    etaSeconds: finished ? 0 : etaSeconds(Math.max(0, t.estimatedRows - rows), rate),
    note: t.plan.whyOne,
  };
}

/** The local subtask's share, 0–50: rows of the estimate, held below 50 until it is done. */
export function localPercent(record: AgentTaskRecord, live?: LiveProgress): number {
  if (record.local.state === 'done') return 50;
  const tables = record.local.tables;
  if (tables.length === 0) return 0;
  let done = 0;
  let total = 0;
  for (const t of tables) {
    const p = tableProgress(t, live);
    // A table whose partitions are all in S3 counts whole, whatever its estimate said.
    const finished = p.partitionsDone >= p.partitionsTotal;
    const estimate = Math.max(p.estimatedRows, p.rows, 1);
    total += estimate;
    done += finished ? estimate : Math.min(p.rows, estimate);
  }
  return Math.min(49, Math.floor((50 * done) / total));
}

/** Overall progress 0–100 as SCT shows it. */
export function overallPercent(record: AgentTaskRecord, live?: LiveProgress): number {
  if (record.state === 'completed') return 100;
  const local = localPercent(record, live);
  if (local < 50) return local;
  return Math.min(99, 50 + Math.floor(Math.max(0, Math.min(100, record.dms.percent)) / 2));
}

/** "1.2 k rows/s", "—". */
export function rateText(rate: number | null): string {
  if (rate === null) return '—';
  if (rate < 1000) return `${Math.round(rate)} rows/s`;
  return `${(rate / 1000).toFixed(1)} k rows/s`;
}
