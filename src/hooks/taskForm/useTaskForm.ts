// The Create DMS Task form's state and data: the form reducer, what is open over the form
// (a chooser, the endpoint sub-form, the mappings, a preview, a dialog), the lists of instances
// and endpoints, connection tests of new endpoints, defaults, the kept draft, the LOB
// measurement, and what the screen shows from them (errors, warnings, notes). The commands that
// change it: useTaskFormCommands.ts.
import {
  type Dispatch,
  useEffect,
  useCallback,
  useMemo,
  useReducer,
  useRef,
  useState,
} from 'react';
import { useServices } from '../../ui/services.js';
import { keysFor } from '../../ui/keyHint.js';
import { type ConnectionTest, useConnectionTest } from '../useConnectionTest.js';
import { type EndpointList, useEndpoints } from '../useEndpoints.js';
import { type ResourceList, useInstances } from '../useInstances.js';
import { useCdcPrerequisites } from '../useCdcPrerequisites.js';
import { useEndpointTestNotice } from './useEndpointTestNotice.js';
import { useLargestLob } from '../useLargestLob.js';
import { type PreflightApi, usePreflight } from '../usePreflight.js';
import { cdcWarnings } from '../../model/cdcPrerequisites.js';
import type { EndpointDraft } from '../../model/endpointDraft.js';
import { toIdentifier } from '../../model/identifiers.js';
import type { BrowserSelection, Project } from '../../model/project.js';
import { rowsFromSelection, selectionStem } from '../../model/selectionMappings.js';
import { isChoiceField, isTextField } from '../../model/taskFormChoices.js';
import {
  formWarnings,
  largestLobBytes,
  lobSummary,
  newEndpointBlocker,
} from '../../model/taskFormNotes.js';
import {
  type FieldId,
  initialFormState,
  initialValues,
  type TaskDraftStore,
  type TaskFormAction,
  type TaskFormDraft,
  type TaskFormState,
  taskFormReducer,
} from '../../model/taskFormState.js';
import { shownErrors, type ValidationContext } from '../../model/taskFormValidation.js';
import type { CreateTaskInput } from '../../model/taskInput.js';
import { useFormDefaults } from './useFormDefaults.js';
import type { ReplicationInstance } from '../../model/instance.js';
import { errorLine } from '../../aws/call.js';
import { findTask } from '../../aws/tasks.js';
import type { Task } from '../../model/task.js';
import { valuesFromTask } from '../../model/taskModify.js';
import { refusal } from '../../model/taskStatus.js';

/** What is open over the form (the form itself takes keys only in 'form' and the dialogs). */
export type TaskFormMode =
  | { kind: 'form' }
  | { kind: 'draft'; draft: TaskFormDraft }
  | { kind: 'pick'; field: 'instance' | 'source' | 'target' }
  | { kind: 'endpoint'; draft: EndpointDraft }
  | { kind: 'mappings' }
  | { kind: 'preview'; input: CreateTaskInput }
  | { kind: 'save'; input: CreateTaskInput }
  | { kind: 'discard' }
  /** An endpoint's last connection test failed or never ran: create anyway? */
  | { kind: 'untested'; input: CreateTaskInput; warnings: string[] }
  | { kind: 'created'; arn: string; identifier: string };

export interface TaskForm {
  state: TaskFormState;
  dispatch: Dispatch<TaskFormAction>;
  mode: TaskFormMode;
  setMode(mode: TaskFormMode): void;
  project?: Project;
  drafts?: TaskDraftStore;
  projectKey: string;
  /** Set once the form is created or closed: no draft is kept after that. */
  finished: { current: boolean };
  instances: ResourceList<ReplicationInstance>;
  endpoints: EndpointList;
  tests: { source: ConnectionTest; target: ConnectionTest };
  context: ValidationContext;
  errors: Partial<Record<FieldId, string>>;
  warnings: Partial<Record<FieldId, string>>;
  /** The line about the largest LOB value, or null. */
  lobNote: string | null;
  /** Why a new endpoint cannot be created yet, or null. */
  endpointBlocker: string | null;
  onChoice: boolean;
  onText: boolean;
  /** Modify: the task as read (with settings), once loaded; the form then sends
   *  ModifyReplicationTask. */
  modifying?: Task;
  /** Modify: still loading, or why the task cannot be modified (one line). */
  modifyBlocker: string | null;
  /** Preflight checks of the form's values (the checklist overlay, the last verdict). */
  preflight: PreflightApi;
}

export function useTaskForm({
  selection,
  largestLob,
  modify,
}: {
  selection?: BrowserSelection;
  /** The largest LOB value in bytes, when the caller already knows it. */
  largestLob?: number;
  /** Open the form on this task, to modify it. */
  modify?: { arn: string; id: string };
}): TaskForm {
  const services = useServices();
  const { project, clients } = services;
  // A modified task is not a draft of the project's next task.
  const taskDrafts = modify ? undefined : services.taskDrafts;
  const projectKey = project?.name ?? '';
  const initialRows = useMemo(() => rowsFromSelection(selection), [selection]);
  const stem = useMemo(
    () => toIdentifier(selectionStem(initialRows), 'task', 'migration'),
    [initialRows],
  );
  const [state, dispatch] = useReducer(taskFormReducer, undefined, () =>
    initialFormState(initialValues({ name: stem, mappings: initialRows })),
  );
  const { values } = state;
  const [mode, setMode] = useState<TaskFormMode>(() => {
    const draft = taskDrafts?.load(projectKey);
    return draft ? { kind: 'draft', draft } : { kind: 'form' };
  });
  const finished = useRef(false);
  const preflight = usePreflight();

  const instances = useInstances();
  const endpoints = useEndpoints();
  const source = useConnectionTest();
  const target = useConnectionTest();
  const context: ValidationContext = {
    instances: instances.data,
    endpoints: endpoints.data,
    chooseKey: keysFor('form.choose'),
  };

  useFormDefaults({ dispatch, values, stem, instances, endpoints, project });
  const endpointData = endpoints.data;
  const endpointName = useCallback(
    (arn: string) => endpointData?.find((e) => e.arn === arn)?.identifier ?? arn,
    [endpointData],
  );
  useEndpointTestNotice({ source, target }, endpointName);

  // Keep a changed form as the project's draft, so quitting (in any way) does not lose it.
  useEffect(() => {
    if (!taskDrafts || !state.dirty || finished.current) return;
    taskDrafts.save(projectKey, { values, savedAt: new Date().toISOString() });
  }, [taskDrafts, projectKey, values, state.dirty]);

  const lob = useLargestLob(project?.source, values.mappings, values.lobMode !== 'none');
  const cdc = useCdcPrerequisites(
    project?.source,
    values.mappings,
    values.migrationType !== 'full-load',
  );

  const [modifying, setModifying] = useState<{ task?: Task; error?: string }>({});
  useEffect(() => {
    if (!modify) return;
    let live = true;
    findTask(clients, modify.arn, { withSettings: true }).then(
      (task) => {
        if (!live) return;
        setModifying({ task, error: refusal(task, 'modify') ?? undefined });
        dispatch({ type: 'restore', values: valuesFromTask(task) });
        dispatch({ type: 'saved' });
      },
      (error) => live && setModifying({ error: errorLine(error) }),
    );
    return () => {
      live = false;
    };
  }, [clients, modify]);

  return {
    state,
    dispatch,
    mode,
    setMode,
    project,
    drafts: taskDrafts,
    projectKey,
    finished,
    instances,
    endpoints,
    tests: { source, target },
    context,
    errors: shownErrors(state, context),
    warnings: formWarnings({
      values,
      largestLobBytes: largestLobBytes(largestLob, lob.result),
      notNullLobs: lob.result?.notNull,
      tests: { source: source.state, target: target.state },
      cdc: { warnings: cdc.result ? cdcWarnings(cdc.result) : undefined, error: cdc.error },
    }),
    lobNote: lobSummary(values.lobMode, lob),
    endpointBlocker: newEndpointBlocker(values, instances.data),
    onChoice: isChoiceField(state.focus),
    onText: isTextField(state.focus),
    preflight,
    modifying: modifying.task,
    modifyBlocker: !modify
      ? null
      : (modifying.error ?? (modifying.task ? null : `Reading ${modify.id} from DMS…`)),
  };
}
