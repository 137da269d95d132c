// Opens a task's change data capture: checks the source's prerequisites, plans each selected
// table's apply statements, creates the control tables on the target and the capture objects at
// the source (slot and publications, or triggers), and reads the target's checkpoint.
import { ChangeApplier, tableKey } from '../../../db/cdc/apply.js';
import { TableStatements } from '../../../db/cdc/applySql.js';
import { positionOrder } from '../../../db/cdc/positions.js';
import { type DbConnection, describeDriverError, openConnection } from '../../../db/connection.js';
import type { Family } from '../../../db/loadPlan.js';
import { describeSourceTable, listSourceTables } from '../../../db/sourceTables.js';
import { prepareTargetTable } from '../../../db/tableWriter.js';
import { engineInfo } from '../../../model/connection.js';
import { selectTables } from '../../../model/tableMatching.js';
import { tableLabel } from '../loadTable.js';
import { planTable } from '../plan.js';
import { readEngineSettings } from '../settings.js';
import { replicate } from './replicate.js';
import {
  captureKindOf,
  captureProblem,
  dropCapture,
  openCapture,
  POSITION_KIND,
  pgNames,
  prepareCapture,
} from './source.js';
import type { CdcSession, DropCdc, OpenCdc } from './types.js';

async function open(spec: Parameters<typeof openConnection>[0], role: 'source' | 'target') {
  const conn = await openConnection(spec, { applicationName: 'dms-tui-sandbox' });
  if (conn.family === 'postgres') await conn.query("SET TimeZone = 'UTC'");
  else {
    await conn.query("SET time_zone = '+00:00'");
    if (role === 'target') await conn.query('SET foreign_key_checks = 0');
  }
  return conn;
}

export const openCdc: OpenCdc = async (job) => {
  let source: DbConnection | undefined;
  let target: DbConnection | undefined;
  const closeAll = async () => {
    await source?.close();
    await target?.close();
  };
  try {
    source = await open(job.source, 'source').catch((e: unknown) => {
      throw new Error(
        `Failed to connect to the source endpoint: ${describeDriverError(e, job.source)}`,
      );
    });
    target = await open(job.target, 'target').catch((e: unknown) => {
      throw new Error(
        `Failed to connect to the target endpoint: ${describeDriverError(e, job.target)}`,
      );
    });
    const kind = await captureKindOf(source);
    const problem = await captureProblem(kind, source);
    if (problem) {
      job.log(
        'SOURCE_CAPTURE',
        'E',
        problem,
        kind === 'binlog' ? 'mysql_endpoint_capture.c:1320' : 'postgres_endpoint_capture.c:1170',
      );
      await closeAll();
      return { kind: 'failed', message: problem };
    }
    const families = {
      source: engineInfo(job.source.engine).family as Family,
      target: engineInfo(job.target.engine).family as Family,
    };
    const settings = readEngineSettings(job.settings);
    const rules = job.tableMappings.rules;
    const selected = selectTables(rules, await listSourceTables(source));
    const statements = new Map<string, TableStatements>();
    const tables: { ref: { schema: string; table: string }; hasKey: boolean }[] = [];
    for (const ref of selected) {
      const info = await describeSourceTable(source, ref);
      const { plan } = planTable(info, rules, families, settings.lob);
      const st = new TableStatements(plan);
      statements.set(tableKey(ref), st);
      tables.push({ ref: { schema: ref.schema, table: ref.table }, hasKey: st.hasKey });
      if (!st.hasKey)
        job.log(
          'SOURCE_CAPTURE',
          'W',
          `Table ${tableLabel(ref)} has no primary key: only its INSERT operations are replicated; UPDATE and DELETE operations are ignored`,
          kind === 'binlog' ? 'mysql_endpoint_capture.c:1640' : 'postgres_endpoint_capture.c:1482',
        );
      if (job.createTargetTables) await prepareTargetTable(target, plan, 'DO_NOTHING');
    }
    const applier = new ChangeApplier(target, job.taskId, statements);
    await applier.ensureControlTables();
    if (job.fresh) {
      await dropCapture(kind, source, job.taskId);
      await applier.clearCheckpoint();
    }
    const prepared = await prepareCapture(kind, source, job.taskId, tables);
    if (kind === 'logical' && prepared.created)
      job.log(
        'SOURCE_CAPTURE',
        'I',
        `Replication slot '${pgNames(job.taskId).slot}' was created with plugin 'pgoutput' at LSN ${prepared.position}; publication '${pgNames(job.taskId).publication}'`,
        'postgres_endpoint_wal_engine.c:552',
      );
    const targetCheckpoint = job.fresh ? null : await applier.readCheckpoint();
    const positionKind = POSITION_KIND[kind];
    const conns = { source, target };
    const capture = await openCapture(
      kind,
      job.source,
      source,
      job.taskId,
      tables.map((t) => t.ref),
    );
    const session: CdcSession = {
      positionKind,
      startPosition: prepared.position,
      targetCheckpoint,
      tables: tables.map((t) => t.ref),
      earliestPosition: async () => {
        if (kind !== 'binlog') return prepared.position;
        const { firstBinlogPosition } = await import('../../../db/cdc/binlogCapture.js');
        return firstBinlogPosition(conns.source);
      },
      currentPosition: () => capture.currentPosition(),
      run: (options) =>
        replicate(
          { job, capture, applier, order: positionOrder[positionKind], kind: positionKind },
          options,
        ),
      close: async () => {
        await capture.close();
        await closeAll();
      },
    };
    return { kind: 'ready', session };
  } catch (error) {
    await closeAll();
    const message = (error as Error).message.split('\n')[0] ?? String(error);
    job.log('SOURCE_CAPTURE', 'E', message, 'replicationtask.c:2883');
    return { kind: 'failed', message };
  }
};

/** What a task's capture leaves at a PostgreSQL source it cannot reach, named (MySQL: nothing). */
function leftBehind(taskId: string, spec: Parameters<typeof openConnection>[0]): string | null {
  if (engineInfo(spec.engine).family === 'mysql') return null;
  const names = pgNames(taskId);
  return `The replication slot '${names.slot}' and publications '${names.publication}', '${names.insertsOnly}' were left at the source`;
}

export const dropCdc: DropCdc = async (taskId, spec) => {
  let conn: DbConnection;
  try {
    conn = await openConnection(spec, { applicationName: 'dms-tui-sandbox' });
  } catch (error) {
    const left = leftBehind(taskId, spec);
    if (!left) return { left: null };
    const why = describeDriverError(error, spec);
    return { left: `${left} (${why}): drop them there, the slot keeps WAL at the source` };
  }
  try {
    await dropCapture(await captureKindOf(conn), conn, taskId);
    return { left: null };
  } finally {
    await conn.close();
  }
};
