// Projects: the recent list and the focused project's details. Enter opens it (its AWS profile
// and region become the target, and the schema browser opens); n new, R rename, Ctrl-d delete,
// e settings, s/t source/target connection, x export, i import. The commands live in
// useProjectsCommands; this file draws the list and the dialog that is open.
import { Box } from 'ink';
import { Text } from '../components/Text.js';
import { keysFor } from '../ui/keyHint.js';
import { useBodySize } from '../ui/layout.js';
import { ConfirmDialog } from '../components/ConfirmDialog.js';
import { TextPrompt } from '../components/form/TextPrompt.js';
import { type ProjectsMode, useProjectsCommands } from '../hooks/useProjectsCommands.js';
import { useProjectStore } from '../hooks/useProjectStore.js';
import { visibleRange } from '../model/listCursor.js';
import { connectionColumn, exportFileName, openedText } from '../model/projectList.js';
import { ProjectDetails } from './projects/ProjectDetails.js';
import { ProjectSettingsForm } from './projects/ProjectSettingsForm.js';

export function ProjectsScreen() {
  const { height } = useBodySize();
  const store = useProjectStore();
  const { projects } = store;
  const listHeight = Math.max(1, Math.min(projects.length, height - 10));
  const { mode, list, focused, answer } = useProjectsCommands(store, { listHeight });

  if (!store.available) return <Text color="red">Projects are not available in this run.</Text>;

  const { start, end } = visibleRange(list.cursor, projects.length, listHeight);
  const now = Date.now();
  return (
    <Box flexDirection="column">
      <Text bold>
        {'  '}
        {'PROJECT'.padEnd(24)} {'SOURCE'.padEnd(22)} {'TARGET'.padEnd(22)} OPENED
      </Text>
      {projects.length === 0 ? (
        <Text dimColor>
          {'  '}No projects yet. {keysFor('projects.new')} creates one; {keysFor('projects.import')}{' '}
          imports a project file.
        </Text>
      ) : null}
      {projects.slice(start, end).map((p, i) => (
        <Text key={p.name} inverse={start + i === list.cursor.index} wrap="truncate-end">
          {store.current === p.name ? '● ' : '  '}
          {p.name.padEnd(24).slice(0, 24)} {connectionColumn(p.source).padEnd(22).slice(0, 22)}{' '}
          {connectionColumn(p.target).padEnd(22).slice(0, 22)} {openedText(p.lastOpened, now)}
        </Text>
      ))}
      {mode.kind !== 'list' ? (
        <ProjectDialog mode={mode} answer={answer} store={store} />
      ) : focused ? (
        <ProjectDetails store={store} project={focused} />
      ) : null}
    </Box>
  );
}

/** The dialog open over the list, wired to the controller's answers. */
function ProjectDialog({
  mode,
  answer,
  store,
}: {
  mode: Exclude<ProjectsMode, { kind: 'list' }>;
  answer: ReturnType<typeof useProjectsCommands>['answer'];
  store: ReturnType<typeof useProjectStore>;
}) {
  switch (mode.kind) {
    case 'new':
      return (
        <TextPrompt
          purpose="project:new"
          label="New project name:"
          onCancel={answer.cancel}
          onSubmit={answer.create}
        />
      );
    case 'rename':
      return (
        <TextPrompt
          purpose={`project:rename:${mode.name}`}
          label={`Rename ${mode.name} to:`}
          initial={mode.name}
          onCancel={answer.cancel}
          onSubmit={(to) => answer.rename(mode.name, to)}
        />
      );
    case 'delete':
      return (
        <ConfirmDialog
          title={`Delete project ${mode.name}?`}
          message="Its connections are forgotten (databases and AWS are not touched)."
          danger
          onCancel={answer.cancel}
          onConfirm={() => answer.remove(mode.name)}
        />
      );
    case 'export':
      return (
        <TextPrompt
          purpose={`project:export:${mode.name}`}
          label="Export to file:"
          initial={exportFileName(mode.name)}
          onCancel={answer.cancel}
          onSubmit={(path) => answer.exportTo(mode.name, path)}
        />
      );
    case 'import':
      return (
        <TextPrompt
          purpose="project:import"
          label="Import project file:"
          onCancel={answer.cancel}
          onSubmit={answer.importFrom}
        />
      );
    case 'settings':
      return (
        <ProjectSettingsForm
          name={mode.name}
          project={store.get(mode.name)}
          onSave={answer.saveSettings}
          onCancel={answer.cancel}
        />
      );
  }
}
