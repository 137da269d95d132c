// The CreateReplicationTask input the form sends, previews and saves (docs/dms-api.md §2, §4):
// the same object for all three, so the saved JSON creates exactly the task the form would.
// Member order follows the API reference; TableMappings and ReplicationTaskSettings are JSON
// strings, as the API and `aws dms create-replication-task --cli-input-json` take them. Pure.
import {
  type CdcInputMembers,
  type CdcOptions,
  cdcInputMembers,
  stopAfterLoadSettings,
} from './cdcTaskOptions.js';
import { type LobChoice, lobTargetMetadata } from './lobSettings.js';
import { defaultLogComponents } from './taskSettings.js';
import { type MappingRow, mappingsDocument } from './selectionMappings.js';
import { type ValidationOptions, validationSettings } from './validationTaskOptions.js';
import type { MappingRule } from './tableMappings.js';

export type MigrationType = 'full-load' | 'full-load-and-cdc' | 'cdc';
export type TablePrepMode = 'DO_NOTHING' | 'DROP_AND_CREATE' | 'TRUNCATE_BEFORE_LOAD';

export const MIGRATION_TYPES: readonly { value: MigrationType; label: string }[] = [
  { value: 'full-load', label: 'Migrate existing data (full load)' },
  { value: 'full-load-and-cdc', label: 'Migrate existing data and replicate ongoing changes' },
  { value: 'cdc', label: 'Replicate data changes only (CDC)' },
];

export const TABLE_PREP_MODES: readonly { value: TablePrepMode; label: string }[] = [
  { value: 'DO_NOTHING', label: 'Do nothing' },
  { value: 'DROP_AND_CREATE', label: 'Drop tables on target' },
  { value: 'TRUNCATE_BEFORE_LOAD', label: 'Truncate' },
];

export interface TaskInputFields {
  name: string;
  replicationInstanceArn: string;
  sourceEndpointArn: string;
  targetEndpointArn: string;
  migrationType: MigrationType;
  tablePrepMode: TablePrepMode;
  lob: LobChoice;
  logging: boolean;
  mappings: readonly MappingRow[];
  keptRules?: readonly MappingRule[];
  /** CDC start, stop and stop-after-full-load (cdc and full-load-and-cdc only). */
  cdc?: CdcOptions;
  /** Data validation: off, on or validation only, and its settings. */
  validation?: ValidationOptions;
}

/** CreateReplicationTaskMessage, exactly as sent. */
export interface CreateTaskInput extends CdcInputMembers {
  ReplicationTaskIdentifier: string;
  SourceEndpointArn: string;
  TargetEndpointArn: string;
  ReplicationInstanceArn: string;
  MigrationType: MigrationType;
  TableMappings: string;
  ReplicationTaskSettings: string;
  /** The form sends none; the agent tags its DMS subtask with its task's name. */
  Tags?: { Key: string; Value: string }[];
}

/**
 * The settings document: only what the form chooses; DMS merges it over its defaults.
 * CloudWatchLogGroup/Stream are never sent (DMS refuses them on create).
 */
export function taskSettingsDocument(
  fields: Pick<TaskInputFields, 'tablePrepMode' | 'lob' | 'logging'> &
    Partial<Pick<TaskInputFields, 'migrationType' | 'cdc' | 'validation'>>,
) {
  const type = fields.migrationType ?? 'full-load';
  return {
    TargetMetadata: lobTargetMetadata(fields.lob),
    // A cdc task loads no table: the preparation does not apply to it.
    ...(type === 'cdc'
      ? {}
      : {
          FullLoadSettings: {
            TargetTablePrepMode: fields.tablePrepMode,
            ...stopAfterLoadSettings(type, fields.cdc?.stopAfterLoad),
          },
        }),
    Logging: fields.logging
      ? { EnableLogging: true, LogComponents: defaultLogComponents() }
      : { EnableLogging: false },
    ...validationSettings(fields.validation ?? {}),
  };
}

export function buildCreateTaskInput(fields: TaskInputFields): CreateTaskInput {
  return {
    ReplicationTaskIdentifier: fields.name,
    SourceEndpointArn: fields.sourceEndpointArn,
    TargetEndpointArn: fields.targetEndpointArn,
    ReplicationInstanceArn: fields.replicationInstanceArn,
    MigrationType: fields.migrationType,
    TableMappings: JSON.stringify(mappingsDocument(fields.mappings, fields.keptRules)),
    ReplicationTaskSettings: JSON.stringify(taskSettingsDocument(fields)),
    ...cdcInputMembers(fields.migrationType, fields.cdc ?? {}),
  };
}

/** What `w` writes and the CLI reads: the input, two-space indented, newline-terminated. */
export function createTaskInputJson(input: CreateTaskInput): string {
  return `${JSON.stringify(input, null, 2)}\n`;
}

/**
 * The Preview: the same input with TableMappings and ReplicationTaskSettings expanded so they
 * can be read (the file and the request keep them as strings, as the API requires).
 */
export function previewLines(input: CreateTaskInput): string[] {
  const readable = {
    ...input,
    TableMappings: JSON.parse(input.TableMappings) as unknown,
    ReplicationTaskSettings: JSON.parse(input.ReplicationTaskSettings) as unknown,
  };
  return JSON.stringify(readable, null, 2).split('\n');
}
