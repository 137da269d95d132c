// src/aws's one error convention, through the real SDK: every exported function fails with an
// AwsError carrying the readable line, the AWS error name (code) and the HTTP status, whether
// the sandbox refuses (400 faults), throttles or fails (chaos), or cannot be reached at all.
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeAccountAttributes } from '../../src/aws/account.js';
import { AwsError } from '../../src/aws/call.js';
import { type AwsClients, createAwsClients } from '../../src/aws/clients.js';
import {
  createEndpoint,
  describeConnection,
  listEndpoints,
  startConnectionTest,
} from '../../src/aws/endpoints.js';
import { listReplicationInstances } from '../../src/aws/instances.js';
import { createLogTail, LogMissingError } from '../../src/aws/logs.js';
import { listTableStats, reloadTables } from '../../src/aws/tableStats.js';
import { createReplicationTask } from '../../src/aws/taskCreate.js';
import {
  deleteTask,
  findTask,
  listNames,
  listTasks,
  modifyTaskSettings,
  startTask,
  stopTask,
  TaskNotFoundError,
} from '../../src/aws/tasks.js';
import type { CreateEndpointInput } from '../../src/model/endpointDraft.js';
import type { CreateTaskInput } from '../../src/model/taskInput.js';
import { startTestSandbox, type TestSandbox } from '../support/sandbox.js';
import { waitFor } from '../support/wait.js';
import { includeTables } from '../support/mappings.js';

const NO_TASK = 'arn:aws:dms:us-east-1:123456789012:task:NOSUCHTASK';
const NO_INSTANCE = 'arn:aws:dms:us-east-1:123456789012:rep:NOSUCHINSTANCE';

/** What a call failed with; fails the test when it did not fail. */
async function failure(call: Promise<unknown>): Promise<AwsError> {
  const outcome = await call.then(
    () => new Error('expected the call to fail'),
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(AwsError);
  return outcome as AwsError;
}

function taskInput(sb: TestSandbox, id: string): CreateTaskInput {
  return {
    ReplicationTaskIdentifier: id,
    SourceEndpointArn: sb.source,
    TargetEndpointArn: sb.targetEndpoint,
    ReplicationInstanceArn: sb.instanceArn,
    MigrationType: 'full-load',
    TableMappings: includeTables('public', '%', 'all'),
    ReplicationTaskSettings: '{}',
  };
}

function endpointInput(id: string): CreateEndpointInput {
  return {
    EndpointIdentifier: id,
    EndpointType: 'source',
    EngineName: 'postgres',
    Username: 'postgres',
    ServerName: '127.0.0.1',
    Port: 5432,
    DatabaseName: 'test',
    SslMode: 'none',
  };
}

let sb: TestSandbox;
beforeAll(async () => {
  sb = await startTestSandbox({ fakeEngine: true, endpoints: true });
});
afterAll(async () => {
  await sb?.close();
});

describe('a refusal from DMS is an AwsError with its name, its status and a readable line', () => {
  it.each([
    ['startTask', () => startTask(sb.clients, NO_TASK, 'start-replication')],
    ['stopTask', () => stopTask(sb.clients, NO_TASK)],
    ['deleteTask', () => deleteTask(sb.clients, NO_TASK)],
    ['modifyTaskSettings', () => modifyTaskSettings(sb.clients, NO_TASK, '{}')],
    ['listTableStats', () => listTableStats(sb.clients, NO_TASK)],
    [
      'reloadTables',
      () => reloadTables(sb.clients, NO_TASK, [{ schema: 'public', table: 'orders' }]),
    ],
    [
      'startConnectionTest',
      () => startConnectionTest(sb.clients, { instanceArn: NO_INSTANCE, endpointArn: sb.source }),
    ],
  ])('%s of something missing: ResourceNotFoundFault, 400', async (_name, call) => {
    const error = await failure(call());
    expect(error.code).toBe('ResourceNotFoundFault');
    expect(error.httpStatus).toBe(400);
    expect(error.transient).toBe(false);
    expect(error.message).toMatch(/not found.*\(ResourceNotFoundFault\)$/i);
    expect(error.message).not.toContain('\n');
  });

  it('stopTask of a task that is not running: InvalidResourceStateFault, 400', async () => {
    const arn = await sb.createTask('never-started');
    await waitFor(async () => expect((await findTask(sb.clients, arn)).status).toBe('ready'));
    const error = await failure(stopTask(sb.clients, arn));
    expect(error.code).toBe('InvalidResourceStateFault');
    expect(error.httpStatus).toBe(400);
    expect(error.serviceMessage).not.toBe('');
    expect(error.message).toBe(`${error.serviceMessage} (InvalidResourceStateFault)`);
  });

  it('createReplicationTask with a taken name: ResourceAlreadyExistsFault, 400', async () => {
    await createReplicationTask(sb.clients, taskInput(sb, 'taken-name'));
    const error = await failure(createReplicationTask(sb.clients, taskInput(sb, 'taken-name')));
    expect(error.code).toBe('ResourceAlreadyExistsFault');
    expect(error.httpStatus).toBe(400);
  });

  it('createEndpoint with a taken name or a bad engine: the fault DMS names, 400', async () => {
    const taken = await failure(createEndpoint(sb.clients, endpointInput('src-pg')));
    expect(taken.code).toBe('ResourceAlreadyExistsFault');
    expect(taken.httpStatus).toBe(400);
    const badEngine = await failure(
      createEndpoint(sb.clients, { ...endpointInput('bad-engine'), EngineName: 'nosuchdb' }),
    );
    expect(badEngine.code).toBe('InvalidParameterValueException');
    expect(badEngine.message).toMatch(/engine/i);
  });

  it('findTask of an unknown name: a TaskNotFoundError, which is an AwsError', async () => {
    const error = await failure(findTask(sb.clients, 'no-such-task'));
    expect(error).toBeInstanceOf(TaskNotFoundError);
    expect(error.code).toBe('ResourceNotFoundFault');
    expect(error.httpStatus).toBeUndefined();
    expect(error.message).toMatch(/No replication task "no-such-task".*--region/);
  });

  it('a missing log: a LogMissingError, which is an AwsError with CloudWatch status', async () => {
    const tail = createLogTail(sb.clients, { group: 'dms-tasks-nope', stream: 'dms-task-nope' });
    const error = await failure(tail.next());
    expect(error).toBeInstanceOf(LogMissingError);
    expect(error.code).toBe('ResourceNotFoundException');
    expect(error.httpStatus).toBe(400);
    expect((error as LogMissingError).missing).toBe('no-group');
  });

  it('reloadTables refuses too many tables itself, with the code DMS would send', async () => {
    const tables = Array.from({ length: 11 }, (_, i) => ({ schema: 's', table: `t${i}` }));
    const error = await failure(reloadTables(sb.clients, NO_TASK, tables));
    expect(error.code).toBe('InvalidParameterValueException');
    expect(error.httpStatus).toBeUndefined();
    expect(error.message).toMatch(/at most 10 tables/);
  });
});

describe('DMS throttling and server errors', () => {
  let chaotic: TestSandbox;
  let clients: AwsClients;
  beforeAll(async () => {
    chaotic = await startTestSandbox();
    clients = createAwsClients(chaotic.target, { maxAttempts: 1 });
  });
  afterAll(async () => {
    clients?.destroy();
    await chaotic?.close();
  });

  it('are transient AwsErrors with their status', async () => {
    await chaotic.restart({ chaos: 'throttle=1' });
    const throttled = await failure(describeAccountAttributes(clients));
    expect(throttled.code).toBe('ThrottlingException');
    expect(throttled.httpStatus).toBe(400);
    expect(throttled.throttling).toBe(true);
    expect(throttled.transient).toBe(true);
    expect(throttled.message).toMatch(/^Throttled by AWS/);

    await chaotic.restart({ chaos: 'error5xx=1' });
    const failed = await failure(listTasks(clients));
    expect(failed.httpStatus).toBeGreaterThanOrEqual(500);
    expect(failed.transient).toBe(true);
    expect(failed.message).toMatch(/^DMS had a server error \(\w+ 5\d\d\): try again shortly$/);
  });
});

describe('an unreachable endpoint URL', () => {
  let url: string;
  let clients: AwsClients;
  beforeAll(async () => {
    // A port that was just free: nothing listens there, so connecting is refused.
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise((resolve) => server.close(resolve));
    url = `http://127.0.0.1:${port}`;
    clients = createAwsClients(
      { sandbox: true, endpointUrl: url, region: 'us-east-1' },
      { maxAttempts: 1 },
    );
  });
  afterAll(() => clients?.destroy());

  const pair = { instanceArn: NO_INSTANCE, endpointArn: 'arn:aws:dms:::endpoint:X' };
  it.each([
    ['listTasks', () => listTasks(clients)],
    ['findTask', () => findTask(clients, 'some-task')],
    ['listNames', () => listNames(clients)],
    ['startTask', () => startTask(clients, NO_TASK, 'start-replication')],
    ['stopTask', () => stopTask(clients, NO_TASK)],
    ['deleteTask', () => deleteTask(clients, NO_TASK)],
    ['modifyTaskSettings', () => modifyTaskSettings(clients, NO_TASK, '{}')],
    ['listTableStats', () => listTableStats(clients, NO_TASK)],
    ['reloadTables', () => reloadTables(clients, NO_TASK, [{ schema: 's', table: 't' }])],
    ['listEndpoints', () => listEndpoints(clients)],
    ['createEndpoint', () => createEndpoint(clients, endpointInput('e'))],
    ['startConnectionTest', () => startConnectionTest(clients, pair)],
    ['describeConnection', () => describeConnection(clients, pair)],
    ['listReplicationInstances', () => listReplicationInstances(clients)],
    ['describeAccountAttributes', () => describeAccountAttributes(clients)],
    ['createReplicationTask', () => createReplicationTask(clients, taskInput(sb, 'x'))],
    ['createLogTail().next', () => createLogTail(clients, { group: 'g', stream: 's' }).next()],
  ])('%s: a transient AwsError saying which URL', async (_name, call) => {
    const error = await failure(call());
    expect(error.code).toBe('ECONNREFUSED');
    expect(error.httpStatus).toBeUndefined();
    expect(error.transient).toBe(true);
    expect(error.message).toBe(
      `Cannot reach ${url}: connection refused (is the endpoint URL right and the service up?)`,
    );
  });
});
