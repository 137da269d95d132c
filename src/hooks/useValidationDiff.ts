// One validation failure's source and target rows, fetched by key through the open project's
// connections once the task (its table mappings and endpoints) is known; read again when the
// key or the connections change. Says why when a connection is missing or is not the task's.
import { readFailureRows, type FailureRows } from '../db/validationRows.js';
import type { TableName } from '../model/tableMatching.js';
import { parseTableMappings } from '../model/tableMappings.js';
import { targetSchemaName, targetTableName } from '../model/tableMatching.js';
import { connectionMismatch } from '../model/validationFailures.js';
import { useServices } from '../ui/services.js';
import { type SourceCheckState, sourceKey, useSourceCheck } from './useSourceCheck.js';
import { useTaskDetails } from './useTaskDetails.js';

export interface ValidationDiffState {
  rows: SourceCheckState<FailureRows>;
  /** Where the target row is read: the table after the task's table mappings. */
  targetTable?: TableName;
  /** Why the rows cannot be read at all (a missing connection, the task unreadable), or null. */
  unreadable: string | null;
  /** Connections that are not the task's endpoints (one line each). */
  mismatches: string[];
}

export function useValidationDiff(options: {
  arn: string;
  schema: string;
  table: string;
  key: readonly (string | null)[];
}): ValidationDiffState {
  const { project } = useServices();
  const source = project?.source ?? null;
  const target = project?.target ?? null;
  const task = useTaskDetails({ arn: options.arn });
  const details = task.data;
  const parsed = details ? parseTableMappings(details.task.tableMappings ?? '{"rules":[]}') : null;
  const rules = parsed?.ok ? parsed.value.rules : [];
  const sourceTable = { schema: options.schema, table: options.table };
  const targetTable = details
    ? {
        schema: targetSchemaName(rules, options.schema),
        table: targetTableName(rules, sourceTable),
      }
    : undefined;
  const unreadable =
    (!source ? connectionMismatch('source', undefined, source) : null) ??
    (!target ? connectionMismatch('target', undefined, target) : null) ??
    (!details && task.error ? `Cannot read the task: ${task.error}` : null);
  const ready = source && target && targetTable && !unreadable;
  const key = ready
    ? JSON.stringify([
        sourceKey(source),
        sourceKey(target),
        sourceTable,
        targetTable,
        rules,
        options.key,
      ])
    : '';
  const rows = useSourceCheck(key, () =>
    source && target && targetTable
      ? readFailureRows({ source, target, sourceTable, targetTable, rules, key: options.key })
      : Promise.reject(new Error('not ready')),
  );
  const mismatches = details
    ? (['source', 'target'] as const).flatMap((side) => {
        const arn =
          side === 'source' ? details.task.sourceEndpointArn : details.task.targetEndpointArn;
        const m = connectionMismatch(side, details.names.endpoints.get(arn), project?.[side]);
        return m ? [m] : [];
      })
    : [];
  return { rows, targetTable, unreadable, mismatches };
}
