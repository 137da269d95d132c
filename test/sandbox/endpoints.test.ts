// Endpoints, instances and connection tests through the real SDK client.
import {
  CreateEndpointCommand,
  DeleteEndpointCommand,
  DescribeConnectionsCommand,
  DescribeEndpointsCommand,
  DescribeReplicationInstancesCommand,
  ModifyEndpointCommand,
  TestConnectionCommand,
} from '@aws-sdk/client-database-migration-service';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverAvailable } from '../support/servers.js';
import { startTestSandbox, type TestSandbox } from '../support/sandbox.js';
import { waitFor } from '../support/wait.js';

const pg = await serverAvailable('postgres');

let t: TestSandbox;
let instanceArn: string;
beforeAll(async () => {
  t = await startTestSandbox();
  const out = await t.dms.send(new DescribeReplicationInstancesCommand({}));
  instanceArn = out.ReplicationInstances![0]!.ReplicationInstanceArn!;
});
afterAll(async () => {
  await t.close();
});

const fail = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: unknown) => e as { name: string; message: string; resourceArn?: string },
  );

describe('sandbox endpoints', () => {
  it('creates an endpoint and echoes it without the password', async () => {
    const out = await t.dms.send(
      new CreateEndpointCommand({
        EndpointIdentifier: 'src-one',
        EndpointType: 'source',
        EngineName: 'postgres',
        ServerName: 'db.example.com',
        Port: 5432,
        DatabaseName: 'sales',
        Username: 'app',
        Password: 'hunter2',
        PostgreSQLSettings: { HeartbeatEnable: true },
      }),
    );
    const e = out.Endpoint!;
    expect(e.EndpointType).toBe('SOURCE');
    expect(e.EngineDisplayName).toBe('PostgreSQL');
    expect(e.Status).toBe('active');
    expect(e.EndpointArn).toMatch(/^arn:aws:dms:us-east-1:000000000000:endpoint:[A-Z2-7]{26}$/);
    expect(e.PostgreSQLSettings?.HeartbeatEnable).toBe(true);
    expect(JSON.stringify(out)).not.toContain('hunter2');
    const described = await t.dms.send(
      new DescribeEndpointsCommand({ Filters: [{ Name: 'endpoint-id', Values: ['src-one'] }] }),
    );
    expect(described.Endpoints).toHaveLength(1);
    expect(JSON.stringify(described)).not.toContain('hunter2');
  });

  it('rejects bad identifiers, engines, types and duplicates', async () => {
    const base = { EndpointType: 'target' as const, EngineName: 'postgres' };
    for (const id of ['1abc', 'a--b', 'ab-', 'a_b']) {
      const e = await fail(
        t.dms.send(new CreateEndpointCommand({ ...base, EndpointIdentifier: id })),
      );
      expect(e.name).toBe('InvalidParameterValueException');
      expect(e.message).toContain('EndpointIdentifier');
    }
    const engine = await fail(
      t.dms.send(
        new CreateEndpointCommand({ ...base, EndpointIdentifier: 'x1', EngineName: 'cassandra' }),
      ),
    );
    expect(engine.message).toBe('Invalid engine name: cassandra');
    const dup = await fail(
      t.dms.send(new CreateEndpointCommand({ ...base, EndpointIdentifier: 'SRC-ONE' })),
    );
    expect(dup.name).toBe('ResourceAlreadyExistsFault');
    expect(dup.resourceArn).toMatch(/:endpoint:/);
    const missing = await fail(
      t.dms.send(new CreateEndpointCommand({ EndpointIdentifier: 'x2' } as never)),
    );
    expect(missing.name).toBe('InvalidParameterValueException');
    expect(missing.message).toContain("'endpointType'");
  });

  it('filters, modifies and deletes endpoints', async () => {
    const none = await fail(
      t.dms.send(
        new DescribeEndpointsCommand({ Filters: [{ Name: 'endpoint-type', Values: ['target'] }] }),
      ),
    );
    expect(none.name).toBe('ResourceNotFoundFault');
    expect(none.message).toBe('No Endpoints found matching provided filters');
    const badFilter = await fail(
      t.dms.send(new DescribeEndpointsCommand({ Filters: [{ Name: 'colour', Values: ['red'] }] })),
    );
    expect(badFilter.name).toBe('InvalidParameterValueException');
    const list = await t.dms.send(new DescribeEndpointsCommand({}));
    const arn = list.Endpoints![0]!.EndpointArn!;
    const modified = await t.dms.send(
      new ModifyEndpointCommand({
        EndpointArn: arn,
        Port: 6543,
        EndpointIdentifier: 'src-renamed',
      }),
    );
    expect(modified.Endpoint?.Port).toBe(6543);
    expect(modified.Endpoint?.EndpointIdentifier).toBe('src-renamed');
    const deleted = await t.dms.send(new DeleteEndpointCommand({ EndpointArn: arn }));
    expect(deleted.Endpoint?.Status).toBe('deleting');
    await waitFor(() => t.dms.send(new DescribeEndpointsCommand({})).catch((e: Error) => e.name), {
      until: (r) => r === 'ResourceNotFoundFault',
      what: 'endpoint gone',
      timeout: 30_000,
    });
    const gone = await fail(t.dms.send(new ModifyEndpointCommand({ EndpointArn: arn, Port: 1 })));
    expect(gone.name).toBe('ResourceNotFoundFault');
  });

  it('describes the ready instance and refuses unknown filters', async () => {
    const out = await t.dms.send(
      new DescribeReplicationInstancesCommand({
        Filters: [{ Name: 'replication-instance-id', Values: ['sandbox'] }],
      }),
    );
    expect(out.ReplicationInstances?.[0]?.ReplicationInstanceStatus).toBe('available');
    const none = await fail(
      t.dms.send(
        new DescribeReplicationInstancesCommand({
          Filters: [{ Name: 'replication-instance-id', Values: ['other'] }],
        }),
      ),
    );
    expect(none.name).toBe('ResourceNotFoundFault');
  });
});

describe('sandbox TestConnection', () => {
  async function endpoint(id: string, fields: Record<string, unknown>) {
    const out = await t.dms.send(
      new CreateEndpointCommand({
        EndpointIdentifier: id,
        EndpointType: 'source',
        ...fields,
      } as never),
    );
    return out.Endpoint!.EndpointArn!;
  }
  async function test(arn: string) {
    const started = await t.dms.send(
      new TestConnectionCommand({ EndpointArn: arn, ReplicationInstanceArn: instanceArn }),
    );
    expect(started.Connection?.Status).toBe('testing');
    const done = await waitFor(
      () =>
        t.dms.send(
          new DescribeConnectionsCommand({ Filters: [{ Name: 'endpoint-arn', Values: [arn] }] }),
        ),
      {
        until: (r) => r.Connections?.[0]?.Status !== 'testing',
        what: 'connection test',
        timeout: 30_000,
      },
    );
    return done.Connections![0]!;
  }

  it.skipIf(!pg.ok)(`connects to a real PostgreSQL (${pg.reason})`, async () => {
    const arn = await endpoint('pg-ok', {
      EngineName: 'postgres',
      ServerName: pg.spec.host,
      Port: pg.spec.port,
      DatabaseName: pg.spec.database,
      Username: pg.spec.user,
      Password: pg.spec.password,
    });
    const c = await test(arn);
    expect(c.Status).toBe('successful');
    expect(c.EndpointIdentifier).toBe('pg-ok');
    expect(c.ReplicationInstanceIdentifier).toBe('sandbox');
  });

  it('reports the driver error when the connection fails', async () => {
    const arn = await endpoint('pg-closed', {
      EngineName: 'postgres',
      ServerName: '127.0.0.1',
      Port: 1,
      DatabaseName: 'x',
      Username: 'u',
      Password: 'pw-secret',
    });
    const c = await test(arn);
    expect(c.Status).toBe('failed');
    expect(c.LastFailureMessage).toContain('Connection refused by 127.0.0.1:1');
    expect(c.LastFailureMessage).toMatch(/^Error Details: \[errType=ERROR_RESPONSE/);
    expect(c.LastFailureMessage).not.toContain('pw-secret');
    const oracle = await test(
      await endpoint('ora', { EngineName: 'oracle', ServerName: 'h', Port: 1521 }),
    );
    expect(oracle.Status).toBe('failed');
    expect(oracle.LastFailureMessage).toContain('cannot connect to oracle');
  });

  it('refuses unknown endpoints and instances', async () => {
    const e = await fail(
      t.dms.send(
        new TestConnectionCommand({
          EndpointArn: 'arn:aws:dms:us-east-1:000000000000:endpoint:NOPE',
          ReplicationInstanceArn: instanceArn,
        }),
      ),
    );
    expect(e.name).toBe('ResourceNotFoundFault');
    const list = await t.dms.send(new DescribeEndpointsCommand({}));
    const i = await fail(
      t.dms.send(
        new TestConnectionCommand({
          EndpointArn: list.Endpoints![0]!.EndpointArn!,
          ReplicationInstanceArn: 'arn:aws:dms:us-east-1:000000000000:rep:NOPE',
        }),
      ),
    );
    expect(i.name).toBe('ResourceNotFoundFault');
  });
});
