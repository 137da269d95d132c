// Ends a connection at once, mid-query: what a stopped task does to its in-flight work.
import type { DbConnection } from './connection.js';

export function forceClose(conn: DbConnection): void {
  try {
    if (conn.family === 'postgres') {
      const client = conn.raw as { connection?: { stream?: { destroy(): void } } };
      client.connection?.stream?.destroy();
    } else {
      (conn.raw as { connection?: { destroy(): void } }).connection?.destroy();
    }
  } catch {
    // Already gone.
  }
}

const LOST_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_SERVER_SHUTDOWN',
  '57P01',
  '57P02',
  '57P03',
]);

/** True when an error means the server went away (as opposed to a problem with one table). */
export function isConnectionLost(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  if (e.code && (LOST_CODES.has(e.code) || e.code.startsWith('08'))) return true;
  return /Connection terminated|connection lost|connection error and is not queryable|terminating connection|Connection is closed|Can't add new command when connection is in closed state|server closed the connection|socket hang up/i.test(
    e.message ?? '',
  );
}
