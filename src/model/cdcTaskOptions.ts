// The Create DMS Task form's CDC options (docs/dms-api.md §7): where capture starts (now, a
// time → CdcStartTime, or a native position → CdcStartPosition: an LSN, a binlog file:position
// or a RecoveryCheckpoint), where it stops (CdcStopPosition server_time:… / commit_time:…), and
// for full-load-and-cdc whether the task stops after the full load (before or after the cached
// changes are applied: FullLoadSettings.StopTaskCachedChanges(Not)Applied). Pure.
import type { MigrationType } from './taskInput.js';

export type StopAfterLoad = 'none' | 'applied' | 'notApplied';

export const STOP_AFTER_LOAD: readonly { value: StopAfterLoad; label: string }[] = [
  { value: 'none', label: 'Keep replicating' },
  { value: 'applied', label: 'Stop after the cached changes are applied' },
  { value: 'notApplied', label: 'Stop before the cached changes are applied' },
];

export interface CdcOptions {
  /** "" or "now", an ISO date-time, or a native position. */
  cdcStart?: string;
  /** "" (none), or server_time:… / commit_time:… */
  cdcStop?: string;
  stopAfterLoad?: StopAfterLoad;
}

export interface CdcInputMembers {
  /** ISO 8601, as `--cli-input-json` takes it (the SDK call makes it a Date). */
  CdcStartTime?: string;
  CdcStartPosition?: string;
  CdcStopPosition?: string;
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const STOP = /^(server_time|commit_time):(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})$/;

export type CdcStart =
  | { kind: 'now' }
  | { kind: 'time'; iso: string }
  | { kind: 'position'; position: string };

/** Reads the CDC start text; an error line when it is none of now, a time, a position. */
export function parseCdcStart(text: string | undefined): CdcStart | { error: string } {
  const t = (text ?? '').trim();
  if (t === '' || t.toLowerCase() === 'now') return { kind: 'now' };
  if (ISO_TIME.test(t)) {
    const ms = Date.parse(t.replace(' ', 'T'));
    if (Number.isNaN(ms)) return { error: `${t} is not a date and time` };
    return { kind: 'time', iso: new Date(ms).toISOString().replace(/\.000Z$/, 'Z') };
  }
  if (/\s/.test(t) || t.length > 1024)
    return {
      error:
        'Type now, a time (2026-11-30T08:00:00Z) or a position (an LSN 0/16B3748, a binlog file:position, a checkpoint)',
    };
  return { kind: 'position', position: t };
}

export function cdcStopError(text: string | undefined): string | null {
  const t = (text ?? '').trim();
  if (t === '' || STOP.test(t)) return null;
  return 'Type server_time:YYYY-MM-DDTHH:MM:SS or commit_time:YYYY-MM-DDTHH:MM:SS (UTC), or leave it empty';
}

/** The start field's problem for this source engine (PostgreSQL has no start time in DMS). */
export function cdcStartError(text: string | undefined, sourceEngine?: string): string | null {
  const start = parseCdcStart(text);
  if ('error' in start) return start.error;
  if (
    start.kind === 'time' &&
    (sourceEngine === 'postgres' || sourceEngine === 'aurora-postgresql')
  )
    return 'DMS takes no start time from PostgreSQL: give a position (an LSN such as 0/16B3748)';
  return null;
}

/** The CreateReplicationTask members for a CDC task (none for full-load). */
export function cdcInputMembers(type: MigrationType, o: CdcOptions): CdcInputMembers {
  if (type === 'full-load') return {};
  const start = parseCdcStart(o.cdcStart);
  const stop = (o.cdcStop ?? '').trim();
  return {
    ...('kind' in start && start.kind === 'time' ? { CdcStartTime: start.iso } : {}),
    ...('kind' in start && start.kind === 'position' ? { CdcStartPosition: start.position } : {}),
    ...(stop ? { CdcStopPosition: stop } : {}),
  };
}

/** FullLoadSettings members for stopping after the full load (full-load-and-cdc only). */
export function stopAfterLoadSettings(
  type: MigrationType,
  stop: StopAfterLoad | undefined,
): Record<string, boolean> {
  if (type !== 'full-load-and-cdc' || !stop || stop === 'none') return {};
  return stop === 'applied'
    ? { StopTaskCachedChangesApplied: true }
    : { StopTaskCachedChangesNotApplied: true };
}
