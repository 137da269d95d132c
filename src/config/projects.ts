// The project store: projects.json in the config directory (mode 0600, checked against its
// schema in src/model/configSchemas.ts whenever it is read or written). Passwords are written
// only for a side whose "remember" box was ticked; otherwise the store keeps them in memory for
// this run (asked once), and remembers only that one is needed. Imports and exports go through
// bounded files (an import is at most 1 MB).
import {
  FILE_LIMITS,
  type ProjectsFile,
  projectsSchema,
  type StoredConnection,
  type StoredProject,
} from '../model/configSchemas.js';
import type { ConnectionSpec } from '../model/connection.js';
import type { Project, Side } from '../model/project.js';
import {
  demoProject,
  exportProject,
  parseProjectFile,
  shouldCreateDemo,
  withoutPassword,
} from '../model/projectFile.js';
import { freeProjectName, projectNameError } from '../model/projectName.js';
import { readBounded, writeUserFile } from './boundedFile.js';
import { openStore } from './store.js';

export type { Side };

export interface ProjectSummary {
  name: string;
  profile: string;
  region?: string;
  source: ConnectionSpec | null;
  target: ConnectionSpec | null;
  lastOpened?: string;
}

export interface SaveOptions {
  /** Per side: write the password to disk. Default: keep what the side had. */
  remember?: Partial<Record<Side, boolean>>;
}

export interface ProjectsStore {
  /** Recent first (last opened), then by name. */
  list(): ProjectSummary[];
  /** The project with passwords from disk (remembered) or from this run's memory. */
  get(name: string): Project | undefined;
  /** A password is needed for this side and is not known in this run. */
  needsPassword(name: string, side: Side): boolean;
  remembers(name: string, side: Side): boolean;
  setSessionPassword(name: string, side: Side, password: string): void;
  /** Creates a project; throws with one line when the name is taken or invalid. */
  create(project: Project): void;
  /** Saves changes to an existing project (or creates it). */
  save(project: Project, options?: SaveOptions): void;
  rename(from: string, to: string): void;
  remove(name: string): void;
  /** Marks it as just opened (for the recent list). */
  touch(name: string): void;
  /** The project opened last (the app reopens it; the commands use its AWS target). */
  lastUsed(): Project | undefined;
  exportTo(name: string, path: string): void;
  /** Imports a project file; returns the name it was saved under. */
  importFrom(path: string): string;
  /** Creates and returns the demo project when there are no projects yet. */
  ensureDemo(demo?: { source: ConnectionSpec; target: ConnectionSpec }): Project | undefined;
  /** Set when projects.json was unreadable or invalid and was moved aside. */
  notice?: string;
}

export function openProjects(cwd?: string): ProjectsStore {
  const store = openStore<ProjectsFile>(
    {
      name: 'projects',
      noun: 'a projects file',
      defaults: { projects: {} },
      schema: projectsSchema,
      maxBytes: FILE_LIMITS.projects,
    },
    cwd,
  );
  const session = new Map<string, string>();
  const sessionKey = (name: string, side: Side) => `${name}\u0000${side}`;

  // A map without a prototype: a project named "constructor" or "__proto__" is a project.
  const all = (): Record<string, StoredProject> =>
    Object.assign(Object.create(null), store.read().projects);
  const write = (projects: Record<string, StoredProject>) =>
    store.write({ ...store.read(), projects });
  const find = (name: string): StoredProject | undefined => all()[name];
  const must = (name: string): StoredProject => {
    const p = find(name);
    if (!p) throw new Error(`No project named "${name}"`);
    return p;
  };

  const stored = (
    spec: ConnectionSpec | null,
    remember: boolean,
    previous: StoredConnection | null,
  ): StoredConnection | null => {
    if (!spec) return null;
    const base = withoutPassword(spec)!;
    if (remember && spec.password !== undefined)
      return { ...base, password: spec.password, rememberPassword: true };
    if (spec.password !== undefined) return { ...base, passwordRequired: true };
    // No password given now: a remembered one stays only if still remembered, and one that was
    // needed is still asked for (an edit that did not retype it must not lose it).
    if (remember && previous?.password !== undefined)
      return { ...base, password: previous.password, rememberPassword: true };
    if (previous?.passwordRequired || previous?.password !== undefined)
      return { ...base, passwordRequired: true };
    return base;
  };

  const live = (name: string, side: Side, c: StoredConnection | null): ConnectionSpec | null => {
    if (!c) return null;
    const { rememberPassword: _r, passwordRequired: _p, password, ...spec } = c;
    const pw = password ?? session.get(sessionKey(name, side));
    return pw !== undefined ? { ...spec, password: pw } : spec;
  };

  const api: ProjectsStore = {
    get notice() {
      return store.notice;
    },
    list() {
      return Object.values(all())
        .map((p) => ({
          name: p.name,
          profile: p.profile,
          region: p.region,
          source: withoutPassword(p.source),
          target: withoutPassword(p.target),
          lastOpened: p.lastOpened,
        }))
        .sort(
          (a, b) =>
            (b.lastOpened ?? '').localeCompare(a.lastOpened ?? '') || a.name.localeCompare(b.name),
        );
    },
    get(name) {
      const p = find(name);
      if (!p) return undefined;
      const { created: _c, lastOpened: _l, ...rest } = p;
      return {
        ...rest,
        source: live(name, 'source', p.source),
        target: live(name, 'target', p.target),
      };
    },
    needsPassword(name, side) {
      const c = find(name)?.[side];
      return Boolean(c?.passwordRequired && !session.has(sessionKey(name, side)));
    },
    remembers(name, side) {
      return Boolean(find(name)?.[side]?.rememberPassword);
    },
    setSessionPassword(name, side, password) {
      session.set(sessionKey(name, side), password);
    },
    create(project) {
      const error = projectNameError(project.name, Object.keys(all()));
      if (error) throw new Error(error);
      api.save({ ...project, name: project.name.trim() });
    },
    save(project, options = {}) {
      const projects = all();
      const previous = projects[project.name];
      const sides: Record<Side, StoredConnection | null> = { source: null, target: null };
      for (const side of ['source', 'target'] as const) {
        const remember = options.remember?.[side] ?? Boolean(previous?.[side]?.rememberPassword);
        sides[side] = stored(project[side], remember, previous?.[side] ?? null);
        const pw = project[side]?.password;
        if (pw !== undefined) session.set(sessionKey(project.name, side), pw);
      }
      projects[project.name] = {
        name: project.name,
        profile: project.profile,
        ...(project.region ? { region: project.region } : {}),
        ...(project.defaultReplicationInstance
          ? { defaultReplicationInstance: project.defaultReplicationInstance }
          : {}),
        source: sides.source,
        target: sides.target,
        created: previous?.created ?? new Date().toISOString(),
        ...(previous?.lastOpened ? { lastOpened: previous.lastOpened } : {}),
      };
      write(projects);
    },
    rename(from, to) {
      const projects = all();
      const p = projects[from];
      if (!p) throw new Error(`No project named "${from}"`);
      const error = projectNameError(
        to,
        Object.keys(projects).filter((n) => n !== from),
      );
      if (error) throw new Error(error);
      delete projects[from];
      projects[to.trim()] = { ...p, name: to.trim() };
      write(projects);
      for (const side of ['source', 'target'] as const) {
        const pw = session.get(sessionKey(from, side));
        if (pw !== undefined) session.set(sessionKey(to.trim(), side), pw);
        session.delete(sessionKey(from, side));
      }
    },
    remove(name) {
      const projects = all();
      must(name);
      delete projects[name];
      write(projects);
      session.delete(sessionKey(name, 'source'));
      session.delete(sessionKey(name, 'target'));
    },
    touch(name) {
      const projects = all();
      const p = projects[name];
      if (!p) return;
      projects[name] = { ...p, lastOpened: new Date().toISOString() };
      try {
        write(projects);
      } catch {
        // Only the recent order is lost (a read-only or full disk): not worth stopping for.
      }
    },
    lastUsed() {
      const recent = api.list()[0];
      return recent?.lastOpened ? api.get(recent.name) : undefined;
    },
    exportTo(name, path) {
      const project = api.get(name);
      if (!project) throw new Error(`No project named "${name}"`);
      writeUserFile(path, exportProject(project));
    },
    importFrom(path) {
      const file = readBounded(path, FILE_LIMITS.projectFile, 'a project file');
      if (!file.ok) throw new Error(file.message);
      const parsed = parseProjectFile(file.text);
      if (!parsed.ok) throw new Error(parsed.error);
      const name = freeProjectName(parsed.value.name, Object.keys(all()));
      api.save({ ...parsed.value, name });
      return name;
    },
    ensureDemo(demo) {
      if (!shouldCreateDemo(Object.keys(all()).length, demo)) return undefined;
      const project = demoProject(demo!);
      api.save(project);
      return api.get(project.name);
    },
  };
  return api;
}
