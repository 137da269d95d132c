// How the sandbox server answers and records what goes wrong: a refused Host, and its own
// internal faults, which go to <dataDir>/sandbox.log as one line (never a stack on stderr,
// where the terminal of whoever started the sandbox would show it).
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiError } from './protocol/errors.js';
import { SANDBOX_LOG } from './sandboxFile.js';

/** Text from a request, cut short and with control characters made visible, for a message. */
export function shortText(text: string, max = 100): string {
  const visible = text.replace(
    /[\u0000-\u001f\u007f-\u009f]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return visible.length > max ? `${visible.slice(0, max)}…` : visible;
}

export function forbiddenHost(host: string | undefined): ApiError {
  return new ApiError(
    'AccessDeniedException',
    `The dms-tui sandbox answers only requests addressed to a loopback host (127.0.0.1, localhost, [::1]); Host ${host === undefined ? '(none)' : `"${shortText(host)}"`} is refused.`,
    403,
  );
}

/** One line per internal error: time, operation, message and where it was thrown. */
export function logInternalError(dataDir: string, operation: string, error: unknown): void {
  const e = error as Error | undefined;
  const message = shortText(String(e?.message ?? error), 500);
  const where = shortText(e?.stack?.split('\n')[1]?.trim() ?? '', 200);
  const line = `${new Date().toISOString()} sandbox: internal error in ${operation || 'request'}: ${message}${where ? ` (${where})` : ''}\n`;
  try {
    appendFileSync(join(dataDir, SANDBOX_LOG), line, { mode: 0o600 });
  } catch {
    // The log cannot be written (data dir gone): the client still gets its 500.
  }
}
