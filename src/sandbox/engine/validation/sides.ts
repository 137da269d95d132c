// What a table's validation compares: the load plan (transformation rules, LOB settings) tells
// which source column lands in which target column; the key columns come first on both sides.
import type { DbConnection } from '../../../db/connection.js';
import { describeSourceTable } from '../../../db/sourceTables.js';
import type { SideColumn, TextRow, ValidationSide } from '../../../db/validationQueries.js';
import type { MappingRule } from '../../../model/tableMappings.js';
import { isLob, parseMysqlType, parsePostgresType } from '../../../model/typeMapping.js';
import { type CompareKind, compareColumnOf, keyText } from '../../../model/validation.js';
import { planTable } from '../plan.js';
import type { LobMode } from '../settings.js';
import type { TableRef } from '../types.js';

export interface TableSides {
  source: TableRef;
  target: TableRef;
  sourceColumns: SideColumn[];
  targetColumns: SideColumn[];
  keyCount: number;
  /** Compared columns by their target names (the failures' DETAILS name them so). */
  names: { name: string; kind: CompareKind }[];
}

/** The sides of a table, or null when it has no primary key (nothing to compare rows by). */
export async function describeSides(
  source: DbConnection,
  target: DbConnection,
  ref: TableRef,
  rules: readonly MappingRule[],
  lob: LobMode,
  skipLobColumns: boolean,
): Promise<TableSides | null> {
  const info = await describeSourceTable(source, ref);
  const { plan } = planTable(info, rules, { source: source.family, target: target.family }, lob);
  if (plan.primaryKey.length === 0) return null;
  const fullTypeOf = (name: string) =>
    info.columns.find((i) => i.name === name)?.fullType ?? 'text';
  const isLobType = (name: string) =>
    isLob(
      source.family === 'postgres'
        ? parsePostgresType(fullTypeOf(name))
        : parseMysqlType(fullTypeOf(name)),
    );
  const columns = plan.columns
    // SkipLobColumns leaves LOB columns out (a value limited LOB mode cut is a difference).
    .filter((c) => !(skipLobColumns && isLobType(c.source)))
    .map((c) => {
      const { kind, tz } = compareColumnOf(source.family, fullTypeOf(c.source));
      return {
        inKey: plan.primaryKey.indexOf(c.target),
        source: { name: c.source, kind, binary: c.binary, tz },
        target: { name: c.target, kind, binary: c.binary, tz },
      };
    });
  const keys = columns.filter((c) => c.inKey >= 0).sort((a, b) => a.inKey - b.inKey);
  const rest = columns.filter((c) => c.inKey < 0);
  const ordered = [...keys, ...rest];
  return {
    source: plan.source,
    target: plan.target,
    sourceColumns: ordered.map((c) => c.source),
    targetColumns: ordered.map((c) => c.target),
    keyCount: keys.length,
    names: ordered.map((c) => ({ name: c.target.name, kind: c.target.kind })),
  };
}

export function sideOf(
  sides: TableSides,
  which: 'source' | 'target',
  conn: DbConnection,
): ValidationSide {
  return {
    conn,
    table: which === 'source' ? sides.source : sides.target,
    columns: which === 'source' ? sides.sourceColumns : sides.targetColumns,
    keyCount: sides.keyCount,
  };
}

/** The text two sides match a row's key by. */
export function rowKey(sides: TableSides, row: TextRow): string {
  return keyText(
    sides.names.slice(0, sides.keyCount).map((n) => n.kind),
    row.slice(0, sides.keyCount),
  );
}

/** The KEY column of awsdms_validation_failures_v1 for a row. */
export function failureKey(sides: TableSides, row: TextRow): string {
  return JSON.stringify({ key: row.slice(0, sides.keyCount) });
}
