// Modify a task through the Create form: the form's values read back from a task (its settings
// and table mappings), and the ModifyReplicationTask input from what the form builds. What a
// task's state allows is the lifecycle's (taskStatus.refusal(task, 'modify')). Pure.
import { DEFAULT_LOB_CHUNK_KB, DEFAULT_LOB_MAX_KB, type LobMode } from './lobSettings.js';
import { rowsFromDocument } from './selectionMappings.js';
import { validationOptionsFrom } from './validationTaskOptions.js';
import { parseTableMappings } from './tableMappings.js';
import type { Task } from './task.js';
import type { TaskFormValues } from './taskFormState.js';
import {
  type CreateTaskInput,
  MIGRATION_TYPES,
  type MigrationType,
  TABLE_PREP_MODES,
  type TablePrepMode,
} from './taskInput.js';

/** ModifyReplicationTaskMessage, as the form sends it. */
export interface ModifyTaskInput {
  ReplicationTaskArn: string;
  ReplicationTaskIdentifier?: string;
  MigrationType: MigrationType;
  TableMappings: string;
  ReplicationTaskSettings: string;
}

type Settings = {
  TargetMetadata?: {
    SupportLobs?: boolean;
    FullLobMode?: boolean;
    LobChunkSize?: number;
    LobMaxSize?: number;
  };
  FullLoadSettings?: { TargetTablePrepMode?: string };
  Logging?: { EnableLogging?: boolean };
  ValidationSettings?: Record<string, unknown>;
};

function parsed<T>(text: string | undefined): T | undefined {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}

function lobModeOf(meta: Settings['TargetMetadata']): LobMode {
  if (meta?.SupportLobs === false) return 'none';
  return meta?.FullLobMode ? 'full' : 'limited';
}

/** The form's values for a task (read with its settings). */
export function valuesFromTask(task: Task): TaskFormValues {
  const settings = parsed<Settings>(task.settings) ?? {};
  const meta = settings.TargetMetadata;
  const doc = task.tableMappings ? parseTableMappings(task.tableMappings) : undefined;
  const { rows, kept } = doc?.ok ? rowsFromDocument(doc.value) : { rows: [], kept: [] };
  const type = MIGRATION_TYPES.find((m) => m.value === task.migrationType)?.value ?? 'full-load';
  const prep =
    TABLE_PREP_MODES.find((m) => m.value === settings.FullLoadSettings?.TargetTablePrepMode)
      ?.value ?? ('DO_NOTHING' as TablePrepMode);
  return {
    name: task.id,
    instanceArn: task.instanceArn,
    sourceArn: task.sourceEndpointArn,
    targetArn: task.targetEndpointArn,
    migrationType: type,
    tablePrepMode: prep,
    lobMode: lobModeOf(meta),
    lobChunkKb: String(meta?.LobChunkSize || DEFAULT_LOB_CHUNK_KB),
    lobMaxKb: String(meta?.LobMaxSize || DEFAULT_LOB_MAX_KB),
    logging: Boolean(settings.Logging?.EnableLogging),
    mappings: rows,
    keptRules: kept,
    ...validationOptionsFrom(settings.ValidationSettings),
  };
}

/** What ModifyReplicationTask sends for the form's input: the identifier only when renamed;
 *  the instance and endpoints are not the call's to change. */
export function modifyTaskInput(task: Task, input: CreateTaskInput): ModifyTaskInput {
  return {
    ReplicationTaskArn: task.arn,
    ...(input.ReplicationTaskIdentifier !== task.id
      ? { ReplicationTaskIdentifier: input.ReplicationTaskIdentifier }
      : {}),
    MigrationType: input.MigrationType,
    TableMappings: input.TableMappings,
    ReplicationTaskSettings: input.ReplicationTaskSettings,
  };
}
