// The agent: holds the data dir's tasks, runs their local and DMS subtasks in the background,
// and answers the control channel. A task that was extracting or loading when the agent died
// goes on when it starts again (SCT: "If you close AWS SCT, your agents and tasks continue").
import type { AwsClients } from '../aws/clients.js';
import { errorLine } from '../aws/call.js';
import { type DbConnection, isAuthFailure, openConnection } from '../db/connection.js';
import { overallPercent } from '../model/agentProgress.js';
import { type AgentTaskView, needsPassword, taskView } from '../model/agentView.js';
import {
  type AgentAction,
  type AgentEvent,
  type AgentTaskRecord,
  type AgentTaskSpec,
  actionRefusal,
  advance,
  agentTaskNameError,
  folderPrefix,
  isActive,
  newTaskRecord,
  waitingText,
} from '../model/agentTask.js';
import { agentPaths } from './agentDir.js';
import { appendLog, tailLog } from './agentLog.js';
import { ControlError, type ControlRequest } from './control.js';
import { removeDmsResources, runDms } from './dmsSubtask.js';
import { definitionOf, LiveExtraction, runLocal } from './localSubtask.js';
import type { LeaseInfo } from './lease.js';
import type { ObjectStore } from './objectStore.js';
import { loadTasks, removeTask, saveTask } from './taskStore.js';

export interface AgentDeps {
  store(spec: AgentTaskSpec): Promise<ObjectStore>;
  clients(spec: AgentTaskSpec): AwsClients;
  /** The source password when the agent can find it itself (project store, environment).
   *  Read when needed, never kept: the agent holds only passwords handed over its channel. */
  storedPassword(spec: AgentTaskSpec): string | undefined;
  /** Poll interval of the DMS subtask (ms). */
  pollMs: number;
  /** Loads what every extraction needs (the S3 SDK) before the first task asks for it. */
  warm(): void;
}

export class Agent {
  private readonly records = new Map<string, AgentTaskRecord>();
  private readonly running = new Map<string, Promise<void>>();
  private readonly stops = new Set<string>();
  private readonly passwords = new Map<string, string>();
  /** The partitions in flight of each extracting task, for progress within a partition. */
  private readonly live = new Map<string, LiveExtraction>();
  private closingNow = false;
  private readonly wakers = new Set<() => void>();

  constructor(
    readonly dir: string,
    readonly lease: LeaseInfo,
    private readonly deps: AgentDeps,
  ) {}

  log(level: 'I' | 'W' | 'E', text: string): void {
    appendLog(agentPaths(this.dir).log, level, text);
  }

  private taskLog(name: string, level: 'I' | 'W' | 'E', text: string): void {
    appendLog(agentPaths(this.dir).taskLog(name), level, text);
  }

  /** Loads the tasks and goes on with those that were running. */
  open(): void {
    const { tasks, problems } = loadTasks(this.dir);
    for (const p of problems) this.log('W', `task file skipped: ${p}`);
    for (const record of tasks) {
      let next = advance(record, { kind: 'recovered' }, new Date().toISOString());
      if (next.state === 'extracting' && this.needs(next)) {
        next = advance(next, { kind: 'needsPassword' }, new Date().toISOString());
        this.log('W', `${next.spec.name}: ${waitingText(next.spec.name)}`);
        this.taskLog(next.spec.name, 'W', waitingText(next.spec.name));
      }
      this.records.set(record.spec.name, next);
      if (next !== record) saveTask(this.dir, next);
      if (isActive(next.state)) {
        this.log('I', `${next.spec.name}: ${next.state} when the agent stopped; going on`);
        this.run(next.spec.name);
      }
    }
  }

  status() {
    return {
      pid: this.lease.pid,
      version: this.lease.version,
      dataDir: this.dir,
      startedAt: this.lease.startedAt,
      tasks: [...this.records.values()].map((r) => ({
        name: r.spec.name,
        state: r.state,
        progress: overallPercent(r, this.live.get(r.spec.name)?.progress()),
        needsPassword: this.needs(r),
      })),
    };
  }

  private event(name: string, event: AgentEvent): AgentTaskRecord {
    const record = this.get(name);
    const next = advance(record, event, new Date().toISOString());
    this.records.set(name, next);
    saveTask(this.dir, next);
    return next;
  }

  private get(name: string): AgentTaskRecord {
    const record = this.records.get(name);
    if (!record) throw new ControlError(404, `no agent task "${name}"`);
    return record;
  }

  create(spec: AgentTaskSpec, password?: string): AgentTaskRecord {
    const bad = agentTaskNameError(spec.name);
    if (bad) throw new ControlError(400, bad);
    if (this.records.has(spec.name))
      throw new ControlError(409, `agent task "${spec.name}" already exists`);
    const record = {
      ...newTaskRecord(spec, new Date().toISOString()),
      passwordNeeded: Boolean(password || this.deps.storedPassword(spec)),
    };
    this.records.set(spec.name, record);
    if (password !== undefined) this.passwords.set(spec.name, password);
    saveTask(this.dir, record);
    this.taskLog(
      spec.name,
      'I',
      `created: ${spec.select.join(' ')} → s3://${spec.bucket}/${folderPrefix(spec.folder)}`,
    );
    return record;
  }

  act(name: string, action: AgentAction, options: { password?: string } = {}): AgentTaskRecord {
    const record = this.get(name);
    const refusal = actionRefusal(record, action);
    if (refusal) throw new ControlError(409, refusal);
    if (options.password !== undefined && action !== 'stop') {
      this.passwords.set(name, options.password);
      if (options.password && !record.passwordNeeded)
        this.records.set(name, { ...record, passwordNeeded: true });
    }
    if (action !== 'stop' && options.password === undefined && this.needs(this.get(name)))
      throw new ControlError(
        409,
        `agent task "${name}" needs the source password: dms-tui agent-task ${action} ${name} asks for it in a terminal (or set DMS_TUI_SOURCE_PASSWORD)`,
      );
    if (action === 'stop') {
      this.stops.add(name);
      this.taskLog(name, 'I', 'stop asked: stopping after the partitions in flight');
      return this.event(name, { kind: 'stop' });
    }
    const next = this.event(name, { kind: action === 'start' ? 'start' : 'resume' });
    this.taskLog(name, 'I', `${action}ed`);
    this.run(name);
    return next;
  }

  async remove(name: string, options: { objects: boolean; dms: boolean }): Promise<string[]> {
    const record = this.get(name);
    const refusal = actionRefusal(record, 'delete');
    if (refusal) throw new ControlError(409, refusal);
    const removed: string[] = [];
    if (options.dms) {
      const clients = this.deps.clients(record.spec);
      try {
        removed.push(...(await removeDmsResources(clients, record)));
      } finally {
        clients.destroy();
      }
    }
    if (options.objects) {
      // Only what this task wrote: its tables' folders and its two files, never the whole
      // folder (another task, or the user, may keep objects beside them).
      const store = await this.deps.store(record.spec);
      const base = folderPrefix(record.spec.folder);
      let n = 0;
      try {
        for (const t of record.local.tables)
          n += await store.deletePrefix(`${base}${t.schema}/${t.table}/`);
        for (const what of ['table-definition', 'manifest'])
          n += await store.deletePrefix(`${base}${record.spec.name}.${what}.json`);
      } finally {
        store.close();
      }
      removed.push(`${n} S3 object(s) under s3://${record.spec.bucket}/${base}`);
    }
    this.records.delete(name);
    this.passwords.delete(name);
    removeTask(this.dir, name);
    this.log('I', `${name} deleted${removed.length ? ` with ${removed.join(', ')}` : ''}`);
    return removed;
  }

  private password(spec: AgentTaskSpec): string | undefined {
    return this.passwords.get(spec.name) ?? this.deps.storedPassword(spec);
  }

  /** Whether the agent can find the task's source password (handed over, or stored). */
  private held(spec: AgentTaskSpec): boolean {
    return this.password(spec) !== undefined;
  }

  /** Whether a start or resume must bring the password (the store is read only then). */
  private needs(record: AgentTaskRecord): boolean {
    return needsPassword(record, !record.passwordNeeded || this.held(record.spec));
  }

  private openSource(spec: AgentTaskSpec): Promise<DbConnection> {
    return openConnection(
      { ...spec.source, password: this.password(spec) },
      { applicationName: 'dms-tui-agent' },
    );
  }

  private pause(): Promise<void> {
    if (this.closingNow) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, this.deps.pollMs);
      this.wakers.add(done);
    });
  }

  private run(name: string): void {
    if (this.running.has(name)) return;
    this.stops.delete(name);
    const work = this.work(name).finally(() => this.running.delete(name));
    this.running.set(name, work);
  }

  private async work(name: string): Promise<void> {
    const log = (level: 'I' | 'W' | 'E', text: string) => this.taskLog(name, level, text);
    try {
      let record = this.get(name);
      if (record.state === 'extracting' || record.state === 'stopping') {
        const spec = record.spec;
        const store = await this.deps.store(spec);
        const live = new LiveExtraction();
        this.live.set(name, live);
        let outcome: 'done' | 'stopped';
        try {
          outcome = await runLocal({
            record,
            store,
            openSource: () => this.openSource(spec),
            save: () => saveTask(this.dir, record),
            log,
            stopping: () => this.stops.has(name) || this.closingNow,
            live,
          });
        } finally {
          this.live.delete(name);
          store.close();
        }
        if (this.closingNow) return;
        if (outcome === 'stopped') {
          this.event(name, { kind: 'stopped' });
          log('I', 'stopped at a partition boundary');
          return;
        }
        record = this.event(name, { kind: 'extracted' });
        log('I', 'local subtask done: every partition is in S3 (50 %)');
      }
      if (record.state !== 'loading') return;
      const clients = this.deps.clients(record.spec);
      try {
        const outcome = await runDms({
          record,
          clients,
          definition: definitionOf(
            record,
            record.spec.source.engine.includes('postgres') ? 'postgres' : 'mysql',
          ),
          save: () => saveTask(this.dir, record),
          log,
          pause: () => this.pause(),
          closing: () => this.closingNow,
        });
        if (outcome === 'done') {
          this.event(name, { kind: 'loaded' });
          log('I', 'DMS subtask done: the target is loaded (100 %)');
        }
      } finally {
        clients.destroy();
      }
    } catch (error) {
      if (this.closingNow || !this.records.has(name)) return;
      const line = errorLine(error);
      if (isAuthFailure(error) && this.get(name).state !== 'loading') {
        // A wrong or missing password: forget it and wait for the right one.
        this.passwords.delete(name);
        this.event(name, { kind: 'needsPassword', error: line });
        log('W', `${line}; ${waitingText(name)}`);
        this.log('W', `${name}: ${waitingText(name)}`);
        return;
      }
      log('E', line);
      this.log('E', `${name}: ${line}`);
      this.event(name, { kind: 'failed', error: line });
    }
  }

  tasks(): AgentTaskView[] {
    return [...this.records.values()].map((r) => this.view(r));
  }

  private view(record: AgentTaskRecord): AgentTaskView {
    return taskView(record, {
      passwordHeld: !this.needs(record),
      live: this.live.get(record.spec.name)?.progress(),
    });
  }

  logs(task: string | null, lines: number): string[] {
    if (task === null) return tailLog(agentPaths(this.dir).log, lines);
    this.get(task);
    return tailLog(agentPaths(this.dir).taskLog(task), lines);
  }

  /** Stops taking work; in-flight partitions are abandoned (redone on the next start). */
  async close(): Promise<void> {
    this.closingNow = true;
    for (const wake of this.wakers) wake();
    await Promise.race([
      Promise.allSettled([...this.running.values()]),
      new Promise((resolve) => setTimeout(resolve, 2000).unref()),
    ]);
  }

  /** The control channel's routes. */
  async handle(req: ControlRequest): Promise<unknown> {
    const { method, path, body } = req;
    if (method === 'GET' && path === '/status') return this.status();
    if (method === 'GET' && path === '/tasks') return this.tasks();
    if (method === 'GET' && path === '/logs') {
      const lines = Math.min(5000, Math.max(1, Number(req.query.get('lines') ?? 200) || 200));
      return { lines: this.logs(req.query.get('task'), lines) };
    }
    if (method === 'POST' && path === '/tasks') {
      const spec = body.spec as AgentTaskSpec | undefined;
      if (!spec || typeof spec.name !== 'string')
        throw new ControlError(400, 'a task spec is needed');
      const record = this.create(spec, optionalString(body.password));
      return this.view(record);
    }
    const m = /^\/tasks\/([^/]+)\/(start|stop|resume|delete)$/.exec(path);
    if (method === 'POST' && m) {
      const name = decodeURIComponent(m[1] as string);
      const action = m[2] as AgentAction;
      if (action === 'delete')
        return {
          removed: await this.remove(name, {
            objects: body.objects === true,
            dms: body.dms === true,
          }),
        };
      const record = this.act(name, action, { password: optionalString(body.password) });
      return this.view(record);
    }
    throw new ControlError(404, `no route ${method} ${path}`);
  }
}

function optionalString(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}
