// The local subtask: plan the selected tables into partitions (once, saved with the task), then
// extract partitions `parallel` at a time, each from its own source connection, to S3. A
// partition is checkpointed only after every object of it is in S3; before a partition is
// (re)done its key prefix is cleared, and its object names are fixed by (table, partition,
// file), so after a kill -9 the objects in S3 hold every row exactly once.
import type { Readable } from 'node:stream';
import type { DbConnection } from '../db/connection.js';
import {
  estimateRows,
  keyBounds,
  type PartitionStream,
  partitionKey,
  readPartitionCsv,
} from '../db/partitionReader.js';
import { describeSourceTable, listSourceTables, type TableInfo } from '../db/sourceTables.js';
import { planPartitions, partitionCount } from '../model/agentPartitions.js';
import { type InFlight, type LiveProgress, tableKey } from '../model/agentProgress.js';
import { selectionMappings } from '../model/agentSelection.js';
import {
  externalTable,
  externalTableDefinition,
  definitionTooLarge,
} from '../model/agentTableDefinition.js';
import {
  type AgentTableRecord,
  type AgentTaskRecord,
  folderPrefix,
  type PartitionDone,
  objectKey,
  partitionPrefix,
} from '../model/agentTask.js';
import { selectTables } from '../model/tableMatching.js';
import { writeCsvFiles } from './csvFiles.js';
import type { ObjectStore } from './objectStore.js';
import { writeParquetFiles } from './parquetFiles.js';

export interface LocalContext {
  record: AgentTaskRecord;
  store: ObjectStore;
  openSource(): Promise<DbConnection>;
  /** Saves the record (a checkpoint). */
  save(): void;
  log(level: 'I' | 'W' | 'E', text: string): void;
  /** True once a stop was asked: no new partition starts. */
  stopping(): boolean;
  /** Where the partitions in flight are followed (the agent reads progress from it). */
  live: LiveExtraction;
}

const MAX_PARTITIONS = 4096;

export async function planTables(
  conn: DbConnection,
  ctx: LocalContext,
): Promise<AgentTableRecord[]> {
  const { spec } = ctx.record;
  const mappings = selectionMappings(spec.select);
  if ('error' in mappings) throw new Error(mappings.error);
  const chosen = selectTables(mappings.rules, await listSourceTables(conn));
  if (chosen.length === 0) throw new Error(`no source table matches ${spec.select.join(' ')}`);
  const tables: AgentTableRecord[] = [];
  for (const ref of chosen) {
    const info = await describeSourceTable(conn, ref);
    const estimatedRows = await estimateRows(conn, ref);
    const key = await partitionKey(conn, info);
    const count = partitionCount(estimatedRows, spec.rowsPerPartition, MAX_PARTITIONS);
    const bounds = key ? await keyBounds(conn, ref, key, estimatedRows, count) : null;
    const plan = planPartitions({
      key: bounds,
      estimatedRows,
      rowsPerPartition: spec.rowsPerPartition,
      maxPartitions: MAX_PARTITIONS,
    });
    ctx.log(
      'I',
      `${ref.schema}.${ref.table}: about ${estimatedRows} rows in ${plan.partitions.length} partition(s)${plan.whyOne ? ` (${plan.whyOne})` : ` on ${plan.column}`}`,
    );
    tables.push({
      schema: ref.schema,
      table: ref.table,
      columns: info.columns.map((c) => ({
        name: c.name,
        fullType: c.fullType,
        nullable: c.nullable,
      })),
      primaryKey: info.primaryKey,
      estimatedRows,
      plan,
      done: [],
      activeMs: 0,
    });
  }
  return tables;
}

export function definitionOf(record: AgentTaskRecord, family: DbConnection['family']) {
  return externalTableDefinition(record.local.tables.map((t) => externalTable(family, t)));
}

/** Where the task's definition and manifest objects go: beside the tables, named by task. */
export function taskObjectKey(record: AgentTaskRecord, what: 'table-definition' | 'manifest') {
  return `${folderPrefix(record.spec.folder)}${record.spec.name}.${what}.json`;
}

function tableInfo(t: AgentTableRecord): TableInfo {
  return {
    schema: t.schema,
    table: t.table,
    primaryKey: t.primaryKey,
    columns: t.columns.map((c) => ({ ...c, builtin: true })),
  };
}

/** The partitions in flight: wall-clock time a table had one (for its rows/s, added to
 *  activeMs as each ends) and the rows and bytes they have read so far, so progress moves
 *  within a partition. Memory only; the record's checkpoints stay per partition. */
export class LiveExtraction {
  private readonly inFlight = new Map<
    AgentTableRecord,
    { count: number; since: number; reads: Set<PartitionStream> }
  >();

  begin(t: AgentTableRecord): void {
    const entry = this.inFlight.get(t);
    if (entry) entry.count++;
    else this.inFlight.set(t, { count: 1, since: Date.now(), reads: new Set() });
  }

  reading(t: AgentTableRecord, read: PartitionStream): void {
    this.inFlight.get(t)?.reads.add(read);
  }

  end(t: AgentTableRecord, read: PartitionStream | null): void {
    const entry = this.inFlight.get(t);
    if (!entry) return;
    if (read) entry.reads.delete(read);
    const now = Date.now();
    t.activeMs += now - entry.since;
    entry.since = now;
    if (--entry.count === 0) this.inFlight.delete(t);
  }

  progress(): LiveProgress {
    const now = Date.now();
    const live = new Map<string, InFlight>();
    for (const [t, entry] of this.inFlight) {
      let rows = 0;
      let bytes = 0;
      for (const read of entry.reads) {
        rows += read.rows();
        bytes += read.bytes();
      }
      live.set(tableKey(t), { rows, bytes, activeMs: now - entry.since });
    }
    return live;
  }
}

async function extractPartition(
  conn: DbConnection,
  ctx: LocalContext,
  t: AgentTableRecord,
  index: number,
): Promise<void> {
  const { spec } = ctx.record;
  const partition = t.plan.partitions[index];
  if (!partition) return;
  ctx.live.begin(t);
  let stream: PartitionStream | null = null;
  let done: PartitionDone;
  try {
    // Whatever a killed run left of this partition goes first: the redo writes it all again.
    await ctx.store.deletePrefix(partitionPrefix(spec, t.schema, t.table, index));
    stream = await readPartitionCsv(conn, tableInfo(t), t.plan.column, partition, spec.nullMarker);
    ctx.live.reading(t, stream);
    done = await writePartition(conn, ctx, t, index, stream);
  } finally {
    ctx.live.end(t, stream);
  }
  t.done.push(done);
  t.done.sort((a, b) => a.index - b.index);
}

async function writePartition(
  conn: DbConnection,
  ctx: LocalContext,
  t: AgentTableRecord,
  index: number,
  stream: PartitionStream,
): Promise<PartitionDone> {
  const { spec } = ctx.record;
  const objects: string[] = [];
  const upload = (file: number, body: Readable) => {
    const key = objectKey(spec, t.schema, t.table, index, file);
    objects.push(key);
    return ctx.store.upload(key, body);
  };
  const written =
    spec.format === 'parquet'
      ? await writeParquetFiles(
          stream.csv,
          {
            maxBytes: spec.maxFileBytes,
            nullMarker: spec.nullMarker,
            columns: externalTable(conn.family, t).TableColumns,
          },
          upload,
        )
      : await writeCsvFiles(
          stream.csv,
          { maxBytes: spec.maxFileBytes, gzip: spec.format === 'csv.gz' },
          upload,
        );
  return { index, rows: stream.rows(), bytes: written.bytes, objects };
}

/** Runs the local subtask until every partition is in S3 ('done') or a stop ('stopped'). */
export async function runLocal(ctx: LocalContext): Promise<'done' | 'stopped'> {
  const { record } = ctx;
  if (record.local.tables.length === 0) {
    const conn = await ctx.openSource();
    try {
      record.local.tables = await planTables(conn, ctx);
      const definition = definitionOf(record, conn.family);
      const tooLarge = definitionTooLarge(definition);
      if (tooLarge) throw new Error(tooLarge);
      await ctx.store.putText(
        taskObjectKey(record, 'table-definition'),
        JSON.stringify(definition, null, 2),
      );
    } finally {
      await conn.close();
    }
    ctx.save();
  }
  const queue: { t: AgentTableRecord; index: number }[] = [];
  for (const t of record.local.tables) {
    const done = new Set(t.done.map((d) => d.index));
    for (const p of t.plan.partitions) if (!done.has(p.index)) queue.push({ t, index: p.index });
  }
  let failure: Error | null = null;
  const worker = async () => {
    if (queue.length === 0) return;
    const conn = await ctx.openSource();
    try {
      while (!failure && !ctx.stopping()) {
        const item = queue.shift();
        if (!item) break;
        await extractPartition(conn, ctx, item.t, item.index);
        ctx.save();
        const last = item.t.done.at(-1);
        ctx.log(
          'I',
          `${item.t.schema}.${item.t.table} partition ${item.index + 1}/${item.t.plan.partitions.length} in S3 (${last?.rows ?? 0} rows)`,
        );
      }
    } catch (error) {
      failure ??= error as Error;
    } finally {
      await conn.close();
    }
  };
  const parallel = Math.max(1, Math.min(record.spec.parallel, queue.length || 1));
  await Promise.all(Array.from({ length: parallel }, worker));
  if (failure) throw failure;
  if (queue.length > 0 || ctx.stopping()) {
    const left = record.local.tables.some((t) => t.done.length < t.plan.partitions.length);
    if (left) return 'stopped';
  }
  await ctx.store.putText(taskObjectKey(record, 'manifest'), manifestText(record));
  return 'done';
}

/** The task's manifest: every object with its table, partition, rows and bytes. */
export function manifestText(record: AgentTaskRecord): string {
  const entries = record.local.tables.flatMap((t) =>
    t.done.flatMap((d) =>
      d.objects.map((key) => ({
        url: `s3://${record.spec.bucket}/${key}`,
        mandatory: true,
        table: `${t.schema}.${t.table}`,
        partition: d.index,
        rows: d.rows,
      })),
    ),
  );
  return `${JSON.stringify({ task: record.spec.name, format: record.spec.format, nullMarker: record.spec.nullMarker, entries }, null, 2)}\n`;
}
