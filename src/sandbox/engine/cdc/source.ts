// Which capture a source gets (PostgreSQL: logical replication; MySQL/MariaDB: the binlog;
// PGlite: triggers), the names of its objects at the source, and their creation and removal.
import { createHash } from 'node:crypto';
import {
  binlogCaptureProblem,
  binlogPosition,
  openBinlogCapture,
} from '../../../db/cdc/binlogCapture.js';
import {
  dropPgCapture,
  openPgCapture,
  type PgCaptureNames,
  pgCaptureProblem,
  preparePgCapture,
} from '../../../db/cdc/pgCapture.js';
import type { PositionKind } from '../../../db/cdc/positions.js';
import {
  dropTriggerCapture,
  openTriggerCapture,
  prepareTriggerCapture,
  type TriggerCaptureNames,
} from '../../../db/cdc/triggerCapture.js';
import type { ChangeCapture } from '../../../db/cdc/types.js';
import type { DbConnection } from '../../../db/connection.js';
import type { TableRef } from '../../../db/sourceTables.js';
import type { ConnectionSpec } from '../../../model/connection.js';

export type CaptureKind = 'logical' | 'binlog' | 'trigger';

export async function captureKindOf(conn: DbConnection): Promise<CaptureKind> {
  if (conn.family === 'mysql') return 'binlog';
  return (await conn.serverVersion()).includes('PGlite') ? 'trigger' : 'logical';
}

export const POSITION_KIND: Record<CaptureKind, PositionKind> = {
  logical: 'lsn',
  binlog: 'binlog',
  trigger: 'seq',
};

/**
 * The slot is named as DMS names its own: the task's resource id in lower case, then digits
 * and a uuid-like tail (here derived from the id, so every run finds the same slot).
 */
export function pgNames(taskId: string): PgCaptureNames {
  const base = taskId.toLowerCase().replace(/[^a-z0-9]/g, '');
  const h = createHash('sha1').update(taskId).digest('hex');
  const digits = String(Number.parseInt(h.slice(0, 8), 16) % 100_000_000).padStart(8, '0');
  const tail = `${h.slice(8, 16)}_${h.slice(16, 20)}_${h.slice(20, 24)}_${h.slice(24, 28)}_${h.slice(28, 40)}`;
  return {
    slot: `${base}_${digits}_${tail}`.slice(0, 63),
    publication: `awsdms_pub_${base}`.slice(0, 63),
    insertsOnly: `awsdms_pub_${base}_ins`.slice(0, 63),
  };
}

export function triggerNames(taskId: string): TriggerCaptureNames {
  return { base: `awsdms_cdc_${taskId.toLowerCase().replace(/[^a-z0-9]/g, '')}`.slice(0, 60) };
}

/** Why change data capture cannot run on this source (DMS's words), or null. */
export async function captureProblem(
  kind: CaptureKind,
  conn: DbConnection,
): Promise<string | null> {
  if (kind === 'logical') return pgCaptureProblem(conn);
  if (kind === 'binlog') return binlogCaptureProblem(conn);
  return null;
}

/** Creates (or keeps) the capture objects; returns where capture starts for a fresh task. */
export async function prepareCapture(
  kind: CaptureKind,
  conn: DbConnection,
  taskId: string,
  tables: { ref: TableRef; hasKey: boolean }[],
): Promise<{ created: boolean; position: string }> {
  if (kind === 'logical') return preparePgCapture(conn, pgNames(taskId), tables);
  if (kind === 'trigger') return prepareTriggerCapture(conn, triggerNames(taskId), tables);
  return { created: true, position: await binlogPosition(conn) };
}

export async function dropCapture(
  kind: CaptureKind,
  conn: DbConnection,
  taskId: string,
): Promise<void> {
  if (kind === 'logical') await dropPgCapture(conn, pgNames(taskId));
  else if (kind === 'trigger') await dropTriggerCapture(conn, triggerNames(taskId));
}

export async function openCapture(
  kind: CaptureKind,
  spec: ConnectionSpec,
  conn: DbConnection,
  taskId: string,
  tables: TableRef[],
): Promise<ChangeCapture> {
  if (kind === 'logical') return openPgCapture(spec, conn, pgNames(taskId));
  if (kind === 'binlog') return openBinlogCapture(spec, conn, tables);
  return openTriggerCapture(conn, triggerNames(taskId));
}
