// The sandbox against hostile requests (issue 10 item 13): only loopback Host headers, a 413
// for an over-long body rather than a reset, null list items and out-of-range endpoint fields
// answered 400 with DMS-like messages, and no stack ever on stderr.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CreateEndpointCommand,
  DescribeEndpointsCommand,
  ModifyEndpointCommand,
} from '@aws-sdk/client-database-migration-service';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { hostAllowed } from '../../src/sandbox/protocol/host.js';
import { HEALTH_PATH } from '../../src/sandbox/sandboxFile.js';
import { DMS, LOGS, raw } from './support/raw.js';
import { startTestSandbox, type TestSandbox } from '../support/sandbox.js';

let t: TestSandbox;
let stderr: string[] = [];
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(async () => {
  await t.close();
});
beforeEach(() => {
  stderr = [];
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr.push(String(chunk));
    return true;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  expect(stderr.join('')).toBe('');
});

const fail = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: unknown) => e as { name: string; message: string; $metadata?: { httpStatusCode?: number } },
  );

describe('Host header (DNS rebinding)', () => {
  it.each([
    ['127.0.0.1:18590', true],
    ['127.0.0.1', true],
    ['127.1.2.3:9', true],
    ['localhost:18590', true],
    ['LocalHost', true],
    ['[::1]:18590', true],
    ['[::ffff:127.0.0.1]:1', true],
    ['evil.example:18590', false],
    ['127.0.0.1.nip.io:18590', false],
    ['localhost.evil.example', false],
    ['127.0.0.1@evil.example', false],
    ['10.0.0.5:18590', false],
    ['', false],
    ['127.0.0.1:99999', false],
  ])('%s allowed: %s', (host, allowed) => {
    expect(hostAllowed(host, '127.0.0.1')).toBe(allowed);
  });

  it('accepts the address the sandbox was bound to, not what a wildcard bind reaches', () => {
    expect(hostAllowed('10.0.0.5:18590', '10.0.0.5')).toBe(true);
    expect(hostAllowed('0.0.0.0:18590', '0.0.0.0')).toBe(true);
    expect(hostAllowed('10.0.0.5:18590', '0.0.0.0')).toBe(false);
    expect(hostAllowed('evil.example', '::')).toBe(false);
    expect(hostAllowed('[::]:18590', '::')).toBe(true);
  });

  it('answers 403 with a JSON error for a foreign Host, and serves loopback names', async () => {
    const port = new URL(t.url).port;
    const evil = await raw({
      url: t.url,
      target: DMS('DescribeEndpoints'),
      headers: { Host: `rebind.evil.example:${port}` },
    });
    expect(evil.status).toBe(403);
    expect(evil.headers['content-type']).toBe('application/x-amz-json-1.1');
    expect(evil.json.__type).toBe('AccessDeniedException');
    expect(evil.json.message).toContain('Host "rebind.evil.example:');
    const health = await raw({
      url: t.url,
      method: 'GET',
      path: HEALTH_PATH,
      body: '',
      headers: { Host: 'evil.example' },
    });
    expect(health.status).toBe(403);
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `127.9.9.9:${port}`]) {
      const ok = await raw({
        url: t.url,
        target: DMS('DescribeReplicationInstances'),
        headers: { Host: host },
      });
      expect(ok.status).toBe(200);
    }
    const none = await raw({ url: t.url, target: DMS('DescribeEndpoints'), noHost: true });
    expect(none.status).toBeGreaterThanOrEqual(400);
  });
});

describe('request body over the limit', () => {
  it('a raw 20 MB request gets the 413 JSON answer, not a reset', async () => {
    const body = `{"Marker":"${'a'.repeat(20 * 1024 * 1024)}"}`;
    const r = await raw({ url: t.url, target: DMS('DescribeEndpoints'), body });
    expect(r.status).toBe(413);
    expect(r.json.__type).toBe('SerializationException');
    expect(r.json.message).toBe('Request body too large: the limit is 16 MB');
    // and the sandbox goes on serving
    const after = await raw({ url: t.url, target: DMS('DescribeReplicationInstances') });
    expect(after.status).toBe(200);
  });

  it('the real SDK gets a 413 SerializationException for a 17 MB member', async () => {
    const e = await fail(
      t.dms.send(
        new CreateEndpointCommand({
          EndpointIdentifier: 'too-big',
          EndpointType: 'source',
          EngineName: 'postgres',
          ExtraConnectionAttributes: 'x'.repeat(17 * 1024 * 1024),
        }),
      ),
    );
    expect(e.name).toBe('SerializationException');
    expect(e.$metadata?.httpStatusCode).toBe(413);
  });

  it('a declared body far too large to drain is answered at once and the connection closed', async () => {
    const r = await raw({
      url: t.url,
      target: DMS('DescribeEndpoints'),
      body: '{}',
      headers: { 'Content-Length': String(2 ** 40) },
    });
    expect(r.status).toBe(413);
    expect(r.headers.connection).toBe('close');
  });
});

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
    const r = await raw({ url: t.url, target, body: JSON.stringify(body) });
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
    const instances = await raw({ url: t.url, target: DMS('DescribeReplicationInstances') });
    base.ReplicationInstanceArn = (
      instances.json.ReplicationInstances as { ReplicationInstanceArn: string }[]
    )[0]!.ReplicationInstanceArn;
    const rules = await raw({
      url: t.url,
      target: DMS('CreateReplicationTask'),
      body: JSON.stringify({ ...base, TableMappings: '{"rules":[null]}' }),
    });
    expect(rules.status).toBe(400);
    expect(rules.json).toMatchObject({
      __type: 'InvalidParameterValueException',
      message: 'Invalid Table Mappings document: rule 1 must be an object, not null',
    });
    const include = JSON.stringify({
      rules: [
        {
          'rule-type': 'selection',
          'rule-id': '1',
          'rule-name': '1',
          'object-locator': { 'schema-name': 'public', 'table-name': '%' },
          'rule-action': 'include',
        },
      ],
    });
    const logging = await raw({
      url: t.url,
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
  const found = await t.dms
    .send(new DescribeEndpointsCommand({ Filters: [{ Name: 'endpoint-id', Values: [id] }] }))
    .then((o) => o.Endpoints?.[0]?.EndpointArn)
    .catch(() => undefined);
  if (found) return found;
  const out = await t.dms.send(
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
      url: t.url,
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
    const created = await t.dms.send(
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
      t.dms.send(
        new ModifyEndpointCommand({ EndpointArn: arn, ServerName: 'other.local', Port: 70000 }),
      ),
    );
    expect(e.name).toBe('InvalidParameterValueException');
    const ssl = await fail(
      t.dms.send(
        new ModifyEndpointCommand({
          EndpointArn: arn,
          ServerName: 'other.local',
          SslMode: 'bogus' as never,
        }),
      ),
    );
    expect(ssl.name).toBe('InvalidParameterValueException');
    const after = await t.dms.send(
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
      url: t.url,
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

describe('internal errors', () => {
  it('are one line in sandbox.log and a plain 500, never a stack on stderr', async () => {
    const other = await startTestSandbox();
    try {
      // A state file damaged by hand: entries that are not objects are dropped on load, but an
      // endpoint whose ARN is a number gets as far as a handler.
      await other.sandbox.close();
      const statePath = join(other.dataDir, 'state.json');
      const state = JSON.parse(readFileSync(statePath, 'utf8')) as { endpoints: unknown[] };
      state.endpoints.push(null, 7, { arn: 7, identifier: 'broken', status: 'active' });
      writeFileSync(statePath, JSON.stringify(state));
      const again = await startTestSandbox({ dataDir: other.dataDir });
      try {
        const r = await raw({ url: again.url, target: DMS('DescribeEndpoints') });
        expect(r.status).toBe(500);
        expect(r.json).toEqual({
          __type: 'InternalFailure',
          message: 'Internal failure in the sandbox (see sandbox.log in its data dir)',
        });
        const log = readFileSync(join(other.dataDir, 'sandbox.log'), 'utf8');
        expect(log.trim().split('\n')).toHaveLength(1);
        expect(log).toMatch(
          /sandbox: internal error in DescribeEndpoints: arn.split is not a function \(at regionOf/,
        );
      } finally {
        await again.close();
      }
    } finally {
      other.dms.destroy();
      other.logs.destroy();
    }
  });
});
