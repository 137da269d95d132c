// PostgreSQL change capture through logical replication: a publication over the task's tables
// and a pgoutput slot, read with pg-logical-replication. Values arrive as PostgreSQL's text
// output (UTC for timestamptz) so nothing is lost to JavaScript types on the way.
import type { ConnectionSpec } from '../../model/connection.js';
import type { DbConnection } from '../connection.js';
import { quotePg, type TableRef } from '../sourceTables.js';
import type { CaptureHandlers, ChangeCapture, RowChange, SourceDdl, SourceTxn } from './types.js';

/** Why this source cannot be captured, in DMS's words, or null when it can. */
export async function pgCaptureProblem(conn: DbConnection): Promise<string | null> {
  const { rows } = await conn.query<{ wal: string; ok: boolean; user: string; free: number }>(
    `SELECT current_setting('wal_level') AS wal,
            (SELECT rolsuper OR rolreplication FROM pg_roles WHERE rolname = current_user) AS ok,
            current_user AS user,
            current_setting('max_replication_slots')::int - (SELECT count(*)::int FROM pg_replication_slots) AS free`,
  );
  const r = rows[0];
  if (!r) return null;
  if (r.wal !== 'logical')
    return `Failed to set up logical replication on the source: wal_level is '${r.wal}'; change data capture needs wal_level = logical in postgresql.conf (and a server restart)`;
  if (!r.ok)
    return `User '${r.user}' cannot create a replication slot: change data capture needs the REPLICATION attribute or superuser on the source (ALTER ROLE ${r.user} REPLICATION)`;
  return null;
}

export interface PgCaptureNames {
  slot: string;
  /** Publication of the tables with a primary key: inserts, updates and deletes. */
  publication: string;
  /** Publication of the tables without one: inserts only, so their updates keep working. */
  insertsOnly: string;
}

async function publicationExists(conn: DbConnection, name: string): Promise<boolean> {
  const { rows } = await conn.query('SELECT 1 FROM pg_publication WHERE pubname = $1', [name]);
  return rows.length > 0;
}

async function definePublication(
  conn: DbConnection,
  name: string,
  tables: TableRef[],
  publish: string,
): Promise<void> {
  const list = tables.map((t) => `${quotePg(t.schema)}.${quotePg(t.table)}`).join(', ');
  if (await publicationExists(conn, name)) {
    if (tables.length > 0) await conn.query(`ALTER PUBLICATION ${quotePg(name)} SET TABLE ${list}`);
    return;
  }
  await conn.query(
    tables.length > 0
      ? `CREATE PUBLICATION ${quotePg(name)} FOR TABLE ${list} WITH (publish = '${publish}')`
      : `CREATE PUBLICATION ${quotePg(name)} WITH (publish = '${publish}')`,
  );
}

/**
 * Creates (or keeps) the task's publications and slot. Returns the slot's start LSN when it was
 * created now, or its confirmed position when it already existed.
 */
export async function preparePgCapture(
  conn: DbConnection,
  names: PgCaptureNames,
  tables: { ref: TableRef; hasKey: boolean }[],
): Promise<{ created: boolean; position: string }> {
  await definePublication(
    conn,
    names.publication,
    tables.filter((t) => t.hasKey).map((t) => t.ref),
    'insert, update, delete',
  );
  await definePublication(
    conn,
    names.insertsOnly,
    tables.filter((t) => !t.hasKey).map((t) => t.ref),
    'insert',
  );
  const { rows } = await conn.query<{ lsn: string | null; pid: number | null }>(
    'SELECT confirmed_flush_lsn::text AS lsn, active_pid AS pid FROM pg_replication_slots WHERE slot_name = $1',
    [names.slot],
  );
  const existing = rows[0];
  if (existing) {
    // A reader the server has not noticed is gone yet (the sandbox was killed) holds the slot.
    if (existing.pid) await releaseSlot(conn, names.slot, existing.pid);
    return { created: false, position: existing.lsn ?? '0/0' };
  }
  const created = await conn.query<{ lsn: string }>(
    "SELECT lsn::text AS lsn FROM pg_create_logical_replication_slot($1, 'pgoutput')",
    [names.slot],
  );
  return { created: true, position: created.rows[0]?.lsn ?? '0/0' };
}

/** Ends the session holding the slot and waits (at most 5 s) until the server lets it go. */
async function releaseSlot(conn: DbConnection, slot: string, pid: number): Promise<void> {
  await conn.query('SELECT pg_terminate_backend($1)', [pid]);
  for (let i = 0; i < 50; i++) {
    const { rows } = await conn.query<{ pid: number | null }>(
      'SELECT active_pid AS pid FROM pg_replication_slots WHERE slot_name = $1',
      [slot],
    );
    if (!rows[0]?.pid) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Drops the slot and the publications (task deleted or reloaded). Missing ones are fine. */
export async function dropPgCapture(conn: DbConnection, names: PgCaptureNames): Promise<void> {
  const { rows } = await conn.query<{ pid: number | null }>(
    'SELECT active_pid AS pid FROM pg_replication_slots WHERE slot_name = $1',
    [names.slot],
  );
  if (rows[0]) {
    if (rows[0].pid) await releaseSlot(conn, names.slot, rows[0].pid);
    await conn.query('SELECT pg_drop_replication_slot($1)', [names.slot]);
  }
  for (const pub of [names.publication, names.insertsOnly])
    await conn.query(`DROP PUBLICATION IF EXISTS ${quotePg(pub)}`);
}

interface Relation {
  schema: string;
  name: string;
  keyColumns: string[];
  columns: { parser: (raw: unknown) => unknown }[];
}

type PgoutputMessage =
  | { tag: 'begin'; commitTime: bigint }
  | { tag: 'commit'; commitEndLsn: string; commitTime: bigint }
  | {
      tag: 'relation';
      relationOid: number;
      schema: string;
      name: string;
      keyColumns: string[];
      columns: { name: string; typeOid: number; typeMod: number }[];
    }
  | { tag: 'insert'; relation: Relation; new: Record<string, unknown> }
  | {
      tag: 'update';
      relation: Relation;
      key: Record<string, unknown> | null;
      old: Record<string, unknown> | null;
      new: Record<string, unknown>;
    }
  | {
      tag: 'delete';
      relation: Relation;
      key: Record<string, unknown> | null;
      old: Record<string, unknown> | null;
    }
  | { tag: 'truncate' | 'origin' | 'type' | 'message' };

const keyOf = (relation: Relation, row: Record<string, unknown>) =>
  Object.fromEntries(relation.keyColumns.map((k) => [k, row[k]]));

/** What a relation looks like to pgoutput: its name, columns with types, and key. */
function relationShape(m: Extract<PgoutputMessage, { tag: 'relation' }>): string {
  const columns = m.columns.map((c) => `${c.name}:${c.typeOid}:${c.typeMod}`).join(',');
  return `${m.schema}.${m.name}(${columns})key(${m.keyColumns.join(',')})`;
}

/**
 * pgoutput sends a relation's description before its first change in a session, and again
 * after its definition changed: a known relation described differently is a DDL (seen with the
 * next change of that table; logical replication carries no DDL statement itself).
 */
function ddlOf(
  shapes: Map<number, string>,
  m: Extract<PgoutputMessage, { tag: 'relation' }>,
): SourceDdl | null {
  const shape = relationShape(m);
  const before = shapes.get(m.relationOid);
  shapes.set(m.relationOid, shape);
  if (before === undefined || before === shape) return null;
  return {
    table: { schema: m.schema, table: m.name },
    statement: `ALTER TABLE ${quotePg(m.schema)}.${quotePg(m.name)}: now (${m.columns.map((c) => c.name).join(', ')})`,
  };
}

/** Reads the slot with pgoutput; transactions reach the handlers in commit order. */
export async function openPgCapture(
  spec: ConnectionSpec,
  conn: DbConnection,
  names: PgCaptureNames,
): Promise<ChangeCapture> {
  const lib = await import('pg-logical-replication');
  class TextPgoutput extends lib.PgoutputPlugin {
    override parse(buffer: Buffer) {
      const message = super.parse(buffer);
      // Keep every value as the server's text: exact numerics, microseconds, arrays.
      if (message.tag === 'relation')
        for (const c of message.columns) c.parser = (raw: unknown) => raw;
      return message;
    }
  }
  const service = new lib.LogicalReplicationService(
    {
      host: spec.host,
      port: spec.port,
      database: spec.database || 'postgres',
      user: spec.user,
      password: spec.password,
      connectionTimeoutMillis: 10_000,
      application_name: 'dms-tui-sandbox-cdc',
      options: '-c TimeZone=UTC -c extra_float_digits=3',
      ssl: spec.sslMode === 'none' ? false : { rejectUnauthorized: spec.sslMode !== 'require' },
    },
    { acknowledge: { auto: false, timeoutSeconds: 0 }, flowControl: { enabled: true } },
  );
  let confirmed: string | null = null;
  let closed = false;
  return {
    async currentPosition() {
      const { rows } = await conn.query<{ lsn: string }>(
        'SELECT pg_current_wal_lsn()::text AS lsn',
      );
      return rows[0]?.lsn ?? '0/0';
    },
    start(from, handlers: CaptureHandlers) {
      let txn: SourceTxn | null = null;
      const shapes = new Map<number, string>();
      service.on('data', async (_lsn: string, raw: unknown) => {
        const m = raw as PgoutputMessage;
        switch (m.tag) {
          case 'relation': {
            const ddl = ddlOf(shapes, m);
            if (ddl) handlers.onDdl?.(ddl);
            return;
          }
          case 'begin':
            txn = { position: '', commitMs: Number(m.commitTime / 1000n), changes: [] };
            return;
          case 'insert':
          case 'update':
          case 'delete': {
            const table = { schema: m.relation.schema, table: m.relation.name };
            let change: RowChange;
            if (m.tag === 'insert') change = { op: 'insert', table, row: m.new };
            else if (m.tag === 'update')
              change = {
                op: 'update',
                table,
                row: m.new,
                oldKey: m.key ?? (m.old ? keyOf(m.relation, m.old) : undefined),
              };
            else change = { op: 'delete', table, row: m.key ?? m.old ?? {} };
            txn?.changes.push(change);
            return;
          }
          case 'commit': {
            const done = txn;
            txn = null;
            if (!done) return;
            done.position = m.commitEndLsn;
            done.commitMs = Number(m.commitTime / 1000n);
            await handlers.onTxn(done);
            return;
          }
          default:
            return;
        }
      });
      service.on('heartbeat', (_lsn: string, _ts: number, shouldRespond: boolean) => {
        if (shouldRespond && confirmed) void service.acknowledge(confirmed);
      });
      service.on('error', (error: Error) => {
        if (!closed) handlers.onError(error);
      });
      return new Promise<void>((resolve, reject) => {
        service.once('start', () => resolve());
        service
          .subscribe(
            new TextPgoutput({
              protoVersion: 1,
              publicationNames: [names.publication, names.insertsOnly],
            }),
            names.slot,
            from,
          )
          .then(
            () => {
              if (!closed) handlers.onError(new Error('The replication stream ended'));
            },
            (error: Error) => {
              reject(error);
              if (!closed) handlers.onError(error);
            },
          );
      });
    },
    confirm(position) {
      confirmed = position;
      void service.acknowledge(position);
    },
    async close() {
      closed = true;
      await service.destroy().catch(() => undefined);
    },
  };
}
