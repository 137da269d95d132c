// Create DMS Task: the form SCT opens from "Create DMS Task" on a schema object, keyboard-first.
// Tab/Shift-Tab (or ↑/↓) move between fields, ←/→/Space change a choice, Enter picks an
// instance or endpoint (or "Create new…") and edits the mappings, p previews the exact
// CreateReplicationTask input, w saves it as JSON, Ctrl-s creates the task, Esc closes (asking
// first when something changed). A changed form is kept as a draft of the project until it is
// created or discarded, and offered back when the form opens again.
import { Box, Text } from 'ink';
import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { type Binding, useBindings } from '../../ui/bindings.js';
import { useBodySize } from '../../ui/layout.js';
import { useNavigation } from '../../ui/navigation.js';
import type { ScreenProps } from '../../ui/screenProps.js';
import { useServices } from '../../ui/services.js';
import { useStatus } from '../../ui/status.js';
import { describeAwsError, errorName } from '../../aws/errors.js';
import { useConnectionTest } from '../../hooks/useConnectionTest.js';
import { useEndpoints } from '../../hooks/useEndpoints.js';
import { useInstances } from '../../hooks/useInstances.js';
import { useLargestLob } from '../../hooks/useLargestLob.js';
import type { EndpointDraft } from '../../model/endpointDraft.js';
import { toIdentifier } from '../../model/identifiers.js';
import { LOB_MODES, lobTruncationWarning } from '../../model/lobSettings.js';
import type { BrowserSelection } from '../../model/project.js';
import { rowsFromSelection, selectionStem } from '../../model/selectionMappings.js';
import {
  type FieldId,
  fieldForServerError,
  initialFormState,
  initialValues,
  shownErrors,
  type TaskFormDraft,
  taskFormReducer,
  taskInputFromForm,
  type ValidationContext,
} from '../../model/taskFormState.js';
import {
  type CreateTaskInput,
  createTaskInputJson,
  MIGRATION_TYPES,
  previewLines,
  TABLE_PREP_MODES,
} from '../../model/taskInput.js';
import { CreatedDialog } from './CreatedDialog.js';
import { Dialog } from './Dialog.js';
import { EndpointForm } from './EndpointForm.js';
import { FieldRows } from './FieldRows.js';
import { JsonPreview } from './JsonPreview.js';
import { MappingsEditor } from './MappingsEditor.js';
import { ResourcePicker } from './ResourcePicker.js';
import { SaveJsonDialog } from './SaveJsonDialog.js';
import { defaultSavePath } from './saveFile.js';
import { useCreateTask } from './useCreateTask.js';
import { useFormDefaults } from './useFormDefaults.js';

type Mode =
  | { kind: 'form' }
  | { kind: 'draft'; draft: TaskFormDraft }
  | { kind: 'pick'; field: 'instance' | 'source' | 'target' }
  | { kind: 'endpoint'; draft: EndpointDraft }
  | { kind: 'mappings' }
  | { kind: 'preview'; input: CreateTaskInput }
  | { kind: 'save'; input: CreateTaskInput }
  | { kind: 'discard' }
  | { kind: 'created'; arn: string; identifier: string };

const TEXT_FIELDS: FieldId[] = ['name', 'lobSize'];

export function TaskFormScreen({ params }: ScreenProps<'taskForm'>) {
  const services = useServices();
  const { project, taskDrafts } = services;
  const projectKey = project?.name ?? '';
  const { setError, setNotice } = useStatus();
  const navigation = useNavigation();
  const { width, height } = useBodySize();
  const selection = params?.selection as BrowserSelection | undefined;

  const initialRows = useMemo(() => rowsFromSelection(selection), [selection]);
  const stem = useMemo(
    () => toIdentifier(selectionStem(initialRows), 'task', 'migration'),
    [initialRows],
  );
  const [state, dispatch] = useReducer(taskFormReducer, undefined, () =>
    initialFormState(initialValues({ name: stem, mappings: initialRows })),
  );
  const { values } = state;
  const [mode, setMode] = useState<Mode>(() => {
    const draft = taskDrafts?.load(projectKey);
    return draft ? { kind: 'draft', draft } : { kind: 'form' };
  });
  const finished = useRef(false);

  const instances = useInstances();
  const endpoints = useEndpoints();
  const sourceTest = useConnectionTest();
  const targetTest = useConnectionTest();
  const context: ValidationContext = { instances: instances.data, endpoints: endpoints.data };

  useFormDefaults({ dispatch, values, stem, instances, endpoints, project });

  // Keep a changed form as the project's draft, so quitting (in any way) does not lose it.
  useEffect(() => {
    if (!taskDrafts || !state.dirty || finished.current) return;
    taskDrafts.save(projectKey, { values, savedAt: new Date().toISOString() });
  }, [taskDrafts, projectKey, values, state.dirty]);

  const create = useCreateTask({
    onCreated: (task) => {
      finished.current = true;
      taskDrafts?.clear(projectKey);
      dispatch({ type: 'saved' });
      setError(null);
      setMode({ kind: 'created', arn: task.arn, identifier: task.identifier });
    },
    onError: (error) => {
      const message = describeAwsError(error, {
        target: services.target,
        action: 'CreateReplicationTask',
      });
      const field = fieldForServerError(values, { name: errorName(error), message });
      if (field) {
        dispatch({ type: 'serverError', field, message });
        setError(`Create failed: ${message}`);
      } else setError(`Create failed: ${message}`);
    },
  });

  const close = () => {
    finished.current = true;
    taskDrafts?.clear(projectKey);
    if (navigation.stack.length > 1) navigation.pop();
    else navigation.goto({ screen: 'tasks' });
  };

  /** The input, or null after pointing at the first field in error. */
  const validInput = (): CreateTaskInput | null => {
    const result = taskInputFromForm(values, context);
    if (result.ok) return result.input;
    dispatch({ type: 'showAllErrors' });
    dispatch({ type: 'focus', field: result.field });
    setError(result.error);
    return null;
  };

  const cycle = (step: 1 | -1) => {
    const rotate = <T,>(list: readonly T[], current: T) =>
      list[(list.indexOf(current) + step + list.length) % list.length] as T;
    switch (state.focus) {
      case 'migrationType':
        dispatch({
          type: 'edit',
          patch: {
            migrationType: rotate(
              MIGRATION_TYPES.map((m) => m.value),
              values.migrationType,
            ),
          },
        });
        break;
      case 'tablePrepMode':
        dispatch({
          type: 'edit',
          patch: {
            tablePrepMode: rotate(
              TABLE_PREP_MODES.map((m) => m.value),
              values.tablePrepMode,
            ),
          },
        });
        break;
      case 'lobMode':
        dispatch({
          type: 'edit',
          patch: {
            lobMode: rotate(
              LOB_MODES.map((m) => m.mode),
              values.lobMode,
            ),
          },
        });
        break;
      case 'logging':
        dispatch({ type: 'edit', patch: { logging: !values.logging } });
        break;
    }
  };
  const isChoice = ['migrationType', 'tablePrepMode', 'lobMode', 'logging'].includes(state.focus);
  const choose = () => {
    switch (state.focus) {
      case 'instance':
      case 'source':
      case 'target':
        setMode({ kind: 'pick', field: state.focus });
        break;
      case 'mappings':
        setMode({ kind: 'mappings' });
        break;
      default:
        if (isChoice) cycle(1);
        else dispatch({ type: 'move', step: 1 });
    }
  };

  const formBindings: Binding[] = [
    { command: 'form.next', handler: () => dispatch({ type: 'move', step: 1 }) },
    { command: 'form.previous', handler: () => dispatch({ type: 'move', step: -1 }) },
    { command: 'form.choose', handler: choose },
    ...(isChoice
      ? [
          { command: 'form.choiceNext' as const, handler: () => cycle(1) },
          { command: 'form.choicePrevious' as const, handler: () => cycle(-1) },
        ]
      : []),
    {
      command: 'form.preview',
      handler: () => {
        const input = validInput();
        if (input) setMode({ kind: 'preview', input });
      },
    },
    {
      command: 'form.save',
      handler: () => {
        const input = validInput();
        if (input) setMode({ kind: 'save', input });
      },
    },
    {
      command: 'form.create',
      handler: () => {
        const input = validInput();
        if (input) create.run(input);
      },
      disabledReason: create.busy ? 'Creating the task…' : null,
    },
    {
      command: 'nav.back',
      handler: () => (state.dirty ? setMode({ kind: 'discard' }) : close()),
    },
  ];
  useBindings(formBindings, {
    kind: 'screen',
    textInput: TEXT_FIELDS.includes(state.focus),
    active: mode.kind === 'form',
  });

  const lob = useLargestLob(project?.source, values.mappings, values.lobMode !== 'none');
  const largestLobBytes =
    (params?.largestLobBytes as number | undefined) ??
    (lob.result?.columns ? lob.result.bytes : undefined);
  const errors = shownErrors(state, context);
  const warnings: Partial<Record<FieldId, string>> = {};
  const lobWarning = lobTruncationWarning(values.lobMode, Number(values.lobMaxKb), largestLobBytes);
  if (lobWarning) warnings.lobSize = lobWarning;
  for (const [field, test] of [
    ['source', sourceTest.state],
    ['target', targetTest.state],
  ] as const) {
    const arn = field === 'source' ? values.sourceArn : values.targetArn;
    if (test?.endpointArn === arn && test.status === 'failed')
      warnings[field] = `Connection test failed: ${test.message ?? 'no message from DMS'}`;
  }

  const header = (
    <Text bold>
      Create DMS task
      <Text dimColor>
        {project ? ` · project ${project.name}` : ''}
        {selection
          ? ` · ${selection.schemas.length} schema(s), ${selection.tables.length} table(s) selected`
          : ''}
      </Text>
    </Text>
  );

  const instanceReason = (() => {
    const i = instances.data?.find((x) => x.arn === values.instanceArn);
    if (!values.instanceArn)
      return 'Choose the replication instance first: the new endpoint is tested from it';
    if (i && i.status !== 'available')
      return `Replication instance ${i.identifier} is ${i.status}: choose an available one first`;
    return null;
  })();

  switch (mode.kind) {
    case 'pick':
      return (
        <ResourcePicker
          field={mode.field}
          values={values}
          instances={instances}
          endpoints={endpoints}
          project={project}
          height={height}
          onClose={() => setMode({ kind: 'form' })}
          onChosen={(patch) => {
            dispatch({ type: 'edit', patch });
            setMode({ kind: 'form' });
          }}
          onCreateNew={(draft) => setMode({ kind: 'endpoint', draft })}
        />
      );
    case 'endpoint':
      return (
        <EndpointForm
          initial={mode.draft}
          instanceReason={instanceReason}
          height={height}
          width={width}
          onClose={() => setMode({ kind: 'form' })}
          onCreated={(endpoint) => {
            endpoints.add(endpoint);
            const type = mode.draft.type;
            dispatch({
              type: 'edit',
              patch: { [type === 'source' ? 'sourceArn' : 'targetArn']: endpoint.arn },
            });
            (type === 'source' ? sourceTest : targetTest).start({
              instanceArn: values.instanceArn ?? '',
              endpointArn: endpoint.arn,
            });
            setNotice(
              `Created endpoint ${endpoint.identifier}; testing the connection from the instance…`,
            );
            setMode({ kind: 'form' });
          }}
        />
      );
    case 'mappings':
      return (
        <MappingsEditor
          rows={values.mappings}
          height={height}
          onChange={(mappings) => dispatch({ type: 'edit', patch: { mappings } })}
          onClose={() => setMode({ kind: 'form' })}
        />
      );
    case 'preview':
      return (
        <JsonPreview
          title="CreateReplicationTask input"
          lines={previewLines(mode.input)}
          height={height}
          width={width}
          onClose={() => setMode({ kind: 'form' })}
        />
      );
    case 'save':
      return (
        <SaveJsonDialog
          initialPath={defaultSavePath(mode.input.ReplicationTaskIdentifier)}
          text={createTaskInputJson(mode.input)}
          onClose={() => setMode({ kind: 'form' })}
          onSaved={(path) => {
            setError(null);
            setNotice(`Saved ${path}`);
            setMode({ kind: 'form' });
          }}
        />
      );
    case 'created':
      return <CreatedDialog arn={mode.arn} identifier={mode.identifier} />;
    default:
      break;
  }

  return (
    <Box flexDirection="column">
      {header}
      <FieldRows
        values={values}
        focus={state.focus}
        typing={mode.kind === 'form'}
        errors={errors}
        warnings={warnings}
        instances={instances.data}
        endpoints={endpoints.data}
        tests={{ source: sourceTest.state, target: targetTest.state }}
        width={width}
        onText={(field, value) =>
          dispatch({
            type: 'edit',
            patch:
              field === 'name'
                ? { name: value }
                : values.lobMode === 'full'
                  ? { lobChunkKb: value }
                  : { lobMaxKb: value },
          })
        }
      />
      {values.lobMode !== 'none' && (lob.loading || lob.result) ? (
        <Text dimColor wrap="truncate-end">
          {lob.loading
            ? 'Measuring the largest LOB value in the selected tables…'
            : lob.result && lob.result.columns > 0
              ? `Largest LOB value: ${Math.ceil(lob.result.bytes / 1024)} KB${lob.result.where ? ` (${lob.result.where})` : ''}, ${lob.result.columns} LOB column(s)${lob.result.unmeasured ? `, ${lob.result.unmeasured} not measured` : ''}`
              : 'The selected tables have no LOB columns'}
        </Text>
      ) : null}
      {instances.error ? <Text color="red">✗ {instances.error}</Text> : null}
      {endpoints.error ? <Text color="red">✗ {endpoints.error}</Text> : null}
      {create.busy ? <Text color="yellow">Creating the task…</Text> : null}
      {mode.kind === 'discard' ? (
        <Dialog
          title="Discard this task form?"
          tone="yellow"
          bindings={[
            { command: 'dialog.confirm', handler: close },
            { command: 'dialog.cancel', handler: () => setMode({ kind: 'form' }) },
          ]}
        >
          <Text>The form has changes. y/Enter discards them, n/Esc keeps editing.</Text>
        </Dialog>
      ) : null}
      {mode.kind === 'draft' ? (
        <Dialog
          title="Restore the draft?"
          bindings={[
            {
              command: 'dialog.confirm',
              handler: () => {
                dispatch({ type: 'restore', values: mode.draft.values });
                setMode({ kind: 'form' });
              },
            },
            {
              command: 'dialog.cancel',
              handler: () => {
                taskDrafts?.clear(projectKey);
                setMode({ kind: 'form' });
              },
            },
          ]}
        >
          <Text>
            A task form left on {mode.draft.savedAt.replace('T', ' ').slice(0, 16)} UTC (task{' '}
            {mode.draft.values.name || 'unnamed'}) was kept. y/Enter restores it, n/Esc starts
            fresh.
          </Text>
        </Dialog>
      ) : null}
    </Box>
  );
}
