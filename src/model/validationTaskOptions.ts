// The Create DMS Task form's data validation (docs/dms-api.md §9): off, on (validate what the
// task loads and changes) or validation only (compare, move nothing), and when on its main
// settings: ThreadCount, PartitionSize and FailureMaxCount in ValidationSettings. Pure.

export type ValidationChoice = 'off' | 'on' | 'only';

export const VALIDATION_CHOICES: readonly { value: ValidationChoice; label: string }[] = [
  { value: 'off', label: 'Off' },
  { value: 'on', label: 'Validate the migrated data' },
  { value: 'only', label: 'Validation only (move no data)' },
];

export type ValidationSizeField =
  | 'validationThreads'
  | 'validationPartition'
  | 'validationFailures';

export const VALIDATION_SIZE_FIELDS: readonly ValidationSizeField[] = [
  'validationThreads',
  'validationPartition',
  'validationFailures',
];

/** Each size field's label, ValidationSettings member, DMS default and the bounds we accept. */
export const VALIDATION_SIZES: Record<
  ValidationSizeField,
  { label: string; member: string; default: number; max: number }
> = {
  validationThreads: {
    label: 'Validation threads',
    member: 'ThreadCount',
    default: 5,
    max: 100,
  },
  validationPartition: {
    label: 'Validation partition rows',
    member: 'PartitionSize',
    default: 10_000,
    max: 1_000_000,
  },
  validationFailures: {
    label: 'Validation max failures',
    member: 'FailureMaxCount',
    default: 10_000,
    max: 2_147_483_647,
  },
};

export interface ValidationOptions {
  /** Absent: never chosen (a new task, an old draft): nothing is sent, DMS keeps it off. */
  validation?: ValidationChoice;
  validationThreads?: string;
  validationPartition?: string;
  validationFailures?: string;
}

function sizeText(o: ValidationOptions, field: ValidationSizeField): string {
  return o[field] ?? String(VALIDATION_SIZES[field].default);
}

/** A size field's problem: null when it is a whole number within its bounds. */
export function validationSizeError(
  o: ValidationOptions,
  field: ValidationSizeField,
): string | null {
  const { label, max } = VALIDATION_SIZES[field];
  const text = sizeText(o, field).trim();
  if (!/^\d+$/.test(text)) return `${label} must be a whole number`;
  const n = Number(text);
  if (n < 1 || n > max) return `${label} must be between 1 and ${max.toLocaleString('en-US')}`;
  return null;
}

/** The ReplicationTaskSettings member the choice makes: none when never chosen; an explicit
 *  off (so that Modify turns it off, DMS merging the settings over the task's). */
export function validationSettings(o: ValidationOptions): {
  ValidationSettings?: Record<string, boolean | number>;
} {
  if (!o.validation) return {};
  if (o.validation === 'off') return { ValidationSettings: { EnableValidation: false } };
  const sizes: Record<string, number> = {};
  for (const field of VALIDATION_SIZE_FIELDS)
    sizes[VALIDATION_SIZES[field].member] = Number(sizeText(o, field).trim());
  return {
    ValidationSettings: {
      EnableValidation: true,
      ValidationOnly: o.validation === 'only',
      ...sizes,
    },
  };
}

/** The form's validation values read back from a task's ValidationSettings. */
export function validationOptionsFrom(
  settings: Record<string, unknown> | undefined,
): Required<ValidationOptions> {
  const read = (field: ValidationSizeField) => {
    const v = settings?.[VALIDATION_SIZES[field].member];
    return String(typeof v === 'number' ? v : VALIDATION_SIZES[field].default);
  };
  const on = settings?.EnableValidation === true;
  return {
    validation: !on ? 'off' : settings?.ValidationOnly === true ? 'only' : 'on',
    validationThreads: read('validationThreads'),
    validationPartition: read('validationPartition'),
    validationFailures: read('validationFailures'),
  };
}
