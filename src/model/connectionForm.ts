// The connection form's pure half: a draft of text the user typed, validation of every field
// (inline messages, checked before any connection attempt), and turning a valid draft into a
// ConnectionSpec.
import {
  type ConnectionSpec,
  type DbEngine,
  ENGINES,
  engineInfo,
  isDbEngine,
  type SslMode,
} from './connection.js';

export interface ConnectionDraft {
  engine: string;
  host: string;
  port: string;
  database: string;
  user: string;
  password: string;
  sslMode: string;
  rememberPassword: boolean;
}

export type ConnectionField = keyof ConnectionDraft;

export const CONNECTION_FIELDS: readonly ConnectionField[] = [
  'engine',
  'host',
  'port',
  'database',
  'user',
  'password',
  'sslMode',
  'rememberPassword',
];

export const SSL_MODES: readonly SslMode[] = ['none', 'require', 'verify-ca', 'verify-full'];

export type FieldErrors = Partial<Record<ConnectionField, string>>;

export const EMPTY_DRAFT: ConnectionDraft = {
  engine: 'postgres',
  host: '',
  port: '5432',
  database: '',
  user: '',
  password: '',
  sslMode: 'none',
  rememberPassword: false,
};

export function draftFromSpec(
  spec: ConnectionSpec | null | undefined,
  options: { password?: string; rememberPassword?: boolean } = {},
): ConnectionDraft {
  if (!spec) return { ...EMPTY_DRAFT };
  return {
    engine: spec.engine,
    host: spec.host,
    port: String(spec.port),
    database: spec.database,
    user: spec.user,
    password: options.password ?? spec.password ?? '',
    sslMode: spec.sslMode,
    rememberPassword: options.rememberPassword ?? false,
  };
}

/** Changes the engine; the port follows when it was empty or the old engine's default. */
export function withEngine(draft: ConnectionDraft, engine: DbEngine): ConnectionDraft {
  const oldDefault = isDbEngine(draft.engine) ? String(engineInfo(draft.engine).defaultPort) : '';
  const port =
    draft.port.trim() === '' || draft.port.trim() === oldDefault
      ? String(engineInfo(engine).defaultPort)
      : draft.port;
  return { ...draft, engine, port };
}

/** The next (or previous) engine in the list, for a choice field. */
export function cycleEngine(draft: ConnectionDraft, step: 1 | -1): ConnectionDraft {
  const index = ENGINES.findIndex((e) => e.engine === draft.engine);
  const next = ENGINES[(index + step + ENGINES.length) % ENGINES.length]!;
  return withEngine(draft, next.engine);
}

export function cycleSslMode(draft: ConnectionDraft, step: 1 | -1): ConnectionDraft {
  const index = SSL_MODES.indexOf(draft.sslMode as SslMode);
  return {
    ...draft,
    sslMode: SSL_MODES[(index + step + SSL_MODES.length) % SSL_MODES.length]!,
  };
}

const HOST =
  /^[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?$|^\[[0-9A-Fa-f:.]+\]$|^[0-9A-Fa-f:]+:[0-9A-Fa-f:.]*$/;

export function validateField(field: ConnectionField, draft: ConnectionDraft): string | undefined {
  switch (field) {
    case 'engine':
      return isDbEngine(draft.engine)
        ? undefined
        : `Unknown engine "${draft.engine}": choose ${ENGINES.map((e) => e.label.replace(/ \(.*\)$/, '')).join(', ')}`;
    case 'host': {
      const host = draft.host.trim();
      if (host === '') return 'Host is required';
      if (host.length > 253) return 'Host is too long (at most 253 characters)';
      if (!HOST.test(host)) return `"${host}" is not a host name or IP address`;
      return undefined;
    }
    case 'port': {
      const text = draft.port.trim();
      if (text === '') return 'Port is required';
      if (!/^\d+$/.test(text)) return `Port must be a number from 1 to 65535 (not "${text}")`;
      const port = Number(text);
      if (port < 1 || port > 65535) return `Port must be from 1 to 65535 (not ${port})`;
      return undefined;
    }
    case 'database':
      if (/[\u0000]/.test(draft.database)) return 'Database name cannot contain a NUL character';
      if (draft.database.length > 128) return 'Database name is too long (at most 128 characters)';
      return undefined;
    case 'user':
      if (draft.user.trim() === '') return 'User is required';
      if (draft.user.length > 128) return 'User name is too long (at most 128 characters)';
      return undefined;
    case 'password':
      return undefined;
    case 'sslMode':
      return (SSL_MODES as readonly string[]).includes(draft.sslMode)
        ? undefined
        : `SSL mode must be one of ${SSL_MODES.join(', ')}`;
    case 'rememberPassword':
      return undefined;
  }
}

export function validateDraft(draft: ConnectionDraft): FieldErrors {
  const errors: FieldErrors = {};
  for (const field of CONNECTION_FIELDS) {
    const message = validateField(field, draft);
    if (message) errors[field] = message;
  }
  return errors;
}

export type DraftResult =
  | { ok: true; spec: ConnectionSpec; rememberPassword: boolean }
  | { ok: false; errors: FieldErrors };

/** A valid draft as a ConnectionSpec (password included only when typed). */
export function specFromDraft(draft: ConnectionDraft): DraftResult {
  const errors = validateDraft(draft);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const spec: ConnectionSpec = {
    engine: draft.engine as DbEngine,
    host: draft.host.trim(),
    port: Number(draft.port.trim()),
    database: draft.database.trim(),
    user: draft.user.trim(),
    sslMode: draft.sslMode as SslMode,
  };
  if (draft.password !== '') spec.password = draft.password;
  return { ok: true, spec, rememberPassword: draft.rememberPassword };
}

/** Can dms-tui itself connect (Test connection, catalog)? Oracle and SQL Server: endpoint only. */
export function canConnect(engine: string): boolean {
  return isDbEngine(engine) && engineInfo(engine).family !== null;
}
