// The form's fields, one row each in SCT's order, with the inline error (or warning) under the
// row it concerns.
import { Box, Text } from 'ink';
import type { ConnectionState } from '../../aws/endpoints.js';
import { lobModeLabel, lobSizeLabel } from '../../model/lobSettings.js';
import { describeRow } from '../../model/selectionMappings.js';
import type { Endpoint } from '../../model/endpoint.js';
import type { ReplicationInstance } from '../../model/instance.js';
import type { FieldId, TaskFormValues } from '../../model/taskFormState.js';
import { visibleFields } from '../../model/taskFormState.js';
import { MIGRATION_TYPES, TABLE_PREP_MODES } from '../../model/taskInput.js';
import { TextField } from '../../components/form/TextField.js';

const LABEL_WIDTH = 27;

export const LABELS: Record<FieldId, string> = {
  name: 'Task name',
  instance: 'Replication instance',
  source: 'Source endpoint',
  target: 'Target endpoint',
  migrationType: 'Migration type',
  tablePrepMode: 'Target table preparation',
  lobMode: 'Include LOB columns',
  lobSize: 'LOB size (KB)',
  logging: 'Enable logging',
  mappings: 'Table mappings',
};

export function describeInstance(i: ReplicationInstance): string {
  return [i.identifier, i.instanceClass, i.status, i.engineVersion].filter(Boolean).join(' · ');
}

export function describeEndpoint(e: Endpoint): string {
  const where = `${e.server ?? '?'}${e.port ? `:${e.port}` : ''}${e.database ? `/${e.database}` : ''}`;
  return `${e.identifier} · ${e.engineName} · ${where}`;
}

export interface FieldRowsProps {
  values: TaskFormValues;
  focus: FieldId;
  /** The focused text field takes keys (false while a dialog is over the form). */
  typing: boolean;
  errors: Partial<Record<FieldId, string>>;
  warnings: Partial<Record<FieldId, string>>;
  instances?: ReplicationInstance[];
  endpoints?: Endpoint[];
  tests: {
    source?: ConnectionState & { endpointArn: string };
    target?: ConnectionState & { endpointArn: string };
  };
  onText(field: 'name' | 'lobSize', value: string): void;
  width: number;
}

export function FieldRows(props: FieldRowsProps) {
  const { values, focus, errors, warnings } = props;
  return (
    <Box flexDirection="column">
      {visibleFields(values).map((field) => {
        const focused = field === focus;
        const label =
          field === 'lobSize' ? (lobSizeLabel(values.lobMode) ?? LABELS.lobSize) : LABELS[field];
        return (
          <Box key={field} flexDirection="column">
            <Box>
              <Text color={focused ? 'cyan' : undefined} bold={focused}>
                {focused ? '› ' : '  '}
                {label.padEnd(LABEL_WIDTH)}
              </Text>
              <FieldValue {...props} field={field} focused={focused} />
            </Box>
            {errors[field] ? (
              <Text color="red" wrap="wrap">
                {'    ✗ '}
                {errors[field]}
              </Text>
            ) : warnings[field] ? (
              <Text color="yellow" wrap="wrap">
                {'    ⚠ '}
                {warnings[field]}
              </Text>
            ) : null}
          </Box>
        );
      })}
    </Box>
  );
}

function FieldValue(props: FieldRowsProps & { field: FieldId; focused: boolean }) {
  const { values, field, focused, instances, endpoints, tests, onText } = props;
  const width = Math.max(10, props.width - LABEL_WIDTH - 4);
  const choice = (text: string) => <Text inverse={focused}>{focused ? `‹ ${text} ›` : text}</Text>;
  switch (field) {
    case 'name':
      return (
        <TextField
          value={values.name}
          onChange={(v) => onText('name', v)}
          focus={focused && props.typing}
          width={width}
        />
      );
    case 'lobSize':
      return (
        <TextField
          value={values.lobMode === 'full' ? values.lobChunkKb : values.lobMaxKb}
          onChange={(v) => onText('lobSize', v)}
          focus={focused && props.typing}
        />
      );
    case 'instance': {
      const i = instances?.find((x) => x.arn === values.instanceArn);
      return (
        <Text inverse={focused} wrap="truncate">
          {i
            ? describeInstance(i)
            : (values.instanceArn ?? (instances ? 'none chosen (Enter)' : 'loading…'))}
        </Text>
      );
    }
    case 'source':
    case 'target': {
      const arn = field === 'source' ? values.sourceArn : values.targetArn;
      const e = endpoints?.find((x) => x.arn === arn);
      const test = tests[field];
      return (
        <Text wrap="truncate">
          <Text inverse={focused}>
            {e
              ? describeEndpoint(e)
              : (arn ?? (endpoints ? 'none chosen (Enter: choose or create new)' : 'loading…'))}
          </Text>
          {test && test.endpointArn === arn ? <TestBadge test={test} /> : null}
        </Text>
      );
    }
    case 'migrationType':
      return choice(
        MIGRATION_TYPES.find((m) => m.value === values.migrationType)?.label ??
          values.migrationType,
      );
    case 'tablePrepMode':
      return choice(
        TABLE_PREP_MODES.find((m) => m.value === values.tablePrepMode)?.label ??
          values.tablePrepMode,
      );
    case 'lobMode':
      return choice(lobModeLabel(values.lobMode));
    case 'logging':
      return <Text inverse={focused}>{values.logging ? '[x] on' : '[ ] off'}</Text>;
    case 'mappings': {
      const n = values.mappings.length;
      const list = values.mappings.slice(0, 3).map(describeRow).join(', ');
      return (
        <Text inverse={focused} wrap="truncate">
          {n} rule{n === 1 ? '' : 's'}
          {n ? `: ${list}${n > 3 ? ', …' : ''}` : ' (Enter to add)'}
        </Text>
      );
    }
  }
}

function TestBadge({ test }: { test: ConnectionState }) {
  if (test.status === 'successful') return <Text color="green"> ✓ connection successful</Text>;
  if (test.status === 'failed') return <Text color="red"> ✗ connection failed</Text>;
  return <Text color="yellow"> … testing connection</Text>;
}
