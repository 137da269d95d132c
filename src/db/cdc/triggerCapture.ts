// Change capture for PGlite (the embedded demo), which has no logical decoding: row triggers on
// the task's tables write each change, with its transaction id, into a change table that the
// sandbox polls in sequence order. PGlite runs one session, so sequence order is commit order.
import type { DbConnection } from '../connection.js';
import { quotePg, type TableRef } from '../sourceTables.js';
import type { CaptureHandlers, ChangeCapture, SourceTxn } from './types.js';

export interface TriggerCaptureNames {
  /** public.<changeTable>, the function and the triggers share this name. */
  base: string;
}

const changeTable = (n: TriggerCaptureNames) => `public.${quotePg(n.base)}`;
const fn = (n: TriggerCaptureNames) => `public.${quotePg(`${n.base}_fn`)}`;

/** Installs the change table, the trigger function and a trigger per table; idempotent. */
export async function prepareTriggerCapture(
  conn: DbConnection,
  names: TriggerCaptureNames,
  tables: { ref: TableRef; hasKey: boolean }[],
): Promise<{ created: boolean; position: string }> {
  const { rows } = await conn.query<{ r: string | null }>('SELECT to_regclass($1) AS r', [
    `public.${names.base}`,
  ]);
  const created = rows[0]?.r == null;
  await conn.query(
    `CREATE TABLE IF NOT EXISTS ${changeTable(names)} (seq bigserial PRIMARY KEY, op text NOT NULL, schema_name text NOT NULL, table_name text NOT NULL, row_data jsonb, old_data jsonb, txid bigint NOT NULL, at timestamptz NOT NULL DEFAULT clock_timestamp())`,
  );
  await conn.query(
    `CREATE OR REPLACE FUNCTION ${fn(names)}() RETURNS trigger LANGUAGE plpgsql AS $f$
     BEGIN
       IF TG_OP = 'DELETE' THEN
         INSERT INTO ${changeTable(names)} (op, schema_name, table_name, row_data, txid)
           SELECT 'delete', TG_TABLE_SCHEMA, TG_TABLE_NAME, jsonb_object_agg(key, value), txid_current() FROM jsonb_each_text(to_jsonb(OLD));
         RETURN OLD;
       ELSIF TG_OP = 'UPDATE' THEN
         INSERT INTO ${changeTable(names)} (op, schema_name, table_name, row_data, old_data, txid)
           SELECT 'update', TG_TABLE_SCHEMA, TG_TABLE_NAME,
                  (SELECT jsonb_object_agg(key, value) FROM jsonb_each_text(to_jsonb(NEW))),
                  (SELECT jsonb_object_agg(key, value) FROM jsonb_each_text(to_jsonb(OLD))), txid_current();
         RETURN NEW;
       END IF;
       INSERT INTO ${changeTable(names)} (op, schema_name, table_name, row_data, txid)
         SELECT 'insert', TG_TABLE_SCHEMA, TG_TABLE_NAME, jsonb_object_agg(key, value), txid_current() FROM jsonb_each_text(to_jsonb(NEW));
       RETURN NEW;
     END $f$`,
  );
  for (const { ref, hasKey } of tables) {
    const rel = `${quotePg(ref.schema)}.${quotePg(ref.table)}`;
    await conn.query(`DROP TRIGGER IF EXISTS ${quotePg(names.base)} ON ${rel}`);
    await conn.query(
      `CREATE TRIGGER ${quotePg(names.base)} AFTER ${hasKey ? 'INSERT OR UPDATE OR DELETE' : 'INSERT'} ON ${rel} FOR EACH ROW EXECUTE FUNCTION ${fn(names)}()`,
    );
  }
  return { created, position: await lastSeq(conn, names) };
}

async function lastSeq(conn: DbConnection, names: TriggerCaptureNames): Promise<string> {
  const { rows } = await conn.query<{ s: string }>(
    `SELECT coalesce(max(seq), 0)::text AS s FROM ${changeTable(names)}`,
  );
  return rows[0]?.s ?? '0';
}

/** Removes the triggers, the function and the change table. */
export async function dropTriggerCapture(
  conn: DbConnection,
  names: TriggerCaptureNames,
): Promise<void> {
  const { rows } = await conn.query<{ schema: string; table: string }>(
    `SELECT n.nspname AS schema, c.relname AS table FROM pg_trigger t
       JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE t.tgname = $1`,
    [names.base],
  );
  for (const r of rows)
    await conn.query(
      `DROP TRIGGER IF EXISTS ${quotePg(names.base)} ON ${quotePg(r.schema)}.${quotePg(r.table)}`,
    );
  await conn.query(`DROP FUNCTION IF EXISTS ${fn(names)}() CASCADE`);
  await conn.query(`DROP TABLE IF EXISTS ${changeTable(names)}`);
}

interface ChangeRow {
  seq: string;
  op: 'insert' | 'update' | 'delete';
  schema_name: string;
  table_name: string;
  row_data: Record<string, unknown>;
  old_data: Record<string, unknown> | null;
  txid: string;
  at_ms: number;
}

const POLL_MS = 200;
const PAGE = 2000;

/** Polls the change table; a transaction is handed over once all its rows are read. */
export function openTriggerCapture(conn: DbConnection, names: TriggerCaptureNames): ChangeCapture {
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  let wake: (() => void) | undefined;
  return {
    currentPosition: () => lastSeq(conn, names),
    async start(from, handlers: CaptureHandlers) {
      let after = from;
      const poll = async () => {
        while (!closed) {
          const { rows } = await conn.query<ChangeRow>(
            `SELECT seq::text AS seq, op, schema_name, table_name, row_data, old_data, txid::text AS txid,
                    (extract(epoch FROM at) * 1000)::float8 AS at_ms
               FROM ${changeTable(names)} WHERE seq > $1 ORDER BY seq LIMIT ${PAGE}`,
            [after],
          );
          // The last transaction of a full page may continue on the next page: keep it back.
          let usable = rows;
          if (rows.length === PAGE) {
            const lastTxid = rows[rows.length - 1]?.txid;
            const cut = rows.findIndex((r) => r.txid === lastTxid);
            if (cut > 0) usable = rows.slice(0, cut);
          }
          let txn: SourceTxn | null = null;
          let txid = '';
          const flush = async () => {
            if (txn) await handlers.onTxn(txn);
            txn = null;
          };
          for (const r of usable) {
            if (r.txid !== txid) {
              await flush();
              txid = r.txid;
              txn = { position: r.seq, commitMs: r.at_ms, changes: [] };
            }
            const t = txn as unknown as SourceTxn;
            t.position = r.seq;
            t.commitMs = Math.max(t.commitMs, r.at_ms);
            const table = { schema: r.schema_name, table: r.table_name };
            t.changes.push(
              r.op === 'update'
                ? { op: 'update', table, row: r.row_data, oldKey: r.old_data ?? undefined }
                : { op: r.op, table, row: r.row_data },
            );
          }
          await flush();
          const last = usable[usable.length - 1];
          if (last) after = last.seq;
          if (usable.length < PAGE)
            await new Promise<void>((resolve) => {
              wake = resolve;
              timer = setTimeout(resolve, POLL_MS);
            });
        }
      };
      void poll().catch((error: Error) => {
        if (!closed) handlers.onError(error);
      });
    },
    confirm(position) {
      // Applied changes are no longer needed in the change table.
      void conn
        .query(`DELETE FROM ${changeTable(names)} WHERE seq <= $1`, [position])
        .catch(() => undefined);
    },
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      wake?.();
    },
  };
}
