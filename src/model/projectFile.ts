// Projects as files and names: export a project as JSON (never with secrets), parse an imported
// one, validate project names, and build the sandbox's demo project.
import { type ConnectionSpec, isDbEngine } from './connection.js';
import { SSL_MODES } from './connectionForm.js';
import type { Project } from './project.js';

export const PROJECT_FILE_FORMAT = 'dms-tui-project';
export const PROJECT_FILE_VERSION = 1;

export const DEMO_PROJECT_NAME = 'demo';

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

export function withoutPassword(spec: ConnectionSpec | null): ConnectionSpec | null {
  if (!spec) return null;
  const { password: _password, ...rest } = spec;
  return rest;
}

/** The JSON text of an exported project: no passwords, ever. */
export function exportProject(project: Project): string {
  const clean: Project = {
    name: project.name,
    profile: project.profile,
    ...(project.region ? { region: project.region } : {}),
    source: withoutPassword(project.source),
    target: withoutPassword(project.target),
    ...(project.defaultReplicationInstance
      ? { defaultReplicationInstance: project.defaultReplicationInstance }
      : {}),
  };
  return `${JSON.stringify({ format: PROJECT_FILE_FORMAT, version: PROJECT_FILE_VERSION, project: clean }, null, 2)}\n`;
}

export function projectNameError(name: string, taken: Iterable<string> = []): string | null {
  const trimmed = name.trim();
  if (trimmed === '') return 'Project name is required';
  if (trimmed.length > 64) return 'Project name must be at most 64 characters';
  if (/[\u0000-\u001f\u007f/\\]/.test(trimmed))
    return 'Project name cannot contain slashes or control characters';
  for (const t of taken)
    if (t.toLowerCase() === trimmed.toLowerCase()) return `A project named "${t}" already exists`;
  return null;
}

function parseConnection(raw: unknown, side: string): ParseResult<ConnectionSpec | null> {
  if (raw === null || raw === undefined) return { ok: true, value: null };
  if (typeof raw !== 'object') return { ok: false, error: `${side} connection must be an object` };
  const c = raw as Record<string, unknown>;
  if (typeof c.engine !== 'string' || !isDbEngine(c.engine))
    return { ok: false, error: `${side} connection: unknown engine "${String(c.engine)}"` };
  if (typeof c.host !== 'string' || c.host.trim() === '')
    return { ok: false, error: `${side} connection: host is required` };
  const port = Number(c.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    return { ok: false, error: `${side} connection: port must be from 1 to 65535` };
  const sslMode = typeof c.sslMode === 'string' ? c.sslMode : 'none';
  if (!(SSL_MODES as readonly string[]).includes(sslMode))
    return { ok: false, error: `${side} connection: unknown SSL mode "${sslMode}"` };
  return {
    ok: true,
    value: {
      engine: c.engine,
      host: c.host,
      port,
      database: typeof c.database === 'string' ? c.database : '',
      user: typeof c.user === 'string' ? c.user : '',
      sslMode: sslMode as ConnectionSpec['sslMode'],
    },
  };
}

/** Parses an exported project file. Any password in it is dropped. */
export function parseProjectFile(text: string): ParseResult<Project> {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return { ok: false, error: 'Not a project file: the file is not valid JSON' };
  }
  const d = doc as { format?: unknown; version?: unknown; project?: unknown };
  if (d?.format !== PROJECT_FILE_FORMAT || typeof d.project !== 'object' || d.project === null)
    return { ok: false, error: `Not a project file: expected "format": "${PROJECT_FILE_FORMAT}"` };
  if (d.version !== PROJECT_FILE_VERSION)
    return { ok: false, error: `Unsupported project file version ${String(d.version)}` };
  const p = d.project as Record<string, unknown>;
  const name = typeof p.name === 'string' ? p.name.trim() : '';
  const nameError = projectNameError(name);
  if (nameError) return { ok: false, error: nameError };
  const source = parseConnection(p.source, 'Source');
  if (!source.ok) return source;
  const target = parseConnection(p.target, 'Target');
  if (!target.ok) return target;
  return {
    ok: true,
    value: {
      name,
      profile: typeof p.profile === 'string' ? p.profile : '',
      ...(typeof p.region === 'string' && p.region ? { region: p.region } : {}),
      source: source.value,
      target: target.value,
      ...(typeof p.defaultReplicationInstance === 'string' && p.defaultReplicationInstance
        ? { defaultReplicationInstance: p.defaultReplicationInstance }
        : {}),
    },
  };
}

/** The project a newcomer lands on: the sandbox's demo databases, the "sandbox" profile. */
export function demoProject(demo: { source: ConnectionSpec; target: ConnectionSpec }): Project {
  return {
    name: DEMO_PROJECT_NAME,
    profile: 'sandbox',
    region: 'us-east-1',
    source: withoutPassword(demo.source),
    target: withoutPassword(demo.target),
  };
}

/** Create the demo project only on a fresh machine: no projects yet and a demo to point at. */
export function shouldCreateDemo(
  projectCount: number,
  demo: { source: ConnectionSpec; target: ConnectionSpec } | undefined,
): boolean {
  return projectCount === 0 && demo !== undefined;
}
