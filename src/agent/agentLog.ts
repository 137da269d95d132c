// The agent's two logs, as SCT shows them: the Agent log (the process: start, stop, leases,
// connection problems) and one Task log per agent task. Lines are `<ISO time> <I|W|E> text`,
// appended; a reader gets a bounded tail.
import { appendFileSync, closeSync, fstatSync, openSync, readSync } from 'node:fs';

export type LogLevel = 'I' | 'W' | 'E';

export function appendLog(path: string, level: LogLevel, text: string): void {
  const line = `${new Date().toISOString()} ${level} ${text.replace(/[\r\n]+/g, ' ')}\n`;
  try {
    appendFileSync(path, line, { mode: 0o600 });
  } catch {
    // A log that cannot be written must not stop the extraction.
  }
}

/** The last `maxLines` lines of a log, reading at most `maxBytes` from its end. */
export function tailLog(path: string, maxLines = 200, maxBytes = 256 * 1024): string[] {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return [];
  }
  try {
    const size = fstatSync(fd).size;
    const length = Math.min(size, maxBytes);
    const buf = Buffer.alloc(length);
    readSync(fd, buf, 0, length, size - length);
    const lines = buf.toString('utf8').split('\n').filter(Boolean);
    if (length < size) lines.shift(); // the first one is cut
    return lines.slice(-maxLines);
  } finally {
    closeSync(fd);
  }
}
