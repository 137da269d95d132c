// "Create new…" endpoint: a sub-form prefilled from the project's connection that the user
// verifies and names; Ctrl-s sends CreateEndpoint, then the task form starts TestConnection
// against the chosen instance. The password is masked here and in the preview.
import { Box, Text } from 'ink';
import { useState } from 'react';
import { useBindings } from '../../ui/bindings.js';
import { useServices } from '../../ui/services.js';
import { createEndpoint } from '../../aws/endpoints.js';
import { AwsError, errorLine } from '../../aws/call.js';
import { engineInfo } from '../../model/connection.js';
import {
  createEndpointInput,
  ENDPOINT_FIELDS,
  type EndpointDraft,
  type EndpointField,
  endpointDraftErrors,
  endpointPreviewLines,
  nextEngine,
  nextSslMode,
} from '../../model/endpointDraft.js';
import type { Endpoint } from '../../model/endpoint.js';
import { JsonPreview } from './JsonPreview.js';
import { TextField } from '../../components/form/TextField.js';

const CHOICE_FIELDS: EndpointField[] = ['engine', 'sslMode'];
const LABEL_WIDTH = 22;

export function EndpointForm({
  initial,
  instanceReason,
  height,
  width,
  onCreated,
  onClose,
}: {
  initial: EndpointDraft;
  /** Why the endpoint cannot be created and tested yet (no usable instance), or null. */
  instanceReason: string | null;
  height: number;
  width: number;
  onCreated(endpoint: Endpoint): void;
  onClose(): void;
}) {
  const { clients } = useServices();
  const [draft, setDraft] = useState(initial);
  const [focus, setFocus] = useState<EndpointField>('identifier');
  const [touched, setTouched] = useState<EndpointField[]>([]);
  const [showAll, setShowAll] = useState(false);
  const [serverError, setServerError] = useState<{ field?: EndpointField; message: string }>();
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState(false);

  const errors = endpointDraftErrors(draft);
  const isChoice = CHOICE_FIELDS.includes(focus);
  const move = (step: 1 | -1) => {
    const i = ENDPOINT_FIELDS.findIndex((f) => f.field === focus);
    const next = ENDPOINT_FIELDS[(i + step + ENDPOINT_FIELDS.length) % ENDPOINT_FIELDS.length];
    setTouched((t) => (t.includes(focus) ? t : [...t, focus]));
    if (next) setFocus(next.field);
  };
  const edit = (patch: Partial<EndpointDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setServerError(undefined);
  };
  const cycle = (step: 1 | -1) => {
    if (focus === 'engine') {
      const engine = nextEngine(draft.engine, step);
      const port =
        draft.port === String(engineInfo(draft.engine).defaultPort)
          ? String(engineInfo(engine).defaultPort)
          : draft.port;
      edit({ engine, port });
    } else if (focus === 'sslMode') edit({ sslMode: nextSslMode(draft.sslMode, step) });
  };
  const create = () => {
    setShowAll(true);
    const first = ENDPOINT_FIELDS.find((f) => errors[f.field]);
    if (first) {
      setFocus(first.field);
      return;
    }
    if (instanceReason) {
      setServerError({ message: instanceReason });
      return;
    }
    setBusy(true);
    createEndpoint(clients, createEndpointInput(draft)).then(
      (endpoint) => {
        setBusy(false);
        onCreated(endpoint);
      },
      (error) => {
        setBusy(false);
        const message = errorLine(error);
        const field: EndpointField | undefined =
          (error instanceof AwsError && error.code === 'ResourceAlreadyExistsFault') ||
          /identifier/i.test(message)
            ? 'identifier'
            : /engine/i.test(message)
              ? 'engine'
              : undefined;
        if (field) setFocus(field);
        setServerError({ field, message });
      },
    );
  };

  useBindings(
    [
      { command: 'form.next', handler: () => move(1) },
      { command: 'form.previous', handler: () => move(-1) },
      ...(isChoice
        ? [
            { command: 'form.choiceNext' as const, handler: () => cycle(1) },
            { command: 'form.choicePrevious' as const, handler: () => cycle(-1) },
          ]
        : []),
      { command: 'form.preview', handler: () => setPreview(true) },
      {
        command: 'form.create',
        handler: create,
        disabledReason: busy ? 'Creating the endpoint…' : null,
      },
      { command: 'nav.back', handler: onClose },
    ],
    { kind: 'screen', textInput: !isChoice, active: !preview },
  );

  if (preview) {
    return (
      <JsonPreview
        title="CreateEndpoint input (password hidden)"
        lines={endpointPreviewLines(draft)}
        height={height}
        width={width}
        onClose={() => setPreview(false)}
      />
    );
  }

  const shown = (field: EndpointField) =>
    serverError?.field === field
      ? serverError.message
      : showAll || touched.includes(field)
        ? errors[field]
        : undefined;
  const choiceText = (field: EndpointField) => {
    switch (field) {
      case 'engine':
        return `‹ ${engineInfo(draft.engine).label} › (${engineInfo(draft.engine).dmsEngineName})`;
      case 'sslMode':
        return `‹ ${draft.sslMode} ›`;
      default:
        return null;
    }
  };
  return (
    <Box flexDirection="column">
      <Text bold>
        Create new {draft.type} endpoint{' '}
        <Text dimColor>
          (prefilled from the project's {draft.type} connection: check and name it)
        </Text>
      </Text>
      {ENDPOINT_FIELDS.map(({ field, label }) => {
        const focused = field === focus;
        const error = shown(field);
        const choice = choiceText(field);
        const shownLabel =
          field === 'engine' ? `${draft.type === 'source' ? 'Source' : 'Target'} engine` : label;
        return (
          <Box key={field}>
            <Text color={focused ? 'cyan' : undefined}>
              {focused ? '› ' : '  '}
              {shownLabel.padEnd(LABEL_WIDTH)}
            </Text>
            {choice !== null ? (
              <Text inverse={focused}>{choice}</Text>
            ) : (
              <TextField
                value={draft[field] as string}
                onChange={(value) => edit({ [field]: value })}
                focus={focused}
                mask={field === 'password' ? '•' : undefined}
                placeholder={field === 'password' ? '(none)' : '—'}
              />
            )}
            {error ? <Text color="red"> ✗ {error}</Text> : null}
          </Box>
        );
      })}
      {serverError && !serverError.field ? <Text color="red">✗ {serverError.message}</Text> : null}
      <Text dimColor>
        {busy
          ? 'Creating the endpoint…'
          : 'Ctrl-s creates the endpoint and tests it from the replication instance · Ctrl-p previews · Esc returns'}
      </Text>
    </Box>
  );
}
