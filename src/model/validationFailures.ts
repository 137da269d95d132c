// A table's data validation failures as awsdms_validation_failures_v1 on the target holds them
// (KEY is the JSON the validator writes: {"key": [values in primary-key order]}), worded for
// the failures list: the key, the failure type, when, and what differed. Pure.
import { type Endpoint, endpointReaches } from './endpoint.js';
import { type ConnectionSpec, engineInfo } from './connection.js';
import type { ColumnSpec } from './taskRow.js';
import { timestampText } from './time.js';

export interface ValidationFailure {
  /** The KEY column as stored. */
  keyText: string;
  /** The key's values in primary-key order, or null when KEY is not the validator's JSON. */
  key: (string | null)[] | null;
  /** RECORD_DIFF, MISSING_SOURCE or MISSING_TARGET (as stored). */
  type: string;
  time: Date;
  details: string;
}

export interface ValidationFailures {
  /** Where they were read: `<control schema>.awsdms_validation_failures_v1` of the target. */
  where: string;
  /** Failures of the table in all (the list holds at most `limit` of them). */
  total: number;
  limit: number;
  failures: ValidationFailure[];
  /** The target has no failures table (no validation ever wrote to it). */
  noTable?: boolean;
}

/** Failures listed at most: the first ones by time, and the screen says how many there are. */
export const FAILURES_SHOWN = 1000;

/** The key values of a KEY column, or null when it is not {"key": [...]}. */
export function parseFailureKey(text: string): (string | null)[] | null {
  try {
    const value = JSON.parse(text) as unknown;
    const key = (value as { key?: unknown } | null)?.key;
    if (!Array.isArray(key) || key.length === 0) return null;
    if (!key.every((v) => v === null || typeof v === 'string' || typeof v === 'number'))
      return null;
    return key.map((v) => (v === null ? null : String(v)));
  } catch {
    return null;
  }
}

/** "7", "k3, 10"; a KEY that is not the validator's JSON as it is stored. */
export function keyLabel(f: Pick<ValidationFailure, 'key' | 'keyText'>): string {
  return f.key ? f.key.map((v) => (v === null ? 'NULL' : v)).join(', ') : f.keyText;
}

/** The failure in words: which columns differ and how, or which side lacks the row. */
export function failureDetailsText(f: Pick<ValidationFailure, 'type' | 'details'>): string {
  if (f.type === 'MISSING_TARGET') return 'row missing in the target';
  if (f.type === 'MISSING_SOURCE') return 'row missing in the source';
  try {
    const diffs = JSON.parse(f.details) as {
      column?: unknown;
      source?: unknown;
      target?: unknown;
    }[];
    if (Array.isArray(diffs) && diffs.length > 0)
      return diffs
        .map((d) => `${String(d.column)}: ${valueText(d.source)} → ${valueText(d.target)}`)
        .join('; ');
  } catch {
    // Not the validator's JSON: shown as stored.
  }
  return f.details;
}

const valueText = (v: unknown) => (v === null || v === undefined ? 'NULL' : String(v));

export type FailureColumn = 'key' | 'type' | 'time' | 'details';

export const FAILURE_COLUMNS: ColumnSpec<FailureColumn>[] = [
  { id: 'key', title: 'KEY', width: 16, priority: 0 },
  { id: 'type', title: 'FAILURE TYPE', width: 14, priority: 1 },
  { id: 'time', title: 'FAILURE TIME', width: 19, priority: 2 },
  { id: 'details', title: 'DETAILS', width: 30, priority: 0, growTo: 400 },
];

export function failureCells(f: ValidationFailure): Record<FailureColumn, string> {
  return {
    key: keyLabel(f),
    type: f.type,
    time: timestampText(f.time),
    details: failureDetailsText(f),
  };
}

export function failureSortKey(f: ValidationFailure, column: FailureColumn): string | number {
  if (column === 'time') return f.time.getTime();
  if (column === 'key' && f.key?.length === 1 && /^-?\d+$/.test(f.key[0] ?? ''))
    return Number(f.key[0]);
  return failureCells(f)[column];
}

/** The header line: how many, how many shown, and where they were read. */
export function failuresSummary(x: ValidationFailures): string {
  const where = `read from the target's ${x.where}`;
  if (x.noTable) return `No failures table on the target (${where}): nothing was validated there`;
  const n = x.total;
  const count = `${n.toLocaleString('en-US')} failure${n === 1 ? '' : 's'}`;
  const shown =
    n > x.failures.length ? ` · the first ${x.failures.length.toLocaleString('en-US')} shown` : '';
  return `${count}${shown} (${where})`;
}

const where = (s: Pick<ConnectionSpec, 'host' | 'port' | 'database'>) =>
  `${s.host}:${s.port}${s.database ? `/${s.database}` : ''}`;

/** Why a project connection may not be the task's endpoint (one line), or null when it is. */
export function connectionMismatch(
  side: 'source' | 'target',
  endpoint: Endpoint | undefined,
  spec: ConnectionSpec | null | undefined,
): string | null {
  if (!spec) return `The project has no ${side} connection: set one in :project (${side[0]})`;
  if (
    !endpoint ||
    endpointReaches(endpoint, { ...spec, dmsEngineName: engineInfo(spec.engine).dmsEngineName })
  )
    return null;
  const named = `${endpoint.engineName} ${endpoint.server ?? '?'}:${endpoint.port ?? '?'}${endpoint.database ? `/${endpoint.database}` : ''}`;
  return `The project's ${side} connection (${where(spec)}) is not the task's ${side} endpoint ${endpoint.identifier} (${named}): what is read there may be another database`;
}
