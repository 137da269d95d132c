// The connection form for one side of a project: engine, host, port (engine default filled in),
// database, user, password (masked), SSL mode, "remember password". Every field is validated
// inline before any connection attempt; Ctrl-t tests the connection for real (with a timeout)
// and shows the server version or one error line; Ctrl-s saves.
import { Box } from 'ink';
import { Text } from '../components/Text.js';
import { useState } from 'react';
import { useBindings } from '../ui/bindings.js';
import { useNavigation } from '../ui/navigation.js';
import type { ScreenProps } from '../ui/screenProps.js';
import { useStatus } from '../ui/status.js';
import { type FieldSpec, FormFields, isTextField } from '../components/form/FormFields.js';
import { useDbConnectionTest } from '../hooks/useDbConnectionTest.js';
import { useProjectStore } from '../hooks/useProjectStore.js';
import { describeConnection, engineInfo, isDbEngine } from '../model/connection.js';
import {
  type ConnectionDraft,
  cycleEngine,
  cycleSslMode,
  draftFromSpec,
  type FieldErrors,
  specFromDraft,
  validateField,
} from '../model/connectionForm.js';

const FIELDS: FieldSpec[] = [
  {
    kind: 'choice',
    name: 'engine',
    label: 'Engine',
    display: (v) => (isDbEngine(v) ? engineInfo(v).label : v),
  },
  { kind: 'text', name: 'host', label: 'Host', placeholder: 'db.example.com', maxLength: 253 },
  { kind: 'text', name: 'port', label: 'Port', maxLength: 5 },
  {
    kind: 'text',
    name: 'database',
    label: 'Database',
    placeholder: '(server default)',
    maxLength: 128,
  },
  { kind: 'text', name: 'user', label: 'User', maxLength: 128 },
  { kind: 'password', name: 'password', label: 'Password', maxLength: 128 },
  { kind: 'choice', name: 'sslMode', label: 'SSL mode', display: (v) => v },
  { kind: 'checkbox', name: 'rememberPassword', label: 'Remember password' },
];

const DEFAULT_TIMEOUT_MS = 10_000;

export function ConnectionScreen({ params }: ScreenProps<'connection'>) {
  const navigation = useNavigation();
  const { setNotice, setError } = useStatus();
  const { project: projectName, side, timeoutMs = DEFAULT_TIMEOUT_MS } = params;
  const projects = useProjectStore();
  const project = projects.get(projectName);
  const connectionTest = useDbConnectionTest({ timeoutMs });
  const { test } = connectionTest;

  const [draft, setDraft] = useState<ConnectionDraft>(() =>
    draftFromSpec(project?.[side], { rememberPassword: projects.remembers(projectName, side) }),
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [focused, setFocused] = useState(1);
  const field = FIELDS[focused];

  // Functional updates: keys may arrive faster than renders.
  const update = (
    change: (previous: ConnectionDraft) => ConnectionDraft,
    changed: keyof ConnectionDraft,
  ) => {
    setDraft((previous) => {
      const next = change(previous);
      setErrors((e) => {
        const copy = { ...e };
        const message = validateField(changed, next);
        if (message) copy[changed] = message;
        else delete copy[changed];
        if (changed === 'engine') delete copy.port;
        return copy;
      });
      return next;
    });
    connectionTest.reset();
  };

  const validated = () => {
    const result = specFromDraft(draft);
    if (!result.ok) {
      setErrors(result.errors);
      const first = FIELDS.findIndex((f) => f.name in result.errors);
      if (first >= 0) setFocused(first);
      return undefined;
    }
    setErrors({});
    return result;
  };

  const runTest = () => {
    const result = validated();
    if (result) connectionTest.run(result.spec);
    else connectionTest.fail('Fix the fields marked in red first');
  };

  const save = () => {
    if (!project) {
      setError(`No project "${projectName}" to save into`);
      return;
    }
    const result = validated();
    if (!result) return;
    const error = projects.save(
      { ...project, [side]: result.spec },
      { remember: { [side]: result.rememberPassword } },
    );
    if (error) {
      setError(`Cannot save the ${side} connection: ${error}`);
      return;
    }
    projects.reopenIfCurrent(projectName);
    setNotice(`Saved the ${side} connection of ${projectName}: ${describeConnection(result.spec)}`);
    navigation.pop();
  };

  const cycle = (step: 1 | -1) => {
    if (field?.name === 'engine') update((d) => cycleEngine(d, step), 'engine');
    else if (field?.name === 'sslMode') update((d) => cycleSslMode(d, step), 'sslMode');
    else if (field?.name === 'rememberPassword')
      update((d) => ({ ...d, rememberPassword: !d.rememberPassword }), 'rememberPassword');
  };
  const choiceReason = isTextField(field) ? 'Type in the field' : null;

  useBindings(
    [
      { command: 'form.next', handler: () => setFocused((f) => (f + 1) % FIELDS.length) },
      {
        command: 'form.previous',
        handler: () => setFocused((f) => (f - 1 + FIELDS.length) % FIELDS.length),
      },
      { command: 'form.choiceNext', handler: () => cycle(1), disabledReason: choiceReason },
      { command: 'form.choicePrevious', handler: () => cycle(-1), disabledReason: choiceReason },
      {
        command: 'connection.test',
        handler: runTest,
        disabledReason: test.state === 'testing' ? 'Already testing' : null,
      },
      { command: 'connection.save', handler: save },
    ],
    { textInput: isTextField(field) },
  );

  if (!project)
    return (
      <Text color="red">
        No project named "{projectName}": open the projects screen (:project) and create one.
      </Text>
    );

  return (
    <Box flexDirection="column">
      <Text bold>
        {side === 'source' ? 'Source' : 'Target'} connection · project {projectName}
      </Text>
      <Box marginY={1}>
        <FormFields
          fields={FIELDS}
          values={draft as unknown as Record<string, string | boolean>}
          errors={errors}
          focused={focused}
          onChange={(name, text) =>
            update((d) => ({ ...d, [name]: text }), name as keyof ConnectionDraft)
          }
        />
      </Box>
      <Text dimColor>
        {draft.rememberPassword
          ? 'The password will be saved in projects.json (readable only by you, mode 0600).'
          : 'The password is kept in memory for this run only; you will be asked again next time.'}
      </Text>
      {test.state === 'testing' ? (
        <Text color="yellow">Testing the connection…</Text>
      ) : test.state === 'ok' ? (
        <Text color="green">✓ Connected: {test.version}</Text>
      ) : test.state === 'failed' ? (
        <Text color="red">✗ {test.message}</Text>
      ) : null}
    </Box>
  );
}
