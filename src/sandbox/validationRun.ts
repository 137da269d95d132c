// Data validation beside a task's run (issue 15, docs/dms-api.md §9): starts the validator when
// ValidationSettings.EnableValidation (or ValidationOnly) is on, keeps each table's figures in
// its statistics record and records the task's validation metrics for CloudWatch.
import type { ConnectionSpec } from '../model/connection.js';
import type { TableMappings } from '../model/tableMappings.js';
import { readValidationSettings } from '../model/validation.js';
import { readEngineSettings } from './engine/settings.js';
import type { TableRef } from './engine/types.js';
import type { Validator } from './engine/validation/validator.js';
import type { MetricsStore } from './metrics/store.js';
import { recordTaskMetric } from './replication.js';
import type { TableStatRecord, TaskRecord } from './state.js';
import type { Store } from './store.js';

export type { Validator };

export interface ValidationDeps {
  store: Store;
  metrics?: MetricsStore;
  log(
    task: TaskRecord,
    component: string,
    severity: 'E' | 'W' | 'I' | 'D',
    message: string,
    file?: string,
  ): void;
  tableRecord(task: TaskRecord, ref: TableRef): TableStatRecord;
}

export function validationEnabled(task: TaskRecord): boolean {
  return readValidationSettings(task.settings).enabled;
}

export function validationOnly(task: TaskRecord): boolean {
  return readValidationSettings(task.settings).only;
}

function recordOverall(deps: ValidationDeps, task: TaskRecord): void {
  let failed = 0;
  let suspended = 0;
  let pending = 0;
  for (const t of task.tables) {
    failed += t.validation?.failed ?? 0;
    suspended += t.validation?.suspended ?? 0;
    pending += t.validation?.pending ?? 0;
  }
  recordTaskMetric(deps, task, 'ValidationFailedOverallCount', failed);
  recordTaskMetric(deps, task, 'ValidationSuspendedOverallCount', suspended);
  recordTaskMetric(deps, task, 'ValidationPendingOverallCount', pending);
}

/** The task's validator, or undefined when validation is not enabled. */
export async function startValidation(
  deps: ValidationDeps,
  task: TaskRecord,
  specs: { source: ConnectionSpec; target: ConnectionSpec },
  mappings: TableMappings,
  signal: AbortSignal,
): Promise<Validator | undefined> {
  const settings = readValidationSettings(task.settings);
  if (!settings.enabled) return undefined;
  const { createValidator } = await import('./engine/validation/validator.js');
  deps.log(
    task,
    'VALIDATOR_EXT',
    'I',
    `Data validation is enabled: PartitionSize ${settings.partitionSize}, ThreadCount ${settings.threadCount}${settings.only ? ', validation only' : ''}`,
    'validator.c:120',
  );
  return createValidator({
    taskName: task.resourceId,
    source: specs.source,
    target: specs.target,
    rules: mappings.rules,
    settings,
    lob: readEngineSettings(task.settings).lob,
    signal,
    onTable(ref, validation) {
      const rec = deps.tableRecord(task, ref);
      rec.validation = validation;
      rec.lastUpdateMs = Date.now();
      deps.store.changed();
      recordOverall(deps, task);
    },
    onRecords(attempted, succeeded) {
      recordTaskMetric(deps, task, 'ValidationAttemptedRecordCount', attempted);
      recordTaskMetric(deps, task, 'ValidationSucceededRecordCount', succeeded);
    },
    log: (component, severity, message, file) =>
      deps.log(task, component, severity, message, file ?? 'validator.c:300'),
  });
}
