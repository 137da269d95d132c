// Projects: the recent list and the focused project's details. Enter opens it (its AWS profile
// and region become the target, and the schema browser opens); n new, R rename, Ctrl-d delete,
// e settings, s/t source/target connection, x export, i import.
import { Box, Text } from 'ink';
import { useState } from 'react';
import { type Binding, useBindings } from '../ui/bindings.js';
import { hintLine, keyOf } from '../ui/keyHints.js';
import { useBodySize } from '../ui/layout.js';
import { useNavigation } from '../ui/navigation.js';
import { useServices } from '../ui/services.js';
import { useStatus } from '../ui/status.js';
import { ConfirmDialog } from '../components/ConfirmDialog.js';
import { type FieldSpec, FormFields } from '../components/form/FormFields.js';
import { TextPrompt } from '../components/form/TextPrompt.js';
import type { ProjectSummary, ProjectsStore, Side } from '../config/projects.js';
import { useListCursor } from '../hooks/useListCursor.js';
import { useProjects } from '../hooks/useProjects.js';
import { describeConnection, engineInfo } from '../model/connection.js';
import { visibleRange } from '../model/listCursor.js';
import {
  applySettings,
  type SettingsDraft,
  settingsDraft,
  settingsErrors,
} from '../model/projectSettings.js';
import { ageText } from '../model/time.js';

type Mode =
  | { kind: 'list' }
  | { kind: 'new' }
  | { kind: 'rename'; name: string }
  | { kind: 'delete'; name: string }
  | { kind: 'export'; name: string }
  | { kind: 'import' }
  | { kind: 'settings'; name: string };

export function ProjectsScreen() {
  const services = useServices();
  const navigation = useNavigation();
  const { setError, setNotice } = useStatus();
  const { height } = useBodySize();
  const { store, projects, change } = useProjects();
  const [mode, setMode] = useState<Mode>({ kind: 'list' });
  const listHeight = Math.max(1, Math.min(projects.length, height - 10));
  const list = useListCursor({ name: 'projects', count: projects.length, height: listHeight });
  const focused = projects[list.cursor.index];
  const none = focused ? null : `No project yet: ${keyOf('projects.new')} creates one`;
  const back = () => setMode({ kind: 'list' });

  const open = (name: string) => {
    services.openProject?.(name);
    setNotice(`Opened project ${name}`);
    navigation.goto({ screen: 'browser' });
  };
  const onFocused = (fn: (p: ProjectSummary) => void) => () => focused && fn(focused);

  const bindings: Binding[] =
    mode.kind === 'list'
      ? [
          ...list.bindings,
          {
            command: 'projects.open',
            handler: onFocused((p) => open(p.name)),
            disabledReason: none,
          },
          { command: 'projects.new', handler: () => setMode({ kind: 'new' }) },
          {
            command: 'projects.rename',
            handler: onFocused((p) => setMode({ kind: 'rename', name: p.name })),
            disabledReason: none,
          },
          {
            command: 'projects.delete',
            handler: onFocused((p) => setMode({ kind: 'delete', name: p.name })),
            disabledReason: none,
          },
          {
            command: 'projects.settings',
            handler: onFocused((p) => setMode({ kind: 'settings', name: p.name })),
            disabledReason: none,
          },
          {
            command: 'projects.source',
            handler: onFocused((p) =>
              navigation.push({
                screen: 'connection',
                params: { project: p.name, side: 'source' },
              }),
            ),
            disabledReason: none,
          },
          {
            command: 'projects.target',
            handler: onFocused((p) =>
              navigation.push({
                screen: 'connection',
                params: { project: p.name, side: 'target' },
              }),
            ),
            disabledReason: none,
          },
          {
            command: 'projects.export',
            handler: onFocused((p) => setMode({ kind: 'export', name: p.name })),
            disabledReason: none,
          },
          { command: 'projects.import', handler: () => setMode({ kind: 'import' }) },
        ]
      : [];
  useBindings(bindings);

  if (!store) return <Text color="red">Projects are not available in this run.</Text>;

  const dialog = (() => {
    switch (mode.kind) {
      case 'new':
        return (
          <TextPrompt
            label="New project name:"
            onCancel={back}
            onSubmit={(name) => {
              const error = change((s) =>
                s.create({ name, profile: '', source: null, target: null }),
              );
              if (error) return error;
              back();
              setNotice(
                `Created ${name.trim()}: ${keyOf('projects.source')} sets its source, ${keyOf('projects.target')} its target, ${keyOf('projects.open')} opens it`,
              );
              const index = store.list().findIndex((p) => p.name === name.trim());
              if (index >= 0) list.focus(index);
              return null;
            }}
          />
        );
      case 'rename':
        return (
          <TextPrompt
            label={`Rename ${mode.name} to:`}
            initial={mode.name}
            onCancel={back}
            onSubmit={(to) => {
              const error = change((s) => s.rename(mode.name, to));
              if (error) return error;
              if (services.project?.name === mode.name) services.openProject?.(to.trim());
              back();
              setNotice(`Renamed ${mode.name} to ${to.trim()}`);
              return null;
            }}
          />
        );
      case 'delete':
        return (
          <ConfirmDialog
            title={`Delete project ${mode.name}?`}
            message="Its connections are forgotten (databases and AWS are not touched)."
            danger
            onCancel={back}
            onConfirm={() => {
              const error = change((s) => s.remove(mode.name));
              if (services.project?.name === mode.name) services.openProject?.(null);
              back();
              if (error) setError(error);
              else setNotice(`Deleted project ${mode.name}`);
            }}
          />
        );
      case 'export':
        return (
          <TextPrompt
            label="Export to file:"
            initial={`${mode.name.replace(/[^\w.-]+/g, '-')}.dms-project.json`}
            onCancel={back}
            onSubmit={(path) => {
              const error = change((s) => s.exportTo(mode.name, path.trim()));
              if (error) return error;
              back();
              setNotice(`Exported ${mode.name} to ${path.trim()} (no passwords in it)`);
              return null;
            }}
          />
        );
      case 'import':
        return (
          <TextPrompt
            label="Import project file:"
            onCancel={back}
            onSubmit={(path) => {
              let name = '';
              const error = change((s) => {
                name = s.importFrom(path.trim());
              });
              if (error) return error;
              back();
              setNotice(`Imported project ${name}`);
              return null;
            }}
          />
        );
      case 'settings':
        return (
          <SettingsForm
            store={store}
            name={mode.name}
            onDone={(saved) => {
              back();
              if (saved) {
                if (services.project?.name === mode.name) services.openProject?.(mode.name);
                setNotice(`Saved the settings of ${mode.name}`);
              }
            }}
          />
        );
      default:
        return null;
    }
  })();

  const { start, end } = visibleRange(list.cursor, projects.length, listHeight);
  return (
    <Box flexDirection="column">
      <Text bold>
        {'  '}
        {'PROJECT'.padEnd(24)} {'SOURCE'.padEnd(22)} {'TARGET'.padEnd(22)} OPENED
      </Text>
      {projects.length === 0 ? (
        <Text dimColor>
          {'  '}No projects yet. {keyOf('projects.new')} creates one; {keyOf('projects.import')}{' '}
          imports a project file.
        </Text>
      ) : null}
      {projects.slice(start, end).map((p, i) => {
        const index = start + i;
        const current = services.project?.name === p.name;
        return (
          <Text key={p.name} inverse={index === list.cursor.index} wrap="truncate-end">
            {current ? '● ' : '  '}
            {p.name.padEnd(24).slice(0, 24)} {side(p.source).padEnd(22).slice(0, 22)}{' '}
            {side(p.target).padEnd(22).slice(0, 22)}{' '}
            {p.lastOpened ? `${ageText(Date.now() - Date.parse(p.lastOpened))} ago` : 'never'}
          </Text>
        );
      })}
      {dialog ?? (focused ? <Details store={store} project={focused} /> : null)}
    </Box>
  );
}

function side(spec: ProjectSummary['source']): string {
  return spec ? `${engineInfo(spec.engine).label.split(' ')[0]} ${spec.host}` : '—';
}

function passwordNote(store: ProjectsStore, name: string, s: Side, spec: ProjectSummary['source']) {
  if (!spec) return '';
  if (store.remembers(name, s)) return ' · password remembered';
  if (store.needsPassword(name, s)) return ' · password asked once per run';
  return '';
}

function Details({ store, project }: { store: ProjectsStore; project: ProjectSummary }) {
  const full = store.get(project.name);
  return (
    <Box flexDirection="column" marginTop={1} borderStyle="single" paddingX={1}>
      <Text bold>{project.name}</Text>
      <Text>
        AWS:{' '}
        {project.profile === 'sandbox'
          ? 'local sandbox'
          : project.profile || 'default credential chain'}
        {project.region ? ` · ${project.region}` : ''}
        {full?.defaultReplicationInstance ? ` · instance ${full.defaultReplicationInstance}` : ''}
      </Text>
      <Text>
        Source:{' '}
        {project.source
          ? `${engineInfo(project.source.engine).label} ${describeConnection(project.source)}`
          : `not set (${keyOf('projects.source')})`}
        {passwordNote(store, project.name, 'source', project.source)}
      </Text>
      <Text>
        Target:{' '}
        {project.target
          ? `${engineInfo(project.target.engine).label} ${describeConnection(project.target)}`
          : `not set (${keyOf('projects.target')})`}
        {passwordNote(store, project.name, 'target', project.target)}
      </Text>
    </Box>
  );
}

const SETTINGS_FIELDS: FieldSpec[] = [
  {
    kind: 'text',
    name: 'profile',
    label: 'AWS profile',
    placeholder: '(default chain; "sandbox" for the local sandbox)',
  },
  { kind: 'text', name: 'region', label: 'Region', placeholder: '(from the profile)' },
  {
    kind: 'text',
    name: 'defaultReplicationInstance',
    label: 'Default instance',
    placeholder: '(none)',
  },
];

function SettingsForm({
  store,
  name,
  onDone,
}: {
  store: ProjectsStore;
  name: string;
  onDone: (saved: boolean) => void;
}) {
  const project = store.get(name);
  const [draft, setDraft] = useState<SettingsDraft>(() =>
    project ? settingsDraft(project) : { profile: '', region: '', defaultReplicationInstance: '' },
  );
  const [focused, setFocused] = useState(0);
  const errors = settingsErrors(draft);
  useBindings(
    [
      { command: 'form.next', handler: () => setFocused((f) => (f + 1) % SETTINGS_FIELDS.length) },
      {
        command: 'form.previous',
        handler: () => setFocused((f) => (f + SETTINGS_FIELDS.length - 1) % SETTINGS_FIELDS.length),
      },
      {
        command: 'prompt.accept',
        handler: () => {
          if (!project || Object.keys(errors).length > 0) return;
          store.save(applySettings(project, draft));
          onDone(true);
        },
        disabledReason:
          Object.keys(errors).length > 0 ? 'Fix the fields marked in red first' : null,
      },
      { command: 'prompt.cancel', handler: () => onDone(false) },
    ],
    { kind: 'dialog', textInput: true },
  );
  return (
    <Box flexDirection="column" borderStyle="round" borderColor="cyan" paddingX={1}>
      <Text bold>Settings of {name}</Text>
      <FormFields
        fields={SETTINGS_FIELDS}
        values={draft as unknown as Record<string, string>}
        errors={errors}
        focused={focused}
        onChange={(field, text) => setDraft((d) => ({ ...d, [field]: text }))}
      />
      <Text dimColor>
        {hintLine(
          ['form.next', 'next field'],
          ['prompt.accept', 'saves'],
          ['prompt.cancel', 'cancels'],
        )}
      </Text>
    </Box>
  );
}
