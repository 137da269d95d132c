// Applies captured transactions to the target in commit order, several source transactions per
// target transaction, with the task's checkpoint written in the same transaction: after a crash
// the target holds exactly the changes up to its checkpoint, so resuming from it applies nothing
// twice. Statements are idempotent by primary key besides. A batch that fails is applied again
// change by change; a change that still fails is recorded in awsdms_apply_exceptions.
import type { DbConnection } from '../connection.js';
import { createIfMissing } from '../createIfMissing.js';
import { quoteIdent } from '../sourceTables.js';
import type { Statement, TableStatements } from './applySql.js';
import type { ChangeOp, RowChange, SourceTxn } from './types.js';

export type OpCounts = Record<ChangeOp, number>;

export interface ApplyException {
  table: string;
  statement: string;
  error: string;
}

export interface ApplyResult {
  /** Applied changes per source table ("schema.table"). */
  applied: Map<string, OpCounts>;
  /** Updates and deletes of tables without a primary key (not applied, as DMS). */
  ignored: Map<string, OpCounts>;
  exceptions: ApplyException[];
}

interface Op {
  table: TableStatements;
  statement: () => Statement;
  /** The source changes this statement carries out (for the counts and exceptions). */
  changes: RowChange[];
  kind: 'upsert' | 'delete' | 'single';
}

/** Rows per statement: keeps parameters well under PostgreSQL's 65,535. */
const MAX_PARAMS = 30_000;

/** What a batch leaves of a table's changes: each key's last image, or its deletion. */
interface Fold {
  upserts: Map<string, Record<string, unknown>>;
  deletes: Map<string, Record<string, unknown>>;
  changes: RowChange[];
}

/** A fold as statements: the deletes first (a key is in one map only), then the upserts. */
function foldOps(table: TableStatements, fold: Fold): Op[] {
  const ops: Op[] = [];
  const width = Math.max(1, table.plan.columns.length);
  const perStatement = Math.max(1, Math.floor(MAX_PARAMS / width));
  const chunks = (rows: Record<string, unknown>[]) => {
    const out: Record<string, unknown>[][] = [];
    for (let i = 0; i < rows.length; i += perStatement) out.push(rows.slice(i, i + perStatement));
    return out;
  };
  const deletes = [...fold.deletes.values()];
  const upserts = [...fold.upserts.values()];
  if (table.columnArrays) {
    if (deletes.length > 0)
      ops.push({
        table,
        kind: 'delete',
        changes: [],
        statement: () => table.deleteColumns(deletes),
      });
    if (upserts.length > 0)
      ops.push({
        table,
        kind: 'upsert',
        changes: [],
        statement: () => table.upsertColumns(upserts),
      });
  } else {
    for (const rows of chunks(deletes))
      ops.push({ table, kind: 'delete', changes: [], statement: () => table.delete(rows) });
    for (const rows of chunks(upserts))
      ops.push({ table, kind: 'upsert', changes: [], statement: () => table.upsert(rows) });
  }
  // The changes count once, with the table's first statement (all commit together).
  const first = ops[0];
  if (first) first.changes = fold.changes;
  return ops;
}

/** One change on its own: a partial update, a key change (delete the old key first), or any
 *  change when a failed batch is applied again change by change. */
function singleOps(table: TableStatements, change: RowChange): Op[] {
  const ops: Op[] = [];
  if (change.op === 'update' && table.keyChanged(change)) {
    const old = { ...change.row, ...change.oldKey };
    ops.push({ table, kind: 'single', changes: [], statement: () => table.delete([old]) });
  }
  const row = change.row;
  let statement: () => Statement;
  if (change.op === 'delete') statement = () => table.delete([row]);
  else if (table.complete(row)) statement = () => table.upsert([row]);
  else statement = () => table.partialUpdate(row);
  ops.push({ table, kind: 'single', changes: [change], statement });
  return ops;
}

export const tableKey = (t: { schema: string; table: string }) => `${t.schema}.${t.table}`;

function bump(map: Map<string, OpCounts>, key: string, op: ChangeOp): void {
  let c = map.get(key);
  if (!c) {
    c = { insert: 0, update: 0, delete: 0 };
    map.set(key, c);
  }
  c[op]++;
}

export class ChangeApplier {
  private readonly q: (n: string) => string;

  constructor(
    private readonly conn: DbConnection,
    private readonly taskName: string,
    /** Per source table ("schema.table"). */
    private readonly tables: Map<string, TableStatements>,
  ) {
    this.q = (n) => quoteIdent(conn.family, n);
  }

  /** DMS's control schema: public on PostgreSQL, awsdms_control on MySQL/MariaDB. */
  get controlSchema(): string {
    return this.conn.family === 'postgres' ? 'public' : 'awsdms_control';
  }

  private control(table: string): string {
    return `${this.q(this.controlSchema)}.${this.q(table)}`;
  }

  async ensureControlTables(): Promise<void> {
    const pg = this.conn.family === 'postgres';
    if (!pg) await this.conn.query(`CREATE DATABASE IF NOT EXISTS ${this.q(this.controlSchema)}`);
    const text = pg ? 'text' : 'longtext';
    const ts = pg ? 'timestamp' : 'datetime(6)';
    await createIfMissing(
      this.conn,
      `CREATE TABLE IF NOT EXISTS ${this.control('awsdms_apply_exceptions')} (${this.q('TASK_NAME')} varchar(128) NOT NULL, ${this.q('TABLE_OWNER')} varchar(128) NOT NULL, ${this.q('TABLE_NAME')} varchar(128) NOT NULL, ${this.q('ERROR_TIME')} ${ts} NOT NULL, ${this.q('STATEMENT')} ${text} NOT NULL, ${this.q('ERROR')} ${text} NOT NULL)`,
    );
    await createIfMissing(
      this.conn,
      `CREATE TABLE IF NOT EXISTS ${this.control('awsdms_txn_state')} (${this.q('TASK_NAME')} varchar(128) NOT NULL PRIMARY KEY, ${this.q('CHECKPOINT')} varchar(512) NOT NULL, ${this.q('CHECKPOINT_TIME')} ${ts} NOT NULL)`,
    );
  }

  private mark(i: number): string {
    return this.conn.family === 'postgres' ? `$${i}` : '?';
  }

  /** The checkpoint the target last committed for this task, if any. */
  async readCheckpoint(): Promise<string | null> {
    const { rows } = await this.conn.query<Record<string, string>>(
      `SELECT ${this.q('CHECKPOINT')} AS c FROM ${this.control('awsdms_txn_state')} WHERE ${this.q('TASK_NAME')} = ${this.mark(1)}`,
      [this.taskName],
    );
    return rows[0]?.c ?? null;
  }

  async clearCheckpoint(): Promise<void> {
    await this.conn.query(
      `DELETE FROM ${this.control('awsdms_txn_state')} WHERE ${this.q('TASK_NAME')} = ${this.mark(1)}`,
      [this.taskName],
    );
  }

  private checkpointStatement(checkpoint: string): Statement {
    const cols = `${this.q('TASK_NAME')}, ${this.q('CHECKPOINT')}, ${this.q('CHECKPOINT_TIME')}`;
    const values = `VALUES (${this.mark(1)}, ${this.mark(2)}, ${this.conn.family === 'postgres' ? "now() AT TIME ZONE 'UTC'" : 'UTC_TIMESTAMP(6)'})`;
    const sql =
      this.conn.family === 'postgres'
        ? `INSERT INTO ${this.control('awsdms_txn_state')} (${cols}) ${values} ON CONFLICT (${this.q('TASK_NAME')}) DO UPDATE SET ${this.q('CHECKPOINT')} = EXCLUDED.${this.q('CHECKPOINT')}, ${this.q('CHECKPOINT_TIME')} = EXCLUDED.${this.q('CHECKPOINT_TIME')}`
        : `INSERT INTO ${this.control('awsdms_txn_state')} (${cols}) ${values} ON DUPLICATE KEY UPDATE ${this.q('CHECKPOINT')} = VALUES(${this.q('CHECKPOINT')}), ${this.q('CHECKPOINT_TIME')} = VALUES(${this.q('CHECKPOINT_TIME')})`;
    return { sql, params: [this.taskName, checkpoint] };
  }

  /** Groups the changes into statements, in order; `single` puts every change on its own. */
  /**
   * The statements for the changes, in order. `single`: one statement per change. Otherwise a
   * table's whole-row upserts and deletes by key fold into the final state of each key (both
   * are idempotent "make the row so" operations, so only a key's last one matters): one DELETE
   * and a few multi-row upserts per table and batch. A change that cannot fold (a partial
   * update, a key change) first writes out what its table has folded so far.
   */
  private plan(txns: SourceTxn[], single: boolean, ignored: Map<string, OpCounts>): Op[] {
    const ops: Op[] = [];
    const folds = new Map<TableStatements, Fold>();
    let unkeyed = 0;
    const flush = (table: TableStatements) => {
      const fold = folds.get(table);
      if (!fold) return;
      folds.delete(table);
      ops.push(...foldOps(table, fold));
    };
    for (const txn of txns) {
      for (const change of txn.changes) {
        const key = tableKey(change.table);
        const table = this.tables.get(key);
        if (!table) continue;
        if (!table.hasKey && change.op !== 'insert') {
          bump(ignored, key, change.op);
          continue;
        }
        const special =
          change.op === 'update' && (table.keyChanged(change) || !table.complete(change.row));
        if (single || special) {
          flush(table);
          ops.push(...singleOps(table, change));
          continue;
        }
        let fold = folds.get(table);
        if (!fold) {
          fold = { upserts: new Map(), deletes: new Map(), changes: [] };
          folds.set(table, fold);
        }
        const rowKey = table.hasKey ? table.keyText(change.row) : `#${unkeyed++}`;
        fold.changes.push(change);
        if (change.op === 'delete') {
          fold.upserts.delete(rowKey);
          fold.deletes.set(rowKey, change.row);
        } else {
          fold.deletes.delete(rowKey);
          fold.upserts.set(rowKey, change.row);
        }
      }
    }
    for (const table of [...folds.keys()]) flush(table);
    return ops;
  }

  private async run(s: Statement): Promise<void> {
    await this.conn.query(s.sql, s.params);
  }

  /** Applies the transactions and records `checkpoint`, all in one target transaction. */
  async apply(txns: SourceTxn[], checkpoint: string): Promise<ApplyResult> {
    const result: ApplyResult = { applied: new Map(), ignored: new Map(), exceptions: [] };
    const ops = this.plan(txns, false, result.ignored);
    try {
      await this.conn.query(this.conn.family === 'postgres' ? 'BEGIN' : 'START TRANSACTION');
      for (const op of ops) await this.run(op.statement());
      await this.run(this.checkpointStatement(checkpoint));
      await this.conn.query('COMMIT');
    } catch {
      await this.conn.query('ROLLBACK');
      return this.applyOneByOne(txns, checkpoint);
    }
    for (const op of ops) for (const c of op.changes) bump(result.applied, tableKey(c.table), c.op);
    return result;
  }

  /** The slow path after a failed batch: each change alone, failures to the exceptions table. */
  private async applyOneByOne(txns: SourceTxn[], checkpoint: string): Promise<ApplyResult> {
    const result: ApplyResult = { applied: new Map(), ignored: new Map(), exceptions: [] };
    const ops = this.plan(txns, true, result.ignored);
    await this.conn.query(this.conn.family === 'postgres' ? 'BEGIN' : 'START TRANSACTION');
    try {
      for (const op of ops) {
        await this.conn.query('SAVEPOINT awsdms_change');
        const statement = op.statement();
        try {
          await this.run(statement);
          await this.conn.query('RELEASE SAVEPOINT awsdms_change');
          for (const c of op.changes) bump(result.applied, tableKey(c.table), c.op);
        } catch (error) {
          await this.conn.query('ROLLBACK TO SAVEPOINT awsdms_change');
          const change = op.changes[0];
          const exception = {
            table: `${op.table.plan.target.schema}.${op.table.plan.target.table}`,
            statement: change ? op.table.describe(change) : statement.sql.slice(0, 200),
            error: ((error as Error).message ?? String(error)).split('\n')[0] ?? '',
          };
          result.exceptions.push(exception);
          await this.recordException(op.table, exception);
        }
      }
      await this.run(this.checkpointStatement(checkpoint));
      await this.conn.query('COMMIT');
    } catch (error) {
      await this.conn.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
    return result;
  }

  private async recordException(table: TableStatements, e: ApplyException): Promise<void> {
    const marks = [1, 2, 3, 4, 5].map((i) => this.mark(i));
    const now = this.conn.family === 'postgres' ? "now() AT TIME ZONE 'UTC'" : 'UTC_TIMESTAMP(6)';
    await this.conn.query(
      `INSERT INTO ${this.control('awsdms_apply_exceptions')} (${['TASK_NAME', 'TABLE_OWNER', 'TABLE_NAME', 'ERROR_TIME', 'STATEMENT', 'ERROR'].map(this.q).join(', ')}) VALUES (${marks[0]}, ${marks[1]}, ${marks[2]}, ${now}, ${marks[3]}, ${marks[4]})`,
      [this.taskName, table.plan.target.schema, table.plan.target.table, e.statement, e.error],
    );
  }
}
