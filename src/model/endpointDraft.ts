// The "Create new…" endpoint sub-form: prefilled from the project's connection, verified and
// named by the user, then sent as CreateEndpoint (docs/dms-api.md §2). The password is part
// of the request only; it is never in a preview or a draft. Pure.
import {
  type ConnectionSpec,
  type DbEngine,
  ENGINES,
  engineInfo,
  type SslMode,
} from './connection.js';
import type { Endpoint, EndpointType } from './endpoint.js';
import { freeIdentifier, identifierError, toIdentifier } from './identifiers.js';

export const SSL_MODES: readonly SslMode[] = ['none', 'require', 'verify-ca', 'verify-full'];

export interface EndpointDraft {
  identifier: string;
  type: EndpointType;
  engine: DbEngine;
  server: string;
  port: string;
  database: string;
  user: string;
  password: string;
  sslMode: SslMode;
}

export type EndpointField = Exclude<keyof EndpointDraft, 'type'>;

export const ENDPOINT_FIELDS: readonly { field: EndpointField; label: string }[] = [
  { field: 'identifier', label: 'Endpoint identifier' },
  { field: 'engine', label: 'Source engine' },
  { field: 'server', label: 'Server name' },
  { field: 'port', label: 'Port' },
  { field: 'database', label: 'Database name' },
  { field: 'user', label: 'User name' },
  { field: 'password', label: 'Password' },
  { field: 'sslMode', label: 'SSL mode' },
];

/** A draft from the project's connection (or an empty one), with a free identifier. */
export function endpointDraftFromConnection(options: {
  type: EndpointType;
  connection: ConnectionSpec | null | undefined;
  projectName?: string;
  takenIdentifiers: Iterable<string>;
}): EndpointDraft {
  const c = options.connection;
  const stem = toIdentifier(
    [options.projectName, options.type].filter(Boolean).join('-'),
    'endpoint',
    options.type,
  );
  return {
    identifier: freeIdentifier(stem, options.takenIdentifiers, 'endpoint'),
    type: options.type,
    engine: c?.engine ?? 'postgres',
    server: c?.host ?? '',
    port: String(c?.port ?? engineInfo(c?.engine ?? 'postgres').defaultPort),
    database: c?.database ?? '',
    user: c?.user ?? '',
    password: c?.password ?? '',
    sslMode: c?.sslMode ?? 'none',
  };
}

/** A draft of an existing endpoint, for ModifyEndpoint through the same form: everything but
 *  the password, which DMS never returns (left empty, it is kept). */
export function endpointDraftFromEndpoint(endpoint: Endpoint): EndpointDraft {
  const engine = ENGINES.find((e) => e.dmsEngineName === endpoint.engineName)?.engine ?? 'postgres';
  const ssl = SSL_MODES.find((m) => m === endpoint.sslMode) ?? 'none';
  return {
    identifier: endpoint.identifier,
    type: endpoint.type,
    engine,
    server: endpoint.server ?? '',
    port: String(endpoint.port ?? engineInfo(engine).defaultPort),
    database: endpoint.database ?? '',
    user: endpoint.user ?? '',
    password: '',
    sslMode: ssl,
  };
}

/** ModifyEndpointMessage's fields from the draft: the type stays, an empty password is kept. */
export function modifyEndpointInput(draft: EndpointDraft): Partial<CreateEndpointInput> {
  const { EndpointType: _type, ...input } = createEndpointInput(draft);
  return input;
}

export function endpointFieldError(draft: EndpointDraft, field: EndpointField): string | null {
  switch (field) {
    case 'identifier':
      return identifierError(draft.identifier, 'endpoint');
    case 'server':
      if (draft.server.trim() === '') return 'Server name is required';
      if (/\s/.test(draft.server.trim())) return 'Server name must not contain spaces';
      return null;
    case 'port': {
      if (!/^\d+$/.test(draft.port.trim())) return 'Port must be a number';
      const port = Number(draft.port);
      return port >= 1 && port <= 65535 ? null : 'Port must be between 1 and 65535';
    }
    case 'database':
      return draft.database.trim() === '' && engineInfo(draft.engine).family === 'postgres'
        ? 'Database name is required for PostgreSQL'
        : null;
    case 'user':
      return draft.user.trim() === '' ? 'User name is required' : null;
    default:
      return null;
  }
}

export function endpointDraftErrors(draft: EndpointDraft): Partial<Record<EndpointField, string>> {
  const errors: Partial<Record<EndpointField, string>> = {};
  for (const { field } of ENDPOINT_FIELDS) {
    const e = endpointFieldError(draft, field);
    if (e) errors[field] = e;
  }
  return errors;
}

/** CreateEndpointMessage. Includes the password: send it, never show or save it. */
export interface CreateEndpointInput {
  EndpointIdentifier: string;
  EndpointType: EndpointType;
  EngineName: string;
  Username: string;
  Password?: string;
  ServerName: string;
  Port: number;
  DatabaseName?: string;
  SslMode: SslMode;
}

export function createEndpointInput(draft: EndpointDraft): CreateEndpointInput {
  const input: CreateEndpointInput = {
    EndpointIdentifier: draft.identifier,
    EndpointType: draft.type,
    EngineName: engineInfo(draft.engine).dmsEngineName,
    Username: draft.user.trim(),
    ServerName: draft.server.trim(),
    Port: Number(draft.port),
    SslMode: draft.sslMode,
  };
  if (draft.password !== '') input.Password = draft.password;
  if (draft.database.trim() !== '') input.DatabaseName = draft.database.trim();
  return input;
}

/** The CreateEndpoint input as the Preview shows it: the password masked. */
export function endpointPreviewLines(draft: EndpointDraft): string[] {
  const input = createEndpointInput(draft);
  const shown = { ...input, Password: input.Password === undefined ? undefined : '********' };
  return JSON.stringify(shown, null, 2).split('\n');
}

export function maskPassword(password: string): string {
  return '•'.repeat(Math.min(password.length, 12));
}

export function nextEngine(engine: DbEngine, step: 1 | -1): DbEngine {
  const i = ENGINES.findIndex((e) => e.engine === engine);
  const next = ENGINES[(i + step + ENGINES.length) % ENGINES.length];
  return next ? next.engine : engine;
}

export function nextSslMode(mode: SslMode, step: 1 | -1): SslMode {
  const i = SSL_MODES.indexOf(mode);
  return SSL_MODES[(i + step + SSL_MODES.length) % SSL_MODES.length] ?? mode;
}
