// A small RunFullLoad for tests of the task lifecycle: it really copies rows from one
// PostgreSQL database to another with src/db/connection.ts (PostgreSQL → PostgreSQL only, a
// table at a time, in batches). The real engine lives in src/sandbox/engine.
import { type DbConnection, openConnection } from '../../../src/db/connection.js';
import type { RunFullLoad, TableRef } from '../../../src/sandbox/engine/types.js';

export interface CopierOptions {
  batchSize?: number;
  /** Awaited after each batch: lets a test hold a load in the middle deterministically. */
  afterBatch?: (table: TableRef, rowsSoFar: number) => Promise<void>;
}

function wildcard(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    if (pattern.startsWith('[_]', i)) {
      re += '_';
      i += 2;
    } else if (pattern[i] === '%') re += '.*';
    else if (pattern[i] === '_') re += '.';
    else re += pattern[i]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

export function makeCopier(options: CopierOptions = {}): RunFullLoad {
  const batchSize = options.batchSize ?? 500;
  return async (job) => {
    let source: DbConnection | undefined;
    let target: DbConnection | undefined;
    try {
      try {
        source = await openConnection(job.source);
        target = await openConnection(job.target);
      } catch (error) {
        return { kind: 'failed', message: (error as Error).message };
      }
      const selections = job.tableMappings.rules.filter((r) => r['rule-type'] === 'selection');
      const { rows } = await source.query<{ s: string; t: string }>(
        `SELECT table_schema AS s, table_name AS t FROM information_schema.tables
         WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
         ORDER BY 1, 2`,
      );
      const tables: TableRef[] = rows
        .map((r) => ({ schema: r.s, table: r.t }))
        .filter((ref) => {
          let included = false;
          for (const rule of selections) {
            const loc = rule['object-locator'];
            if (!wildcard(loc['schema-name']).test(ref.schema)) continue;
            if (!wildcard(loc['table-name'] ?? '%').test(ref.table)) continue;
            if (rule['rule-action'] === 'exclude') return false;
            included = true;
          }
          return included;
        });
      job.onTables(tables);
      const prep = String(
        (job.settings.FullLoadSettings as Record<string, unknown>)?.TargetTablePrepMode ??
          'DO_NOTHING',
      );
      for (const ref of tables) {
        if (job.skipTables?.has(`${ref.schema}.${ref.table}`)) continue;
        if (job.signal.aborted) return { kind: 'stopped' };
        const startTime = new Date();
        job.onTableUpdate({ ...ref, state: 'Full load', fullLoadRows: 0, errorRows: 0, startTime });
        job.log(
          'SOURCE_UNLOAD',
          'I',
          `Unload of table '${ref.schema}'.'${ref.table}' started`,
          'streamcomponent.c:2042',
        );
        let copied = 0;
        try {
          const cols = await source.query<{ name: string; type: string }>(
            `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type
             FROM pg_attribute a WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped
             ORDER BY a.attnum`,
            [`${q(ref.schema)}.${q(ref.table)}`],
          );
          const full = `${q(ref.schema)}.${q(ref.table)}`;
          await target.query(`CREATE SCHEMA IF NOT EXISTS ${q(ref.schema)}`);
          if (prep === 'DROP_AND_CREATE') await target.query(`DROP TABLE IF EXISTS ${full}`);
          await target.query(
            `CREATE TABLE IF NOT EXISTS ${full} (${cols.rows.map((c) => `${q(c.name)} ${c.type}`).join(', ')})`,
          );
          if (prep === 'TRUNCATE_BEFORE_LOAD') await target.query(`TRUNCATE ${full}`);
          const names = cols.rows.map((c) => q(c.name)).join(', ');
          for (;;) {
            if (job.signal.aborted) {
              job.onTableUpdate({
                ...ref,
                state: 'Table cancelled',
                fullLoadRows: copied,
                errorRows: 0,
                startTime,
              });
              return { kind: 'stopped' };
            }
            const batch = await source.query<Record<string, unknown>>(
              `SELECT ${names} FROM ${full} ORDER BY 1 LIMIT ${batchSize} OFFSET ${copied}`,
            );
            if (batch.rows.length === 0) break;
            const params: unknown[] = [];
            const tuples = batch.rows.map((row) => {
              const slots = cols.rows.map((c) => {
                params.push(row[c.name]);
                return `$${params.length}`;
              });
              return `(${slots.join(', ')})`;
            });
            await target.query(
              `INSERT INTO ${full} (${names}) VALUES ${tuples.join(', ')}`,
              params,
            );
            copied += batch.rows.length;
            job.onTableUpdate({
              ...ref,
              state: 'Full load',
              fullLoadRows: copied,
              errorRows: 0,
              startTime,
            });
            await options.afterBatch?.(ref, copied);
          }
          job.onTableUpdate({
            ...ref,
            state: 'Table completed',
            fullLoadRows: copied,
            errorRows: 0,
            startTime,
            endTime: new Date(),
          });
          job.log(
            'TARGET_LOAD',
            'I',
            `Load finished for table '${ref.schema}'.'${ref.table}'. ${copied} rows received.`,
            'streamcomponent.c:3485',
          );
        } catch (error) {
          job.onTableUpdate({
            ...ref,
            state: 'Table error',
            fullLoadRows: copied,
            errorRows: 0,
            startTime,
          });
          job.log(
            'TARGET_LOAD',
            'E',
            `Failed to load table '${ref.schema}'.'${ref.table}': ${(error as Error).message}`,
            'endpointshell.c:2712',
          );
        }
      }
      return { kind: 'completed' };
    } finally {
      await source?.close();
      await target?.close();
    }
  };
}
