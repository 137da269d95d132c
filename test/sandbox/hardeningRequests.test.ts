// The sandbox against hostile request bodies (issue 10 item 13): null list items and
// out-of-range endpoint fields and timestamps answered 400 with DMS-like messages, and no
// stack ever on stderr.
import {
  CreateEndpointCommand,
  DescribeEndpointsCommand,
  ModifyEndpointCommand,
} from '@aws-sdk/client-database-migration-service';
import { describe, expect, it } from 'vitest';
import { fail } from './support/expectFailure.js';
import { withQuietSandbox } from './support/quietSandbox.js';
import { DMS, LOGS, raw } from './support/raw.js';
import { includeTables } from '../support/mappings.js';

const fx = withQuietSandbox();

describe('null items in lists and documents', () => {
  it.each([
    [
      DMS('DescribeEndpoints'),
      { Filters: [null] },
      "Value null at 'filters.1.member' failed to satisfy constraint: Member must not be null",
    ],
    [
      DMS('DescribeReplicationTasks'),
      { Filters: [{ Name: 'replication-task-id', Values: ['a', null] }] },
      "Value null at 'filters.1.member.values.2.member' failed to satisfy constraint: Member must not be null",
    ],
    [
      DMS('CreateEndpoint'),
      { EndpointIdentifier: 'nt', EndpointType: 'source', EngineName: 'postgres', Tags: [null] },
      "Value null at 'tags.1.member' failed to satisfy constraint: Member must not be null",
    ],
    [
      LOGS('FilterLogEvents'),
      { logGroupName: 'g', logStreamNames: [null] },
      "Value null at 'logStreamNames.1.member' failed to satisfy constraint: Member must not be null",
    ],
  ])('%s %j', async (target, body, message) => {
    const r = await raw({ url: fx.t.url, target, body: JSON.stringify(body) });
    expect(r.status).toBe(400);
    expect(r.json.__type).toMatch(/^InvalidParameter(Value)?Exception$/);
    expect(r.json.message).toBe(`1 validation error detected: ${message}`);
  });

  it('null TableMappings rules and LogComponents are refused with the document error', async () => {
    const base = {
      ReplicationTaskIdentifier: 'nulls',
      SourceEndpointArn: await endpointArn('source'),
      TargetEndpointArn: await endpointArn('target'),
      ReplicationInstanceArn: 'arn:aws:dms:us-east-1:000000000000:rep:SANDBOX',
      MigrationType: 'full-load',
    };
    const instances = await raw({ url: fx.t.url, target: DMS('DescribeReplicationInstances') });
    base.ReplicationInstanceArn = (
      instances.json.ReplicationInstances as { ReplicationInstanceArn: string }[]
    )[0]!.ReplicationInstanceArn;
    const rules = await raw({
      url: fx.t.url,
      target: DMS('CreateReplicationTask'),
      body: JSON.stringify({ ...base, TableMappings: '{"rules":[null]}' }),
    });
    expect(rules.status).toBe(400);
    expect(rules.json).toMatchObject({
      __type: 'InvalidParameterValueException',
      message: 'Invalid Table Mappings document: rule 1 must be an object, not null',
    });
    const include = includeTables('public');
    const logging = await raw({
      url: fx.t.url,
      target: DMS('CreateReplicationTask'),
      body: JSON.stringify({
        ...base,
        TableMappings: include,
        ReplicationTaskSettings: JSON.stringify({ Logging: { LogComponents: [null] } }),
      }),
    });
    expect(logging.status).toBe(400);
    expect(logging.json).toMatchObject({ __type: 'InvalidParameterValueException' });
    expect(logging.json.message).toMatch(/task settings/i);
  });
});

async function endpointArn(type: 'source' | 'target'): Promise<string> {
  const id = `null-${type}`;
  const found = await fx.t.dms
    .send(new DescribeEndpointsCommand({ Filters: [{ Name: 'endpoint-id', Values: [id] }] }))
    .then((o) => o.Endpoints?.[0]?.EndpointArn)
    .catch(() => undefined);
  if (found) return found;
  const out = await fx.t.dms.send(
    new CreateEndpointCommand({
      EndpointIdentifier: id,
      EndpointType: type,
      EngineName: 'postgres',
    }),
  );
  return out.Endpoint!.EndpointArn!;
}

describe('CreateEndpoint and ModifyEndpoint field checks', () => {
  const create = (extra: Record<string, unknown>, id = 'chk') =>
    raw({
      url: fx.t.url,
      target: DMS('CreateEndpoint'),
      body: JSON.stringify({
        EndpointIdentifier: id,
        EndpointType: 'source',
        EngineName: 'postgres',
        ...extra,
      }),
    });

  it.each([0, -1, 65536, 70000, 2 ** 31 - 1])('Port %s is refused', async (port) => {
    const r = await create({ Port: port });
    expect(r.status).toBe(400);
    expect(r.json).toEqual({
      __type: 'InvalidParameterValueException',
      message: `Invalid value for Port: ${port}. The port must be an integer from 1 to 65535.`,
    });
  });

  it.each([1.5, '5432', true, 2 ** 31, 1e300])(
    'Port %s is not an integer: SerializationException',
    async (port) => {
      const r = await create({ Port: port });
      expect(r.status).toBe(400);
      expect(r.json.__type).toBe('SerializationException');
    },
  );

  it('checks the Port inside engine settings too', async () => {
    const r = await create({ PostgreSQLSettings: { Port: 0 } });
    expect(r.json.message).toBe(
      'Invalid value for PostgreSQLSettings.Port: 0. The port must be an integer from 1 to 65535.',
    );
  });

  it('caps ServerName at 255 and DatabaseName at 128 characters', async () => {
    expect(
      (await create({ ServerName: 'h'.repeat(255), DatabaseName: 'd'.repeat(128) }, 'fits')).status,
    ).toBe(200);
    const server = await create({ ServerName: 'h'.repeat(256) });
    expect(server.json).toEqual({
      __type: 'InvalidParameterValueException',
      message: `1 validation error detected: Value '${'h'.repeat(256)}' at 'serverName' failed to satisfy constraint: Member must have length less than or equal to 255`,
    });
    const huge = await create({
      ServerName: 'h'.repeat(1024 * 1024),
      DatabaseName: 'd'.repeat(129),
    });
    expect(huge.status).toBe(400);
    expect(huge.json.message).toBe(
      `2 validation errors detected: Value at 'serverName' failed to satisfy constraint: Member must have length less than or equal to 255; Value '${'d'.repeat(129)}' at 'databaseName' failed to satisfy constraint: Member must have length less than or equal to 128`,
    );
    expect(huge.text.length).toBeLessThan(1000);
  });

  it('never repeats a password in a message', async () => {
    const r = await create({ Password: `secret-${'p'.repeat(5000)}` });
    expect(r.status).toBe(400);
    expect(r.text).not.toContain('secret-');
    expect(r.json.message).toContain("Value at 'password'");
  });

  it('ModifyEndpoint checks the same fields and changes nothing when one is wrong', async () => {
    const created = await fx.t.dms.send(
      new CreateEndpointCommand({
        EndpointIdentifier: 'modify-me',
        EndpointType: 'source',
        EngineName: 'postgres',
        ServerName: 'db.local',
        Port: 5432,
      }),
    );
    const arn = created.Endpoint!.EndpointArn!;
    const e = await fail(
      fx.t.dms.send(
        new ModifyEndpointCommand({ EndpointArn: arn, ServerName: 'other.local', Port: 70000 }),
      ),
    );
    expect(e.name).toBe('InvalidParameterValueException');
    const ssl = await fail(
      fx.t.dms.send(
        new ModifyEndpointCommand({
          EndpointArn: arn,
          ServerName: 'other.local',
          SslMode: 'bogus' as never,
        }),
      ),
    );
    expect(ssl.name).toBe('InvalidParameterValueException');
    const after = await fx.t.dms.send(
      new DescribeEndpointsCommand({ Filters: [{ Name: 'endpoint-arn', Values: [arn] }] }),
    );
    expect(after.Endpoints?.[0]).toMatchObject({ ServerName: 'db.local', Port: 5432 });
  });

  it('a null member is absent, not stored as null', async () => {
    const r = await create({ Port: null, ServerName: null }, 'absent-members');
    expect(r.status).toBe(200);
    expect(JSON.stringify(r.json)).not.toContain('null');
    expect(r.json.Endpoint).not.toHaveProperty('Port');
  });
});

describe('timestamps', () => {
  const start = (cdc: unknown) =>
    raw({
      url: fx.t.url,
      target: DMS('StartReplicationTask'),
      body: JSON.stringify({
        ReplicationTaskArn: 'arn:aws:dms:us-east-1:000000000000:task:NOPE',
        StartReplicationTaskType: 'start-replication',
        CdcStartTime: cdc,
      }),
    });
  it.each(['yesterday', '2026-13-45T99:00:00Z', {}, [], true, 'x'.repeat(5000)])(
    'CdcStartTime %j is a SerializationException',
    async (cdc) => {
      const r = await start(cdc);
      expect(r.status).toBe(400);
      expect(r.json.__type).toBe('SerializationException');
    },
  );
  it.each([1764000000, '1764000000', '2026-11-24T16:08:30Z'])(
    'CdcStartTime %j is read (the task is then not found)',
    async (cdc) => {
      const r = await start(cdc);
      expect(r.json.__type).toBe('ResourceNotFoundFault');
    },
  );
});
