// The Create DMS Task form's state: the values, which field has focus, which fields have been
// touched, errors from the server, and the reducer that changes them; plus the inline
// validation run before any request and the mapping of a server error to the field it
// concerns. Pure.
import type { Endpoint } from './endpoint.js';
import { identifierError } from './identifiers.js';
import type { ReplicationInstance } from './instance.js';
import {
  DEFAULT_LOB_CHUNK_KB,
  DEFAULT_LOB_MAX_KB,
  type LobMode,
  parseLobSize,
} from './lobSettings.js';
import { type MappingRow, mappingsError } from './selectionMappings.js';
import type { CreateTaskInput, MigrationType, TablePrepMode } from './taskInput.js';
import { buildCreateTaskInput } from './taskInput.js';

export type FieldId =
  | 'name'
  | 'instance'
  | 'source'
  | 'target'
  | 'migrationType'
  | 'tablePrepMode'
  | 'lobMode'
  | 'lobSize'
  | 'logging'
  | 'mappings';

/** SCT's order. */
export const FIELD_ORDER: readonly FieldId[] = [
  'name',
  'instance',
  'source',
  'target',
  'migrationType',
  'tablePrepMode',
  'lobMode',
  'lobSize',
  'logging',
  'mappings',
];

export interface TaskFormValues {
  name: string;
  instanceArn: string | null;
  sourceArn: string | null;
  targetArn: string | null;
  migrationType: MigrationType;
  tablePrepMode: TablePrepMode;
  lobMode: LobMode;
  lobChunkKb: string;
  lobMaxKb: string;
  logging: boolean;
  mappings: MappingRow[];
}

export interface TaskFormState {
  values: TaskFormValues;
  focus: FieldId;
  /** Fields the user has edited or left: their errors show inline. */
  touched: FieldId[];
  /** After a Create attempt every error shows. */
  showAllErrors: boolean;
  /** The user changed something since the form opened (Esc asks before discarding). */
  dirty: boolean;
  /** The user typed the name: suggestions no longer replace it. */
  nameEdited: boolean;
  serverErrors: Partial<Record<FieldId, string>>;
}

export function initialValues(options: { name: string; mappings: MappingRow[] }): TaskFormValues {
  return {
    name: options.name,
    instanceArn: null,
    sourceArn: null,
    targetArn: null,
    migrationType: 'full-load',
    tablePrepMode: 'DROP_AND_CREATE',
    lobMode: 'limited',
    lobChunkKb: String(DEFAULT_LOB_CHUNK_KB),
    lobMaxKb: String(DEFAULT_LOB_MAX_KB),
    logging: true,
    mappings: options.mappings,
  };
}

export function initialFormState(values: TaskFormValues): TaskFormState {
  return {
    values,
    focus: 'name',
    touched: [],
    showAllErrors: false,
    dirty: false,
    nameEdited: false,
    serverErrors: {},
  };
}

export type TaskFormAction =
  /** A user edit: marks the form changed and the field touched, clears its server error. */
  | { type: 'edit'; patch: Partial<TaskFormValues> }
  /** A default chosen by the app (a suggested name, a preselected endpoint): not a user change. */
  | { type: 'preset'; patch: Partial<TaskFormValues> }
  | { type: 'focus'; field: FieldId }
  | { type: 'move'; step: 1 | -1 }
  | { type: 'serverError'; field: FieldId; message: string }
  | { type: 'showAllErrors' }
  /** Back to a saved draft. */
  | { type: 'restore'; values: TaskFormValues }
  | { type: 'saved' };

/** The fields shown now (the LOB size only for full and limited mode). */
export function visibleFields(values: TaskFormValues): FieldId[] {
  return FIELD_ORDER.filter((f) => f !== 'lobSize' || values.lobMode !== 'none');
}

function fieldsOf(patch: Partial<TaskFormValues>): FieldId[] {
  const map: Record<keyof TaskFormValues, FieldId> = {
    name: 'name',
    instanceArn: 'instance',
    sourceArn: 'source',
    targetArn: 'target',
    migrationType: 'migrationType',
    tablePrepMode: 'tablePrepMode',
    lobMode: 'lobMode',
    lobChunkKb: 'lobSize',
    lobMaxKb: 'lobSize',
    logging: 'logging',
    mappings: 'mappings',
  };
  return (Object.keys(patch) as (keyof TaskFormValues)[]).map((k) => map[k]);
}

export function taskFormReducer(state: TaskFormState, action: TaskFormAction): TaskFormState {
  switch (action.type) {
    case 'edit': {
      const fields = fieldsOf(action.patch);
      const serverErrors = { ...state.serverErrors };
      for (const f of fields) delete serverErrors[f];
      return {
        ...state,
        values: { ...state.values, ...action.patch },
        touched: [...new Set([...state.touched, ...fields])],
        dirty: true,
        nameEdited: state.nameEdited || 'name' in action.patch,
        serverErrors,
      };
    }
    case 'preset': {
      const patch = { ...action.patch };
      if (state.nameEdited) delete patch.name;
      return { ...state, values: { ...state.values, ...patch } };
    }
    case 'focus':
      return { ...state, focus: action.field, touched: touch(state.touched, state.focus) };
    case 'move': {
      const fields = visibleFields(state.values);
      const i = Math.max(0, fields.indexOf(state.focus));
      const next = fields[(i + action.step + fields.length) % fields.length] ?? state.focus;
      return { ...state, focus: next, touched: touch(state.touched, state.focus) };
    }
    case 'serverError':
      return {
        ...state,
        focus: action.field,
        serverErrors: { ...state.serverErrors, [action.field]: action.message },
      };
    case 'showAllErrors':
      return { ...state, showAllErrors: true };
    case 'restore':
      return { ...initialFormState(action.values), dirty: true, nameEdited: true };
    case 'saved':
      return { ...state, dirty: false };
  }
}

function touch(touched: FieldId[], field: FieldId): FieldId[] {
  return touched.includes(field) ? touched : [...touched, field];
}

export interface ValidationContext {
  instances?: readonly ReplicationInstance[];
  endpoints?: readonly Endpoint[];
}

/** The inline check of one field, before any request: null when it is fine. */
export function fieldError(
  values: TaskFormValues,
  field: FieldId,
  context: ValidationContext = {},
): string | null {
  switch (field) {
    case 'name':
      return identifierError(values.name, 'task');
    case 'instance': {
      if (!values.instanceArn) return 'Choose a replication instance (Enter)';
      const instance = context.instances?.find((i) => i.arn === values.instanceArn);
      if (context.instances && !instance)
        return 'That replication instance no longer exists: choose another (Enter)';
      if (instance && instance.status !== 'available')
        return `Replication instance ${instance.identifier} is ${instance.status}: choose an available one`;
      return null;
    }
    case 'source':
    case 'target': {
      const arn = field === 'source' ? values.sourceArn : values.targetArn;
      if (!arn) return `Choose or create a ${field} endpoint (Enter)`;
      const endpoint = context.endpoints?.find((e) => e.arn === arn);
      if (context.endpoints && !endpoint)
        return `That ${field} endpoint no longer exists: choose or create another (Enter)`;
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
  if (/replication instance/i.test(message)) return 'instance';
  if (/source endpoint/i.test(message)) return 'source';
  if (/target endpoint/i.test(message)) return 'target';
  return null;
}

/** The endpoint of that type matching the project's connection (engine, server, port, db). */
export function matchingEndpoint(
  endpoints: readonly Endpoint[],
  type: 'source' | 'target',
  connection:
    | { dmsEngineName: string; host: string; port: number; database: string }
    | null
    | undefined,
): Endpoint | undefined {
  if (!connection) return undefined;
  return endpoints.find(
    (e) =>
      e.type === type &&
      e.engineName === connection.dmsEngineName &&
      (e.server ?? '').toLowerCase() === connection.host.toLowerCase() &&
      (e.port === undefined || e.port === connection.port) &&
      (e.database ?? '') === (connection.database ?? ''),
  );
}

/** The project's default instance if listed, else the first available one. */
export function defaultInstance(
  instances: readonly ReplicationInstance[],
  preferredIdentifier: string | undefined,
): ReplicationInstance | undefined {
  const preferred = preferredIdentifier?.toLowerCase();
  return (
    instances.find((i) => preferred !== undefined && i.identifier.toLowerCase() === preferred) ??
    instances.find((i) => i.status === 'available')
  );
}

/** A saved draft: the values only (no password is ever part of them). */
export interface TaskFormDraft {
  values: TaskFormValues;
  savedAt: string;
}

/** Where drafts are kept: per project (the key is the project's name, "" without one). */
export interface TaskDraftStore {
  load(project: string): TaskFormDraft | undefined;
  save(project: string, draft: TaskFormDraft): void;
  clear(project: string): void;
}
