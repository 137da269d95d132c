// The sandbox's full-load engine (issue 3 item 6): selects source tables through the task's
// table mappings, prepares target tables, and streams rows across in up to
// MaxFullLoadSubTasks parallel subtasks. See types.ts for the contract with the task runner.
import { type DbConnection, describeDriverError, openConnection } from '../../db/connection.js';
import type { Family } from '../../db/loadPlan.js';
import { forceClose, isConnectionLost } from '../../db/forceClose.js';
import { describeSourceTable, listSourceTables } from '../../db/sourceTables.js';
import type { ConnectionSpec } from '../../model/connection.js';
import { engineInfo } from '../../model/connection.js';
import { selectTables } from '../../model/tableMatching.js';
import { endFullLoad, failFullLoad } from './fullLoadEnd.js';
import { loadTable, startProgress, tableLabel } from './loadTable.js';
import { type PlannedTable, planTable } from './plan.js';
import { chooseWriteMethod, prepareSession } from './sessions.js';
import { readEngineSettings } from './settings.js';
import type { RunFullLoad, TableRef } from './types.js';

export type { FullLoadJob, FullLoadOutcome, RunFullLoad } from './types.js';

class Fatal extends Error {}

function familyOf(spec: ConnectionSpec): Family {
  const family = engineInfo(spec.engine).family;
  if (!family)
    throw new Fatal(`${engineInfo(spec.engine).label} endpoints cannot be loaded by the sandbox`);
  return family;
}

export const runFullLoad: RunFullLoad = async (job) => {
  const live = new Set<DbConnection>();
  let fatal: string | undefined;
  const stopAll = () => {
    for (const c of live) forceClose(c);
  };
  const onAbort = () => stopAll();
  job.signal.addEventListener('abort', onAbort);

  const open = async (role: 'source' | 'target'): Promise<DbConnection> => {
    const spec = role === 'source' ? job.source : job.target;
    let conn: DbConnection;
    try {
      conn = await openConnection(spec, { applicationName: 'dms-tui-sandbox' });
    } catch (error) {
      throw new Fatal(`Failed to connect to the ${role} endpoint: ${(error as Error).message}`);
    }
    live.add(conn);
    if (job.signal.aborted) forceClose(conn);
    await prepareSession(conn, role);
    return conn;
  };
  const close = async (conn: DbConnection | undefined) => {
    if (!conn) return;
    live.delete(conn);
    await conn.close();
  };

  let metaSource: DbConnection | undefined;
  let metaTarget: DbConnection | undefined;
  try {
    const settings = readEngineSettings(job.settings);
    const families = { source: familyOf(job.source), target: familyOf(job.target) };
    metaSource = await open('source');
    metaTarget = await open('target');
    const sourceIsPglite = (await metaSource.serverVersion()).includes('PGlite');
    const { writeMethod, pglite: targetIsPglite } = await chooseWriteMethod(metaTarget, job.log);
    await close(metaTarget);
    metaTarget = undefined;

    const all = await listSourceTables(metaSource);
    const selected = selectTables(job.tableMappings.rules, all);
    if (selected.length === 0) return { kind: 'no-tables' };
    job.onTables(selected.map((t) => ({ schema: t.schema, table: t.table })));
    job.log(
      'TASK_MANAGER',
      'I',
      `Full load of ${selected.length} table(s), TargetTablePrepMode ${settings.prepMode}, MaxFullLoadSubTasks ${settings.maxSubTasks}, CommitRate ${settings.commitRate}, LOB mode ${settings.lob.kind}`,
      'replicationtask.c:1436',
    );
    if (sourceIsPglite || targetIsPglite) {
      job.log(
        'TASK_MANAGER',
        'I',
        'A PGlite endpoint runs one query at a time: tables are loaded one after another',
        'replicationtask.c:1440',
      );
    }
    const queue: { ref: TableRef; id: number }[] = [];
    selected.forEach((t, i) => {
      const key = `${t.schema}.${t.table}`;
      if (job.skipTables?.has(key)) {
        job.log(
          'TABLES_MANAGER',
          'I',
          `Table ${tableLabel(t)} was already loaded; skipped`,
          'tasktablesmanager.c:1290',
        );
      } else queue.push({ ref: t, id: i + 1 });
    });

    let errored = 0;
    const workers = Math.max(
      1,
      Math.min(sourceIsPglite || targetIsPglite ? 1 : settings.maxSubTasks, queue.length),
    );
    // COPY loads alternate batches between two target sessions (see loadTable.ts). MySQL's
    // LOAD DATA gains nothing from it (measured: InnoDB is the bottleneck), nor do INSERTs.
    const targetSessions = writeMethod === 'bulk' && families.target === 'postgres' ? 2 : 1;
    const subtask = async (n: number) => {
      let source: DbConnection | undefined;
      let targets: DbConnection[] = [];
      try {
        while (queue.length > 0 && !job.signal.aborted && fatal === undefined) {
          const next = queue.shift();
          if (!next) break;
          const { ref, id } = next;
          job.log(
            'TABLES_MANAGER',
            'I',
            `Next table to load ${tableLabel(ref)} ID = ${id}, order 0`,
            'tasktablesmanager.c:1817',
          );
          let planned: PlannedTable | undefined;
          const progress = startProgress(ref);
          // What the target got before the load stopped or failed: committed batches only.
          const committed = () => ({ ...progress });
          try {
            source ??= await open('source');
            while (targets.length < targetSessions) targets.push(await open('target'));
            const info = await describeSourceTable(source, ref);
            planned = planTable(info, job.tableMappings.rules, families, settings.lob);
            const done = await loadTable({
              planned,
              id,
              subtask: n,
              source,
              targets,
              writeMethod,
              settings,
              job,
              progress,
            });
            job.onTableUpdate(done);
          } catch (caught) {
            const dropped = [source, ...targets]
              .map((c) => c?.lostBecause())
              .find((e) => e !== undefined);
            const error = isConnectionLost(caught) && dropped ? dropped : caught;
            const message = (error as Error).message.split('\n')[0] ?? String(error);
            // Whatever state the connections are in now, start the next table on fresh ones.
            for (const c of [source, ...targets]) if (c) forceClose(c);
            for (const c of [source, ...targets]) await close(c);
            source = undefined;
            targets = [];
            if (job.signal.aborted) {
              job.onTableUpdate({ ...committed(), state: 'Table cancelled', endTime: new Date() });
              job.log(
                'TASK_MANAGER',
                'I',
                `Loading of table ${tableLabel(ref)} (Id = ${id}) was cancelled`,
                'replicationtask.c:3114',
              );
              continue;
            }
            if (error instanceof Fatal || isConnectionLost(error)) {
              fatal ??=
                error instanceof Fatal
                  ? message
                  : `Lost connection while loading table ${tableLabel(ref)}: ${message}`;
              job.onTableUpdate({ ...committed(), state: 'Table error', endTime: new Date() });
              stopAll();
              continue;
            }
            errored++;
            job.onTableUpdate({ ...committed(), state: 'Table error', endTime: new Date() });
            job.log(
              'TARGET_LOAD',
              'E',
              `Failed to load table ${tableLabel(ref)} (Id = ${id}): ${message} [1020403]`,
              'endpointshell.c:3012',
            );
            job.log(
              'TASK_MANAGER',
              'E',
              `Table ${tableLabel(ref)} (subtask ${n} thread 1) is suspended: ${message}`,
              'replicationtask.c:2973',
            );
            if (settings.stopTaskOnTableError) {
              fatal ??= `Table ${tableLabel(ref)} failed and TableErrorPolicy is STOP_TASK: ${message}`;
              stopAll();
            }
          }
        }
      } finally {
        for (const c of [source, ...targets]) await close(c);
      }
    };
    await Promise.all(Array.from({ length: workers }, (_, i) => subtask(i + 1)));
    return endFullLoad(job, fatal, errored);
  } catch (error) {
    if (job.signal.aborted) return { kind: 'stopped' };
    return failFullLoad(
      job,
      error instanceof Fatal ? error.message : describeDriverError(error, job.source),
    );
  } finally {
    job.signal.removeEventListener('abort', onAbort);
    await close(metaSource);
    await close(metaTarget);
    for (const c of live) {
      forceClose(c);
      await c.close();
    }
  }
};
