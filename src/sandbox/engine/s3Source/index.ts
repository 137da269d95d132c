// The full load of a task whose source is an Amazon S3 endpoint: the tables of its
// ExternalTableDefinition, picked by the task's selection rules, each read from its files in
// the sandbox's S3 (files.ts) and loaded into the target like any other table (table.ts),
// up to MaxFullLoadSubTasks tables at once (one on PGlite), with the same statistics and
// task-log lines.
import { type DbConnection, openConnection } from '../../../db/connection.js';
import { forceClose } from '../../../db/forceClose.js';
import { engineInfo } from '../../../model/connection.js';
import { parseExternalTableDefinition } from '../../../model/externalTable.js';
import { selectTables } from '../../../model/tableMatching.js';
import { endFullLoad, failFullLoad } from '../fullLoadEnd.js';
import { startProgress, tableLabel } from '../loadTable.js';
import { chooseWriteMethod, prepareSession } from '../sessions.js';
import { readEngineSettings } from '../settings.js';
import type { RunS3FullLoad, S3FullLoadJob } from '../types.js';
import { loadS3Table } from './table.js';

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
  const live = new Set<DbConnection>();
  const onAbort = () => {
    for (const c of live) forceClose(c);
  };
  job.signal.addEventListener('abort', onAbort);
  const connect = async () => {
    const conn = await openConnection(job.target, { applicationName: 'dms-tui-sandbox' });
    live.add(conn);
    if (job.signal.aborted) forceClose(conn);
    await prepareSession(conn, 'target');
    return conn;
  };
  const drop = async (conn: DbConnection | undefined) => {
    if (!conn) return;
    live.delete(conn);
    forceClose(conn);
    await conn.close().catch(() => undefined);
  };
  let errored = 0;
  let fatal: string | undefined;
  try {
    let first: DbConnection;
    try {
      first = await connect();
    } catch (error) {
      return failFullLoad(
        job,
        `Failed to connect to the target endpoint: ${(error as Error).message}`,
      );
    }
    const { writeMethod, pglite } = await chooseWriteMethod(first, job.log);
    await drop(first);
    const queue = selected
      .map((table, i) => ({ table, id: i + 1 }))
      .filter(({ table }) => !job.skipTables?.has(`${table.schema}.${table.table}`));
    const workers = Math.max(1, Math.min(pglite ? 1 : settings.maxSubTasks, queue.length));
    job.log(
      'TASK_MANAGER',
      'I',
      `Full load of ${selected.length} table(s) from ${where} (${job.source.dataFormat}), TargetTablePrepMode ${settings.prepMode}, MaxFullLoadSubTasks ${workers}, CommitRate ${settings.commitRate}`,
      'replicationtask.c:1436',
    );
    const subtask = async (n: number) => {
      let target: DbConnection | undefined;
      try {
        while (queue.length > 0 && !job.signal.aborted && fatal === undefined) {
          const next = queue.shift();
          if (!next) break;
          const progress = startProgress(next.table);
          try {
            target ??= await connect();
            const load = { job, settings, where, targetFamily, writeMethod };
            job.onTableUpdate(await loadS3Table(load, next, n, target, progress));
          } catch (error) {
            await drop(target); // it may be inside a failed COPY: the next table gets a new one
            target = undefined;
            const cancelled = job.signal.aborted;
            job.onTableUpdate({
              ...progress,
              state: cancelled ? 'Table cancelled' : 'Table error',
              endTime: new Date(),
            });
            if (cancelled) break;
            const message = (error as Error).message.split('\n')[0] ?? String(error);
            errored++;
            job.log(
              'TARGET_LOAD',
              'E',
              `Failed to load table ${tableLabel(next.table)} (Id = ${next.id}): ${message} [1020403]`,
              'endpointshell.c:3012',
            );
            if (settings.stopTaskOnTableError)
              fatal ??= `Table ${tableLabel(next.table)} failed and TableErrorPolicy is STOP_TASK: ${message}`;
          }
        }
      } finally {
        await drop(target);
      }
    };
    await Promise.all(Array.from({ length: workers }, (_, i) => subtask(i + 1)));
    return endFullLoad(job, fatal, errored);
  } catch (error) {
    if (job.signal.aborted) return { kind: 'stopped' };
    return failFullLoad(job, (error as Error).message);
  } finally {
    job.signal.removeEventListener('abort', onAbort);
    for (const c of [...live]) await drop(c);
  }
};
