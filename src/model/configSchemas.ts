// The schema and the size limit of every file the app reads: preferences.json, projects.json,
// task-drafts.json and an imported project file. The stores in src/config check a file against
// its schema when they read it (a file that does not pass is moved aside) and before they write
// it (nothing huge or malformed is written). Pure.
import type { ConnectionSpec } from './connection.js';
import { ENGINES } from './connection.js';
import { STOP_AFTER_LOAD } from './cdcTaskOptions.js';
import { SSL_MODES } from './connectionForm.js';
import { LOB_MODES } from './lobSettings.js';
import { VALIDATION_CHOICES } from './validationTaskOptions.js';
import type { Project } from './project.js';
import { PROJECT_NAME_MAX, projectNameError } from './projectName.js';
import {
  array,
  boolean,
  nullable,
  number,
  object,
  oneOf,
  optional,
  record,
  type Schema,
  string,
} from './schema.js';
import type { TaskFormDraft } from './taskFormState.js';
import { MIGRATION_TYPES, TABLE_PREP_MODES } from './taskInput.js';

const KB = 1024;
const MB = 1024 * KB;

/** The largest file of each kind the app reads (checked before reading) or writes. */
export const FILE_LIMITS = {
  preferences: 64 * KB,
  projects: 4 * MB,
  taskDrafts: 8 * MB,
  projectFile: 1 * MB,
} as const;

/**
 * "150 MB", "64 KB", "512 bytes": sizes in messages about files, rounded up (a file just over a
 * limit never reads as the limit itself).
 */
export function sizeText(bytes: number): string {
  if (bytes < KB) return `${bytes} bytes`;
  const [value, unit] = bytes < MB ? [bytes / KB, 'KB'] : [bytes / MB, 'MB'];
  const shown = value >= 10 ? Math.ceil(value) : Math.ceil(value * 10) / 10;
  return `${shown} ${unit}`;
}

/** Field limits shared by the files (DMS and database rules where there are some). */
export const TEXT_LIMITS = {
  profile: 256,
  region: 64,
  host: 253,
  database: 128,
  user: 128,
  password: 1024,
  instanceIdentifier: 63,
  timestamp: 64,
  taskName: 255,
  arn: 2048,
  lobSize: 16,
  validationSize: 16,
  mappingName: 255,
  mappingRows: 5000,
  entries: 10_000,
} as const;

const plain = (max: number) => string({ max, plain: true });
const engine = oneOf(ENGINES.map((e) => e.engine));
const sslMode = oneOf(SSL_MODES);
const port = number({ min: 1, max: 65535, integer: true });
const host = string({ max: TEXT_LIMITS.host, min: 1, plain: true });

// preferences.json

export interface PreferencesFile {
  lastProfile?: string;
  lastRegion?: string;
  refreshSeconds: number;
  /** A running task whose replication lag passes this many seconds raises an alert (default 60). */
  lagAlertSeconds?: number;
}

export const preferencesSchema: Schema<PreferencesFile> = object({
  lastProfile: optional(plain(TEXT_LIMITS.profile)),
  lastRegion: optional(plain(TEXT_LIMITS.region)),
  refreshSeconds: number({ min: 1, max: 3600 }),
  lagAlertSeconds: optional(number({ min: 1, max: 7 * 24 * 3600 })),
});

// projects.json

export interface StoredConnection extends ConnectionSpec {
  /** The user ticked "remember": `password` is stored in this (0600) file. */
  rememberPassword?: boolean;
  /** A password was given but not remembered: ask for it once per run. */
  passwordRequired?: boolean;
}

export interface StoredProject extends Omit<Project, 'source' | 'target'> {
  source: StoredConnection | null;
  target: StoredConnection | null;
  created: string;
  lastOpened?: string;
}

export interface ProjectsFile {
  projects: Record<string, StoredProject>;
}

const storedConnection: Schema<StoredConnection> = object({
  engine,
  host,
  port,
  database: string({ max: TEXT_LIMITS.database }),
  user: string({ max: TEXT_LIMITS.user }),
  password: optional(string({ max: TEXT_LIMITS.password })),
  sslMode,
  rememberPassword: optional(boolean),
  passwordRequired: optional(boolean),
});

const storedProject: Schema<StoredProject> = object({
  name: string({ max: PROJECT_NAME_MAX, min: 1 }),
  profile: plain(TEXT_LIMITS.profile),
  region: optional(plain(TEXT_LIMITS.region)),
  defaultReplicationInstance: optional(plain(TEXT_LIMITS.instanceIdentifier)),
  source: nullable(storedConnection),
  target: nullable(storedConnection),
  created: plain(TEXT_LIMITS.timestamp),
  lastOpened: optional(plain(TEXT_LIMITS.timestamp)),
});

export const projectsSchema: Schema<ProjectsFile> = object({
  projects: record(storedProject, {
    maxKeys: TEXT_LIMITS.entries,
    key: (key) => projectNameError(key),
    entry: (key, project) =>
      project.name === key ? null : `is stored under another name (${JSON.stringify(key)})`,
  }),
});

// task-drafts.json

export interface TaskDraftsFile {
  drafts: Record<string, TaskFormDraft>;
}

const arn = nullable(plain(TEXT_LIMITS.arn));
const mappingName = string({ max: TEXT_LIMITS.mappingName });

export const taskDraftSchema: Schema<TaskFormDraft> = object({
  values: object({
    name: string({ max: TEXT_LIMITS.taskName }),
    instanceArn: arn,
    sourceArn: arn,
    targetArn: arn,
    migrationType: oneOf(MIGRATION_TYPES.map((m) => m.value)),
    tablePrepMode: oneOf(TABLE_PREP_MODES.map((m) => m.value)),
    lobMode: oneOf(LOB_MODES.map((m) => m.mode)),
    lobChunkKb: string({ max: TEXT_LIMITS.lobSize }),
    lobMaxKb: string({ max: TEXT_LIMITS.lobSize }),
    logging: boolean,
    cdcStart: optional(string({ max: 1024 })),
    cdcStop: optional(string({ max: 64 })),
    stopAfterLoad: optional(oneOf(STOP_AFTER_LOAD.map((s) => s.value))),
    validation: optional(oneOf(VALIDATION_CHOICES.map((v) => v.value))),
    validationThreads: optional(string({ max: TEXT_LIMITS.validationSize })),
    validationPartition: optional(string({ max: TEXT_LIMITS.validationSize })),
    validationFailures: optional(string({ max: TEXT_LIMITS.validationSize })),
    mappings: array(
      object({
        action: oneOf(['include', 'exclude', 'rename-schema']),
        schema: mappingName,
        table: mappingName,
        to: optional(mappingName),
      }),
      { max: TEXT_LIMITS.mappingRows },
    ),
  }),
  savedAt: plain(TEXT_LIMITS.timestamp),
});

export const taskDraftsSchema: Schema<TaskDraftsFile> = object({
  drafts: record(taskDraftSchema, {
    maxKeys: TEXT_LIMITS.entries,
    // The key is the project's name, or "" for a form opened without a project.
    key: (key) => (key === '' ? null : projectNameError(key)),
  }),
});

// An exported project (what `w`/export writes and import reads).

const exportedConnection = object({
  engine,
  host,
  port,
  database: optional(string({ max: TEXT_LIMITS.database })),
  user: optional(string({ max: TEXT_LIMITS.user })),
  // A password in an imported file is dropped; it is still bounded like any other text.
  password: optional(string({ max: TEXT_LIMITS.password })),
  sslMode: optional(sslMode),
});

export const exportedProjectSchema = object({
  name: string({ max: PROJECT_NAME_MAX, min: 1 }),
  profile: optional(plain(TEXT_LIMITS.profile)),
  region: optional(plain(TEXT_LIMITS.region)),
  source: optional(nullable(exportedConnection)),
  target: optional(nullable(exportedConnection)),
  defaultReplicationInstance: optional(plain(TEXT_LIMITS.instanceIdentifier)),
});
