// The wire protocol: AWS JSON 1.1 dispatch, error bodies, timestamps, SigV4 region, chaos.
import {
  DescribeAccountAttributesCommand,
  DescribeReplicationInstancesCommand,
  DescribeReplicationTasksCommand,
  DatabaseMigrationServiceClient,
} from '@aws-sdk/client-database-migration-service';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DUMMY_CREDENTIALS, startTestSandbox, type TestSandbox } from '../support/sandbox.js';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(async () => {
  await t.close();
});

async function post(target: string | undefined, body: string) {
  const headers: Record<string, string> = { 'Content-Type': 'application/x-amz-json-1.1' };
  if (target) headers['X-Amz-Target'] = target;
  const res = await fetch(`${t.url}/`, { method: 'POST', headers, body });
  return {
    status: res.status,
    headers: res.headers,
    json: (await res.json()) as Record<string, unknown>,
  };
}

describe('sandbox protocol', () => {
  it('answers a DMS call with 200, the JSON 1.1 content type and a request id', async () => {
    const r = await post('AmazonDMSv20160101.DescribeReplicationInstances', '{}');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/x-amz-json-1.1');
    expect(r.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    const instance = (r.json.ReplicationInstances as Record<string, unknown>[])[0]!;
    expect(instance.ReplicationInstanceIdentifier).toBe('sandbox');
    expect(typeof instance.InstanceCreateTime).toBe('number');
    expect(instance.InstanceCreateTime as number).toBeLessThan(Date.now() / 1000 + 1);
    expect(instance.InstanceCreateTime as number).toBeGreaterThan(Date.now() / 1000 - 3600);
    expect(JSON.stringify(r.json)).not.toContain('null');
  });

  it('rejects an unknown operation, a missing target and malformed JSON as AWS does', async () => {
    const unknown = await post('AmazonDMSv20160101.DescribeUnicorns', '{}');
    expect(unknown.status).toBe(400);
    expect(unknown.json.__type).toBe('UnknownOperationException');
    expect(unknown.headers.get('x-amzn-errortype')).toBe('UnknownOperationException');
    const missing = await post(undefined, '{}');
    expect(missing.json.__type).toBe('UnknownOperationException');
    const malformed = await post('AmazonDMSv20160101.DescribeEndpoints', '{"Filters": [');
    expect(malformed.status).toBe(400);
    expect(malformed.json.__type).toBe('SerializationException');
    const wrongType = await post('AmazonDMSv20160101.DescribeEndpoints', '{"MaxRecords": "lots"}');
    expect(wrongType.json.__type).toBe('SerializationException');
  });

  it('answers a missing required member with the validation error', async () => {
    const dms = await post('AmazonDMSv20160101.StartReplicationTask', '{}');
    expect(dms.status).toBe(400);
    expect(dms.json.__type).toBe('InvalidParameterValueException');
    expect(dms.json.message).toContain(
      "Value null at 'replicationTaskArn' failed to satisfy constraint: Member must not be null",
    );
    const logs = await post('Logs_20140328.GetLogEvents', '{"logGroupName": "g"}');
    expect(logs.json.__type).toBe('InvalidParameterException');
    expect(logs.json.message).toContain("'logStreamName'");
    const limit = await post(
      'Logs_20140328.GetLogEvents',
      '{"logGroupName": "g", "logStreamName": "s", "limit": 0}',
    );
    expect(limit.json.message).toContain('Member must have value greater than or equal to 1');
  });

  it('takes the region from the SigV4 scope and puts it in ARNs', async () => {
    const client = new DatabaseMigrationServiceClient({
      endpoint: t.url,
      region: 'eu-west-3',
      credentials: DUMMY_CREDENTIALS,
    });
    const out = await client.send(new DescribeReplicationInstancesCommand({}));
    expect(out.ReplicationInstances?.[0]?.ReplicationInstanceArn).toMatch(
      /^arn:aws:dms:eu-west-3:000000000000:rep:[A-Z2-7]{26}$/,
    );
    expect(out.ReplicationInstances?.[0]?.InstanceCreateTime).toBeInstanceOf(Date);
    client.destroy();
  });

  it('gives SDK errors the modeled class, code and HTTP status', async () => {
    const error = (await t.dms
      .send(new DescribeReplicationTasksCommand({}))
      .catch((e: unknown) => e)) as {
      name: string;
      message: string;
      $metadata: { httpStatusCode: number };
    };
    expect(error.name).toBe('ResourceNotFoundFault');
    expect(error.message).toBe('No Tasks found matching provided filters');
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it('checks MaxRecords before answering that nothing matched', async () => {
    const r = await post('AmazonDMSv20160101.DescribeEndpoints', '{"MaxRecords": 5}');
    expect(r.json.__type).toBe('InvalidParameterValueException');
    const empty = await post(
      'AmazonDMSv20160101.DescribeEndpoints',
      '{"MaxRecords": 0, "Marker": ""}',
    );
    expect(empty.json.__type).toBe('ResourceNotFoundFault');
  });

  it('describes account quotas', async () => {
    const out = await t.dms.send(new DescribeAccountAttributesCommand({}));
    const names = out.AccountQuotas?.map((q) => q.AccountQuotaName);
    expect(names).toContain('ReplicationTasks');
    expect(names).toContain('Endpoints');
  });
});

describe('sandbox chaos', () => {
  it('throttles, fails and drops calls as the spec says', async () => {
    const throttled = await startTestSandbox({ chaos: 'throttle=1' });
    const e1 = await throttled.dms.send(new DescribeReplicationInstancesCommand({})).then(
      () => ({ name: '', message: '' }),
      (e: unknown) => e as { name: string; message: string },
    );
    expect(e1.name).toBe('ThrottlingException');
    expect(e1.message).toBe('Rate exceeded');
    await throttled.close();

    const failing = await startTestSandbox({ chaos: 'error5xx=1' });
    const e2 = await failing.dms.send(new DescribeReplicationInstancesCommand({})).then(
      () => ({ $metadata: { httpStatusCode: 200 } }),
      (e: unknown) => e as { $metadata: { httpStatusCode: number } },
    );
    expect([500, 503]).toContain(e2.$metadata.httpStatusCode);
    await failing.close();

    const dropping = await startTestSandbox({ chaos: 'reset=1,latency=5-20' });
    const e3 = await dropping.dms.send(new DescribeReplicationInstancesCommand({})).then(
      () => new Error('no error'),
      (e: unknown) => e as Error,
    );
    expect(e3).toBeInstanceOf(Error);
    expect(String((e3 as { code?: string }).code ?? e3.message)).toMatch(
      /ECONNRESET|socket hang up/i,
    );
    await dropping.close();
  });

  it('refuses a bad chaos spec', async () => {
    await expect(startTestSandbox({ chaos: 'throttle=2' })).rejects.toThrow(/between 0 and 1/);
  });
});
