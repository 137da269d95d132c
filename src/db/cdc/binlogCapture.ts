// MySQL/MariaDB change capture from the ROW binlog with @vlasky/zongji. A transaction ends at
// its XID (or a COMMIT query for non-transactional tables); its position is the binlog file and
// the offset after the commit, DMS's native start point format ("mysql-bin.000024:373").
import type { ConnectionSpec } from '../../model/connection.js';
import type { DbConnection } from '../connection.js';
import type { TableRef } from '../sourceTables.js';
import type { CaptureHandlers, ChangeCapture, RowChange, SourceTxn } from './types.js';

/** Why this source cannot be captured, in DMS's words, or null when it can. */
export async function binlogCaptureProblem(conn: DbConnection): Promise<string | null> {
  const { rows } = await conn.query<{ bin: unknown; format: string; image: string }>(
    'SELECT @@GLOBAL.log_bin AS bin, @@GLOBAL.binlog_format AS format, @@GLOBAL.binlog_row_image AS image',
  );
  const r = rows[0];
  if (!r) return null;
  if (Number(r.bin) !== 1)
    return 'Binary Logging must be enabled for MySQL server (log_bin) to capture changes';
  if (String(r.format).toUpperCase() !== 'ROW')
    return `The binlog_format of the source is '${r.format}': change data capture needs binlog_format = ROW`;
  if (String(r.image).toUpperCase() !== 'FULL')
    return `The binlog_row_image of the source is '${r.image}': change data capture needs binlog_row_image = FULL`;
  const { rows: grants } = await conn.query<Record<string, string>>(
    'SHOW GRANTS FOR CURRENT_USER()',
  );
  const text = grants
    .map((g) => Object.values(g)[0] ?? '')
    .join('\n')
    .toUpperCase();
  const has = (p: string) => text.includes(p) || text.includes('ALL PRIVILEGES');
  if (!has('REPLICATION SLAVE') && !has('REPLICATION REPLICA'))
    return 'The source user lacks the REPLICATION SLAVE and REPLICATION CLIENT privileges change data capture needs';
  return null;
}

/** The server's current binlog file and offset. */
export async function binlogPosition(conn: DbConnection): Promise<string> {
  const status = async (sql: string) => {
    const { rows } = await conn.query<{ File: string; Position: number | string }>(sql);
    const r = rows[0];
    if (!r) throw new Error('Binary logging is not enabled on the source');
    return `${r.File}:${r.Position}`;
  };
  try {
    return await status('SHOW MASTER STATUS');
  } catch {
    return status('SHOW BINARY LOG STATUS');
  }
}

/** The oldest binlog file still on the server, from its start (for CdcStartTime). */
export async function firstBinlogPosition(conn: DbConnection): Promise<string> {
  const { rows } = await conn.query<{ Log_name: string }>('SHOW BINARY LOGS');
  const first = rows[0];
  if (!first) throw new Error('Binary logging is not enabled on the source');
  return `${first.Log_name}:4`;
}

/** The table a DDL statement changes (ALTER/CREATE/DROP/TRUNCATE/RENAME TABLE), if any. */
export function ddlTable(statement: string, schema: string): TableRef | undefined {
  const m =
    /^(?:ALTER|CREATE|DROP|TRUNCATE|RENAME)\s+(?:TEMPORARY\s+)?TABLE\s+(?:IF\s+(?:NOT\s+)?EXISTS\s+)?(`(?:[^`]|``)+`|[\w$]+)(?:\.(`(?:[^`]|``)+`|[\w$]+))?/i.exec(
      statement,
    );
  if (!m) return undefined;
  const name = (part: string) => part.replace(/^`|`$/g, '').replace(/``/g, '`');
  return m[2]
    ? { schema: name(m[1] as string), table: name(m[2]) }
    : { schema, table: name(m[1] as string) };
}

interface ZongJiLike {
  options: { filename?: string; position?: number };
  connection?: { pause(): void; resume(): void };
  on(event: string, listener: (...args: never[]) => void): void;
  start(options: Record<string, unknown>): void;
  stop(): void;
}

interface BinlogEvent {
  getEventName(): string;
  timestamp: number;
  nextPosition: number;
  tableId?: number;
  tableMap?: Record<number, { parentSchema: string; tableName: string }>;
  rows?: unknown[];
  query?: string;
  schema?: string;
}

/** Holds this many finished transactions before it pauses the binlog connection. */
const QUEUE_LIMIT = 200;

export async function openBinlogCapture(
  spec: ConnectionSpec,
  conn: DbConnection,
  tables: TableRef[],
): Promise<ChangeCapture> {
  const { default: ZongJi } = await import('@vlasky/zongji');
  let zongji: ZongJiLike | null = null;
  let closed = false;
  return {
    currentPosition: () => binlogPosition(conn),
    start(from, handlers: CaptureHandlers) {
      const at = from.lastIndexOf(':');
      const z = new ZongJi({
        host: spec.host,
        port: spec.port,
        user: spec.user,
        password: spec.password,
        dateStrings: true,
        timezone: 'Z',
        supportBigNumbers: true,
        bigNumberStrings: true,
        connectTimeout: 10_000,
      }) as unknown as ZongJiLike;
      zongji = z;
      const includeSchema: Record<string, string[]> = {};
      for (const t of tables)
        includeSchema[t.schema] = [...(includeSchema[t.schema] ?? []), t.table];
      let txn: SourceTxn | null = null;
      const queue: SourceTxn[] = [];
      let draining = false;
      let paused = false;
      const drain = async () => {
        if (draining) return;
        draining = true;
        try {
          while (queue.length > 0 && !closed) {
            await handlers.onTxn(queue.shift() as SourceTxn);
            if (paused && queue.length < QUEUE_LIMIT / 2) {
              paused = false;
              z.connection?.resume();
            }
          }
        } catch (error) {
          if (!closed) handlers.onError(error as Error);
        } finally {
          draining = false;
        }
      };
      const commit = (event: BinlogEvent) => {
        const done = txn;
        txn = null;
        if (!done || done.changes.length === 0) return;
        done.position = `${z.options.filename}:${event.nextPosition}`;
        done.commitMs = event.timestamp;
        queue.push(done);
        if (queue.length >= QUEUE_LIMIT && !paused) {
          paused = true;
          z.connection?.pause();
        }
        void drain();
      };
      z.on('binlog', (event: BinlogEvent) => {
        const name = event.getEventName();
        if (name === 'writerows' || name === 'updaterows' || name === 'deleterows') {
          const meta = event.tableMap?.[event.tableId ?? -1];
          if (!meta) return;
          const table = { schema: meta.parentSchema, table: meta.tableName };
          txn ??= { position: '', commitMs: event.timestamp, changes: [] };
          for (const row of event.rows ?? []) {
            let change: RowChange;
            if (name === 'writerows')
              change = { op: 'insert', table, row: row as Record<string, unknown> };
            else if (name === 'deleterows')
              change = { op: 'delete', table, row: row as Record<string, unknown> };
            else {
              const { before, after } = row as {
                before: Record<string, unknown>;
                after: Record<string, unknown>;
              };
              change = { op: 'update', table, row: after, oldKey: before };
            }
            txn.changes.push(change);
          }
        } else if (name === 'xid') commit(event);
        else if (name === 'query') {
          const q = (event.query ?? '').trim();
          if (/^COMMIT$/i.test(q)) commit(event);
          else if (!/^(BEGIN|SAVEPOINT|ROLLBACK)/i.test(q))
            handlers.onDdl?.({ statement: q, table: ddlTable(q, event.schema ?? '') });
        }
      });
      z.on('error', (error: Error) => {
        if (!closed) handlers.onError(error);
      });
      return new Promise<void>((resolve, reject) => {
        z.on('ready', () => resolve());
        z.on('error', (error: Error) => reject(error));
        z.start({
          serverId: 100_000 + Math.floor(Math.random() * 1_000_000),
          filename: from.slice(0, at),
          position: Number(from.slice(at + 1)),
          includeEvents: [
            'rotate',
            'tablemap',
            'writerows',
            'updaterows',
            'deleterows',
            'xid',
            'query',
          ],
          includeSchema,
        });
      });
    },
    confirm() {
      // The binlog keeps its files by retention, not by readers: nothing to tell the server.
    },
    async close() {
      closed = true;
      zongji?.stop();
    },
  };
}
