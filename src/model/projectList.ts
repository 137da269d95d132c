// How the projects screen words a project: its row in the list (connections in short, when it
// was opened), and the details box (AWS target, each connection and its password handling).
import { type ConnectionSpec, describeConnection, engineInfo } from './connection.js';
import type { Project } from './project.js';
import { ageText } from './time.js';

/** A connection in a list column: "PostgreSQL db.example.com", or "—" when not set. */
export function connectionColumn(spec: ConnectionSpec | null): string {
  return spec ? `${engineInfo(spec.engine).label.split(' ')[0]} ${spec.host}` : '—';
}

/** "3m ago", or "never". */
export function openedText(lastOpened: string | undefined, now: number): string {
  return lastOpened ? `${ageText(now - Date.parse(lastOpened))} ago` : 'never';
}

/** The file a project is exported to by default: "Sales move" → "Sales-move.dms-project.json". */
export function exportFileName(name: string): string {
  return `${name.replace(/[^\w.-]+/g, '-')}.dms-project.json`;
}

/** "local sandbox · us-east-1 · instance dms-1": where the project's AWS calls go. */
export function awsText(
  project: Pick<Project, 'profile' | 'region' | 'defaultReplicationInstance'>,
): string {
  const who =
    project.profile === 'sandbox' ? 'local sandbox' : project.profile || 'default credential chain';
  return [
    who,
    project.region ?? '',
    project.defaultReplicationInstance ? `instance ${project.defaultReplicationInstance}` : '',
  ]
    .filter(Boolean)
    .join(' · ');
}

/** "PostgreSQL postgres@host:5432/db", or "not set (s)" naming the key that sets it. */
export function connectionText(spec: ConnectionSpec | null, setKey: string): string {
  return spec
    ? `${engineInfo(spec.engine).label} ${describeConnection(spec)}`
    : `not set (${setKey})`;
}

/** What happens to a connection's password: remembered on disk, or asked once per run. */
export function passwordNote(
  spec: ConnectionSpec | null,
  password: { remembered: boolean; asked: boolean },
): string {
  if (!spec) return '';
  if (password.remembered) return ' · password remembered';
  if (password.asked) return ' · password asked once per run';
  return '';
}
