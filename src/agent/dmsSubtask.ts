// The DMS subtask: once every partition is in S3, an S3 source endpoint over the agent's
// objects and a full-load task from it to the target, started and followed until it stops.
// Each resource is looked up by its fixed identifier before it is created, so an agent killed
// between "created" and "saved the ARN" finds it again instead of failing on a duplicate.
import type { AwsClients } from '../aws/clients.js';
import { listEndpoints } from '../aws/endpoints.js';
import { listReplicationInstances } from '../aws/instances.js';
import { AGENT_TAG, createS3SourceEndpoint, deleteEndpoint } from '../aws/s3SourceEndpoint.js';
import { createReplicationTask } from '../aws/taskCreate.js';
import { deleteTask, findTask, startTask, stopTask } from '../aws/tasks.js';
import type { ExternalTableDefinition } from '../model/agentTableDefinition.js';
import { type AgentTaskRecord, dmsIdentifiers } from '../model/agentTask.js';
import { mappingsDocument } from '../model/selectionMappings.js';
import type { Task } from '../model/task.js';

export interface DmsContext {
  record: AgentTaskRecord;
  clients: AwsClients;
  definition: ExternalTableDefinition;
  save(): void;
  log(level: 'I' | 'W' | 'E', text: string): void;
  /** Resolves after the poll interval (or at once when the agent is closing). */
  pause(): Promise<void>;
  closing(): boolean;
}

const isArn = (s: string) => s.startsWith('arn:');

async function endpointArn(clients: AwsClients, idOrArn: string): Promise<string | undefined> {
  const all = await listEndpoints(clients);
  return all.find((e) => e.arn === idOrArn || e.identifier === idOrArn.toLowerCase())?.arn;
}

async function instanceArn(clients: AwsClients, idOrArn: string): Promise<string> {
  if (isArn(idOrArn)) return idOrArn;
  const found = (await listReplicationInstances(clients)).find(
    (i) => i.identifier === idOrArn.toLowerCase(),
  );
  if (!found) throw new Error(`no replication instance "${idOrArn}"`);
  return found.arn;
}

async function ensureEndpoint(ctx: DmsContext): Promise<string> {
  const { record, clients } = ctx;
  const ids = dmsIdentifiers(record.spec.name);
  record.dms.endpointArn ??= await endpointArn(clients, ids.endpoint);
  if (!record.dms.endpointArn) {
    const created = await createS3SourceEndpoint(clients, {
      identifier: ids.endpoint,
      bucket: record.spec.bucket,
      folder: record.spec.folder,
      externalTableDefinition: JSON.stringify(ctx.definition),
      nullMarker: record.spec.nullMarker,
      dataFormat: record.spec.format === 'parquet' ? 'parquet' : 'csv',
      roleArn: record.spec.roleArn,
      agentTask: record.spec.name,
    });
    record.dms.endpointArn = created.arn;
    ctx.log('I', `created the S3 source endpoint ${ids.endpoint}`);
  }
  ctx.save();
  return record.dms.endpointArn;
}

async function existingTask(clients: AwsClients, id: string): Promise<Task | undefined> {
  try {
    return await findTask(clients, id);
  } catch (error) {
    if ((error as { code?: string }).code === 'ResourceNotFoundFault') return undefined;
    throw error;
  }
}

async function ensureTask(ctx: DmsContext, sourceArn: string): Promise<Task> {
  const { record, clients } = ctx;
  const ids = dmsIdentifiers(record.spec.name);
  const found = await existingTask(clients, record.dms.taskArn ?? ids.task);
  if (found) {
    record.dms.taskArn = found.arn;
    return found;
  }
  const target = await endpointArn(clients, record.spec.targetEndpoint);
  if (!target) throw new Error(`no target endpoint "${record.spec.targetEndpoint}"`);
  const rows = record.local.tables.map((t) => ({
    action: 'include' as const,
    schema: t.schema,
    table: t.table,
  }));
  const created = await createReplicationTask(clients, {
    ReplicationTaskIdentifier: ids.task,
    SourceEndpointArn: sourceArn,
    TargetEndpointArn: target,
    ReplicationInstanceArn: await instanceArn(clients, record.spec.instance),
    MigrationType: 'full-load',
    TableMappings: JSON.stringify(mappingsDocument(rows)),
    ReplicationTaskSettings: JSON.stringify({
      FullLoadSettings: { TargetTablePrepMode: 'DROP_AND_CREATE' },
      Logging: { EnableLogging: true },
    }),
    Tags: [{ Key: AGENT_TAG, Value: record.spec.name }],
  });
  record.dms.taskArn = created.arn;
  ctx.save();
  ctx.log('I', `created the DMS task ${ids.task}`);
  return existingTask(clients, created.arn) as Promise<Task>;
}

const READY = ['ready', 'stopped', 'failed'];

/** Runs the DMS subtask to the end: 'done', or throws with DMS's reason. */
export async function runDms(ctx: DmsContext): Promise<'done' | 'closing'> {
  const { record, clients } = ctx;
  record.dms.state = 'creating';
  const source = await ensureEndpoint(ctx);
  let task = await ensureTask(ctx, source);
  while (task.status === 'creating' && !ctx.closing()) {
    await ctx.pause();
    task = (await existingTask(clients, task.arn)) ?? task;
  }
  if (
    READY.includes(task.status) &&
    !(task.status === 'stopped' && task.stats?.progressPercent === 100)
  ) {
    task = await startTask(
      clients,
      task.arn,
      task.status === 'ready' ? 'start-replication' : 'reload-target',
    );
    ctx.log('I', `started the DMS task ${task.id}`);
  }
  record.dms.state = 'running';
  ctx.save();
  for (;;) {
    if (ctx.closing()) return 'closing';
    record.dms.percent = task.stats?.progressPercent ?? record.dms.percent;
    if (task.status === 'stopped' || task.status === 'failed') break;
    ctx.save();
    await ctx.pause();
    task = (await existingTask(clients, task.arn)) ?? task;
  }
  if (task.status === 'failed' || (task.stats?.tablesErrored ?? 0) > 0 || task.lastFailureMessage)
    throw new Error(
      `DMS task ${task.id}: ${task.lastFailureMessage ?? task.stopReason ?? 'failed'}`,
    );
  record.dms.percent = 100;
  ctx.log('I', `DMS task ${task.id} finished: ${task.stopReason ?? 'full load done'}`);
  return 'done';
}

/** Deletes the agent task's DMS task and endpoint (stopping the task first when it runs). */
export async function removeDmsResources(
  clients: AwsClients,
  record: AgentTaskRecord,
): Promise<string[]> {
  const removed: string[] = [];
  const ids = dmsIdentifiers(record.spec.name);
  const task = await existingTask(clients, record.dms.taskArn ?? ids.task);
  if (task) {
    if (task.status === 'running' || task.status === 'starting') await stopTask(clients, task.arn);
    for (let i = 0; i < 100; i++) {
      const now = await existingTask(clients, task.arn);
      if (!now || !['running', 'starting', 'stopping', 'creating'].includes(now.status)) break;
      await new Promise((r) => setTimeout(r, 300));
    }
    await deleteTask(clients, task.arn);
    for (let i = 0; i < 100 && (await existingTask(clients, task.arn)); i++)
      await new Promise((r) => setTimeout(r, 300));
    removed.push(`DMS task ${task.id}`);
  }
  const endpoint = record.dms.endpointArn ?? (await endpointArn(clients, ids.endpoint));
  if (endpoint) {
    await deleteEndpoint(clients, endpoint);
    removed.push(`endpoint ${ids.endpoint}`);
  }
  return removed;
}
