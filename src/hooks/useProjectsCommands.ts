// The projects screen's commands (its controller): the list cursor, what each key does to the
// focused project, and what each dialog does when answered. Every change goes through the
// project store and reports in the status bar; the screen only draws.
import { useState } from 'react';
import { type Binding, useBindings } from '../ui/bindings.js';
import { command, withItem } from '../ui/commands.js';
import { keysFor } from '../ui/keyHint.js';
import { useNavigation } from '../ui/navigation.js';
import { useStatus } from '../ui/status.js';
import { resolveUserPath } from '../config/files.js';
import type { Project } from '../model/project.js';
import { useListCursor } from './useListCursor.js';
import type { ProjectStoreApi, ProjectSummary } from './useProjectStore.js';

export type ProjectsMode =
  | { kind: 'list' }
  | { kind: 'new' }
  | { kind: 'rename'; name: string }
  | { kind: 'delete'; name: string }
  | { kind: 'export'; name: string }
  | { kind: 'import' }
  | { kind: 'settings'; name: string };

export function useProjectsCommands(store: ProjectStoreApi, options: { listHeight: number }) {
  const navigation = useNavigation();
  const { setError, setNotice } = useStatus();
  const { projects } = store;
  const [mode, setMode] = useState<ProjectsMode>({ kind: 'list' });
  const list = useListCursor({
    name: 'projects',
    count: projects.length,
    height: options.listHeight,
  });
  const focused: ProjectSummary | undefined = projects[list.cursor.index];
  const back = () => setMode({ kind: 'list' });

  const open = (name: string) => {
    store.open(name);
    setNotice(`Opened project ${name}`);
    navigation.goto({ screen: 'browser' });
  };
  const onProject = withItem(focused, `No project yet: ${keysFor('projects.new')} creates one`);
  const bindings: Binding[] =
    mode.kind === 'list'
      ? [
          ...list.bindings,
          onProject('projects.open', (p) => open(p.name)),
          command('projects.new', () => setMode({ kind: 'new' })),
          onProject('projects.rename', (p) => setMode({ kind: 'rename', name: p.name })),
          onProject('projects.delete', (p) => setMode({ kind: 'delete', name: p.name })),
          onProject('projects.settings', (p) => setMode({ kind: 'settings', name: p.name })),
          onProject('projects.source', (p) =>
            navigation.push({ screen: 'connection', params: { project: p.name, side: 'source' } }),
          ),
          onProject('projects.target', (p) =>
            navigation.push({ screen: 'connection', params: { project: p.name, side: 'target' } }),
          ),
          onProject('projects.export', (p) => setMode({ kind: 'export', name: p.name })),
          command('projects.import', () => setMode({ kind: 'import' })),
        ]
      : [];
  useBindings(bindings);

  /** What the dialogs do when answered: an error line keeps a prompt open. */
  const answer = {
    cancel: back,
    create(name: string): string | null {
      const error = store.create(name);
      if (error) return error;
      back();
      setNotice(
        `Created ${name.trim()}: ${keysFor('projects.source')} sets its source, ${keysFor('projects.target')} its target, ${keysFor('projects.open')} opens it`,
      );
      const index = store.list().findIndex((p) => p.name === name.trim());
      if (index >= 0) list.focus(index);
      return null;
    },
    rename(from: string, to: string): string | null {
      const error = store.rename(from, to);
      if (error) return error;
      store.reopenIfCurrent(from, to.trim());
      back();
      setNotice(`Renamed ${from} to ${to.trim()}`);
      return null;
    },
    remove(name: string): void {
      const error = store.remove(name);
      if (store.current === name) store.open(null);
      back();
      if (error) setError(error);
      else setNotice(`Deleted project ${name}`);
    },
    exportTo(name: string, path: string): string | null {
      const error = store.exportTo(name, path.trim());
      if (error) return error;
      back();
      setNotice(`Exported ${name} to ${resolveUserPath(path)} (no passwords in it)`);
      return null;
    },
    importFrom(path: string): string | null {
      const result = store.importFrom(path.trim());
      if ('error' in result) return result.error;
      back();
      setNotice(`Imported project ${result.name} from ${resolveUserPath(path)}`);
      return null;
    },
    saveSettings(project: Project): void {
      const error = store.save(project);
      if (error) {
        setError(`Cannot save the settings of ${project.name}: ${error}`);
        return;
      }
      back();
      store.reopenIfCurrent(project.name);
      setNotice(`Saved the settings of ${project.name}`);
    },
  };

  return { mode, list, focused, answer };
}
