// The task settings the engine obeys, read from the merged ReplicationTaskSettings document
// (docs/dms-api.md §4 Task settings), with DMS's defaults where a value is missing or malformed.
import type { PrepMode } from '../../db/tableWriter.js';

export type LobMode =
  | { kind: 'none' }
  | { kind: 'limited'; maxBytes: number; maxKb: number }
  | { kind: 'full'; chunkKb: number };

export interface EngineSettings {
  prepMode: PrepMode;
  maxSubTasks: number;
  commitRate: number;
  lob: LobMode;
  /** SUSPEND_TABLE (default): the table goes to "Table error" and the load goes on. */
  stopTaskOnTableError: boolean;
}

function section(settings: Record<string, unknown>, name: string): Record<string, unknown> {
  const value = settings[name];
  return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}

function int(value: unknown, fallback: number, min: number, max: number): number {
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n)) return fallback;
  return Math.min(max, Math.max(min, Math.floor(n)));
}

export function readEngineSettings(settings: Record<string, unknown>): EngineSettings {
  const full = section(settings, 'FullLoadSettings');
  const meta = section(settings, 'TargetMetadata');
  const errors = section(settings, 'ErrorBehavior');
  const mode = String(full.TargetTablePrepMode ?? 'DO_NOTHING');
  const prepMode: PrepMode =
    mode === 'DROP_AND_CREATE' || mode === 'TRUNCATE_BEFORE_LOAD' ? mode : 'DO_NOTHING';
  let lob: LobMode;
  if (meta.SupportLobs === false) lob = { kind: 'none' };
  else if (meta.FullLobMode === true)
    lob = { kind: 'full', chunkKb: int(meta.LobChunkSize, 64, 0, 1 << 20) };
  else {
    const maxKb = int(meta.LobMaxSize, 32, 1, 102400);
    lob = { kind: 'limited', maxKb, maxBytes: maxKb * 1024 };
  }
  return {
    prepMode,
    maxSubTasks: int(full.MaxFullLoadSubTasks, 8, 1, 49),
    commitRate: int(full.CommitRate, 10000, 1, 50000),
    lob,
    stopTaskOnTableError: errors.TableErrorPolicy === 'STOP_TASK',
  };
}
