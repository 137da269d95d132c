// The task runner: drives a task through the lifecycle in src/model/taskLifecycle.ts around the
// full-load engine. starting → running → stopped (FULL_LOAD_ONLY_FINISHED) for a full load;
// stop → stopping → stopped (NORMAL); fatal errors → failed. Status and statistics come from
// the engine's callbacks; StopReasons and failure messages from taskLifecycleFailures.ts.
import type { TableMappings } from '../model/tableMappings.js';
import { parseTableMappings } from '../model/tableMappings.js';
import { START_TYPE_ROWS, type StartType } from '../model/taskLifecycle.js';
import {
  failsWhenNoTables,
  fatalFailure,
  noTablesFailure,
  stopReason,
} from '../model/taskLifecycleFailures.js';
import { endpointSpec } from './endpointSpec.js';
import { CachedChanges } from './engine/cdc/cachedChanges.js';
import type { CdcEngine, CdcOutcome } from './engine/cdc/types.js';
import { readEngineSettings } from './engine/settings.js';
import type { ConnectionSpec } from '../model/connection.js';
import type {
  FullLoadJob,
  FullLoadOutcome,
  RunFullLoad,
  RunS3FullLoad,
  S3SourceSpec,
  TableProgress,
  TableRef,
} from './engine/types.js';
import type { MetricsStore } from './metrics/store.js';
import {
  cdcEnding,
  fullLoadFlag,
  type OpenedReplication,
  openReplication,
  sourceEngineSettings,
  startLoadSampler,
} from './replication.js';
import { s3SourceSpec } from './s3Source.js';
import type { Store } from './store.js';
import type { TableStatRecord, TaskRecord } from './state.js';
import type { TaskLogWriter } from './taskLog.js';
import { startValidation, type Validator, validationOnly } from './validationRun.js';

/** Written when the sandbox runs without a CDC engine (tests that stand in for the engine). */
export const CDC_NOTICE =
  'This sandbox runs without its change data capture engine (a stand-in full-load engine is in use): the sandbox does not capture ongoing changes, and the task stays running until it is stopped.';

export interface TaskRunner {
  start(task: TaskRecord, type: StartType): void;
  stop(task: TaskRecord): void;
  reload(task: TaskRecord, tables: TableRef[]): void;
  /** ReloadTables validate-only: validates the tables again (validation enabled, task running). */
  revalidate?(task: TaskRecord, tables: TableRef[]): void;
  /** Stops every running task (clean shutdown) and waits for them, bounded. */
  stopAll(reason: string): Promise<void>;
  /** The task is deleted: drops its capture objects at the source (slot, publications,
   *  triggers); a source it cannot reach keeps them, and the task log names them. */
  forget(task: TaskRecord): Promise<{ left: string | null }>;
}

/** Replication started beside the full load (cached changes per table). */
interface EarlyReplication {
  cache: CachedChanges;
  outcome: Promise<CdcOutcome>;
}

interface ActiveRun {
  abort: AbortController;
  reloads: TableRef[];
  wake?: () => void;
  done: Promise<void>;
  /** Ended (cancelled if still running) before the CDC session closes. */
  early?: EarlyReplication;
  validator?: Validator;
}

const key = (t: { schema: string; table: string }) => `${t.schema}.${t.table}`;

export function createTaskRunner(deps: {
  store: Store;
  taskLog: TaskLogWriter;
  runFullLoad: RunFullLoad;
  /** Loads from an S3 source endpoint (the sandbox's own S3, under s3Dir). */
  runS3FullLoad: RunS3FullLoad;
  s3Dir: string;
  /** The change data capture engine; without it cdc tasks only stay running (CDC_NOTICE). */
  cdc?: CdcEngine;
  metrics?: MetricsStore;
}): TaskRunner {
  const { store, taskLog } = deps;
  const active = new Map<string, ActiveRun>();

  const log = (
    task: TaskRecord,
    component: string,
    severity: 'E' | 'W' | 'I' | 'D',
    message: string,
    file?: string,
  ) => taskLog.write(task, component, severity, message, file);

  function tableRecord(task: TaskRecord, ref: TableRef): TableStatRecord {
    let rec = task.tables.find((t) => t.schema === ref.schema && t.table === ref.table);
    if (!rec) {
      rec = {
        schema: ref.schema,
        table: ref.table,
        state: 'Before load',
        fullLoadRows: 0,
        errorRows: 0,
        reloaded: false,
        lastUpdateMs: Date.now(),
      };
      task.tables.push(rec);
    }
    return rec;
  }

  function applyProgress(task: TaskRecord, p: TableProgress, reloaded: boolean): void {
    const rec = tableRecord(task, p);
    rec.state = p.state;
    rec.fullLoadRows = (rec.carriedRows ?? 0) + p.fullLoadRows;
    rec.errorRows = p.errorRows;
    if (p.estimatedRows !== undefined) rec.estimatedRows = p.estimatedRows;
    if (p.startTime) rec.startMs = p.startTime.getTime();
    if (p.endTime) rec.endMs = p.endTime.getTime();
    if (reloaded) rec.reloaded = true;
    rec.lastUpdateMs = Date.now();
    const firstTarget = p.target && !rec.target;
    if (p.target) rec.target = { ...p.target.spec, rowsBefore: p.target.rowsBefore };
    store.changed();
    // Where the rows go reaches the disk before the first batch does: a recount after a
    // crash (recover.ts) depends on it. Once per table, so it costs nothing measurable.
    if (firstTarget) void store.flush();
  }

  /** Settles the task (stopped or failed): from now on the lifecycle alone says what it allows. */
  function finish(task: TaskRecord, patch: Partial<TaskRecord>): void {
    active.delete(task.arn);
    for (const t of task.tables) {
      if (t.state === 'Full load' || t.state === 'Table is being reloaded')
        t.state = 'Table cancelled';
    }
    Object.assign(task, patch);
    task.stats.stopMs = Date.now();
    store.changed();
  }

  function fail(task: TaskRecord, message: string): void {
    log(task, 'TASK_MANAGER', 'E', fatalFailure(message), 'replicationtask.c:3204');
    finish(task, { status: 'failed', lastFailureMessage: fatalFailure(message) });
  }

  /** No source table matched: fails the task (true) unless FailOnNoTablesCaptured is off. */
  function noTables(task: TaskRecord): boolean {
    if (!failsWhenNoTables(task.settings)) {
      log(
        task,
        'TASK_MANAGER',
        'W',
        'No tables were found at task initialization',
        'replicationtask.c:2124',
      );
      return false;
    }
    const failure = noTablesFailure();
    log(task, 'TASK_MANAGER', 'E', failure.log, 'replicationtask.c:2883');
    finish(task, { status: 'failed', lastFailureMessage: failure.lastFailureMessage });
    return true;
  }

  function taskSpecs(task: TaskRecord) {
    const source = store.state.endpoints.find((e) => e.arn === task.sourceEndpointArn);
    const target = store.state.endpoints.find((e) => e.arn === task.targetEndpointArn);
    if (!source || !target) return { ok: false as const, message: 'Endpoint not found' };
    const targetSpec = endpointSpec(target);
    let sourceSpec: ConnectionSpec | S3SourceSpec | null;
    try {
      sourceSpec =
        source.engineName === 's3' ? s3SourceSpec(source, deps.s3Dir) : endpointSpec(source);
    } catch (error) {
      return { ok: false as const, message: (error as Error).message };
    }
    if (!sourceSpec || !targetSpec) {
      const which = sourceSpec ? target : source;
      return {
        ok: false as const,
        message: `The dms-tui sandbox cannot run tasks with ${which.engineName} ${which === source ? 'source' : 'target'} endpoints; it moves data from PostgreSQL, MySQL/MariaDB and its own S3 to PostgreSQL and MySQL/MariaDB`,
      };
    }
    return { ok: true as const, source, sourceSpec, targetSpec };
  }

  /** The specs of a task that captures changes: a database source (the sandbox does not read
   *  ongoing changes from S3, DMS's CdcPath). */
  function cdcSpecs(task: TaskRecord) {
    const specs = taskSpecs(task);
    if (!specs.ok) return specs;
    const { sourceSpec } = specs;
    if ('bucket' in sourceSpec)
      return {
        ok: false as const,
        message:
          'The dms-tui sandbox does not capture ongoing changes from an S3 source (CdcPath); use full-load',
      };
    return { ...specs, sourceSpec };
  }

  async function loadOnce(
    task: TaskRecord,
    run: ActiveRun,
    mappings: TableMappings,
    skip: Set<string>,
    reloading: boolean,
    carryRows = false,
    onLoaded?: (table: string) => void,
  ): Promise<FullLoadOutcome> {
    const specs = taskSpecs(task);
    if (!specs.ok) return { kind: 'failed', message: specs.message };
    const { sourceSpec, targetSpec } = specs;
    let tableCount = -1;
    const job = {
      target: targetSpec,
      tableMappings: mappings,
      settings: task.settings,
      skipTables: skip,
      signal: run.abort.signal,
      onTables(tables) {
        tableCount = tables.length;
        for (const t of tables) {
          if (skip.has(key(t))) continue;
          const rec = tableRecord(task, t);
          rec.state = reloading ? 'Table is being reloaded' : 'Before load';
          // A resume with DO_NOTHING loads into the rows the earlier run committed.
          rec.carriedRows = carryRows ? rec.fullLoadRows : 0;
          rec.fullLoadRows = rec.carriedRows;
          delete rec.target;
          delete rec.estimatedRows;
          rec.errorRows = 0;
          if (run.validator)
            rec.validation = { state: 'Pending records', pending: 0, failed: 0, suspended: 0 };
          else delete rec.validation;
          delete rec.startMs;
          delete rec.endMs;
          rec.lastUpdateMs = Date.now();
        }
        if (task.status === 'starting') {
          task.status = 'running';
          log(
            task,
            'TASK_MANAGER',
            'I',
            `Task '${task.identifier}' running: ${tables.length} table(s) selected for full load`,
            'replicationtask.c:2871',
          );
        }
        task.stats.fullLoadStartMs ??= Date.now();
        store.changed();
      },
      onTableUpdate(progress) {
        applyProgress(task, progress, reloading);
        if (progress.state === 'Table completed' || progress.state === 'Table error')
          onLoaded?.(key(progress));
        if (progress.state === 'Table completed')
          run.validator?.validateTable({ schema: progress.schema, table: progress.table });
      },
      log(component, severity, message, sourceFile) {
        log(task, component, severity, message, sourceFile);
      },
    } satisfies Omit<FullLoadJob, 'source'>;
    const sampler = startLoadSampler(deps, task);
    const outcome = await ('bucket' in sourceSpec
      ? deps.runS3FullLoad({ ...job, source: sourceSpec })
      : deps.runFullLoad({ ...job, source: sourceSpec })
    ).finally(() => clearInterval(sampler));
    if (outcome.kind === 'completed' && tableCount === 0 && !reloading)
      return { kind: 'no-tables' };
    return outcome;
  }

  function reloadMappings(task: TaskRecord, tables: TableRef[]): TableMappings {
    const parsed = parseTableMappings(task.tableMappings);
    const rules = parsed.ok
      ? parsed.value.rules.filter((r) => r['rule-type'] === 'transformation')
      : [];
    const literal = (s: string) => s.replace(/_/g, '[_]');
    return {
      rules: [
        ...tables.map((t, i) => ({
          'rule-type': 'selection' as const,
          'rule-id': String(900000 + i),
          'rule-name': `reload-${i}`,
          'object-locator': { 'schema-name': literal(t.schema), 'table-name': literal(t.table) },
          'rule-action': 'include' as const,
        })),
        ...rules,
      ],
    };
  }

  /** ValidationOnly: nothing is loaded; every selected table is validated as it stands. */
  async function validateOnly(
    task: TaskRecord,
    run: ActiveRun,
    validator: Validator,
  ): Promise<FullLoadOutcome> {
    let tables: TableRef[];
    try {
      tables = await validator.selectedTables();
    } catch (error) {
      return { kind: 'failed', message: (error as Error).message.split('\n')[0] ?? '' };
    }
    if (tables.length === 0) return { kind: 'no-tables' };
    task.status = 'running';
    log(
      task,
      'TASK_MANAGER',
      'I',
      `Task '${task.identifier}' running: validation only, ${tables.length} table(s)`,
      'replicationtask.c:2871',
    );
    for (const t of tables) validator.validateTable(t);
    await validator.idle();
    return run.abort.signal.aborted ? { kind: 'stopped' } : { kind: 'completed' };
  }

  /** Runs queued ReloadTables requests; false if the task was stopped or failed meanwhile. */
  async function drainReloads(task: TaskRecord, run: ActiveRun): Promise<boolean> {
    while (run.reloads.length > 0 && !run.abort.signal.aborted) {
      const tables = run.reloads.splice(0, run.reloads.length);
      log(
        task,
        'TASK_MANAGER',
        'I',
        `Reloading ${tables.length} table(s): ${tables.map(key).join(', ')}`,
        'replicationtask.c:3120',
      );
      const outcome = await loadOnce(task, run, reloadMappings(task, tables), new Set(), true);
      if (outcome.kind === 'failed') {
        fail(task, outcome.message);
        return false;
      }
      if (outcome.kind === 'no-tables' && noTables(task)) return false;
    }
    return !run.abort.signal.aborted;
  }

  async function waitForStopOrReload(run: ActiveRun): Promise<void> {
    if (run.abort.signal.aborted || run.reloads.length > 0) return;
    await new Promise<void>((resolve) => {
      run.wake = resolve;
      run.abort.signal.addEventListener('abort', () => resolve(), { once: true });
    });
    run.wake = undefined;
  }

  /** Opens change data capture before anything is loaded; false when the task failed. */
  async function openCdc(
    task: TaskRecord,
    type: StartType,
    run: ActiveRun,
    mappings: TableMappings,
  ): Promise<OpenedReplication | null | false> {
    if (!deps.cdc) return null;
    const specs = cdcSpecs(task);
    if (!specs.ok) {
      fail(task, specs.message);
      return false;
    }
    const opened = await openReplication(
      { store, cdc: deps.cdc, metrics: deps.metrics, log, tableRecord },
      task,
      {
        fresh: type !== 'resume-processing' || !task.cdc,
        source: specs.sourceSpec,
        target: specs.targetSpec,
        sourceSettings: sourceEngineSettings(specs.source),
        mappings,
        signal: run.abort.signal,
        onApplied: (changes) => run.validator?.revalidateChanges(changes),
      },
    );
    if (!opened.ok) {
      if (run.abort.signal.aborted) {
        finish(task, { status: 'stopped', stopReason: stopReason('NORMAL') });
        return false;
      }
      fail(task, opened.message);
      return false;
    }
    return opened.opened;
  }

  async function execute(task: TaskRecord, type: StartType, run: ActiveRun): Promise<void> {
    const parsed = parseTableMappings(task.tableMappings);
    if (!parsed.ok) {
      finish(task, { status: 'failed', lastFailureMessage: fatalFailure(parsed.error) });
      return;
    }
    const skip = new Set<string>();
    const resuming = START_TYPE_ROWS[type].keepsCompletedTables && task.hasRun;
    const carryRows = resuming && readEngineSettings(task.settings).prepMode === 'DO_NOTHING';
    if (resuming) {
      for (const t of task.tables) if (t.state === 'Table completed') skip.add(key(t));
    } else {
      task.tables = [];
      task.stats.freshStartMs = Date.now();
      delete task.stats.fullLoadStartMs;
      delete task.stats.fullLoadFinishMs;
    }
    task.hasRun = true;
    log(
      task,
      'TASK_MANAGER',
      'I',
      `Task '${task.identifier}' starting (${type}, ${task.migrationType})`,
      'replicationtask.c:1204',
    );
    const withCdc = task.migrationType !== 'full-load';
    // A resume after the full load finished goes straight on with the changes.
    const loadedBefore = resuming && task.stats.fullLoadFinishMs !== undefined;
    // Validation reads both databases (a task from S3 has no source to compare with).
    const specs = cdcSpecs(task);
    if (specs.ok)
      run.validator = await startValidation(
        { store, metrics: deps.metrics, log, tableRecord },
        task,
        { source: specs.sourceSpec, target: specs.targetSpec },
        parsed.value,
        run.abort.signal,
      );
    try {
      const cdc = withCdc ? await openCdc(task, type, run, parsed.value) : null;
      if (cdc === false) return;
      try {
        await runPhases(task, run, parsed.value, skip, carryRows, cdc, loadedBefore);
      } finally {
        run.early?.cache.cancel();
        await run.early?.outcome;
        await cdc?.session.close();
      }
    } finally {
      await run.validator?.close();
    }
  }

  async function runPhases(
    task: TaskRecord,
    run: ActiveRun,
    mappings: TableMappings,
    skip: Set<string>,
    carryRows: boolean,
    cdc: OpenedReplication | null,
    loadedBefore: boolean,
  ): Promise<void> {
    const withCdc = task.migrationType !== 'full-load';
    let cachedUntil: string | undefined;
    let early: EarlyReplication | undefined;
    if (task.migrationType === 'cdc') {
      if (cdc && cdc.session.tables.length === 0 && noTables(task)) return;
      for (const t of cdc?.session.tables ?? []) tableRecord(task, t).state = 'Table completed';
      task.status = 'running';
      store.changed();
      log(
        task,
        'TASK_MANAGER',
        'I',
        `Task '${task.identifier}' running: change data capture only, ${task.tables.length} table(s)`,
        'replicationtask.c:2871',
      );
      if (!cdc) log(task, 'SOURCE_CAPTURE', 'W', CDC_NOTICE, 'sandbox_cdc.c:1');
    } else {
      let outcome: FullLoadOutcome;
      if (run.validator && validationOnly(task)) {
        outcome = await validateOnly(task, run, run.validator);
      } else {
        // Changes made during the load are cached per table and applied once that table's load
        // completes (DMS's cached changes); the replication runs beside the load for that.
        if (cdc && !loadedBefore && cachesPerTable(task, cdc)) {
          const cache = new CachedChanges(
            cdc.session.tables.map(key).filter((table) => !skip.has(table)),
          );
          early = { cache, outcome: startReplication(task, cdc, cache) };
          run.early = early;
        }
        outcome = await loadOnce(task, run, mappings, skip, false, carryRows, (table) =>
          early?.cache.release(table),
        );
      }
      if (outcome.kind === 'no-tables') {
        if (noTables(task)) return;
      } else if (outcome.kind === 'failed') {
        fail(task, outcome.message);
        return;
      } else if (outcome.kind === 'stopped' || run.abort.signal.aborted) {
        log(
          task,
          'TASK_MANAGER',
          'I',
          'Task stopped before the full load finished',
          'replicationtask.c:2110',
        );
        finish(task, { status: 'stopped', stopReason: stopReason('NORMAL') });
        return;
      }
      if (task.status === 'starting') task.status = 'running';
      task.stats.fullLoadFinishMs = Date.now();
      store.changed();
      if (cdc && !loadedBefore)
        cachedUntil = await cdc.session.currentPosition().catch(() => undefined);
      if (early) {
        logCachedApplying(task);
        early.cache.finish(cachedUntil);
      }
      if (!(await drainReloads(task, run))) {
        if (task.status !== 'failed')
          finish(task, { status: 'stopped', stopReason: stopReason('NORMAL') });
        return;
      }
      const errored = task.tables.filter((t) => t.state === 'Table error').length;
      log(
        task,
        'TASK_MANAGER',
        errored ? 'W' : 'I',
        `All full load tables processed: ${task.tables.length - errored} loaded, ${errored} in error`,
        'replicationtask.c:2566',
      );
      if (!withCdc) {
        await run.validator?.idle();
        if (run.abort.signal.aborted) {
          finish(task, { status: 'stopped', stopReason: stopReason('NORMAL') });
          return;
        }
        log(
          task,
          'TASK_MANAGER',
          'I',
          'Task is stopping: full load only finished',
          'replicationtask.c:2681',
        );
        finish(task, { status: 'stopped', stopReason: stopReason('FULL_LOAD_ONLY_FINISHED') });
        return;
      }
      if (!loadedBefore && fullLoadFlag(task, 'StopTaskCachedChangesNotApplied')) {
        log(
          task,
          'TASK_MANAGER',
          'I',
          'Task is stopping after the full load: cached changes are not applied (StopTaskCachedChangesNotApplied)',
          'replicationtask.c:2688',
        );
        finish(task, { status: 'stopped', stopReason: stopReason('STOPPED_AFTER_FULL_LOAD') });
        return;
      }
      if (!cdc) log(task, 'SOURCE_CAPTURE', 'W', CDC_NOTICE, 'sandbox_cdc.c:1');
    }
    if (!cdc) {
      // No CDC engine: running until stopped, serving ReloadTables meanwhile.
      while (!run.abort.signal.aborted) {
        await waitForStopOrReload(run);
        if (!(await drainReloads(task, run))) break;
      }
      if (task.status !== 'failed') {
        log(task, 'TASK_MANAGER', 'I', 'Task stopped', 'replicationtask.c:2110');
        finish(task, { status: 'stopped', stopReason: stopReason('NORMAL') });
      }
      return;
    }
    if (!early && cachedUntil !== undefined) logCachedApplying(task);
    const replication = early?.outcome ?? startReplication(task, cdc, cachedUntil);
    settleCdc(task, await serveReloadsBeside(task, run, replication));
  }

  /** DMS caches per table unless the task stops before the cached changes (NotApplied); the
   *  PGlite demo (triggers) reads its source only after the load. */
  function cachesPerTable(task: TaskRecord, cdc: OpenedReplication): boolean {
    return (
      !fullLoadFlag(task, 'StopTaskCachedChangesNotApplied') && cdc.session.positionKind !== 'seq'
    );
  }

  function logCachedApplying(task: TaskRecord): void {
    log(
      task,
      'TARGET_APPLY',
      'I',
      'Applying the changes cached during the full load',
      'target_apply.c:1120',
    );
  }

  /** Starts ongoing replication: with the cached changes' end point, or the per-table cache. */
  function startReplication(
    task: TaskRecord,
    cdc: OpenedReplication,
    cached: string | CachedChanges | undefined,
  ): Promise<CdcOutcome> {
    const cache = typeof cached === 'object' ? cached : undefined;
    const cachedUntil = typeof cached === 'string' ? cached : undefined;
    const hasCached = cache !== undefined || cachedUntil !== undefined;
    return cdc.session.run({
      ...cdc.options,
      cachedUntil,
      cache,
      stopAfterCached: hasCached && fullLoadFlag(task, 'StopTaskCachedChangesApplied'),
      onCachedApplied() {
        if (!hasCached) return;
        log(
          task,
          'TARGET_APPLY',
          'I',
          'Cached changes applied; replication ongoing',
          'target_apply.c:1131',
        );
      },
    });
  }

  /** Serves ReloadTables beside ongoing replication until it ends. */
  async function serveReloadsBeside(
    task: TaskRecord,
    run: ActiveRun,
    replication: Promise<CdcOutcome>,
  ): Promise<CdcOutcome> {
    let ended = false;
    const reloads = (async () => {
      while (!ended && !run.abort.signal.aborted) {
        await waitForStopOrReload(run);
        if (ended) break;
        if (!(await drainReloads(task, run))) break;
      }
    })();
    const outcome = await replication;
    ended = true;
    run.wake?.();
    await reloads;
    return outcome;
  }

  function settleCdc(task: TaskRecord, outcome: CdcOutcome): void {
    if (task.status === 'failed') return;
    const ending = cdcEnding(task, outcome);
    if ('failure' in ending) {
      fail(task, ending.failure);
      return;
    }
    log(task, 'TASK_MANAGER', 'I', ending.message, ending.file);
    finish(task, { status: 'stopped', stopReason: stopReason(ending.reason) });
  }

  return {
    start(task, type) {
      const now = Date.now();
      task.status = 'starting';
      task.startMs = now;
      delete task.stopReason;
      delete task.lastFailureMessage;
      task.stats.startMs = now;
      delete task.stats.stopMs;
      store.changed();
      const run: ActiveRun = { abort: new AbortController(), reloads: [], done: Promise.resolve() };
      active.set(task.arn, run);
      run.done = execute(task, type, run)
        .catch((error: unknown) => fail(task, (error as Error)?.message ?? String(error)))
        .finally(() => {
          if (active.get(task.arn) === run) active.delete(task.arn);
        });
    },
    stop(task) {
      const run = active.get(task.arn);
      task.status = 'stopping';
      store.changed();
      log(task, 'TASK_MANAGER', 'I', 'Stop requested by the user', 'replicationtask.c:2090');
      run?.abort.abort();
    },
    reload(task, tables) {
      const run = active.get(task.arn);
      if (!run) return;
      run.reloads.push(...tables);
      run.wake?.();
    },
    revalidate(task, tables) {
      const validator = active.get(task.arn)?.validator;
      for (const t of tables) validator?.validateTable(t);
    },
    async forget(task) {
      if (!deps.cdc || !task.cdc) return { left: null };
      const specs = cdcSpecs(task);
      if (!specs.ok) return { left: null };
      const { left } = await deps.cdc
        .drop(task.resourceId, specs.sourceSpec)
        .catch((e: unknown) => ({
          left: `The task's capture objects could not be dropped at the source: ${String((e as Error)?.message ?? e).split('\n')[0]}`,
        }));
      if (left) log(task, 'SOURCE_CAPTURE', 'W', left, 'postgres_endpoint_wal_engine.c:618');
      return { left };
    },
    async stopAll(reason) {
      const runs = [...active.entries()];
      for (const [arn, run] of runs) {
        const task = store.state.tasks.find((t) => t.arn === arn);
        if (task) {
          task.status = 'stopping';
          log(task, 'TASK_MANAGER', 'W', reason, 'replicationtask.c:2090');
        }
        run.abort.abort();
      }
      const all = Promise.all(runs.map(([, r]) => r.done));
      await Promise.race([all, new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
    },
  };
}
