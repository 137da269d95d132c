// One table's full load: prepare the target table, stream the source rows into it in batches
// of CommitRate rows (one commit each), report progress, log like DMS does.
import type { Readable } from 'node:stream';
import type { DbConnection } from '../../db/connection.js';
import { quoteIdent } from '../../db/sourceTables.js';
import { readTable } from '../../db/tableReader.js';
import {
  type BatchSink,
  openBatch,
  prepareTargetTable,
  type WriteMethod,
} from '../../db/tableWriter.js';
import { findNewlines } from '../../db/rowCodec.js';
import type { PlannedTable } from './plan.js';
import type { EngineSettings } from './settings.js';
import type { FullLoadJob, TableProgress } from './types.js';
import { sourceFile, targetFile } from './logFiles.js';
import { countRows } from './recount.js';

export interface TableLoad {
  planned: PlannedTable;
  id: number;
  subtask: number;
  /** The source database; without it, `rows` gives the table's rows (an S3 source). */
  source?: DbConnection;
  /** The rows as COPY-text lines, for a source that is not a database. */
  rows?: () => Promise<Readable>;
  /**
   * One or two target sessions. With two, batches alternate between them so the target
   * commits one batch while the next one streams in, instead of the source waiting.
   */
  targets: DbConnection[];
  writeMethod: WriteMethod;
  settings: EngineSettings;
  job: Pick<FullLoadJob, 'log' | 'onTableUpdate' | 'signal'>;
  /**
   * The table's figures, owned by the caller: they count only committed batches, so when the
   * load is stopped or fails the caller reports what the target really got.
   */
  progress: TableProgress;
}

/** A table's figures before its load starts. */
export function startProgress(ref: { schema: string; table: string }): TableProgress {
  return {
    schema: ref.schema,
    table: ref.table,
    state: 'Full load',
    fullLoadRows: 0,
    errorRows: 0,
    startTime: new Date(),
  };
}

const PROGRESS_INTERVAL_MS = 300;

export function tableLabel(t: { schema: string; table: string }): string {
  return `'${t.schema}'.'${t.table}'`;
}

/** Loads the table; resolves with the rows loaded, throws what went wrong. */
export async function loadTable(run: TableLoad): Promise<TableProgress> {
  const { planned, job, settings } = run;
  const { plan } = planned;
  const label = tableLabel(plan.source);
  const { progress } = run;
  job.onTableUpdate({ ...progress });
  job.log(
    'TASK_MANAGER',
    'I',
    `Start loading table ${label} (Id = ${run.id}) by subtask ${run.subtask}. Start load timestamp ${progress.startTime?.toISOString()}`,
    'replicationtask_util.c:755',
  );
  for (const warning of planned.warnings)
    job.log('SOURCE_UNLOAD', 'W', warning, sourceFile(plan.sourceFamily, 1420));

  const action = await prepareTargetTable(run.targets[0] as DbConnection, plan, settings.prepMode);
  const targetLabel = tableLabel(plan.target);
  const prepMessages = {
    created: `Table ${targetLabel} was created in the target (TargetTablePrepMode ${settings.prepMode})`,
    'dropped and created': `Table ${targetLabel} was dropped and recreated in the target (DROP_AND_CREATE)`,
    truncated: `Table ${targetLabel} was truncated (TRUNCATE_BEFORE_LOAD)`,
    kept: `Table ${targetLabel} exists in the target; its data and metadata are left as they are (DO_NOTHING)`,
  };
  job.log('TARGET_LOAD', 'I', prepMessages[action], targetFile(plan.targetFamily, 1153));
  // Recorded before the first batch: after a crash the rows this load added are the table's
  // rows now minus these (only DO_NOTHING keeps rows from before).
  const rowsBefore =
    action === 'kept' ? await countRows(run.targets[0] as DbConnection, plan.target) : 0;
  progress.target = { spec: { ...plan.target }, rowsBefore };
  job.onTableUpdate({ ...progress });

  const stream = run.rows ? await run.rows() : await readTable(run.source as DbConnection, plan);
  let sink: BatchSink | null = null;
  let inBatch = 0;
  let batches = 0;
  let lastReport = 0; // the first committed batch is reported at once
  let bytes = 0;
  /** The batch still committing on the other target session, if any. */
  let committing: Promise<void> | null = null;
  const settle = async () => {
    const pending = committing;
    committing = null;
    if (pending) await pending;
  };
  const commit = async () => {
    if (!sink) return;
    const batch = sink;
    const rows = inBatch;
    sink = null;
    inBatch = 0;
    // At most one batch commits in the background: wait for the one before this.
    await settle();
    const done = batch.end().then(({ skipped }) => {
      progress.fullLoadRows += rows - skipped;
      progress.errorRows += skipped;
      if (Date.now() - lastReport >= PROGRESS_INTERVAL_MS) {
        lastReport = Date.now();
        job.onTableUpdate({ ...progress });
      }
    });
    if (run.targets.length > 1) {
      committing = done;
      done.catch(() => undefined); // surfaced by the next settle()
    } else await done;
  };
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      let pos = 0;
      while (pos < chunk.length) {
        if (!sink) {
          const target = run.targets[batches++ % run.targets.length] as DbConnection;
          sink = await openBatch(target, plan, { method: run.writeMethod });
        }
        const { end, seen } = findNewlines(chunk, pos, settings.commitRate - inBatch);
        if (end === -1) {
          await sink.write(pos === 0 ? chunk : chunk.subarray(pos));
          inBatch += seen;
          break;
        }
        await sink.write(chunk.subarray(pos, end));
        inBatch += seen;
        pos = end;
        await commit();
      }
    }
    await commit();
    await settle();
  } finally {
    stream.destroy();
    if (committing) (committing as Promise<void>).catch(() => undefined);
  }
  if (job.signal.aborted) throw new Error('Task stopped');

  const received = progress.fullLoadRows + progress.errorRows;
  job.log(
    'SOURCE_UNLOAD',
    'I',
    `Unload finished for table ${label} (Id = ${run.id}). ${received} rows sent.`,
    'streamcomponent.c:3543',
  );
  if (planned.limitedLobColumns.length > 0 && run.source) {
    const cut = await truncatedColumns(run.source, planned);
    if (cut.length > 0) {
      job.log(
        'SOURCE_UNLOAD',
        'W',
        `LOB values of table ${label} in column(s) ${cut.map((c) => `'${c}'`).join(', ')} were truncated to ${settings.lob.kind === 'limited' ? settings.lob.maxKb : 0} KB (limited LOB mode, LobMaxSize)`,
        sourceFile(plan.sourceFamily, 2278),
      );
    }
  }
  if (progress.errorRows > 0) {
    job.log(
      'TARGET_LOAD',
      'W',
      `${progress.errorRows} rows of table ${targetLabel} were rejected by the target (duplicate keys or invalid values)`,
      targetFile(plan.targetFamily, 2260),
    );
  }
  job.log(
    'TARGET_LOAD',
    'I',
    `Load finished for table ${targetLabel} (Id = ${run.id}). ${received} rows received. ${progress.errorRows} rows skipped. Volume transfered ${bytes}.`,
    'streamcomponent.c:3838',
  );
  job.log(
    'TASK_MANAGER',
    'I',
    `Loading finished for table ${label} (Id = ${run.id}) by subtask ${run.subtask}. ${progress.fullLoadRows} records transferred.`,
    'replicationtask.c:3020',
  );
  progress.state = 'Table completed';
  progress.endTime = new Date();
  return progress;
}

/** Which limited-mode LOB columns had values longer than LobMaxSize. */
async function truncatedColumns(conn: DbConnection, planned: PlannedTable): Promise<string[]> {
  const { plan } = planned;
  const cut: string[] = [];
  for (const name of planned.limitedLobColumns) {
    const column = plan.columns.find((c) => c.source === name);
    if (!column?.truncateTo) continue;
    const q = (n: string) => quoteIdent(plan.sourceFamily, n);
    const from = `${q(plan.source.schema)}.${q(plan.source.table)}`;
    const length =
      plan.sourceFamily === 'postgres'
        ? column.binary
          ? `octet_length(${q(name)})`
          : `char_length(${q(name)}::text)`
        : column.binary
          ? `LENGTH(${q(name)})`
          : `CHAR_LENGTH(${q(name)})`;
    const { rows } = await conn.query(
      `SELECT 1 AS x FROM ${from} WHERE ${length} > ${column.truncateTo} LIMIT 1`,
    );
    if (rows.length > 0) cut.push(name);
  }
  return cut;
}
