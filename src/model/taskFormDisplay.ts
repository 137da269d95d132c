// The words of the Create DMS Task form: each field's label, how an instance or endpoint is
// described, the text shown as a field's value, and the lines of the instance and endpoint
// choosers. Pure; the screen draws them.
import { STOP_AFTER_LOAD } from './cdcTaskOptions.js';
import { lobModeLabel, lobSizeLabel } from './lobSettings.js';
import { VALIDATION_CHOICES, VALIDATION_SIZES } from './validationTaskOptions.js';
import { describeRow, type MappingRow, targetSchemasText } from './selectionMappings.js';
import { defaultFirst, type FieldId, type TaskFormValues } from './taskFormState.js';
import { MIGRATION_TYPES, TABLE_PREP_MODES } from './taskInput.js';
import type { Endpoint } from './endpoint.js';
import type { ReplicationInstance } from './instance.js';

export const FIELD_LABELS: Record<FieldId, string> = {
  name: 'Task name',
  instance: 'Replication instance',
  source: 'Source endpoint',
  target: 'Target endpoint',
  migrationType: 'Migration type',
  tablePrepMode: 'Target table preparation',
  cdcStart: 'CDC start',
  cdcStop: 'CDC stop',
  stopAfterLoad: 'After the full load',
  lobMode: 'Include LOB columns',
  lobSize: 'LOB size (KB)',
  logging: 'Enable logging',
  validation: 'Data validation',
  validationThreads: VALIDATION_SIZES.validationThreads.label,
  validationPartition: VALIDATION_SIZES.validationPartition.label,
  validationFailures: VALIDATION_SIZES.validationFailures.label,
  mappings: 'Table mappings',
};

/** The label of a field now (the LOB size reads as chunk size or max size by mode). */
export function fieldLabel(field: FieldId, values: TaskFormValues): string {
  if (field === 'lobSize') return lobSizeLabel(values.lobMode) ?? FIELD_LABELS.lobSize;
  return FIELD_LABELS[field];
}

export function describeInstance(i: ReplicationInstance): string {
  return [i.identifier, i.instanceClass, i.status, i.engineVersion].filter(Boolean).join(' · ');
}

export function describeEndpoint(e: Endpoint): string {
  const where = `${e.server ?? '?'}${e.port ? `:${e.port}` : ''}${e.database ? `/${e.database}` : ''}`;
  return `${e.identifier} · ${e.engineName} · ${where}`;
}

/** The text of a choice field's value (migration type, preparation, LOB mode, logging). */
export function choiceText(values: TaskFormValues, field: FieldId): string | null {
  switch (field) {
    case 'migrationType':
      return (
        MIGRATION_TYPES.find((m) => m.value === values.migrationType)?.label ?? values.migrationType
      );
    case 'tablePrepMode':
      return (
        TABLE_PREP_MODES.find((m) => m.value === values.tablePrepMode)?.label ??
        values.tablePrepMode
      );
    case 'lobMode':
      return lobModeLabel(values.lobMode);
    case 'logging':
      return values.logging ? '[x] on' : '[ ] off';
    case 'stopAfterLoad':
      return STOP_AFTER_LOAD.find((s) => s.value === (values.stopAfterLoad ?? 'none'))?.label ?? '';
    case 'validation':
      return VALIDATION_CHOICES.find((v) => v.value === (values.validation ?? 'off'))?.label ?? '';
    default:
      return null;
  }
}

/** The instance field's text: the chosen instance, its ARN while unlisted, or what to do. */
export function instanceText(
  values: TaskFormValues,
  instances: readonly ReplicationInstance[] | undefined,
  chooseKey: string,
): string {
  const i = instances?.find((x) => x.arn === values.instanceArn);
  if (i) return describeInstance(i);
  return values.instanceArn ?? (instances ? `none chosen (${chooseKey})` : 'loading…');
}

/** An endpoint field's text: the chosen endpoint, its ARN while unlisted, or what to do. */
export function endpointText(
  arn: string | null,
  endpoints: readonly Endpoint[] | undefined,
  chooseKey: string,
): string {
  const e = endpoints?.find((x) => x.arn === arn);
  if (e) return describeEndpoint(e);
  return arn ?? (endpoints ? `none chosen (${chooseKey}: choose or create new)` : 'loading…');
}

/** "2 rules: include sales.customers, include sales.payments → target schema sales" (the
 *  first three rules): where the tables land says itself (the source schema's name, unless a
 *  rename-schema rule says otherwise). */
export function mappingsText(rows: readonly MappingRow[], chooseKey: string): string {
  const n = rows.length;
  const list = rows.slice(0, 3).map(describeRow).join(', ');
  // A rename rule in the list says where its schema lands; otherwise say it here.
  const renamed = rows.some((r) => r.action === 'rename-schema');
  const where = renamed ? '' : targetSchemasText(rows);
  const lands = where ? ` → target schema ${where}` : '';
  return `${n} rule${n === 1 ? '' : 's'}${n ? `: ${list}${n > 3 ? ', …' : ''}` : ` (${chooseKey} to add)`}${lands}`;
}

/** Where Save JSON offers to write: <task name>.json in the current directory. */
export function savedJsonName(taskName: string): string {
  return `${taskName || 'task'}.json`;
}

/** One line of a chooser: what is picked (an ARN), how it reads, why it is refused. */
export interface ChoiceItem {
  key: string;
  label: string;
  detail?: string;
  disabledReason?: string;
}

/** The key of the chooser's last line, "Create new … endpoint…". */
export const CREATE_NEW_ENDPOINT = '__create_new__';

/** The instances to choose from: the project's default first, unavailable ones refused. */
export function instanceChoices(
  instances: readonly ReplicationInstance[],
  preferred: string | undefined,
): ChoiceItem[] {
  return defaultFirst(instances, preferred).map((i) => ({
    key: i.arn,
    label: describeInstance(i),
    disabledReason:
      i.status === 'available'
        ? undefined
        : `${i.identifier} is ${i.status}: choose an available instance`,
  }));
}

/** The endpoints of one type to choose from, then "Create new … endpoint…". */
export function endpointChoices(
  endpoints: readonly Endpoint[],
  type: 'source' | 'target',
): ChoiceItem[] {
  return [
    ...endpoints
      .filter((e) => e.type === type)
      .map((e) => ({ key: e.arn, label: describeEndpoint(e) })),
    {
      key: CREATE_NEW_ENDPOINT,
      label: `Create new ${type} endpoint…`,
      detail: "from the project's connection",
    },
  ];
}
