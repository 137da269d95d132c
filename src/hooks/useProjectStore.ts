// The saved projects (projects.json) as screens use them: the list, one project with its
// passwords, and every change (create, rename, save, delete, export, import) returning its
// error as one line instead of throwing, the list re-read after each. Also which project is
// open, and opening one (its AWS target follows).
import { useCallback, useMemo, useState } from 'react';
import { type TargetChoice, useServices } from '../ui/services.js';
import type { AwsTarget } from '../model/awsTarget.js';
import type { ProjectSummary, ProjectsStore } from '../config/projects.js';
import type { Project, Side } from '../model/project.js';

export type { ProjectSummary };

export interface ProjectStoreApi {
  /** False when this run has no project store (projects cannot be listed or changed). */
  available: boolean;
  /** Recent first (as of the last render). */
  projects: ProjectSummary[];
  /** The list as the store has it now (after a change made in this handler). */
  list(): ProjectSummary[];
  /** Bumped after every change: a screen that re-reads a project depends on it. */
  version: number;
  get(name: string): Project | undefined;
  remembers(name: string, side: Side): boolean;
  needsPassword(name: string, side: Side): boolean;
  /** Keeps a password typed for this run only. */
  setSessionPassword(name: string, side: Side, password: string): void;
  create(name: string): string | null;
  rename(from: string, to: string): string | null;
  remove(name: string): string | null;
  /** Saves a project; `remember` says per side whether its password goes to disk. */
  save(project: Project, options?: { remember?: Partial<Record<Side, boolean>> }): string | null;
  exportTo(name: string, path: string): string | null;
  /** The name the imported project was saved under, or the error. */
  importFrom(path: string): { name: string } | { error: string };
  /** The open project's name, if any. */
  current?: string;
  /** Opens a project (null closes it). */
  open(name: string | null): void;
  /** Re-opens `name` under its new name or settings when it is the open one. */
  reopenIfCurrent(name: string, newName?: string): void;
  /** Where calls go from now on (`:profiles`): saved in the open project (without one, as the
   *  remembered choice); resolves with the new target or rejects with one line. */
  chooseTarget(choice: TargetChoice): Promise<AwsTarget>;
}

/** A new project points where the app points now (inside `npm start`: the sandbox). */
export function targetChoiceOf(target: AwsTarget): TargetChoice {
  return target.sandbox
    ? { profile: 'sandbox' }
    : { profile: target.profile ?? '', region: target.region };
}

export function useProjectStore(): ProjectStoreApi {
  const services = useServices();
  const store = services.projects;
  const [version, setVersion] = useState(0);

  /** Runs a store change: its error as one line (or null), and the list re-read. */
  const change = useCallback(
    (action: (s: ProjectsStore) => void): string | null => {
      if (!store) return 'No project store in this run';
      try {
        action(store);
        return null;
      } catch (error) {
        return (error as Error).message.split('\n')[0] ?? 'Failed';
      } finally {
        setVersion((v) => v + 1);
      }
    },
    [store],
  );

  const current = services.project?.name;
  const open = services.openProject;
  // biome-ignore lint/correctness/useExhaustiveDependencies: version re-reads the list after a change
  const projects = useMemo(() => (store ? store.list() : []), [store, version]);
  return {
    available: Boolean(store),
    projects,
    list: () => (store ? store.list() : []),
    version,
    get: (name) => store?.get(name),
    remembers: (name, side) => Boolean(store?.remembers(name, side)),
    needsPassword: (name, side) => Boolean(store?.needsPassword(name, side)),
    setSessionPassword: (name, side, password) => {
      store?.setSessionPassword(name, side, password);
      setVersion((v) => v + 1);
    },
    create: (name) =>
      change((s) =>
        s.create({ name, ...targetChoiceOf(services.target), source: null, target: null }),
      ),
    rename: (from, to) => change((s) => s.rename(from, to)),
    remove: (name) => change((s) => s.remove(name)),
    save: (project, options) => change((s) => s.save(project, options)),
    exportTo: (name, path) => change((s) => s.exportTo(name, path)),
    importFrom: (path) => {
      let name = '';
      const error = change((s) => {
        name = s.importFrom(path);
      });
      return error ? { error } : { name };
    },
    current,
    open: (name) => open?.(name),
    reopenIfCurrent: (name, newName) => {
      if (current === name) open?.(newName ?? name);
    },
    chooseTarget: async (choice) => {
      if (!services.chooseTarget) throw new Error('Where calls go cannot be changed in this run');
      try {
        return await services.chooseTarget(choice);
      } finally {
        setVersion((v) => v + 1);
      }
    },
  };
}
