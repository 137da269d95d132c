// The rows of the `:instances` and `:endpoints` screens: each resource with the tasks that use
// it and, for an endpoint, how its last connection test went. Pure.
import type { Endpoint } from './endpoint.js';
import type { ConnectionState } from './endpointTest.js';
import type { ReplicationInstance } from './instance.js';
import type { Task } from './task.js';
import type { ColumnSpec } from './taskRow.js';

/** A connection test DescribeConnections reports: one endpoint from one instance. */
export interface EndpointConnection extends ConnectionState {
  endpointArn: string;
  instanceArn: string;
  instanceId?: string;
}

type TaskRef = Pick<Task, 'id' | 'instanceArn' | 'sourceEndpointArn' | 'targetEndpointArn'>;

/** "2: orders-load, hr-copy" or "none". */
export function taskNamesText(tasks: readonly TaskRef[]): string {
  return tasks.length === 0 ? 'none' : `${tasks.length}: ${tasks.map((t) => t.id).join(', ')}`;
}

export type InstanceColumn = 'name' | 'class' | 'status' | 'version' | 'storage' | 'tasks';

export const INSTANCE_COLUMNS: ColumnSpec<InstanceColumn>[] = [
  { id: 'name', title: 'NAME', width: 18 },
  { id: 'class', title: 'CLASS', width: 14, priority: 1 },
  { id: 'status', title: 'STATUS', width: 10 },
  { id: 'version', title: 'VERSION', width: 7, priority: 2 },
  { id: 'storage', title: 'STORAGE', width: 7, align: 'right', priority: 2 },
  { id: 'tasks', title: 'TASKS', width: 16, priority: 1 },
];

export function instanceCells(
  instance: ReplicationInstance,
  tasks: readonly TaskRef[],
): Record<InstanceColumn, string> {
  return {
    name: instance.identifier,
    class: instance.instanceClass || '—',
    status: instance.status,
    version: instance.engineVersion ?? '—',
    storage: instance.allocatedStorageGb !== undefined ? `${instance.allocatedStorageGb} GB` : '—',
    tasks: taskNamesText(tasks.filter((t) => t.instanceArn === instance.arn)),
  };
}

export type EndpointColumn = 'name' | 'type' | 'engine' | 'server' | 'database' | 'test' | 'tasks';

export const ENDPOINT_COLUMNS: ColumnSpec<EndpointColumn>[] = [
  { id: 'name', title: 'NAME', width: 15 },
  { id: 'type', title: 'TYPE', width: 6, priority: 2 },
  { id: 'engine', title: 'ENGINE', width: 9, priority: 2 },
  { id: 'server', title: 'SERVER', width: 16, priority: 1 },
  { id: 'database', title: 'DATABASE', width: 9, priority: 2 },
  { id: 'test', title: 'LAST TEST', width: 21 },
  { id: 'tasks', title: 'TASKS', width: 14, priority: 1 },
];

/** Tasks that use an endpoint (as source or target). */
export function tasksUsing<T extends TaskRef>(endpointArn: string, tasks: readonly T[]): T[] {
  return tasks.filter(
    (t) => t.sourceEndpointArn === endpointArn || t.targetEndpointArn === endpointArn,
  );
}

/** The most telling test of an endpoint: a failure over a success, a running one over both. */
export function lastTest(
  endpointArn: string,
  connections: readonly EndpointConnection[],
): EndpointConnection | undefined {
  const mine = connections.filter((c) => c.endpointArn === endpointArn);
  const rank = (c: EndpointConnection) =>
    c.status === 'testing' ? 0 : c.status === 'failed' ? 1 : 2;
  return [...mine].sort((a, b) => rank(a) - rank(b))[0];
}

/** "successful", "failed", "testing…" or "never tested", with the instance it ran from. */
export function testText(test: EndpointConnection | undefined): string {
  if (!test) return 'never tested';
  const from = test.instanceId ? ` (${test.instanceId})` : '';
  return `${test.status === 'testing' ? 'testing…' : test.status}${from}`;
}

export function endpointCells(
  endpoint: Endpoint,
  tasks: readonly TaskRef[],
  connections: readonly EndpointConnection[],
): Record<EndpointColumn, string> {
  return {
    name: endpoint.identifier,
    type: endpoint.type,
    engine: endpoint.engineName,
    server: endpoint.server ? `${endpoint.server}:${endpoint.port ?? ''}` : '—',
    database: endpoint.database ?? '—',
    test: testText(lastTest(endpoint.arn, connections)),
    tasks: taskNamesText(tasksUsing(endpoint.arn, tasks)),
  };
}

/** Why creating a task on this endpoint deserves a question (its last test failed, or it was
 *  never tested), or null when the last test succeeded. */
export function untestedEndpointWarning(
  endpoint: Pick<Endpoint, 'arn' | 'identifier'>,
  connections: readonly EndpointConnection[],
): string | null {
  const test = lastTest(endpoint.arn, connections);
  if (test?.status === 'successful') return null;
  if (test?.status === 'failed')
    return `${endpoint.identifier}: its last connection test failed${test.message ? ` (${test.message})` : ''}`;
  if (test?.status === 'testing')
    return `${endpoint.identifier}: its connection test is still running`;
  return `${endpoint.identifier}: its connection was never tested`;
}

/** The question before DeleteEndpoint: names the tasks that use it (DMS refuses then). */
export function deleteEndpointQuestion(endpoint: Endpoint, tasks: readonly TaskRef[]): string {
  const users = tasksUsing(endpoint.arn, tasks);
  return users.length === 0
    ? `Delete endpoint ${endpoint.identifier}? This cannot be undone.`
    : `Endpoint ${endpoint.identifier} is used by ${taskNamesText(users)}: DMS will refuse to delete it until those tasks are deleted. Try anyway?`;
}
