// One table of an S3 source: planned from its definition like a catalog table, its files read
// and encoded as COPY text, and loaded by the engine's loadTable (statistics, task log).
import { Readable } from 'node:stream';
import type { DbConnection } from '../../../db/connection.js';
import type { Family } from '../../../db/loadPlan.js';
import type { TableInfo } from '../../../db/sourceTables.js';
import type { WriteMethod } from '../../../db/tableWriter.js';
import {
  type ExternalColumn,
  type ExternalTable,
  postgresTypeOf,
} from '../../../model/externalTable.js';
import { loadTable, tableLabel } from '../loadTable.js';
import { planTable } from '../plan.js';
import type { EngineSettings } from '../settings.js';
import type { S3FullLoadJob, TableProgress } from '../types.js';
import { type Row, tableFiles, tableRows } from './files.js';
import { type Encoder, encoderFor } from './values.js';

export interface S3Load {
  job: S3FullLoadJob;
  settings: EngineSettings;
  /** s3://bucket/folder/ for the task log. */
  where: string;
  targetFamily: Family;
  writeMethod: WriteMethod;
}

/** The table as the engine's planner reads a source catalog (types as PostgreSQL names them). */
function tableInfo(t: ExternalTable): TableInfo {
  return {
    schema: t.schema,
    table: t.table,
    columns: t.columns.map((c) => ({
      name: c.name,
      fullType: postgresTypeOf(c),
      nullable: c.nullable,
      builtin: true,
    })),
    primaryKey: t.columns.filter((c) => c.isPk).map((c) => c.name),
  };
}

/** Rows as COPY-text buffers of a few hundred lines, only the columns the plan loads. */
async function* copyText(
  rows: AsyncIterable<Row>,
  picks: number[],
  encoders: Encoder[],
): AsyncGenerator<Buffer> {
  let lines: string[] = [];
  for await (const row of rows) {
    const fields = new Array<string>(picks.length);
    for (let i = 0; i < picks.length; i++)
      fields[i] = (encoders[i] as Encoder)(row[picks[i] as number] ?? null);
    lines.push(`${fields.join('\t')}\n`);
    if (lines.length >= 256) {
      yield Buffer.from(lines.join(''));
      lines = [];
    }
  }
  if (lines.length > 0) yield Buffer.from(lines.join(''));
}

/** Loads one table into `target`; resolves with its figures, throws what went wrong. */
export async function loadS3Table(
  load: S3Load,
  next: { table: ExternalTable; id: number },
  subtask: number,
  target: DbConnection,
  progress: TableProgress,
): Promise<TableProgress> {
  const { job, settings, where, targetFamily } = load;
  const { table, id } = next;
  const planned = planTable(
    tableInfo(table),
    job.tableMappings.rules,
    { source: 'postgres', target: targetFamily },
    settings.lob,
  );
  const files = tableFiles(job.source, table);
  job.log(
    'SOURCE_UNLOAD',
    files.length > 0 ? 'I' : 'W',
    files.length > 0
      ? `Table ${tableLabel(table)}: ${files.length} file(s) under ${where}${table.path}`
      : `Table ${tableLabel(table)}: no LOAD files under ${where}${table.path}; the table is created empty`,
    's3_source.c:512',
  );
  const truncated = new Set<string>();
  const picks = planned.plan.columns.map((c) =>
    table.columns.findIndex((x) => x.name === c.source),
  );
  const encoders = planned.plan.columns.map((plan, i) =>
    encoderFor({
      column: table.columns[picks[i] as number] as ExternalColumn,
      plan,
      target: targetFamily,
      onTruncated: (c) => truncated.add(c),
    }),
  );
  const done = await loadTable({
    planned: { ...planned, limitedLobColumns: [] },
    id,
    subtask,
    targets: [target],
    rows: async () => Readable.from(copyText(tableRows(job.source, table, files), picks, encoders)),
    writeMethod: load.writeMethod,
    settings,
    job,
    progress,
  });
  if (truncated.size > 0)
    job.log(
      'SOURCE_UNLOAD',
      'W',
      `LOB values of table ${tableLabel(table)} in column(s) ${[...truncated].map((c) => `'${c}'`).join(', ')} were truncated (limited LOB mode, LobMaxSize)`,
      's3_source.c:2278',
    );
  return done;
}
