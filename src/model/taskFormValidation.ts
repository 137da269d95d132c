// Checking the Create DMS Task form: the inline check of each field before any request, the
// errors to show now, the CreateReplicationTask input once every field is fine, and which field
// a server error concerns. Pure.
import { cdcStartError, cdcStopError } from './cdcTaskOptions.js';
import { identifierError } from './identifiers.js';
import { parseLobSize } from './lobSettings.js';
import { validationSizeError } from './validationTaskOptions.js';
import { mappingsError } from './selectionMappings.js';
import { buildCreateTaskInput, type CreateTaskInput } from './taskInput.js';
import {
  type FieldId,
  type TaskFormState,
  type TaskFormValues,
  visibleFields,
} from './taskFormState.js';
import type { Endpoint } from './endpoint.js';
import type { ReplicationInstance } from './instance.js';

export interface ValidationContext {
  instances?: readonly ReplicationInstance[];
  endpoints?: readonly Endpoint[];
  /** The key that opens a chooser, as shown (from the key table's form.choose): "Enter". */
  chooseKey?: string;
}

/** The inline check of one field, before any request: null when it is fine. */
export function fieldError(
  values: TaskFormValues,
  field: FieldId,
  context: ValidationContext = {},
): string | null {
  const key = context.chooseKey ?? 'Enter';
  switch (field) {
    case 'name':
      return identifierError(values.name, 'task');
    case 'instance': {
      if (!values.instanceArn) return `Choose a replication instance (${key})`;
      const instance = context.instances?.find((i) => i.arn === values.instanceArn);
      if (context.instances && !instance)
        return `That replication instance no longer exists: choose another (${key})`;
      if (instance && instance.status !== 'available')
        return `Replication instance ${instance.identifier} is ${instance.status}: choose an available one`;
      return null;
    }
    case 'source':
    case 'target': {
      const arn = field === 'source' ? values.sourceArn : values.targetArn;
      if (!arn) return `Choose or create a ${field} endpoint (${key})`;
      const endpoint = context.endpoints?.find((e) => e.arn === arn);
      if (context.endpoints && !endpoint)
        return `That ${field} endpoint no longer exists: choose or create another (${key})`;
      if (endpoint && endpoint.type !== field)
        return `${endpoint.identifier} is a ${endpoint.type} endpoint, not a ${field} endpoint`;
      return null;
    }
    case 'lobSize': {
      if (values.lobMode === 'none') return null;
      const parsed = parseLobSize(
        values.lobMode === 'full' ? values.lobChunkKb : values.lobMaxKb,
        values.lobMode,
      );
      return parsed.ok ? null : parsed.error;
    }
    case 'mappings':
      return mappingsError(values.mappings);
    case 'cdcStart':
      return cdcStartError(
        values.cdcStart,
        context.endpoints?.find((e) => e.arn === values.sourceArn)?.engineName,
      );
    case 'cdcStop':
      return cdcStopError(values.cdcStop);
    case 'validationThreads':
    case 'validationPartition':
    case 'validationFailures':
      return validationSizeError(values, field);
    default:
      return null;
  }
}

/** Every field's problem (server errors win over inline ones). */
export function formErrors(
  state: TaskFormState,
  context: ValidationContext = {},
): Partial<Record<FieldId, string>> {
  const errors: Partial<Record<FieldId, string>> = {};
  for (const field of visibleFields(state.values)) {
    const e = state.serverErrors[field] ?? fieldError(state.values, field, context);
    if (e) errors[field] = e;
  }
  return errors;
}

/** The errors to show now: touched fields, or all after a Create attempt. */
export function shownErrors(
  state: TaskFormState,
  context: ValidationContext = {},
): Partial<Record<FieldId, string>> {
  const all = formErrors(state, context);
  if (state.showAllErrors) return all;
  const shown: Partial<Record<FieldId, string>> = {};
  for (const [field, message] of Object.entries(all) as [FieldId, string][]) {
    if (state.touched.includes(field) || state.serverErrors[field]) shown[field] = message;
  }
  return shown;
}

/** The input to send, or the first field in error. */
export function taskInputFromForm(
  values: TaskFormValues,
  context: ValidationContext = {},
): { ok: true; input: CreateTaskInput } | { ok: false; field: FieldId; error: string } {
  for (const field of visibleFields(values)) {
    const error = fieldError(values, field, context);
    if (error) return { ok: false, field, error };
  }
  return {
    ok: true,
    input: buildCreateTaskInput({
      name: values.name,
      replicationInstanceArn: values.instanceArn ?? '',
      sourceEndpointArn: values.sourceArn ?? '',
      targetEndpointArn: values.targetArn ?? '',
      migrationType: values.migrationType,
      tablePrepMode: values.tablePrepMode,
      lob: {
        mode: values.lobMode,
        chunkSizeKb: Number(values.lobChunkKb),
        maxSizeKb: Number(values.lobMaxKb),
      },
      logging: values.logging,
      mappings: values.mappings,
      keptRules: values.keptRules,
      cdc: {
        cdcStart: values.cdcStart,
        cdcStop: values.cdcStop,
        stopAfterLoad: values.stopAfterLoad,
      },
      validation: {
        validation: values.validation,
        validationThreads: values.validationThreads,
        validationPartition: values.validationPartition,
        validationFailures: values.validationFailures,
      },
    }),
  };
}

/** Which field a CreateReplicationTask error concerns, or null when none does. */
export function fieldForServerError(
  values: TaskFormValues,
  error: { name: string; message: string },
): FieldId | null {
  const { name, message } = error;
  if (values.sourceArn && message.includes(values.sourceArn)) return 'source';
  if (values.targetArn && message.includes(values.targetArn)) return 'target';
  if (values.instanceArn && message.includes(values.instanceArn)) return 'instance';
  if (name === 'ResourceAlreadyExistsFault' || /task identifier|already exists/i.test(message))
    return 'name';
  if (/ReplicationTaskIdentifier|task name|identifier/i.test(message)) return 'name';
  if (/table mapping/i.test(message)) return 'mappings';
  if (/lob/i.test(message)) return 'lobMode';
  if (/TargetTablePrepMode/i.test(message)) return 'tablePrepMode';
  if (/logging|LogComponents/i.test(message)) return 'logging';
  if (/migration ?type/i.test(message)) return 'migrationType';
  if (/CdcStopPosition|stop position/i.test(message)) return 'cdcStop';
  if (/CdcStart|start (time|position)/i.test(message)) return 'cdcStart';
  if (/ThreadCount/i.test(message)) return 'validationThreads';
  if (/PartitionSize/i.test(message)) return 'validationPartition';
  if (/FailureMaxCount/i.test(message)) return 'validationFailures';
  if (/validation/i.test(message)) return 'validation';
  if (/replication instance/i.test(message)) return 'instance';
  if (/source endpoint/i.test(message)) return 'source';
  if (/target endpoint/i.test(message)) return 'target';
  return null;
}
