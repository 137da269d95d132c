// A task's validator (issue 15): validates each table once its load completes (or on
// ReloadTables validate-only), then re-validates the keys ongoing replication changed. One job
// at a time per task; a table's failures are kept in awsdms_validation_failures_v1 on the target
// and its figures (ValidationState …) reported to the runner.
import { type DbConnection, openConnection } from '../../../db/connection.js';
import { forceClose } from '../../../db/forceClose.js';
import {
  clearFailures,
  ensureFailuresTable,
  type FailureRow,
  insertFailures,
  readByKeys,
  type TextRow,
} from '../../../db/validationQueries.js';
import { listSourceTables } from '../../../db/sourceTables.js';
import type { ConnectionSpec } from '../../../model/connection.js';
import type { MappingRule } from '../../../model/tableMappings.js';
import { selectTables } from '../../../model/tableMatching.js';
import {
  settledState,
  type TableValidation,
  type ValidationSettings,
} from '../../../model/validation.js';
import { countRows } from '../recount.js';
import type { LobMode } from '../settings.js';
import type { LogComponent, Severity, TableRef } from '../types.js';
import { type CompareProgress, compareRows, compareTable, type Pair } from './compareTable.js';
import { describeSides, rowKey, sideOf, type TableSides } from './sides.js';

export interface ValidatorJob {
  /** The task's resource id (TASK_NAME in the failures table). */
  taskName: string;
  source: ConnectionSpec;
  target: ConnectionSpec;
  rules: readonly MappingRule[];
  settings: ValidationSettings;
  lob: LobMode;
  signal: AbortSignal;
  onTable(ref: TableRef, validation: TableValidation): void;
  /** Rows compared and how many of them matched, as they are compared. */
  onRecords(attempted: number, succeeded: number): void;
  log(component: LogComponent, severity: Severity, message: string, sourceFile?: string): void;
}

/** A change ongoing replication committed: the row by source column names. */
export interface ChangedRow {
  table: TableRef;
  row: Record<string, unknown>;
  oldKey?: Record<string, unknown>;
}

export interface Validator {
  validateTable(ref: TableRef): void;
  revalidateChanges(changes: readonly ChangedRow[]): void;
  /** The source tables the task's selection rules match (validation-only tasks). */
  selectedTables(): Promise<TableRef[]>;
  /** Resolves when nothing is queued or running (or the task stops). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

interface TableEntry {
  sides: TableSides;
  /** Normalized key → its failure. */
  failures: Map<string, FailureRow>;
  suspended: number;
}

type Job = { kind: 'table'; ref: TableRef } | { kind: 'keys'; ref: TableRef; keys: TextRow[] };

const tableKey = (t: TableRef) => `${t.schema}.${t.table}`;
const label = (t: TableRef) => `'${t.schema}'.'${t.table}'`;

function keyValueText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString().replace('T', ' ').replace('Z', '');
  if (Buffer.isBuffer(value)) return value.toString();
  return String(value);
}

async function openSession(spec: ConnectionSpec): Promise<DbConnection> {
  const conn = await openConnection(spec, { applicationName: 'dms-tui-sandbox-validator' });
  await conn.query(
    conn.family === 'postgres' ? "SET TimeZone = 'UTC'" : "SET time_zone = '+00:00'",
  );
  return conn;
}

export function createValidator(job: ValidatorJob): Validator {
  const tables = new Map<string, TableEntry>();
  const queue: Job[] = [];
  const live = new Set<DbConnection>();
  let running: Promise<void> | null = null;
  let main: Pair | null = null;
  let controlReady = false;

  const open = async (spec: ConnectionSpec) => {
    const conn = await openSession(spec);
    live.add(conn);
    if (job.signal.aborted) forceClose(conn);
    return conn;
  };
  const close = async (conn: DbConnection) => {
    live.delete(conn);
    await conn.close().catch(() => undefined);
  };
  const mainPair = async (): Promise<Pair> => {
    main ??= { source: await open(job.source), target: await open(job.target) };
    if (!controlReady) {
      await ensureFailuresTable(main.target);
      controlReady = true;
    }
    return main;
  };
  job.signal.addEventListener('abort', () => {
    for (const c of live) forceClose(c);
  });

  const report = (ref: TableRef, entry: TableEntry | undefined, pending: number) => {
    if (!entry) return;
    const failed = entry.failures.size;
    job.onTable(ref, {
      state: pending > 0 ? 'Pending records' : settledState(failed, entry.suspended),
      pending,
      failed,
      suspended: entry.suspended,
      details:
        entry.suspended > 0
          ? `Validation was suspended after more than ${job.settings.tableFailureMax} failed records (TableFailureMaxCount)`
          : undefined,
    });
  };

  async function validateWhole(ref: TableRef): Promise<void> {
    const pair = await mainPair();
    const sides = await describeSides(
      pair.source,
      pair.target,
      ref,
      job.rules,
      job.lob,
      job.settings.skipLobColumns,
    );
    if (!sides) {
      tables.delete(tableKey(ref));
      job.onTable(ref, { state: 'No primary key', pending: 0, failed: 0, suspended: 0 });
      job.log('VALIDATOR_EXT', 'W', `Table ${label(ref)} has no primary key: it is not validated`);
      return;
    }
    const entry: TableEntry = { sides, failures: new Map(), suspended: 0 };
    tables.set(tableKey(ref), entry);
    let pending = await countRows(pair.source, sides.source);
    report(ref, entry, pending);
    job.log('VALIDATOR_EXT', 'I', `Validation of table ${label(ref)} started (${pending} rows)`);
    const workers: Pair[] = [];
    try {
      const threads = Math.max(
        1,
        Math.min(job.settings.threadCount, Math.ceil(pending / job.settings.partitionSize)),
      );
      for (let i = 0; i < threads; i++)
        workers.push({ source: await open(job.source), target: await open(job.target) });
      const progress: CompareProgress = {
        onPartition(attempted, succeeded) {
          pending = Math.max(0, pending - attempted);
          job.onRecords(attempted, succeeded);
          report(ref, entry, pending);
        },
        onFailure(key, failure) {
          entry.failures.set(key, failure);
        },
        stopped: () => job.signal.aborted || entry.failures.size > job.settings.tableFailureMax,
      };
      await compareTable(sides, pair, workers, job.settings.partitionSize, progress);
    } finally {
      for (const w of workers) {
        await close(w.source);
        await close(w.target);
      }
    }
    if (job.signal.aborted) return;
    if (entry.failures.size > job.settings.tableFailureMax) entry.suspended = pending;
    await clearFailures(pair.target, job.taskName, ref);
    await insertFailures(pair.target, job.taskName, ref, [...entry.failures.values()]);
    report(ref, entry, 0);
    job.log(
      'VALIDATOR_EXT',
      entry.failures.size > 0 ? 'W' : 'I',
      `Validation of table ${label(ref)} finished: ${entry.failures.size} failed record(s)`,
    );
  }

  async function validateKeys(ref: TableRef, keys: TextRow[]): Promise<void> {
    const entry = tables.get(tableKey(ref));
    if (!entry) return;
    const pair = await mainPair();
    const { sides } = entry;
    report(ref, entry, keys.length);
    const source = await readByKeys(sideOf(sides, 'source', pair.source), keys);
    const target = await readByKeys(sideOf(sides, 'target', pair.target), keys);
    const checked = new Set(keys.map((k) => rowKey(sides, k)));
    const stale = [...checked].flatMap((k) => {
      const f = entry.failures.get(k);
      return f ? [f.key] : [];
    });
    for (const k of checked) entry.failures.delete(k);
    const fresh: FailureRow[] = [];
    const progress: CompareProgress = {
      onPartition: (attempted, succeeded) => job.onRecords(attempted, succeeded),
      onFailure(key, failure) {
        entry.failures.set(key, failure);
        fresh.push(failure);
      },
      stopped: () => false,
    };
    compareRows(sides, source, target, progress);
    if (stale.length > 0) await clearFailures(pair.target, job.taskName, ref, stale);
    await insertFailures(pair.target, job.taskName, ref, fresh);
    report(ref, entry, 0);
  }

  async function drain(): Promise<void> {
    while (queue.length > 0 && !job.signal.aborted) {
      const next = queue.shift() as Job;
      try {
        if (next.kind === 'table') await validateWhole(next.ref);
        else await validateKeys(next.ref, next.keys);
      } catch (error) {
        if (job.signal.aborted) return;
        const message = ((error as Error).message ?? String(error)).split('\n')[0] ?? '';
        job.onTable(next.ref, {
          state: 'Table error',
          pending: 0,
          failed: tables.get(tableKey(next.ref))?.failures.size ?? 0,
          suspended: 0,
          details: message,
        });
        job.log('VALIDATOR_EXT', 'E', `Validation of table ${label(next.ref)} failed: ${message}`);
        if (main) {
          forceClose(main.source);
          forceClose(main.target);
          await close(main.source);
          await close(main.target);
          main = null;
          controlReady = false;
        }
      }
    }
  }

  const kick = () => {
    running ??= drain().finally(() => {
      running = null;
      if (queue.length > 0 && !job.signal.aborted) kick();
    });
  };

  return {
    validateTable(ref) {
      job.onTable(ref, { state: 'Pending records', pending: 0, failed: 0, suspended: 0 });
      queue.push({ kind: 'table', ref });
      kick();
    },
    revalidateChanges(changes) {
      const byTable = new Map<string, { ref: TableRef; keys: Map<string, TextRow> }>();
      for (const change of changes) {
        const entry = tables.get(tableKey(change.table));
        if (!entry) continue;
        const names = entry.sides.sourceColumns.slice(0, entry.sides.keyCount).map((c) => c.name);
        let group = byTable.get(tableKey(change.table));
        if (!group) {
          group = { ref: change.table, keys: new Map() };
          byTable.set(tableKey(change.table), group);
        }
        for (const row of [change.row, change.oldKey]) {
          if (!row) continue;
          const key = names.map((n) => keyValueText(row[n]));
          if (key.some((v) => v === null)) continue;
          group.keys.set(JSON.stringify(key), key);
        }
      }
      for (const { ref, keys } of byTable.values()) {
        const queued = queue.find(
          (j): j is Extract<Job, { kind: 'keys' }> =>
            j.kind === 'keys' && tableKey(j.ref) === tableKey(ref),
        );
        if (queued) queued.keys.push(...keys.values());
        else queue.push({ kind: 'keys', ref, keys: [...keys.values()] });
      }
      if (byTable.size > 0) kick();
    },
    async selectedTables() {
      const pair = await mainPair();
      return selectTables(job.rules, await listSourceTables(pair.source)).map((t) => ({
        schema: t.schema,
        table: t.table,
      }));
    },
    async idle() {
      while (running && !job.signal.aborted) await running;
    },
    async close() {
      await running?.catch(() => undefined);
      for (const c of [...live]) await close(c);
      main = null;
    },
  };
}
