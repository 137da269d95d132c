// The form's fields, one row each in SCT's order, with the inline error (or warning) under the
// row it concerns. The words come from model/taskFormDisplay.ts.
import { Box } from 'ink';
import { Text } from '../../components/Text.js';
import { keysFor } from '../../ui/keyHint.js';
import type { EndpointTest } from '../../model/endpointTest.js';
import type { TextFieldId } from '../../model/taskFormChoices.js';
import {
  choiceText,
  endpointText,
  fieldLabel,
  instanceText,
  mappingsText,
} from '../../model/taskFormDisplay.js';
import type { FieldId, TaskFormValues } from '../../model/taskFormState.js';
import { VALIDATION_SIZES } from '../../model/validationTaskOptions.js';
import { visibleFields } from '../../model/taskFormState.js';
import { TextField } from '../../components/form/TextField.js';
import type { Endpoint } from '../../model/endpoint.js';
import type { ReplicationInstance } from '../../model/instance.js';

const LABEL_WIDTH = 27;

const CDC_PLACEHOLDER = {
  cdcStart: 'now, a time (UTC) or a position (LSN, file:pos)',
  cdcStop: 'none, or server_time:… / commit_time:…',
};

export interface FieldRowsProps {
  values: TaskFormValues;
  focus: FieldId;
  /** The focused text field takes keys (false while a dialog is over the form). */
  typing: boolean;
  errors: Partial<Record<FieldId, string>>;
  warnings: Partial<Record<FieldId, string>>;
  instances?: ReplicationInstance[];
  endpoints?: Endpoint[];
  tests: { source?: EndpointTest; target?: EndpointTest };
  onText(field: TextFieldId, value: string): void;
  width: number;
}

export function FieldRows(props: FieldRowsProps) {
  const { values, focus, errors, warnings } = props;
  return (
    <Box flexDirection="column">
      {visibleFields(values).map((field) => {
        const focused = field === focus;
        return (
          <Box key={field} flexDirection="column">
            <Box>
              <Text color={focused ? 'cyan' : undefined} bold={focused}>
                {focused ? '› ' : '  '}
                {fieldLabel(field, values).padEnd(LABEL_WIDTH)}
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
  const chooseKey = keysFor('form.choose');
  switch (field) {
    case 'name':
      return (
        <TextField
          value={values.name}
          onChange={(v) => onText('name', v)}
          maxLength={255}
          focus={focused && props.typing}
          width={width}
        />
      );
    case 'lobSize':
      return (
        <TextField
          value={values.lobMode === 'full' ? values.lobChunkKb : values.lobMaxKb}
          onChange={(v) => onText('lobSize', v)}
          maxLength={10}
          focus={focused && props.typing}
        />
      );
    case 'cdcStart':
    case 'cdcStop':
      return (
        <TextField
          value={values[field] ?? ''}
          onChange={(v) => onText(field, v)}
          maxLength={field === 'cdcStart' ? 1024 : 64}
          focus={focused && props.typing}
          width={width}
          placeholder={CDC_PLACEHOLDER[field]}
        />
      );
    case 'validationThreads':
    case 'validationPartition':
    case 'validationFailures':
      return (
        <TextField
          value={values[field] ?? String(VALIDATION_SIZES[field].default)}
          onChange={(v) => onText(field, v)}
          maxLength={10}
          focus={focused && props.typing}
        />
      );
    case 'instance':
      return (
        <Text inverse={focused} wrap="truncate">
          {instanceText(values, instances, chooseKey)}
        </Text>
      );
    case 'source':
    case 'target': {
      const arn = field === 'source' ? values.sourceArn : values.targetArn;
      const test = tests[field];
      return (
        <Text wrap="truncate">
          <Text inverse={focused}>{endpointText(arn, endpoints, chooseKey)}</Text>
          {test && test.endpointArn === arn ? <TestBadge test={test} /> : null}
        </Text>
      );
    }
    case 'mappings':
      return (
        <Text inverse={focused} wrap="truncate">
          {mappingsText(values.mappings, chooseKey)}
        </Text>
      );
    case 'logging':
      return <Text inverse={focused}>{choiceText(values, field)}</Text>;
    default: {
      const text = choiceText(values, field) ?? '';
      return <Text inverse={focused}>{focused ? `‹ ${text} ›` : text}</Text>;
    }
  }
}

function TestBadge({ test }: { test: EndpointTest }) {
  if (test.status === 'successful') return <Text color="green"> ✓ connection successful</Text>;
  if (test.status === 'failed') return <Text color="red"> ✗ connection failed</Text>;
  return <Text color="yellow"> … testing connection</Text>;
}
