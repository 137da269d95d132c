// The changes a CDC task could not apply, as the target's awsdms_apply_exceptions control table
// holds them (DMS's API has no count of them): per table, and the latest few with statement and
// error, worded for the table statistics screen and `dms-tui stats`. Pure.
import type { ConnectionSpec } from './connection.js';
import { timestampText } from './time.js';

export interface ApplyException {
  /** The target table's schema (TABLE_OWNER) and name. */
  schema: string;
  table: string;
  time: Date;
  statement: string;
  error: string;
}

export interface ApplyExceptions {
  /** Where they were read: `<control schema>.awsdms_apply_exceptions` of the target. */
  where: string;
  /** schema.table → how many changes of that table went to the control table. */
  perTable: ReadonlyMap<string, number>;
  /** The newest first. */
  latest: ApplyException[];
}

/** DMS's control schema on the target: public on PostgreSQL, awsdms_control on MySQL. */
export function controlSchemaOf(spec: Pick<ConnectionSpec, 'engine'>): string {
  return spec.engine.includes('postgres') ? 'public' : 'awsdms_control';
}

/** The task's name in the control tables: its resource id (the ARN's last part). */
export function exceptionTaskName(taskArn: string): string {
  return taskArn.split(':').pop() ?? taskArn;
}

const oneLine = (s: string, max: number) => {
  const flat = s.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

/** One line: how many changes went to the control table, per table (most first), and where
 *  they were read (last, so a narrow terminal cuts that rather than the counts). */
export function exceptionsSummary(x: ApplyExceptions, width: number): string {
  const total = [...x.perTable.values()].reduce((a, b) => a + b, 0);
  const where = `(read from the target's ${x.where})`;
  if (total === 0) return oneLine(`Apply exceptions: none ${where}`, width);
  const tables = [...x.perTable.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([t, n]) => `${t} ${n}`)
    .join(' · ');
  return oneLine(`Apply exceptions: ${total} · ${tables} ${where}`, width);
}

/** The latest exceptions, two lines each: time, table and error; then the statement. */
export function exceptionLines(x: ApplyExceptions, width: number): string[] {
  if (x.latest.length === 0) return ['No change of this task went to awsdms_apply_exceptions'];
  return x.latest.flatMap((e) => [
    oneLine(`${timestampText(e.time)}  ${e.schema}.${e.table}  ${e.error}`, width),
    `  ${oneLine(e.statement, width - 2)}`,
  ]);
}
