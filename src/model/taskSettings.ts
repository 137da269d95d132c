// DMS ReplicationTaskSettings (docs/dms-api.md §4): the service's defaults, the merge DMS does
// of a submitted document over them, and the checks CreateReplicationTask makes. Pure.

export type TaskSettings = Record<string, unknown>;

/** The log components DMS knows (docs/dms-api.md §4 Task settings). */
export const LOG_COMPONENT_IDS = [
  'TRANSFORMATION',
  'SOURCE_UNLOAD',
  'IO',
  'TARGET_LOAD',
  'PERFORMANCE',
  'SOURCE_CAPTURE',
  'SORTER',
  'REST_SERVER',
  'VALIDATOR_EXT',
  'TARGET_APPLY',
  'TASK_MANAGER',
  'TABLES_MANAGER',
  'METADATA_MANAGER',
  'FILE_FACTORY',
  'COMMON',
  'ADDONS',
  'DATA_STRUCTURE',
  'COMMUNICATION',
  'FILE_TRANSFER',
] as const;

/** DMS's default LogComponents: every component at LOGGER_SEVERITY_DEFAULT. */
export function defaultLogComponents(): { Id: string; Severity: string }[] {
  return LOG_COMPONENT_IDS.map((Id) => ({ Id, Severity: 'LOGGER_SEVERITY_DEFAULT' }));
}

/** A fresh copy of the settings document DMS applies when a task is created without any. */
export function defaultTaskSettings(): TaskSettings {
  return {
    TargetMetadata: {
      TargetSchema: '',
      SupportLobs: true,
      FullLobMode: false,
      LobChunkSize: 0,
      LimitedSizeLobMode: true,
      LobMaxSize: 32,
      InlineLobMaxSize: 0,
      LoadMaxFileSize: 0,
      ParallelLoadThreads: 0,
      ParallelLoadBufferSize: 0,
      BatchApplyEnabled: false,
      TaskRecoveryTableEnabled: false,
      ParallelLoadQueuesPerThread: 0,
      ParallelApplyThreads: 0,
      ParallelApplyBufferSize: 0,
      ParallelApplyQueuesPerThread: 0,
    },
    FullLoadSettings: {
      TargetTablePrepMode: 'DO_NOTHING',
      CreatePkAfterFullLoad: false,
      StopTaskCachedChangesApplied: false,
      StopTaskCachedChangesNotApplied: false,
      MaxFullLoadSubTasks: 8,
      TransactionConsistencyTimeout: 600,
      CommitRate: 10000,
    },
    Logging: {
      EnableLogging: false,
      EnableLogContext: false,
      LogComponents: defaultLogComponents(),
      CloudWatchLogGroup: null,
      CloudWatchLogStream: null,
    },
    ControlTablesSettings: {
      ControlSchema: '',
      HistoryTimeslotInMinutes: 5,
      HistoryTableEnabled: false,
      SuspendedTablesTableEnabled: false,
      StatusTableEnabled: false,
      FullLoadExceptionTableEnabled: false,
    },
    StreamBufferSettings: {
      StreamBufferCount: 3,
      StreamBufferSizeInMB: 8,
      CtrlStreamBufferSizeInMB: 5,
    },
    ChangeProcessingDdlHandlingPolicy: {
      HandleSourceTableDropped: true,
      HandleSourceTableTruncated: true,
      HandleSourceTableAltered: true,
    },
    ErrorBehavior: {
      DataErrorPolicy: 'LOG_ERROR',
      DataTruncationErrorPolicy: 'LOG_ERROR',
      DataErrorEscalationPolicy: 'SUSPEND_TABLE',
      DataErrorEscalationCount: 0,
      TableErrorPolicy: 'SUSPEND_TABLE',
      TableErrorEscalationPolicy: 'STOP_TASK',
      TableErrorEscalationCount: 0,
      RecoverableErrorCount: -1,
      RecoverableErrorInterval: 5,
      RecoverableErrorThrottling: true,
      RecoverableErrorThrottlingMax: 1800,
      RecoverableErrorStopRetryAfterThrottlingMax: true,
      ApplyErrorDeletePolicy: 'IGNORE_RECORD',
      ApplyErrorInsertPolicy: 'LOG_ERROR',
      ApplyErrorUpdatePolicy: 'LOG_ERROR',
      ApplyErrorEscalationPolicy: 'LOG_ERROR',
      ApplyErrorEscalationCount: 0,
      ApplyErrorFailOnTruncationDdl: false,
      FullLoadIgnoreConflicts: true,
      FailOnTransactionConsistencyBreached: false,
      FailOnNoTablesCaptured: true,
    },
    ChangeProcessingTuning: {
      BatchApplyPreserveTransaction: true,
      BatchApplyTimeoutMin: 1,
      BatchApplyTimeoutMax: 30,
      BatchApplyMemoryLimit: 500,
      BatchSplitSize: 0,
      MinTransactionSize: 1000,
      CommitTimeout: 1,
      MemoryLimitTotal: 1024,
      MemoryKeepTime: 60,
      StatementCacheSize: 50,
    },
    ValidationSettings: {
      EnableValidation: false,
      ValidationMode: 'ROW_LEVEL',
      ThreadCount: 5,
      FailureMaxCount: 10000,
      TableFailureMaxCount: 1000,
      HandleCollationDiff: false,
      ValidationOnly: false,
      RecordFailureDelayLimitInMinutes: 0,
      SkipLobColumns: false,
      ValidationPartialLobSize: 0,
      ValidationQueryCdcDelaySeconds: 0,
      PartitionSize: 10000,
    },
    PostProcessingRules: null,
    CharacterSetSettings: null,
    LoopbackPreventionSettings: null,
    BeforeImageSettings: null,
    FailTaskWhenCleanTaskResourceFailed: false,
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Deep merge: objects merge member by member, anything else (arrays too) replaces. */
export function mergeSettings(base: TaskSettings, override: TaskSettings): TaskSettings {
  const out: TaskSettings = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const current = out[key];
    out[key] =
      isPlainObject(current) && isPlainObject(value) ? mergeSettings(current, value) : value;
  }
  return out;
}

export type SettingsResult = { ok: true; value: TaskSettings } | { ok: false; error: string };

/**
 * Parses a submitted ReplicationTaskSettings string, checks it as DMS does and merges it over
 * `base` (the defaults on create, the task's current settings on modify).
 */
export function parseTaskSettings(
  json: string | undefined,
  options: { onCreate: boolean; base?: TaskSettings },
): SettingsResult {
  const base = options.base ?? defaultTaskSettings();
  if (json === undefined || json.trim() === '') return { ok: true, value: base };
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch {
    return { ok: false, error: 'Invalid task settings JSON' };
  }
  if (!isPlainObject(doc)) return { ok: false, error: 'Invalid task settings JSON' };
  const logging = doc.Logging;
  if (logging !== undefined && !isPlainObject(logging))
    return { ok: false, error: 'Invalid task settings JSON' };
  if (
    options.onCreate &&
    isPlainObject(logging) &&
    ((logging.CloudWatchLogGroup ?? null) !== null ||
      (logging.CloudWatchLogStream ?? null) !== null)
  ) {
    return {
      ok: false,
      error: 'Task Settings CloudWatchLogGroup or CloudWatchLogStream cannot be set on create.',
    };
  }
  const problem = checkValues(doc);
  if (problem) return { ok: false, error: problem };
  const merged = mergeSettings(base, doc);
  // DMS fills the log group and stream itself; what a client sends on modify is ignored.
  const mergedLogging = merged.Logging as Record<string, unknown>;
  const baseLogging = (base.Logging ?? {}) as Record<string, unknown>;
  merged.Logging = {
    ...mergedLogging,
    CloudWatchLogGroup: baseLogging.CloudWatchLogGroup ?? null,
    CloudWatchLogStream: baseLogging.CloudWatchLogStream ?? null,
  };
  return { ok: true, value: merged };
}

const PREP_MODES = ['DO_NOTHING', 'DROP_AND_CREATE', 'TRUNCATE_BEFORE_LOAD'];
const SEVERITIES = [
  'LOGGER_SEVERITY_ERROR',
  'LOGGER_SEVERITY_WARNING',
  'LOGGER_SEVERITY_INFO',
  'LOGGER_SEVERITY_DEFAULT',
  'LOGGER_SEVERITY_DEBUG',
  'LOGGER_SEVERITY_DETAILED_DEBUG',
];

function checkValues(doc: Record<string, unknown>): string | null {
  const full = doc.FullLoadSettings;
  if (full !== undefined) {
    if (!isPlainObject(full)) return 'Invalid task settings JSON';
    if (
      full.TargetTablePrepMode !== undefined &&
      !PREP_MODES.includes(String(full.TargetTablePrepMode))
    )
      return `Invalid value for TargetTablePrepMode: ${String(full.TargetTablePrepMode)}`;
    const sub = full.MaxFullLoadSubTasks;
    if (
      sub !== undefined &&
      (!Number.isInteger(sub) || (sub as number) < 1 || (sub as number) > 49)
    )
      return 'MaxFullLoadSubTasks must be an integer between 1 and 49';
  }
  const meta = doc.TargetMetadata;
  if (meta !== undefined) {
    if (!isPlainObject(meta)) return 'Invalid task settings JSON';
    const max = meta.LobMaxSize;
    if (max !== undefined && (typeof max !== 'number' || max < 0 || max > 102400))
      return 'LobMaxSize must be between 0 and 102400 (KB)';
    if (meta.FullLobMode === true && meta.LimitedSizeLobMode === true)
      return 'FullLobMode and LimitedSizeLobMode cannot both be true';
  }
  const logging = doc.Logging;
  if (isPlainObject(logging) && logging.LogComponents !== undefined) {
    if (!Array.isArray(logging.LogComponents)) return 'Invalid task settings JSON';
    for (const c of logging.LogComponents) {
      if (!isPlainObject(c) || typeof c.Id !== 'string') return 'Invalid task settings JSON';
      if (c.Severity !== undefined && !SEVERITIES.includes(String(c.Severity)))
        return `Invalid log severity ${String(c.Severity)} for component ${c.Id}`;
    }
  }
  return null;
}

/** True when only Logging severities differ: the one change DMS allows on a running task. */
export function onlyLogSeveritiesDiffer(before: TaskSettings, after: TaskSettings): boolean {
  const strip = (s: TaskSettings) => {
    const logging = { ...((s.Logging ?? {}) as Record<string, unknown>) };
    delete logging.LogComponents;
    return JSON.stringify({ ...s, Logging: logging });
  };
  return strip(before) === strip(after);
}

/** Logging.EnableLogging of a settings document. */
export function loggingEnabled(settings: TaskSettings): boolean {
  const logging = settings.Logging;
  return isPlainObject(logging) && logging.EnableLogging === true;
}
