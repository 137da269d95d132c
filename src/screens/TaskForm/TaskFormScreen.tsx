// Create DMS Task: the form SCT opens from "Create DMS Task" on a schema object, keyboard-first.
// Tab/Shift-Tab (or ↑/↓) move between fields, ←/→/Space change a choice, Enter picks an
// instance or endpoint (or "Create new…") and edits the mappings, p previews the exact
// CreateReplicationTask input, w saves it as JSON, Ctrl-s creates the task, Esc closes (asking
// first when something changed). A changed form is kept as a draft of the project until it is
// created or discarded, and offered back when the form opens again. State and data:
// hooks/taskForm/useTaskForm.ts; what the keys do: hooks/taskForm/useTaskFormCommands.ts.
import { Box } from 'ink';
import { Text } from '../../components/Text.js';
import { useBindings } from '../../ui/bindings.js';
import { hintFor, keysFor } from '../../ui/keyHint.js';
import { useBodySize } from '../../ui/layout.js';
import type { ScreenProps } from '../../ui/screenProps.js';
import { useTaskForm } from '../../hooks/taskForm/useTaskForm.js';
import { useTaskFormCommands } from '../../hooks/taskForm/useTaskFormCommands.js';
import type { BrowserSelection } from '../../model/project.js';
import { draftDescription } from '../../model/taskFormNotes.js';
import { savedJsonName } from '../../model/taskFormDisplay.js';
import { createTaskInputJson, previewLines } from '../../model/taskInput.js';
import { CHECK_COLOR, PreflightChecklist } from '../../components/PreflightChecklist.js';
import { formPreflightRequest, preflightSubject } from '../../model/preflightRequest.js';
import { lastPreflightNote } from '../../model/preflightView.js';
import { CreatedDialog } from './CreatedDialog.js';

import { Dialog } from './Dialog.js';
import { EndpointForm } from './EndpointForm.js';
import { FieldRows } from './FieldRows.js';
import { JsonPreview } from './JsonPreview.js';
import { MappingsEditor } from './MappingsEditor.js';
import { ResourcePicker } from './ResourcePicker.js';
import { SaveJsonDialog } from './SaveJsonDialog.js';

export function TaskFormScreen({ params }: ScreenProps<'taskForm'>) {
  const selection = params?.selection as BrowserSelection | undefined;
  const modify = params?.modify as { arn: string; id: string } | undefined;
  const form = useTaskForm({
    selection,
    largestLob: params?.largestLobBytes as number | undefined,
    modify,
  });
  const commands = useTaskFormCommands(form);
  const { state, mode, project } = form;
  const { values } = state;
  const { width, height } = useBodySize();
  const latest = form.preflight.latest;
  const lastPreflight = latest ? form.preflight.last.get(latest) : undefined;
  const current = formPreflightRequest(values);
  const preflightCurrent = current.ok && latest === preflightSubject(current.request);

  useBindings(
    [
      { command: 'form.next', handler: commands.next },
      { command: 'form.previous', handler: commands.previous },
      { command: 'form.choose', handler: commands.choose },
      ...(form.onChoice
        ? [
            { command: 'form.choiceNext' as const, handler: commands.choiceNext },
            { command: 'form.choicePrevious' as const, handler: commands.choicePrevious },
          ]
        : []),
      { command: 'form.preview', handler: commands.preview },
      { command: 'form.save', handler: commands.save },
      { command: 'form.preflight', handler: commands.preflight },
      {
        command: modify ? 'form.modify' : 'form.create',
        handler: commands.create,
        disabledReason: commands.createDisabled,
      },
      { command: 'nav.back', handler: commands.back },
    ],
    {
      kind: 'screen',
      textInput: form.onText,
      active: mode.kind === 'form' && !form.preflight.view,
    },
  );

  const { preflight } = form;
  if (preflight.view)
    return (
      <PreflightChecklist
        view={preflight.view}
        height={height}
        width={width}
        onClose={preflight.close}
      />
    );
  switch (mode.kind) {
    case 'pick':
      return (
        <ResourcePicker
          field={mode.field}
          values={values}
          instances={form.instances}
          endpoints={form.endpoints}
          project={project}
          height={height}
          onClose={commands.toForm}
          onChosen={commands.chosen}
          onCreateNew={commands.createNewEndpoint}
        />
      );
    case 'endpoint':
      return (
        <EndpointForm
          initial={mode.draft}
          instanceReason={form.endpointBlocker}
          height={height}
          width={width}
          onClose={commands.toForm}
          onCreated={(endpoint) => commands.endpointCreated(mode.draft.type, endpoint)}
        />
      );
    case 'mappings':
      return (
        <MappingsEditor
          rows={values.mappings}
          height={height}
          onChange={commands.mappingsChanged}
          onClose={commands.toForm}
        />
      );
    case 'preview':
      return (
        <JsonPreview
          title="CreateReplicationTask input"
          lines={previewLines(mode.input)}
          height={height}
          width={width}
          onClose={commands.toForm}
        />
      );
    case 'save':
      return (
        <SaveJsonDialog
          initialPath={savedJsonName(mode.input.ReplicationTaskIdentifier)}
          text={createTaskInputJson(mode.input)}
          onClose={commands.toForm}
          onSaved={commands.saved}
        />
      );
    case 'created':
      return <CreatedDialog arn={mode.arn} identifier={mode.identifier} />;
    case 'untested':
      return (
        <Dialog
          title="Create the task anyway?"
          tone="yellow"
          bindings={[
            { command: 'dialog.confirm', handler: () => commands.createAnyway(mode.input) },
            { command: 'dialog.cancel', handler: commands.toForm },
          ]}
        >
          {mode.warnings.map((w) => (
            <Text key={w}>⚠ {w}</Text>
          ))}
          <Text>
            A task on an endpoint DMS cannot reach fails when it starts (test it on :endpoints).{' '}
            {hintFor('dialog.confirm', 'creates it anyway')},{' '}
            {hintFor('dialog.cancel', 'returns to the form')}.
          </Text>
        </Dialog>
      );
    default:
      break;
  }

  return (
    <Box flexDirection="column">
      <Text bold>
        {modify ? `Modify DMS task ${modify.id}` : 'Create DMS task'}
        <Text dimColor>
          {modify
            ? ` · ${keysFor('form.modify')} sends ModifyReplicationTask; instance and endpoints stay`
            : ''}
          {project && !modify ? ` · project ${project.name}` : ''}
          {selection
            ? ` · ${selection.schemas.length} schema(s), ${selection.tables.length} table(s) selected`
            : ''}
        </Text>
      </Text>
      <FieldRows
        values={values}
        focus={state.focus}
        typing={mode.kind === 'form'}
        errors={form.errors}
        warnings={form.warnings}
        instances={form.instances.data}
        endpoints={form.endpoints.data}
        tests={{ source: form.tests.source.state, target: form.tests.target.state }}
        width={width}
        onText={commands.type}
      />
      {form.lobNote ? (
        <Text dimColor wrap="truncate-end">
          {form.lobNote}
        </Text>
      ) : null}
      {lastPreflight ? (
        <Text color={CHECK_COLOR[lastPreflight.verdict]} wrap="truncate-end">
          {lastPreflightNote(lastPreflight, {
            current: preflightCurrent,
            keys: keysFor('form.preflight', { typing: form.onText }),
          })}
        </Text>
      ) : null}
      {form.instances.error ? <Text color="red">✗ {form.instances.error}</Text> : null}
      {form.endpoints.error ? <Text color="red">✗ {form.endpoints.error}</Text> : null}
      {commands.creating ? (
        <Text color="yellow">{modify ? 'Modifying the task…' : 'Creating the task…'}</Text>
      ) : null}
      {form.modifyBlocker ? <Text color="yellow">{form.modifyBlocker}</Text> : null}
      {mode.kind === 'discard' ? (
        <Dialog
          title="Discard this task form?"
          tone="yellow"
          bindings={[
            { command: 'dialog.confirm', handler: commands.discard },
            { command: 'dialog.cancel', handler: commands.toForm },
          ]}
        >
          <Text>
            The form has changes. {hintFor('dialog.confirm', 'discards them')},{' '}
            {hintFor('dialog.cancel', 'keeps editing')}.
          </Text>
        </Dialog>
      ) : null}
      {mode.kind === 'draft' ? (
        <Dialog
          title="Restore the draft?"
          bindings={[
            { command: 'dialog.confirm', handler: commands.restoreDraft },
            { command: 'dialog.cancel', handler: commands.dropDraft },
          ]}
        >
          <Text>
            A task form left on {draftDescription(mode.draft)} was kept.{' '}
            {hintFor('dialog.confirm', 'restores it')}, {hintFor('dialog.cancel', 'starts fresh')}.
          </Text>
        </Dialog>
      ) : null}
    </Box>
  );
}
