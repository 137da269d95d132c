// DMS task-log lines (docs/dms-api.md §5 CloudWatch Logs):
// "2022-10-21T13:24:07 [SOURCE_UNLOAD   ]W:  <text>  (file.c:1072)". Lines that do not follow
// the format are kept whole with no component and severity. Pure.

export type Severity = 'E' | 'W' | 'I' | 'D';

/** One line as the capped buffer keeps it: small on purpose (100,000 of them stay in memory),
 *  so only the raw text, the time, and the interned component and severity letter. */
export interface LogLine {
  /** CloudWatch event time (ms). */
  timestamp: number;
  /** The raw message as CloudWatch holds it. */
  raw: string;
  component?: string;
  severity?: Severity;
}

/** The parts of a line, for whoever needs more than the buffer keeps. */
export interface LogParts {
  stamp?: string;
  component?: string;
  severity?: Severity;
  /** The text after "X:  ", without the trailing "(file.c:N)". */
  text: string;
  source?: string;
}

const LINE =
  /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?)?\s*\[([A-Z_]+)\s*\]([EWID]):\s?\s?(.*?)(?:\s+\(([\w./-]+:\d+)\))?\s*$/s;
const HEAD = /^[\d\-T:.]*\s*\[([A-Z_]+)\s*\]([EWID]):/;

const interned = new Map<string, string>();
function intern(text: string): string {
  let kept = interned.get(text);
  if (kept === undefined) {
    kept = text;
    if (interned.size < 1000) interned.set(text, text);
  }
  return kept;
}

export function parseLogLine(raw: string, timestamp: number): LogLine {
  const m = HEAD.exec(raw);
  if (!m) return { timestamp, raw };
  return { timestamp, raw, component: intern(m[1] ?? ''), severity: m[2] as Severity };
}

export function logLineParts(raw: string): LogParts {
  const m = LINE.exec(raw);
  if (!m) return { text: raw.trimEnd() };
  return {
    stamp: m[1],
    component: m[2],
    severity: m[3] as Severity,
    text: m[4] ?? '',
    source: m[5],
  };
}

export interface LogFilter {
  text?: string;
  component?: string;
  /** Show this severity and worse (E < W < I < D). */
  severity?: Severity;
}

const RANK: Record<Severity, number> = { E: 0, W: 1, I: 2, D: 3 };

export function matchesLogFilter(
  line: LogLine,
  filter: LogFilter,
  test?: (s: string) => boolean,
): boolean {
  if (filter.component && line.component !== filter.component) return false;
  if (filter.severity && line.severity && RANK[line.severity] > RANK[filter.severity]) return false;
  if (filter.severity && !line.severity && filter.severity !== 'D') return false;
  if (test) return test(line.raw);
  if (filter.text) return line.raw.toLowerCase().includes(filter.text.toLowerCase());
  return true;
}

/** "10m", "2h", "30s", "1d" → milliseconds; undefined when it is not a duration. */
export function parseSince(text: string): number | undefined {
  const m = /^(\d+)\s*(s|m|h|d|w)$/.exec(text.trim());
  if (!m) return undefined;
  const unit = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 }[m[2] as 's'];
  return Number(m[1]) * unit;
}

const OWN_STAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/;

/**
 * The line as saved to a file: one timestamp per line, DMS's own when the message starts with
 * it (as DMS's lines do), else the CloudWatch event time in front.
 */
export function savedLogLine(line: LogLine): string {
  return OWN_STAMP.test(line.raw) ? line.raw : displayLogLine(line, true);
}

/** The line as shown: with or without the CloudWatch timestamp in front. */
export function displayLogLine(line: LogLine, withTimestamp: boolean): string {
  if (!withTimestamp) return line.raw;
  return `${new Date(line.timestamp).toISOString().replace('T', ' ').slice(0, 23)}  ${line.raw}`;
}
