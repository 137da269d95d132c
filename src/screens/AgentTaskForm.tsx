// Create agent task (a Local & DMS task) for the objects the schema browser marked: where in S3
// the agent writes, which target and instance the DMS task uses, the IAM role DMS needs, the
// file format and how many partitions run at once. Ctrl-s hands it to the agent and starts it.
import { Box } from 'ink';
import { useState } from 'react';
import { type FieldSpec, FormFields, isTextField } from '../components/form/FormFields.js';
import { Text } from '../components/Text.js';
import { useAgentTaskForm } from '../hooks/useAgentTaskForm.js';
import { ROLE_NOTE } from '../model/agentTaskForm.js';
import { describeRow } from '../model/selectionMappings.js';
import { useBindings } from '../ui/bindings.js';
import { command } from '../ui/commands.js';
import type { ScreenProps } from '../ui/screenProps.js';

const FIELDS: readonly FieldSpec[] = [
  { kind: 'text', name: 'name', label: 'Agent task name', maxLength: 63 },
  { kind: 'text', name: 'bucket', label: 'S3 bucket', maxLength: 63 },
  { kind: 'text', name: 'folder', label: 'S3 folder', maxLength: 512 },
  {
    kind: 'text',
    name: 'targetEndpoint',
    label: 'Target endpoint',
    placeholder: 'identifier or ARN',
    maxLength: 2048,
  },
  {
    kind: 'text',
    name: 'instance',
    label: 'Instance',
    placeholder: 'identifier or ARN',
    maxLength: 2048,
  },
  {
    kind: 'text',
    name: 'roleArn',
    label: 'IAM role ARN',
    placeholder: 'required on AWS',
    maxLength: 2048,
  },
  { kind: 'choice', name: 'format', label: 'Format', display: (v) => v },
  { kind: 'text', name: 'parallel', label: 'Parallel', maxLength: 2 },
];

export function AgentTaskForm({ params }: ScreenProps<'agentTaskForm'>) {
  const form = useAgentTaskForm(params.selection);
  const [focused, setFocused] = useState(0);
  const field = FIELDS[focused];
  const choiceReason = field?.kind === 'choice' ? null : 'Type in the field';
  useBindings(
    [
      command('form.next', () => setFocused((f) => (f + 1) % FIELDS.length)),
      command('form.previous', () => setFocused((f) => (f - 1 + FIELDS.length) % FIELDS.length)),
      command('form.choiceNext', () => form.cycleFormat(1), choiceReason),
      command('form.choicePrevious', () => form.cycleFormat(-1), choiceReason),
      command('form.create', form.create, form.state.busy && 'Already creating'),
    ],
    { textInput: isTextField(field) },
  );
  return (
    <Box flexDirection="column">
      <Text bold>{`Create agent task: ${form.rows.map(describeRow).join(', ')}`}</Text>
      <Text dimColor>
        The agent extracts these tables to S3 in the background; a DMS task with an S3 source
        endpoint then loads the target.
      </Text>
      <Box marginY={1}>
        <FormFields
          fields={FIELDS}
          values={form.draft as unknown as Record<string, string>}
          errors={form.errors}
          focused={focused}
          onChange={(name, text) => form.change(name as keyof typeof form.draft, text)}
        />
      </Box>
      <Text dimColor>{ROLE_NOTE}</Text>
      {form.state.message ? (
        <Text color={form.state.error ? 'red' : 'yellow'}>{form.state.message}</Text>
      ) : null}
    </Box>
  );
}
