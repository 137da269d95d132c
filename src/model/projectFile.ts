// Projects as files: export a project as JSON (never with secrets), parse an imported one
// against its schema (src/model/configSchemas.ts), and build the sandbox's demo project.
import { exportedProjectSchema } from './configSchemas.js';
import type { ConnectionSpec } from './connection.js';
import type { Project } from './project.js';
import { projectNameError } from './projectName.js';
import { type Infer, quoted } from './schema.js';

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

/** Parses an exported project file (checked against its schema). Any password in it is dropped. */
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
    return {
      ok: false,
      error: `Unsupported project file version ${typeof d.version === 'number' ? d.version : quoted(String(d.version), 20)}`,
    };
  const nameError = projectNameError(
    typeof (d.project as { name?: unknown }).name === 'string'
      ? (d.project as { name: string }).name
      : '',
  );
  if (nameError) return { ok: false, error: nameError };
  const error = exportedProjectSchema.check(d.project, 'project');
  if (error) return { ok: false, error: `Not a valid project file: ${error}` };
  const p = d.project as Infer<typeof exportedProjectSchema>;
  return {
    ok: true,
    value: {
      name: p.name.trim(),
      profile: p.profile ?? '',
      ...(p.region ? { region: p.region } : {}),
      source: importedConnection(p.source),
      target: importedConnection(p.target),
      ...(p.defaultReplicationInstance
        ? { defaultReplicationInstance: p.defaultReplicationInstance }
        : {}),
    },
  };
}

function importedConnection(
  c: Infer<typeof exportedProjectSchema>['source'],
): ConnectionSpec | null {
  if (!c) return null;
  return {
    engine: c.engine,
    host: c.host.trim(),
    port: c.port,
    database: c.database ?? '',
    user: c.user ?? '',
    sslMode: c.sslMode ?? 'none',
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
