// CdcStartPosition, CdcStartTime and CdcStopPosition as DMS reads them (docs/dms-api.md, "Change
// data capture"): a start position is a checkpoint, a native position (LSN or binlog
// file:position) or a date; a stop position is `server_time:<UTC time>` or `commit_time:<UTC time>`.
import type { CdcStop } from './engine/cdc/types.js';

/** An ISO-like time without a zone is UTC, as DMS reads these times. */
function utcMs(text: string): number | null {
  const t = text.trim();
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/.test(t))
    return null;
  const zoned = /(Z|[+-]\d{2}:?\d{2})$/.test(t) ? t : `${t.replace(' ', 'T')}Z`;
  const ms = Date.parse(zoned);
  return Number.isFinite(ms) ? ms : null;
}

/** CdcStopPosition → when replication ends, or an error message. */
export function parseStopPosition(
  text: string,
): { ok: true; stop: CdcStop } | { ok: false; error: string } {
  const m = /^(server_time|commit_time):(.+)$/i.exec(text.trim());
  const atMs = m ? utcMs(m[2] as string) : null;
  if (!m || atMs === null)
    return {
      ok: false,
      error: `Invalid CdcStopPosition '${text}': use server_time:YYYY-MM-DDTHH:MM:SS or commit_time:YYYY-MM-DDTHH:MM:SS`,
    };
  return { ok: true, stop: { kind: (m[1] as string).toLowerCase() as CdcStop['kind'], atMs } };
}

/** A CdcStartPosition that is a date ("2018-03-08T12:12:12") rather than a position. */
export function startPositionTime(text: string): number | null {
  return utcMs(text);
}

/** CdcStartTime as the API sends it: epoch seconds (number) or an ISO string. */
export function cdcStartTimeMs(value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number') return value * 1000;
  const ms = Date.parse(String(value));
  return Number.isFinite(ms) ? ms : undefined;
}
