// The full load of a task whose source is an Amazon S3 endpoint: the tables of its
// ExternalTableDefinition, picked by the task's selection rules, each read from its files in
// the sandbox's S3 (files.ts) and loaded into the target like any other table (loadTable.ts),
// one table after another, with the same statistics and task-log lines.
import { Readable } from 'node:stream';
import { type DbConnection, openConnection } from '../../../db/connection.js';
import { forceClose } from '../../../db/forceClose.js';
import type { TableInfo } from '../../../db/sourceTables.js';
import { engineInfo } from '../../../model/connection.js';
import {
  type ExternalColumn,
  type ExternalTable,
  parseExternalTableDefinition,
  postgresTypeOf,
} from '../../../model/externalTable.js';
import { selectTables } from '../../../model/tableMatching.js';
import { loadTable, startProgress, tableLabel } from '../loadTable.js';
import { planTable } from '../plan.js';
import { chooseWriteMethod, prepareSession } from '../sessions.js';
import { readEngineSettings } from '../settings.js';
import type { RunS3FullLoad, S3FullLoadJob } from '../types.js';
import { type Row, tableFiles, tableRows } from './files.js';
import { type Encoder, encoderFor } from './values.js';

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

export const runS3FullLoad: RunS3FullLoad = async (job: S3FullLoadJob) => {
  const settings = readEngineSettings(job.settings);
  const parsed = parseExternalTableDefinition(job.source.tableDefinition);
  if (!parsed.ok) {
    job.log('SOURCE_UNLOAD', 'E', parsed.error, 's3_metadata.c:214');
    return { kind: 'failed', message: parsed.error };
  }
  const targetFamily = engineInfo(job.target.engine).family;
  if (!targetFamily)
    return {
      kind: 'failed',
      message: `${engineInfo(job.target.engine).label} targets cannot be loaded by the sandbox`,
    };
  const selected = selectTables(job.tableMappings.rules, parsed.value);
  if (selected.length === 0) return { kind: 'no-tables' };
  job.onTables(selected.map((t) => ({ schema: t.schema, table: t.table })));
  const where = `s3://${job.source.bucket}/${job.source.folder ? `${job.source.folder}/` : ''}`;
  job.log(
    'TASK_MANAGER',
    'I',
    `Full load of ${selected.length} table(s) from ${where} (${job.source.dataFormat}), TargetTablePrepMode ${settings.prepMode}, CommitRate ${settings.commitRate}`,
    'replicationtask.c:1436',
  );
  let target: DbConnection | undefined;
  const onAbort = () => target && forceClose(target);
  job.signal.addEventListener('abort', onAbort);
  let errored = 0;
  try {
    try {
      target = await openConnection(job.target, { applicationName: 'dms-tui-sandbox' });
      await prepareSession(target, 'target');
    } catch (error) {
      const message = `Failed to connect to the target endpoint: ${(error as Error).message}`;
      job.log('TASK_MANAGER', 'E', message, 'replicationtask.c:2883');
      return { kind: 'failed', message };
    }
    const { writeMethod } = await chooseWriteMethod(target, job.log);
    for (const [index, table] of selected.entries()) {
      if (job.signal.aborted) break;
      const id = index + 1;
      if (job.skipTables?.has(`${table.schema}.${table.table}`)) continue;
      const progress = startProgress(table);
      try {
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
          subtask: 1,
          targets: [target],
          rows: async () =>
            Readable.from(copyText(tableRows(job.source, table, files), picks, encoders)),
          writeMethod,
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
        job.onTableUpdate(done);
      } catch (error) {
        const message = (error as Error).message.split('\n')[0] ?? String(error);
        job.onTableUpdate({
          ...progress,
          state: job.signal.aborted ? 'Table cancelled' : 'Table error',
          endTime: new Date(),
        });
        if (job.signal.aborted) break;
        errored++;
        job.log(
          'TARGET_LOAD',
          'E',
          `Failed to load table ${tableLabel(table)} (Id = ${id}): ${message} [1020403]`,
          'endpointshell.c:3012',
        );
        // The session may be in a failed COPY or transaction: start the next table on a new one.
        forceClose(target);
        await target.close();
        target = await openConnection(job.target, { applicationName: 'dms-tui-sandbox' });
        await prepareSession(target, 'target');
        if (settings.stopTaskOnTableError) {
          const fatal = `Table ${tableLabel(table)} failed and TableErrorPolicy is STOP_TASK: ${message}`;
          job.log('TASK_MANAGER', 'E', fatal, 'replicationtask.c:2883');
          return { kind: 'failed', message: fatal };
        }
      }
    }
    if (job.signal.aborted) {
      job.log(
        'TASK_MANAGER',
        'I',
        'Full load was stopped before all tables were loaded',
        'replicationtask.c:3131',
      );
      return { kind: 'stopped' };
    }
    job.log(
      'TASK_MANAGER',
      'I',
      errored > 0
        ? `All tables are loaded; ${errored} table(s) failed and were suspended`
        : 'All tables are loaded',
      'replicationtask.c:3210',
    );
    return { kind: 'completed' };
  } catch (error) {
    if (job.signal.aborted) return { kind: 'stopped' };
    const message = (error as Error).message;
    job.log('TASK_MANAGER', 'E', message, 'replicationtask.c:2883');
    return { kind: 'failed', message };
  } finally {
    job.signal.removeEventListener('abort', onAbort);
    if (target) {
      forceClose(target);
      await target.close().catch(() => undefined);
    }
  }
};
