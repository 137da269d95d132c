// Opening a database connection from a ConnectionSpec. The only module (with its siblings in
// src/db/) that imports database drivers; they are loaded lazily so start-up stays fast.
import type { ConnectionSpec } from '../model/connection.js';
import { engineInfo } from '../model/connection.js';
import { isConnectionLost } from './forceClose.js';

export interface QueryResult<Row> {
  rows: Row[];
}

/** The small surface both drivers share. SQL placeholders: `$1` for postgres, `?` for mysql. */
export interface DbConnection {
  readonly family: 'postgres' | 'mysql';
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<Row>>;
  /** The server's version string, e.g. "PostgreSQL 15.20" or "10.11.19-MariaDB". */
  serverVersion(): Promise<string>;
  close(): Promise<void>;
  /** Why the server or the network ended this session, once it has (the server's own words
   *  where it gave them); undefined while it is alive. */
  lostBecause(): Error | undefined;
  /** The raw driver client, for modules in src/db that need streaming. */
  readonly raw: unknown;
}

export interface OpenOptions {
  /** Connect timeout in milliseconds (default 10 s). */
  timeoutMs?: number;
  /** Overrides for the application name seen by the server. */
  applicationName?: string;
}

export class ConnectionError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'ConnectionError';
  }
}

export async function openConnection(
  spec: ConnectionSpec,
  options: OpenOptions = {},
): Promise<DbConnection> {
  const family = engineInfo(spec.engine).family;
  if (family === null) {
    throw new ConnectionError(
      `${engineInfo(spec.engine).label}: dms-tui cannot connect to this engine itself; it can only create DMS endpoints for it`,
    );
  }
  const timeoutMs = options.timeoutMs ?? 10_000;
  try {
    return family === 'postgres'
      ? await openPostgres(spec, timeoutMs, options)
      : await openMysql(spec, timeoutMs);
  } catch (error) {
    const code = (error as { code?: string }).code;
    const wrongServer =
      family === 'postgres'
        ? speaksOtherProtocol(error)
        : code === 'ETIMEDOUT' && (await acceptsTcp(spec, Math.min(timeoutMs, 3000)));
    if (wrongServer) throw new ConnectionError(wrongServerMessage(family, spec), 'WRONG_SERVER');
    throw new ConnectionError(describeDriverError(error, spec), code);
  }
}

/** pg's words when the bytes that came back are not PostgreSQL's protocol. */
function speaksOtherProtocol(error: unknown): boolean {
  const message = (error as { message?: string }).message ?? '';
  return /received invalid response|unexpected \w+ message from backend|unexpected message code/i.test(
    message,
  );
}

/**
 * A server that takes the TCP connection but never greets as MySQL does (MySQL and MariaDB speak
 * first; PostgreSQL waits for the client): the port is open, the protocol is not MySQL's.
 */
async function acceptsTcp(spec: Pick<ConnectionSpec, 'host' | 'port'>, timeoutMs: number) {
  // Loaded here, not at the top: the app's first frame does not wait for node:net.
  const { createConnection } = await import('node:net');
  return new Promise<boolean>((resolve) => {
    const socket = createConnection({ host: spec.host, port: spec.port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** What a PostgreSQL connection to a MySQL port (or the reverse) says. */
export function wrongServerMessage(
  family: 'postgres' | 'mysql',
  spec: Pick<ConnectionSpec, 'host' | 'port'>,
): string {
  const where = `${spec.host}:${spec.port}`;
  return family === 'postgres'
    ? `The server at ${where} does not speak PostgreSQL (another database, perhaps MySQL or MariaDB, listens there): check the port (PostgreSQL's default is 5432)`
    : `The server at ${where} accepted the connection but does not speak MySQL or MariaDB (perhaps PostgreSQL listens there): check the port (MySQL's default is 3306)`;
}

async function openPostgres(
  spec: ConnectionSpec,
  timeoutMs: number,
  options: OpenOptions,
): Promise<DbConnection> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({
    host: spec.host,
    port: spec.port,
    database: spec.database || 'postgres',
    user: spec.user,
    password: spec.password,
    connectionTimeoutMillis: timeoutMs,
    application_name: options.applicationName ?? 'dms-tui',
    ssl: spec.sslMode === 'none' ? false : { rejectUnauthorized: spec.sslMode !== 'require' },
  });
  const drop = new DropCause();
  // A dropped connection surfaces on the next query; never crash the process for it.
  client.on('error', drop.remember);
  await client.connect();
  return {
    family: 'postgres',
    raw: client,
    async query<Row>(sql: string, params?: unknown[]) {
      try {
        const result = await client.query(sql, params as unknown[]);
        return { rows: result.rows as Row[] };
      } catch (error) {
        throw drop.explain(error);
      }
    },
    async serverVersion() {
      const result = await client.query<{ v: string }>('SELECT version() AS v');
      const full = result.rows[0]?.v ?? 'PostgreSQL';
      return full.split(' on ')[0] ?? full;
    },
    close: () => client.end().catch(() => undefined),
    lostBecause: () => drop.cause,
  };
}

async function openMysql(spec: ConnectionSpec, timeoutMs: number): Promise<DbConnection> {
  const mysql = await import('mysql2/promise');
  const connection = await mysql.createConnection({
    host: spec.host,
    port: spec.port,
    database: spec.database || undefined,
    user: spec.user,
    password: spec.password,
    connectTimeout: timeoutMs,
    supportBigNumbers: true,
    bigNumberStrings: true,
    dateStrings: true,
    multipleStatements: false,
    ssl: spec.sslMode === 'none' ? undefined : { rejectUnauthorized: spec.sslMode !== 'require' },
  });
  const drop = new DropCause();
  connection.on('error', drop.remember);
  return {
    family: 'mysql',
    raw: connection,
    async query<Row>(sql: string, params?: unknown[]) {
      try {
        const [rows] = await connection.query(sql, params);
        return { rows: rows as Row[] };
      } catch (error) {
        throw drop.explain(error);
      }
    },
    async serverVersion() {
      const [rows] = await connection.query('SELECT VERSION() AS v');
      return String((rows as { v: string }[])[0]?.v ?? 'MySQL');
    },
    close: () => connection.end().catch(() => undefined),
    lostBecause: () => drop.cause,
  };
}

/**
 * Why a session dropped. The server says why once, in the query in flight ("terminating
 * connection due to administrator command") or, when idle, in the driver's 'error' event
 * ("Connection lost: The server closed the connection."); every query after that fails with
 * only "connection terminated", "not queryable", "closed state" or a socket error. Those are
 * answered with the reason instead, once it is known.
 */
class DropCause {
  cause: Error | undefined;
  readonly remember = (error: Error) => {
    if (!this.cause || (saysNothing(this.cause) && !saysNothing(error))) this.cause = error;
  };
  explain(error: unknown): unknown {
    if (!isConnectionLost(error)) return error;
    this.remember(error as Error);
    return this.cause;
  }
}

/** A lost connection told only by the client or the socket, without the server's reason. */
function saysNothing(error: Error): boolean {
  const code = (error as { code?: string }).code;
  return (
    code === 'EPIPE' ||
    code === 'ECONNRESET' ||
    /terminated unexpectedly|not queryable|closed state|socket has been ended/i.test(error.message)
  );
}

/** One readable line for a driver error; never includes the password. */
export function describeDriverError(
  error: unknown,
  spec: Pick<ConnectionSpec, 'host' | 'port' | 'user' | 'database'>,
): string {
  const e = error as { code?: string; message?: string; errno?: number };
  const where = `${spec.host}:${spec.port}`;
  switch (e.code) {
    case 'ECONNREFUSED':
      return `Connection refused by ${where}: is the server running and listening there?`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `Host not found: ${spec.host}`;
    case 'ETIMEDOUT':
      return `Timed out connecting to ${where}`;
    case 'ECONNRESET':
      return `Connection to ${where} was reset`;
    case '28P01':
    case 'ER_ACCESS_DENIED_ERROR':
      return `Authentication failed for user "${spec.user}" at ${where}: check the user and password`;
    case '3D000':
    case 'ER_BAD_DB_ERROR':
      return `Database "${spec.database}" does not exist at ${where}`;
    default: {
      const message = (e.message ?? String(error)).split('\n')[0] ?? 'Unknown error';
      if (/timeout/i.test(message)) return `Timed out connecting to ${where}`;
      return message;
    }
  }
}

/** True when the source refused the login (wrong or missing password), as openConnection throws it. */
export function isAuthFailure(error: unknown): boolean {
  if (!(error instanceof ConnectionError)) return false;
  return (
    error.code === '28P01' ||
    error.code === 'ER_ACCESS_DENIED_ERROR' ||
    /client password must be a string/i.test(error.message)
  );
}

/** Connects, reads the server version, disconnects. Throws ConnectionError with one line. */
export async function testConnection(
  spec: ConnectionSpec,
  options: OpenOptions = {},
): Promise<string> {
  const connection = await openConnection(spec, options);
  try {
    return await connection.serverVersion();
  } catch (error) {
    throw new ConnectionError(describeDriverError(error, spec));
  } finally {
    await connection.close();
  }
}

/** Bounds every statement of this session to `seconds` (PostgreSQL statement_timeout; MariaDB
 *  max_statement_time; MySQL max_execution_time, SELECTs only). Best effort: a server that
 *  refuses the setting keeps its own. */
export async function limitStatements(db: DbConnection, seconds: number): Promise<void> {
  if (db.family === 'postgres') {
    await db.query(`SET statement_timeout = ${Math.round(seconds * 1000)}`);
    return;
  }
  await db
    .query(`SET SESSION max_statement_time = ${seconds}`)
    .catch(() => db.query(`SET SESSION max_execution_time = ${Math.round(seconds * 1000)}`))
    .catch(() => undefined);
}
