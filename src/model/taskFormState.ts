// The Create DMS Task form's state: the values, which field has focus, which fields have been
// touched, errors from the server, and the reducer that changes them; the defaults picked from
// the lists (instance, endpoints) and the draft kept per project. Checking the values:
// taskFormValidation.ts. Pure.
import { type ConnectionTarget, type Endpoint, endpointReaches } from './endpoint.js';
import type { ReplicationInstance } from './instance.js';
import { DEFAULT_LOB_CHUNK_KB, DEFAULT_LOB_MAX_KB, type LobMode } from './lobSettings.js';
import type { MappingRow } from './selectionMappings.js';
import type { MappingRule } from './tableMappings.js';
import type { MigrationType, TablePrepMode } from './taskInput.js';
import type { StopAfterLoad } from './cdcTaskOptions.js';
import {
  VALIDATION_SIZE_FIELDS,
  type ValidationOptions,
  type ValidationSizeField,
} from './validationTaskOptions.js';
import { cycledChoice, type TextFieldId, typedText } from './taskFormChoices.js';

export type FieldId =
  | 'name'
  | 'instance'
  | 'source'
  | 'target'
  | 'migrationType'
  | 'tablePrepMode'
  | 'cdcStart'
  | 'cdcStop'
  | 'stopAfterLoad'
  | 'lobMode'
  | 'lobSize'
  | 'logging'
  | 'mappings'
  | 'validation'
  | ValidationSizeField;

/** SCT's order. */
export const FIELD_ORDER: readonly FieldId[] = [
  'name',
  'instance',
  'source',
  'target',
  'migrationType',
  'tablePrepMode',
  'cdcStart',
  'cdcStop',
  'stopAfterLoad',
  'lobMode',
  'lobSize',
  'logging',
  'mappings',
  // Last: validation checks what the fields above move.
  'validation',
  ...VALIDATION_SIZE_FIELDS,
];

/** The CDC options' fields (model/cdcTaskOptions.ts): only for the migration types they suit. */
const CDC_FIELDS: Partial<Record<FieldId, (type: MigrationType) => boolean>> = {
  tablePrepMode: (type) => type !== 'cdc',
  cdcStart: (type) => type !== 'full-load',
  cdcStop: (type) => type !== 'full-load',
  stopAfterLoad: (type) => type === 'full-load-and-cdc',
};

export interface TaskFormValues extends ValidationOptions {
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
  /** Rules of a modified task the form does not edit (filters, other transformations): sent
   *  back unchanged after the form's rules. */
  keptRules?: MappingRule[];
  /** CDC options (absent in drafts from before they existed): model/cdcTaskOptions.ts. */
  cdcStart?: string;
  cdcStop?: string;
  stopAfterLoad?: StopAfterLoad;
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
  /** ←/→/Space on the focused choice field: an edit of the next (or previous) choice. */
  | { type: 'cycle'; step: 1 | -1 }
  /** Typing into a text field: an edit of the value behind it. */
  | { type: 'type'; field: TextFieldId; text: string }
  /** A default chosen by the app (a suggested name, a preselected endpoint): not a user change. */
  | { type: 'preset'; patch: Partial<TaskFormValues> }
  | { type: 'focus'; field: FieldId }
  | { type: 'move'; step: 1 | -1 }
  | { type: 'serverError'; field: FieldId; message: string }
  | { type: 'showAllErrors' }
  /** Back to a saved draft. */
  | { type: 'restore'; values: TaskFormValues }
  | { type: 'saved' };

/** The fields shown now (the LOB size only for full and limited mode; the target table
 *  preparation only when the task loads tables, i.e. not for cdc; the CDC options for the
 *  types that capture changes; the validation settings while validation is on). */
export function visibleFields(values: TaskFormValues): FieldId[] {
  return FIELD_ORDER.filter(
    (f) =>
      (f !== 'lobSize' || values.lobMode !== 'none') &&
      (!isValidationSize(f) || (values.validation ?? 'off') !== 'off') &&
      (CDC_FIELDS[f]?.(values.migrationType) ?? true),
  );
}

function isValidationSize(f: FieldId): f is ValidationSizeField {
  return (VALIDATION_SIZE_FIELDS as readonly FieldId[]).includes(f);
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
    keptRules: 'mappings',
    cdcStart: 'cdcStart',
    cdcStop: 'cdcStop',
    stopAfterLoad: 'stopAfterLoad',
    validation: 'validation',
    validationThreads: 'validationThreads',
    validationPartition: 'validationPartition',
    validationFailures: 'validationFailures',
  };
  return (Object.keys(patch) as (keyof TaskFormValues)[]).map((k) => map[k]);
}

export function taskFormReducer(state: TaskFormState, action: TaskFormAction): TaskFormState {
  switch (action.type) {
    case 'cycle': {
      const patch = cycledChoice(state.values, state.focus, action.step);
      return patch ? taskFormReducer(state, { type: 'edit', patch }) : state;
    }
    case 'type':
      return taskFormReducer(state, {
        type: 'edit',
        patch: typedText(state.values, action.field, action.text),
      });
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

/** The endpoint of that type matching the project's connection (engine, server, port, db). */
export function matchingEndpoint(
  endpoints: readonly Endpoint[],
  type: 'source' | 'target',
  connection: ConnectionTarget | null | undefined,
): Endpoint | undefined {
  if (!connection) return undefined;
  return endpoints.find((e) => e.type === type && endpointReaches(e, connection));
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

/** The instances as the picker lists them: the project's default first, the others in order. */
export function defaultFirst(
  instances: readonly ReplicationInstance[],
  preferred: string | undefined,
): ReplicationInstance[] {
  const key = preferred?.toLowerCase();
  const first = instances.filter((i) => i.identifier.toLowerCase() === key);
  return [...first, ...instances.filter((i) => !first.includes(i))];
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
