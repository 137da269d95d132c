// The sandbox against hostile transport (issue 10 item 13): only loopback Host headers, a 413
// for an over-long body rather than a reset, and an internal error answered as a plain 500 and
// logged in one line, never a stack on stderr.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CreateEndpointCommand } from '@aws-sdk/client-database-migration-service';
import { describe, expect, it } from 'vitest';
import { hostAllowed } from '../../src/sandbox/protocol/host.js';
import { HEALTH_PATH } from '../../src/sandbox/sandboxFile.js';
import { startTestSandbox } from '../support/sandbox.js';
import { fail } from './support/expectFailure.js';
import { withQuietSandbox } from './support/quietSandbox.js';
import { DMS, raw } from './support/raw.js';

const fx = withQuietSandbox();

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
    const port = new URL(fx.t.url).port;
    const evil = await raw({
      url: fx.t.url,
      target: DMS('DescribeEndpoints'),
      headers: { Host: `rebind.evil.example:${port}` },
    });
    expect(evil.status).toBe(403);
    expect(evil.headers['content-type']).toBe('application/x-amz-json-1.1');
    expect(evil.json.__type).toBe('AccessDeniedException');
    expect(evil.json.message).toContain('Host "rebind.evil.example:');
    const health = await raw({
      url: fx.t.url,
      method: 'GET',
      path: HEALTH_PATH,
      body: '',
      headers: { Host: 'evil.example' },
    });
    expect(health.status).toBe(403);
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `127.9.9.9:${port}`]) {
      const ok = await raw({
        url: fx.t.url,
        target: DMS('DescribeReplicationInstances'),
        headers: { Host: host },
      });
      expect(ok.status).toBe(200);
    }
    const none = await raw({ url: fx.t.url, target: DMS('DescribeEndpoints'), noHost: true });
    expect(none.status).toBeGreaterThanOrEqual(400);
  });
});

describe('request body over the limit', () => {
  it('a raw 20 MB request gets the 413 JSON answer, not a reset', async () => {
    const body = `{"Marker":"${'a'.repeat(20 * 1024 * 1024)}"}`;
    const r = await raw({ url: fx.t.url, target: DMS('DescribeEndpoints'), body });
    expect(r.status).toBe(413);
    expect(r.json.__type).toBe('SerializationException');
    expect(r.json.message).toBe('Request body too large: the limit is 16 MB');
    // and the sandbox goes on serving
    const after = await raw({ url: fx.t.url, target: DMS('DescribeReplicationInstances') });
    expect(after.status).toBe(200);
  });

  it('the real SDK gets a 413 SerializationException for a 17 MB member', async () => {
    const e = await fail(
      fx.t.dms.send(
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
      url: fx.t.url,
      target: DMS('DescribeEndpoints'),
      body: '{}',
      headers: { 'Content-Length': String(2 ** 40) },
    });
    expect(r.status).toBe(413);
    expect(r.headers.connection).toBe('close');
  });
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
