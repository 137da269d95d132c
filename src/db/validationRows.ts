// The source row and the target row of one validation failure, fetched by key through the
// project's connections (read-only), every column printed in the text form validation compares
// (validationQueries.ts) and lined up by the task's table mappings (model/validationDiff.ts).
import type { ConnectionSpec } from '../model/connection.js';
import type { MappingRule } from '../model/tableMappings.js';
import { mapColumnNames } from '../model/tableMatching.js';
import { type DiffColumn, diffColumns, type SideRow } from '../model/validationDiff.js';
import { type DbConnection, limitStatements, openConnection } from './connection.js';
import { describeSourceTable, type TableRef } from './sourceTables.js';
import { readByKeys, type ValidationSide } from './validationQueries.js';

export interface FailureRowsInput {
  source: ConnectionSpec;
  target: ConnectionSpec;
  sourceTable: TableRef;
  targetTable: TableRef;
  rules: readonly MappingRule[];
  /** The failure's key values, in primary-key order (as the validator wrote them). */
  key: readonly (string | null)[];
}

export interface FailureRows {
  columns: DiffColumn[];
  /** Aligned with `columns`; null when that side has no row of this key. */
  source: SideRow;
  target: SideRow;
}

/** Seconds any one statement may take. */
const QUERY_SECONDS = 15;

async function open(spec: ConnectionSpec): Promise<DbConnection> {
  const db = await openConnection(spec, { timeoutMs: 5000, applicationName: 'dms-tui' });
  try {
    // The session's time zone as the validator sets it: timestamps print alike on both sides.
    await db.query(db.family === 'postgres' ? "SET TimeZone = 'UTC'" : "SET time_zone = '+00:00'");
    await limitStatements(db, QUERY_SECONDS);
    return db;
  } catch (error) {
    await db.close();
    throw error;
  }
}

/** The row of `key` on one side, aligned with `columns` (undefined where the side lacks one). */
async function rowOf(
  db: DbConnection,
  table: TableRef,
  columns: readonly DiffColumn[],
  which: 'source' | 'target',
  key: readonly (string | null)[],
): Promise<SideRow> {
  const present = columns.flatMap((c, i) => {
    const name = c[which];
    return name === null ? [] : [{ i, side: { name, kind: c.kind, binary: c.binary, tz: c.tz } }];
  });
  const side: ValidationSide = {
    conn: db,
    table,
    columns: present.map((p) => p.side),
    keyCount: columns.filter((c) => c.key).length,
  };
  const [row] = await readByKeys(side, [[...key]]);
  if (!row) return null;
  const aligned: (string | null | undefined)[] = columns.map(() => undefined);
  present.forEach((p, at) => {
    aligned[p.i] = row[at] ?? null;
  });
  return aligned;
}

export async function readFailureRows(input: FailureRowsInput): Promise<FailureRows> {
  const source = await open(input.source);
  try {
    const target = await open(input.target);
    try {
      const info = await describeSourceTable(source, input.sourceTable);
      const targetInfo = await describeSourceTable(target, input.targetTable);
      if (targetInfo.columns.length === 0)
        throw new Error(
          `The target has no table ${input.targetTable.schema}.${input.targetTable.table}`,
        );
      const columns = diffColumns({
        family: source.family,
        sourceColumns: info.columns,
        primaryKey: info.primaryKey,
        naming: mapColumnNames(
          input.rules,
          input.sourceTable,
          info.columns.map((c) => c.name),
        ),
        targetColumns: targetInfo.columns.map((c) => c.name),
      });
      const keys = columns.filter((c) => c.key);
      if (keys.length === 0)
        throw new Error(
          `${input.sourceTable.schema}.${input.sourceTable.table} has no primary key on the source: rows cannot be found by key`,
        );
      if (keys.length !== input.key.length)
        throw new Error(
          `The failure's key has ${input.key.length} value(s), the table's primary key ${keys.length} column(s): it changed since the validation`,
        );
      if (keys.some((c) => c.target === null))
        throw new Error('A primary key column has no column on the target: rows cannot be matched');
      return {
        columns,
        source: await rowOf(source, input.sourceTable, columns, 'source', input.key),
        target: await rowOf(target, input.targetTable, columns, 'target', input.key),
      };
    } finally {
      await target.close();
    }
  } finally {
    await source.close();
  }
}
