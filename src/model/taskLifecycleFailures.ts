// How DMS says why a task stopped or failed (docs/dms-api.md §3 Task lifecycle): the StopReason
// strings with their plain words, and the LastFailureMessage of each fatal failure, each
// written here once for the app (which reads them) and the sandbox (which writes them). Pure.
import type { Tone } from './taskLifecycle.js';

export const STOP_REASON_CODES = [
  'NORMAL',
  'RECOVERABLE_ERROR',
  'FATAL_ERROR',
  'FULL_LOAD_ONLY_FINISHED',
  'STOPPED_AFTER_FULL_LOAD',
  'STOPPED_AFTER_CACHED_EVENTS',
  'STOPPED_AFTER_DDL_APPLY',
  'STOPPED_DUE_TO_LOW_MEMORY',
  'STOPPED_DUE_TO_LOW_DISK',
  'STOPPED_AT_SERVER_TIME',
  'STOPPED_AT_COMMIT_TIME',
] as const;
export type StopReasonCode = (typeof STOP_REASON_CODES)[number];

/** The plain words and tone of each StopReason. */
export const STOP_REASON_READING: Readonly<Record<StopReasonCode, { text: string; tone: Tone }>> = {
  NORMAL: { text: 'Stopped', tone: 'idle' },
  RECOVERABLE_ERROR: { text: 'Stopped: recoverable error', tone: 'bad' },
  FATAL_ERROR: { text: 'Stopped: fatal error', tone: 'bad' },
  FULL_LOAD_ONLY_FINISHED: { text: 'Load complete', tone: 'good' },
  STOPPED_AFTER_FULL_LOAD: { text: 'Stopped after full load', tone: 'good' },
  STOPPED_AFTER_CACHED_EVENTS: { text: 'Stopped after cached changes', tone: 'idle' },
  STOPPED_AFTER_DDL_APPLY: { text: 'Stopped after DDL apply', tone: 'idle' },
  STOPPED_DUE_TO_LOW_MEMORY: { text: 'Stopped: low memory', tone: 'bad' },
  STOPPED_DUE_TO_LOW_DISK: { text: 'Stopped: low disk', tone: 'bad' },
  STOPPED_AT_SERVER_TIME: { text: 'Stopped at the CDC stop time', tone: 'good' },
  STOPPED_AT_COMMIT_TIME: { text: 'Stopped at the CDC stop commit time', tone: 'good' },
};

/** The StopReason field as DMS sends it: "Stop Reason NORMAL". */
export function stopReason(code: StopReasonCode): string {
  return `Stop Reason ${code}`;
}

/** "Stop Reason FULL_LOAD_ONLY_FINISHED" → "FULL_LOAD_ONLY_FINISHED". */
export function stopReasonCode(text: string | undefined): string | undefined {
  if (!text) return undefined;
  return text.replace(/^Stop Reason\s+/i, '').trim() || undefined;
}

/** "Load complete (FULL_LOAD_ONLY_FINISHED)": the plain words, then the API value once. */
export function stopReasonText(text: string): string {
  const code = stopReasonCode(text);
  if (!code) return text;
  return isStopReasonCode(code) ? `${STOP_REASON_READING[code].text} (${code})` : code;
}

export function isStopReasonCode(code: string): code is StopReasonCode {
  return (STOP_REASON_CODES as readonly string[]).includes(code);
}

/** A LastFailureMessage for a fatal error: "Last Error  … Stop Reason FATAL_ERROR Error Level FATAL". */
export function fatalFailure(message: string): string {
  if (message.startsWith('Last Error')) return message;
  return `Last Error  ${message} ${stopReason('FATAL_ERROR')} Error Level FATAL`;
}

/** The task-log line DMS writes when no source table matches the selection rules. */
export const NO_TABLES_FOUND =
  'No tables were found at task initialization. Either the selected table(s) or schemas(s) no longer exist or no explicit table(s) or schema(s) were selected.';

/** The failure when no table matches and FailOnNoTablesCaptured is on (the default). */
export function noTablesFailure(): { log: string; lastFailureMessage: string } {
  return { log: NO_TABLES_FOUND, lastFailureMessage: fatalFailure(NO_TABLES_FOUND) };
}

/** ErrorBehavior.FailOnNoTablesCaptured of a merged settings document (default true). */
export function failsWhenNoTables(settings: Record<string, unknown>): boolean {
  const errors = settings.ErrorBehavior;
  if (!errors || typeof errors !== 'object') return true;
  return (errors as Record<string, unknown>).FailOnNoTablesCaptured !== false;
}
