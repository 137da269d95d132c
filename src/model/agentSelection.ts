// What an agent task reads: `--select` patterns (`schema.table` with DMS wildcards, `!` in
// front to exclude) as the same selection rules table mappings use, and a `--source` URL
// (postgres://user@host:port/db, mysql://…, mariadb://…) as a connection without a password:
// a password in the URL is refused, since argv is visible to every user of the machine. Pure.
import type { ConnectionSpec, DbEngine } from './connection.js';
import { type MappingRow, mappingsDocument, mappingsError } from './selectionMappings.js';
import type { TableMappings } from './tableMappings.js';

export function selectionRows(patterns: readonly string[]): MappingRow[] | { error: string } {
  const rows: MappingRow[] = [];
  for (const raw of patterns) {
    const exclude = raw.startsWith('!');
    const text = exclude ? raw.slice(1) : raw;
    const dot = text.indexOf('.');
    if (dot <= 0 || dot === text.length - 1)
      return { error: `--select takes schema.table patterns (got "${raw.slice(0, 80)}")` };
    rows.push({
      action: exclude ? 'exclude' : 'include',
      schema: text.slice(0, dot),
      table: text.slice(dot + 1),
    });
  }
  const problem = mappingsError(rows);
  return problem ? { error: problem } : rows;
}

export function selectionMappings(patterns: readonly string[]): TableMappings | { error: string } {
  const rows = selectionRows(patterns);
  return 'error' in rows ? rows : mappingsDocument(rows);
}

const SCHEMES: Record<string, DbEngine> = {
  postgres: 'postgres',
  postgresql: 'postgres',
  mysql: 'mysql',
  mariadb: 'mariadb',
};

export function parseSourceUrl(text: string): Omit<ConnectionSpec, 'password'> | { error: string } {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return {
      error: 'the source is a URL like postgres://user@host:5432/db or mysql://user@host/db',
    };
  }
  const engine = SCHEMES[url.protocol.replace(/:$/, '')];
  if (!engine) return { error: `the source URL starts with postgres://, mysql:// or mariadb://` };
  if (url.password)
    return {
      error:
        'no password in the source URL (other users can read a command line): use DMS_TUI_SOURCE_PASSWORD or the prompt',
    };
  const port = url.port ? Number(url.port) : engine === 'postgres' ? 5432 : 3306;
  const ssl = url.searchParams.get('sslmode');
  return {
    engine,
    host: decodeURIComponent(url.hostname.replace(/^\[|\]$/g, '')),
    port,
    database: decodeURIComponent(url.pathname.replace(/^\//, '')),
    user: decodeURIComponent(url.username) || (engine === 'postgres' ? 'postgres' : 'root'),
    sslMode: ssl === 'require' || ssl === 'verify-ca' || ssl === 'verify-full' ? ssl : 'none',
  };
}
