// The SDK paginators behind the list calls read every page from the sandbox (DMS pages hold at
// most 100 endpoints or instances and 500 table statistics), and pass the abort signal on.
// (Tasks beyond one page: test/aws/tasks.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AwsError } from '../../src/aws/call.js';
import { createEndpoint, listEndpoints } from '../../src/aws/endpoints.js';
import { listReplicationInstances } from '../../src/aws/instances.js';
import { listTableStats } from '../../src/aws/tableStats.js';
import { findTask, listNames, listTasks, startTask } from '../../src/aws/tasks.js';
import { startTestSandbox, type TestSandbox } from '../support/sandbox.js';
import { waitFor } from '../support/wait.js';

let sb: TestSandbox;
beforeAll(async () => {
  sb = await startTestSandbox({ fakeEngine: true, endpoints: true });
});
afterAll(async () => {
  await sb?.close();
});

describe('list calls read every page', () => {
  it('lists 127 endpoints (two pages) as Endpoints, and names them all', async () => {
    for (let i = 0; i < 125; i++)
      await createEndpoint(sb.clients, {
        EndpointIdentifier: `many-${String(i).padStart(3, '0')}`,
        EndpointType: i % 2 === 0 ? 'source' : 'target',
        EngineName: 'postgres',
        Username: 'postgres',
        ServerName: '127.0.0.1',
        Port: 5432,
        DatabaseName: 'test',
        SslMode: 'none',
      });
    const endpoints = await listEndpoints(sb.clients);
    expect(endpoints.length).toBe(127);
    expect(new Set(endpoints.map((e) => e.arn)).size).toBe(127);
    expect(endpoints.find((e) => e.identifier === 'many-124')).toMatchObject({
      type: 'source',
      engineName: 'postgres',
      server: '127.0.0.1',
      port: 5432,
      database: 'test',
    });
    expect(endpoints.find((e) => e.identifier === 'dst-pg')?.type).toBe('target');

    const names = await listNames(sb.clients);
    expect(names.endpoints.size).toBe(127);
    expect(names.endpoints.get(sb.source)?.identifier).toBe('src-pg');
    expect(names.instances.get(sb.instanceArn)).toEqual(
      (await listReplicationInstances(sb.clients))[0],
    );
  });

  it('reads 520 table statistics in two DescribeTableStatistics calls', async () => {
    sb.engine.tables = Array.from({ length: 520 }, (_, i) => ({
      schema: 'public',
      table: `t${String(i).padStart(3, '0')}`,
    }));
    const arn = await sb.createTask('many-tables');
    await waitFor(async () => expect((await findTask(sb.clients, arn)).status).toBe('ready'));
    await startTask(sb.clients, arn, 'start-replication');
    await waitFor(async () => expect((await findTask(sb.clients, arn)).status).toBe('stopped'));
    const { tables, calls } = await listTableStats(sb.clients, arn);
    expect(tables.length).toBe(520);
    expect(calls).toBe(2);
    expect(new Set(tables.map((t) => t.table)).size).toBe(520);
    expect(tables.every((t) => t.state === 'Table completed')).toBe(true);
  });

  it('passes the abort signal to each request', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await listTasks(sb.clients, { signal: controller.signal }).catch((e) => e);
    expect(error).toBeInstanceOf(AwsError);
    expect((error as AwsError).code).toBe('AbortError');
    const stats = await listTableStats(sb.clients, 'arn:x', { signal: controller.signal }).catch(
      (e) => e,
    );
    expect((stats as AwsError).code).toBe('AbortError');
  });
});
