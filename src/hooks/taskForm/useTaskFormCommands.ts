// What the Create DMS Task form's keys and sub-views do: one handler per command (move, choose,
// cycle, preview, save, create, close), the answers to its dialogs (discard, restore the
// draft), and what happens when a sub-view finishes (a resource chosen, an endpoint created,
// the mappings edited, the JSON saved). The screen binds them to keys; it only draws.
import { useNavigation } from '../../ui/navigation.js';
import { useServices } from '../../ui/services.js';
import { useStatus } from '../../ui/status.js';
import { listConnections } from '../../aws/endpoints.js';
import { untestedEndpointWarning } from '../../model/resourceRows.js';
import type { EndpointDraft } from '../../model/endpointDraft.js';
import type { MappingRow } from '../../model/selectionMappings.js';
import { enterAction, type TextFieldId } from '../../model/taskFormChoices.js';
import type { TaskFormValues } from '../../model/taskFormState.js';
import { fieldForServerError, taskInputFromForm } from '../../model/taskFormValidation.js';
import type { CreateTaskInput } from '../../model/taskInput.js';
import { useState } from 'react';
import { modifyTask } from '../../aws/tasks.js';
import type { FieldId } from '../../model/taskFormState.js';
import type { Task } from '../../model/task.js';
import { modifyTaskInput } from '../../model/taskModify.js';
import { formPreflightRequest, preflightSubject } from '../../model/preflightRequest.js';
import { awsFailure } from './awsFailure.js';
import { useCreateTask } from './useCreateTask.js';
import type { TaskForm } from './useTaskForm.js';
import type { Endpoint } from '../../model/endpoint.js';

export interface TaskFormCommands {
  next(): void;
  previous(): void;
  choose(): void;
  choiceNext(): void;
  choicePrevious(): void;
  preview(): void;
  save(): void;
  /** Runs preflight checks on the form's current values. */
  preflight(): void;
  create(): void;
  /** Creates after the question about untested endpoints. */
  createAnyway(input: CreateTaskInput): void;
  /** Why Create is refused now (it is running), or null. */
  createDisabled: string | null;
  creating: boolean;
  back(): void;
  /** Back to the form from a sub-view or dialog. */
  toForm(): void;
  discard(): void;
  restoreDraft(): void;
  dropDraft(): void;
  type(field: TextFieldId, text: string): void;
  chosen(patch: Partial<TaskFormValues>): void;
  createNewEndpoint(draft: EndpointDraft): void;
  endpointCreated(type: 'source' | 'target', endpoint: Endpoint): void;
  mappingsChanged(rows: MappingRow[]): void;
  saved(path: string): void;
}

/** What ModifyReplicationTask cannot change (MoveReplicationTask moves a task; endpoints stay). */
const FIXED_ON_MODIFY: readonly FieldId[] = ['instance', 'source', 'target'];

export function useTaskFormCommands(form: TaskForm): TaskFormCommands {
  const { state, dispatch, mode, setMode, drafts, projectKey, finished } = form;
  const { values } = state;
  const { setError, setNotice } = useStatus();
  const navigation = useNavigation();
  const { clients } = useServices();

  const run = useCreateTask({
    onCreated: (task) => {
      finished.current = true;
      drafts?.clear(projectKey);
      dispatch({ type: 'saved' });
      setError(null);
      setMode({ kind: 'created', arn: task.arn, identifier: task.identifier });
    },
    onError: ({ message, code }) => {
      const field = fieldForServerError(values, { name: code, message });
      if (field) dispatch({ type: 'serverError', field, message });
      setError(`Create failed: ${message}`);
    },
  });

  const [modifyBusy, setModifyBusy] = useState(false);
  const modify = (task: Task, input: CreateTaskInput) => {
    setModifyBusy(true);
    modifyTask(clients, modifyTaskInput(task, input)).then(
      (after) => {
        setModifyBusy(false);
        dispatch({ type: 'saved' });
        setError(null);
        setNotice(
          `Modified ${after.id}: DMS applies it (${after.status}), then the task is ${task.status} again`,
        );
        close();
      },
      (error) => {
        setModifyBusy(false);
        const { message, code } = awsFailure(error);
        const field = fieldForServerError(values, { name: code, message });
        if (field) dispatch({ type: 'serverError', field, message });
        setError(`Modify failed: ${message}`);
      },
    );
  };

  const close = () => {
    finished.current = true;
    drafts?.clear(projectKey);
    if (navigation.stack.length > 1) navigation.pop();
    else navigation.goto({ screen: 'tasks' });
  };

  /** The input, or null after pointing at the first field in error. */
  const validInput = (): CreateTaskInput | null => {
    const result = taskInputFromForm(values, form.context);
    if (result.ok) return result.input;
    dispatch({ type: 'showAllErrors' });
    dispatch({ type: 'focus', field: result.field });
    setError(result.error);
    return null;
  };
  const withInput = (then: (input: CreateTaskInput) => void) => () => {
    const input = validInput();
    if (input) then(input);
  };
  const toForm = () => setMode({ kind: 'form' });

  return {
    next: () => dispatch({ type: 'move', step: 1 }),
    previous: () => dispatch({ type: 'move', step: -1 }),
    choose: () => {
      if (form.modifying && FIXED_ON_MODIFY.includes(state.focus)) {
        setError(
          'ModifyReplicationTask cannot change the replication instance or the endpoints: create a new task for that',
        );
        return;
      }
      const action = enterAction(state.focus);
      if (action.kind === 'pick') setMode({ kind: 'pick', field: action.field });
      else if (action.kind === 'mappings') setMode({ kind: 'mappings' });
      else if (action.kind === 'cycle') dispatch({ type: 'cycle', step: 1 });
      else dispatch({ type: 'move', step: 1 });
    },
    choiceNext: () => dispatch({ type: 'cycle', step: 1 }),
    choicePrevious: () => dispatch({ type: 'cycle', step: -1 }),
    preview: withInput((input) => setMode({ kind: 'preview', input })),
    preflight: () => {
      const found = formPreflightRequest(values);
      if (!found.ok) {
        dispatch({ type: 'focus', field: found.field });
        setError(found.error);
        return;
      }
      const what = form.modifying ? `task ${form.modifying.id} as modified` : 'this form';
      form.preflight.start(preflightSubject(found.request), `Preflight of ${what}`, () =>
        Promise.resolve(found.request),
      );
    },
    save: withInput((input) => setMode({ kind: 'save', input })),
    create: withInput((input) => {
      if (form.modifying) {
        modify(form.modifying, input);
        return;
      }
      // Ask first when an endpoint's last test failed or never ran (DMS would create the task,
      // and it would fail at start). A check that cannot be made does not stop the create.
      const chosen = [input.SourceEndpointArn, input.TargetEndpointArn].map(
        (arn) => form.endpoints.data?.find((e) => e.arn === arn) ?? { arn, identifier: arn },
      );
      listConnections(clients).then(
        (connections) => {
          const warnings = chosen.flatMap((e) => untestedEndpointWarning(e, connections) ?? []);
          if (warnings.length > 0) setMode({ kind: 'untested', input, warnings });
          else run.run(input);
        },
        () => run.run(input),
      );
    }),
    createAnyway: (input) => {
      toForm();
      run.run(input);
    },
    createDisabled: form.modifyBlocker ?? (run.busy || modifyBusy ? 'Sending it to DMS…' : null),
    creating: run.busy || modifyBusy,
    back: () => (state.dirty ? setMode({ kind: 'discard' }) : close()),
    toForm,
    discard: close,
    restoreDraft: () => {
      if (mode.kind === 'draft') dispatch({ type: 'restore', values: mode.draft.values });
      toForm();
    },
    dropDraft: () => {
      drafts?.clear(projectKey);
      toForm();
    },
    type: (field, text) => dispatch({ type: 'type', field, text }),
    chosen: (patch) => {
      dispatch({ type: 'edit', patch });
      toForm();
    },
    createNewEndpoint: (draft) => setMode({ kind: 'endpoint', draft }),
    endpointCreated: (type, endpoint) => {
      form.endpoints.add(endpoint);
      dispatch({
        type: 'edit',
        patch: { [type === 'source' ? 'sourceArn' : 'targetArn']: endpoint.arn },
      });
      form.tests[type].start({ instanceArn: values.instanceArn ?? '', endpointArn: endpoint.arn });
      setNotice(
        `Created endpoint ${endpoint.identifier}; testing the connection from the instance…`,
      );
      toForm();
    },
    mappingsChanged: (mappings) => dispatch({ type: 'edit', patch: { mappings } }),
    saved: (path) => {
      setError(null);
      setNotice(`Saved ${path}`);
      toForm();
    },
  };
}
