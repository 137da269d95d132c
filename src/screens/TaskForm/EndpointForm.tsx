// "Create new…" endpoint: a sub-form prefilled from the project's connection that the user
// verifies and names; Ctrl-s sends CreateEndpoint, then the task form starts TestConnection
// against the chosen instance. The password is masked here and in the preview. State and
// commands: hooks/taskForm/useEndpointForm.ts.
import { Box } from 'ink';
import { Text } from '../../components/Text.js';
import { useBindings } from '../../ui/bindings.js';
import { hintFor } from '../../ui/keyHint.js';
import { useEndpointForm } from '../../hooks/taskForm/useEndpointForm.js';
import {
  ENDPOINT_FIELDS,
  type EndpointDraft,
  endpointPreviewLines,
} from '../../model/endpointDraft.js';
import {
  endpointChoiceText,
  endpointFieldLabel,
  shownEndpointError,
} from '../../model/endpointFormState.js';

import { JsonPreview } from './JsonPreview.js';
import { TextField } from '../../components/form/TextField.js';
import type { Endpoint } from '../../model/endpoint.js';

const LABEL_WIDTH = 22;

/** What DMS takes in each text field (identifier 255, host name 253, port 5 digits). */
const ENDPOINT_MAX_LENGTH: Partial<Record<string, number>> = {
  identifier: 255,
  server: 253,
  port: 5,
  database: 128,
  user: 128,
  password: 128,
};

export function EndpointForm({
  initial,
  instanceReason,
  height,
  width,
  onCreated,
  onClose,
  modifying,
}: {
  initial: EndpointDraft;
  /** An existing endpoint: the same form sends ModifyEndpoint (`:endpoints`, `e`). */
  modifying?: Endpoint;
  /** Why the endpoint cannot be created and tested yet (no usable instance), or null. */
  instanceReason: string | null;
  height: number;
  width: number;
  onCreated(endpoint: Endpoint): void;
  onClose(): void;
}) {
  const form = useEndpointForm({ initial, instanceReason, onCreated, modifying });
  const { state } = form;
  const { draft, serverError } = state;

  useBindings(
    [
      { command: 'form.next', handler: form.next },
      { command: 'form.previous', handler: form.previous },
      ...(form.onChoice
        ? [
            { command: 'form.choiceNext' as const, handler: form.choiceNext },
            { command: 'form.choicePrevious' as const, handler: form.choicePrevious },
          ]
        : []),
      { command: 'form.preview', handler: form.preview },
      {
        command: 'form.create',
        handler: form.create,
        disabledReason: form.busy ? 'Creating the endpoint…' : null,
      },
      { command: 'nav.back', handler: onClose },
    ],
    { kind: 'screen', textInput: !form.onChoice, active: !form.previewing },
  );

  if (form.previewing) {
    return (
      <JsonPreview
        title={`${modifying ? 'ModifyEndpoint' : 'CreateEndpoint'} input (password hidden)`}
        lines={endpointPreviewLines(draft)}
        height={height}
        width={width}
        onClose={form.closePreview}
      />
    );
  }

  return (
    <Box flexDirection="column">
      {modifying ? (
        <Text bold>
          Modify {draft.type} endpoint {modifying.identifier}{' '}
          <Text dimColor>(the password is kept unless you type a new one)</Text>
        </Text>
      ) : (
        <Text bold>
          Create new {draft.type} endpoint{' '}
          <Text dimColor>
            (prefilled from the project's {draft.type} connection: check and name it)
          </Text>
        </Text>
      )}
      {ENDPOINT_FIELDS.map(({ field }) => {
        const focused = field === state.focus;
        const error = shownEndpointError(state, field);
        const choice = endpointChoiceText(draft, field);
        return (
          <Box key={field}>
            <Text color={focused ? 'cyan' : undefined}>
              {focused ? '› ' : '  '}
              {endpointFieldLabel(draft, field).padEnd(LABEL_WIDTH)}
            </Text>
            {choice !== null ? (
              <Text inverse={focused}>{choice}</Text>
            ) : (
              <TextField
                value={draft[field] as string}
                onChange={(value) => form.edit({ [field]: value })}
                focus={focused}
                mask={field === 'password' ? '•' : undefined}
                placeholder={field === 'password' ? (modifying ? '(unchanged)' : '(none)') : '—'}
                maxLength={ENDPOINT_MAX_LENGTH[field]}
              />
            )}
            {error ? <Text color="red"> ✗ {error}</Text> : null}
          </Box>
        );
      })}
      {serverError && !serverError.field ? <Text color="red">✗ {serverError.message}</Text> : null}
      <Text dimColor>
        {form.busy
          ? modifying
            ? 'Saving the endpoint…'
            : 'Creating the endpoint…'
          : [
              hintFor(
                'form.create',
                modifying
                  ? 'saves the changes (ModifyEndpoint)'
                  : 'creates the endpoint and tests it from the replication instance',
              ),
              hintFor('form.preview', 'previews', { typing: true }),
              hintFor('nav.back', 'returns'),
            ].join(' · ')}
      </Text>
    </Box>
  );
}
