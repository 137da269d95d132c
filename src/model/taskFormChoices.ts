// What the keys do to the Create DMS Task form's fields: which fields are choices (cycled with
// ←/→/Space), which take typing, what Enter does on each field, and the change a cycle or typed
// text makes to the values. Pure; the reducer (taskFormState.ts) applies the changes.
import { STOP_AFTER_LOAD } from './cdcTaskOptions.js';
import { LOB_MODES } from './lobSettings.js';
import {
  VALIDATION_CHOICES,
  VALIDATION_SIZE_FIELDS,
  type ValidationSizeField,
} from './validationTaskOptions.js';
import type { FieldId, TaskFormValues } from './taskFormState.js';
import { MIGRATION_TYPES, TABLE_PREP_MODES } from './taskInput.js';

export const CHOICE_FIELDS: readonly FieldId[] = [
  'migrationType',
  'tablePrepMode',
  'lobMode',
  'logging',
  'stopAfterLoad',
  'validation',
];

export type TextFieldId = 'name' | 'lobSize' | 'cdcStart' | 'cdcStop' | ValidationSizeField;

export const TEXT_FIELDS: readonly FieldId[] = [
  'name',
  'lobSize',
  'cdcStart',
  'cdcStop',
  ...VALIDATION_SIZE_FIELDS,
];

export function isChoiceField(field: FieldId): boolean {
  return CHOICE_FIELDS.includes(field);
}

export function isTextField(field: FieldId): field is TextFieldId {
  return TEXT_FIELDS.includes(field);
}

function rotate<T>(list: readonly T[], current: T, step: 1 | -1): T {
  return list[(list.indexOf(current) + step + list.length) % list.length] as T;
}

/** The change one step of a choice field makes (logging flips either way); null elsewhere. */
export function cycledChoice(
  values: TaskFormValues,
  field: FieldId,
  step: 1 | -1,
): Partial<TaskFormValues> | null {
  switch (field) {
    case 'migrationType':
      return {
        migrationType: rotate(
          MIGRATION_TYPES.map((m) => m.value),
          values.migrationType,
          step,
        ),
      };
    case 'tablePrepMode':
      return {
        tablePrepMode: rotate(
          TABLE_PREP_MODES.map((m) => m.value),
          values.tablePrepMode,
          step,
        ),
      };
    case 'lobMode':
      return {
        lobMode: rotate(
          LOB_MODES.map((m) => m.mode),
          values.lobMode,
          step,
        ),
      };
    case 'logging':
      return { logging: !values.logging };
    case 'stopAfterLoad':
      return {
        stopAfterLoad: rotate(
          STOP_AFTER_LOAD.map((s) => s.value),
          values.stopAfterLoad ?? 'none',
          step,
        ),
      };
    case 'validation':
      return {
        validation: rotate(
          VALIDATION_CHOICES.map((v) => v.value),
          values.validation ?? 'off',
          step,
        ),
      };
    default:
      return null;
  }
}

/** The change typing into a text field makes: the LOB size is the chunk size in full mode. */
export function typedText(
  values: TaskFormValues,
  field: TextFieldId,
  text: string,
): Partial<TaskFormValues> {
  if (field === 'name') return { name: text };
  if (field === 'cdcStart') return { cdcStart: text };
  if (field === 'cdcStop') return { cdcStop: text };
  if (field !== 'lobSize') return { [field]: text };
  return values.lobMode === 'full' ? { lobChunkKb: text } : { lobMaxKb: text };
}

/** What Enter does on a field: open a chooser, the mappings editor, cycle a choice, or move on. */
export type EnterAction =
  | { kind: 'pick'; field: 'instance' | 'source' | 'target' }
  | { kind: 'mappings' }
  | { kind: 'cycle' }
  | { kind: 'next' };

export function enterAction(field: FieldId): EnterAction {
  switch (field) {
    case 'instance':
    case 'source':
    case 'target':
      return { kind: 'pick', field };
    case 'mappings':
      return { kind: 'mappings' };
    default:
      return isChoiceField(field) ? { kind: 'cycle' } : { kind: 'next' };
  }
}
