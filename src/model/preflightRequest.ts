// What a preflight run checks, from wherever the task comes from: a task DMS has
// (DescribeReplicationTasks with settings: `dms-tui preflight TASK`, `p` on the task list), the
// Create DMS Task form's current values, or the command line's options without a task
// (`dms-tui preflight --project P --select …`). All three become the same CreateReplicationTask
// shape (type, TableMappings, ReplicationTaskSettings) and are read by one function, so the
// CLI and the app check exactly the same things. Pure.
import type { Project } from './project.js';
import { preflightSettings, type PreflightFacts } from './preflight.js';
import type { MappingRow } from './selectionMappings.js';
import { type MappingRule, parseTableMappings } from './tableMappings.js';
import { buildCreateTaskInput, type MigrationType, type TablePrepMode } from './taskInput.js';
import { DEFAULT_LOB_CHUNK_KB, DEFAULT_LOB_MAX_KB, type LobMode } from './lobSettings.js';
import type { ValidationChoice } from './validationTaskOptions.js';
import { fieldError } from './taskFormValidation.js';
import type { FieldId, TaskFormValues } from './taskFormState.js';

export type PreflightRequest = Pick<
  PreflightFacts,
  'migrationType' | 'validation' | 'prepMode' | 'lob'
> & { rules: MappingRule[] };

/** A task as DMS describes it (or as the form would create it). */
export interface PreflightTaskShape {
  migrationType: string;
  /** ReplicationTaskSettings (JSON). */
  settings?: string;
  /** TableMappings (JSON). */
  tableMappings?: string;
}

function parseJson(text: string | undefined): Record<string, unknown> {
  try {
    const value = JSON.parse(text ?? '{}') as unknown;
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The one reading of a task for preflight: its type, settings (DMS defaults) and rules. */
export function preflightRequest(task: PreflightTaskShape): PreflightRequest {
  const mappings = parseTableMappings(task.tableMappings ?? '{"rules":[]}');
  return {
    ...preflightSettings(task.migrationType, parseJson(task.settings)),
    rules: mappings.ok ? mappings.value.rules : [],
  };
}

/** The task the Create form would create, without the parts preflight does not look at. */
export interface PreflightOptions {
  migrationType: MigrationType;
  tablePrepMode: TablePrepMode;
  lobMode: LobMode;
  /** Limited mode: LobMaxSize; full mode: LobChunkSize (KB). */
  lobKb?: number;
  validation: ValidationChoice;
  mappings: readonly MappingRow[];
  keptRules?: readonly MappingRule[];
}

/** Options (the form's values, the command line's flags) as the task they would create. */
export function preflightRequestFromOptions(o: PreflightOptions): PreflightRequest {
  const input = buildCreateTaskInput({
    name: 'preflight',
    replicationInstanceArn: '',
    sourceEndpointArn: '',
    targetEndpointArn: '',
    migrationType: o.migrationType,
    tablePrepMode: o.tablePrepMode,
    lob: {
      mode: o.lobMode,
      chunkSizeKb: o.lobMode === 'full' ? (o.lobKb ?? DEFAULT_LOB_CHUNK_KB) : DEFAULT_LOB_CHUNK_KB,
      maxSizeKb: o.lobMode === 'limited' ? (o.lobKb ?? DEFAULT_LOB_MAX_KB) : DEFAULT_LOB_MAX_KB,
    },
    logging: false,
    mappings: o.mappings,
    keptRules: o.keptRules,
    validation: { validation: o.validation },
  });
  return preflightRequest({
    migrationType: input.MigrationType,
    settings: input.ReplicationTaskSettings,
    tableMappings: input.TableMappings,
  });
}

/** The fields of the Create form preflight reads (the others need not be filled in yet). */
const FORM_FIELDS: readonly FieldId[] = ['mappings', 'lobSize'];

/** The Create form's current values as a request, or the first field preflight cannot read. */
export function formPreflightRequest(
  values: TaskFormValues,
): { ok: true; request: PreflightRequest } | { ok: false; field: FieldId; error: string } {
  for (const field of FORM_FIELDS) {
    const error = fieldError(values, field);
    if (error) return { ok: false, field, error };
  }
  const lobText = values.lobMode === 'full' ? values.lobChunkKb : values.lobMaxKb;
  return {
    ok: true,
    request: preflightRequestFromOptions({
      migrationType: values.migrationType,
      tablePrepMode: values.tablePrepMode,
      lobMode: values.lobMode,
      lobKb: Number(lobText),
      validation: values.validation ?? 'off',
      mappings: values.mappings,
      keptRules: values.keptRules,
    }),
  };
}

/** What identifies a request: two runs of the same request check the same things. */
export function preflightSubject(request: PreflightRequest): string {
  return JSON.stringify(request);
}

/** Why preflight cannot run on this project (it reads both databases), or null. */
export function preflightProjectProblem(project: Project | undefined | null): string | null {
  if (!project)
    return 'Preflight reads both databases through a project: open one on :project (with a source and a target connection)';
  const missing = [!project.source && 'source', !project.target && 'target'].filter(Boolean);
  if (missing.length === 0) return null;
  return `Project "${project.name}" has no ${missing.join(' and no ')} connection: add ${missing.length === 1 ? 'it' : 'them'} on :project, then run preflight again`;
}
