// Builds a table's load plan: transformation rules name it, the type mapping types it, the
// LOB settings decide which LOB columns travel and how much of them.
import type { ColumnPlan, Family, TablePlan } from '../../db/loadPlan.js';
import type { TableInfo } from '../../db/sourceTables.js';
import type { MappingRule } from '../../model/tableMappings.js';
import { mapColumnNames, targetSchemaName, targetTableName } from '../../model/tableMatching.js';
import {
  isBinary,
  isLob,
  type NeutralType,
  parseMysqlType,
  parsePostgresType,
  targetType,
} from '../../model/typeMapping.js';
import type { LobMode } from './settings.js';

export interface PlannedTable {
  plan: TablePlan;
  /** W lines for the task log (unmapped types, LOB columns left out). */
  warnings: string[];
  /** Columns cut in limited LOB mode (source names). */
  limitedLobColumns: string[];
}

export function planTable(
  info: TableInfo,
  rules: readonly MappingRule[],
  families: { source: Family; target: Family },
  lob: LobMode,
): PlannedTable {
  const warnings: string[] = [];
  const limitedLobColumns: string[] = [];
  const names = mapColumnNames(
    rules,
    info,
    info.columns.map((c) => c.name),
  );
  const label = `'${info.schema}'.'${info.table}'`;
  const columns: ColumnPlan[] = [];
  const keyTargets: string[] = [];
  for (const naming of names) {
    const column = info.columns.find((c) => c.name === naming.source);
    if (!column) continue;
    const inKey = info.primaryKey.includes(column.name);
    const neutral: NeutralType =
      families.source === 'postgres'
        ? parsePostgresType(column.fullType)
        : parseMysqlType(column.fullType);
    const lobColumn = isLob(neutral) && !inKey;
    if (lobColumn && lob.kind === 'none') {
      warnings.push(
        `Column '${column.name}' of table ${label} is a LOB column and LOB support is disabled (SupportLobs false): the column is not loaded`,
      );
      continue;
    }
    let targetSql: string;
    let castText = false;
    if (families.source === families.target && (families.source === 'mysql' || column.builtin)) {
      // Same engine: the exact source type (arrays, enums on MySQL, precisions) carries over.
      targetSql = column.fullType;
    } else {
      const mapped = targetType(neutral, families.target, inKey);
      targetSql = mapped.sql;
      if (mapped.warning) {
        warnings.push(`Column '${column.name}' of table ${label}: ${mapped.warning}`);
        castText = families.source === 'postgres';
      }
    }
    let truncateTo: number | undefined;
    if (lobColumn && lob.kind === 'limited') {
      truncateTo = lob.maxBytes;
      limitedLobColumns.push(column.name);
    }
    columns.push({
      source: column.name,
      target: naming.target,
      targetSql,
      nullable: column.nullable,
      binary: isBinary(neutral),
      bool: neutral.kind === 'bool',
      timestampTz: neutral.kind === 'timestamp' && neutral.tz,
      temporal: neutral.kind === 'date' || neutral.kind === 'timestamp',
      castText,
      truncateTo,
    });
    if (inKey) keyTargets.push(naming.target);
  }
  // Keep the key's order as the source declares it.
  const primaryKey = info.primaryKey
    .map((k) => names.find((n) => n.source === k)?.target)
    .filter((k): k is string => k !== undefined && keyTargets.includes(k));
  return {
    plan: {
      source: { schema: info.schema, table: info.table },
      target: {
        schema: targetSchemaName(rules, info.schema),
        table: targetTableName(rules, info),
      },
      sourceFamily: families.source,
      targetFamily: families.target,
      columns,
      primaryKey: primaryKey.length === info.primaryKey.length ? primaryKey : [],
    },
    warnings,
    limitedLobColumns,
  };
}
