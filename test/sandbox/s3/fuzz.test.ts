// Bad input to the sandbox's S3 gets S3 errors, never a crash or an internal error: random
// methods, paths, queries, headers and bodies (aws-chunked garbage, broken ranges and copy
// sources, malformed XML), from a seeded generator so a failure replays.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../../support/sandbox.js';
import { raw } from '../support/raw.js';

let t: TestSandbox;

function generator(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  return {
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
    next,
  };
}

const METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'HEAD', 'PATCH', 'OPTIONS'];
const PATHS = [
  '/',
  '/fz',
  '/fz/k',
  '/fz/a/b/c',
  '/fz/%00',
  '/fz/%ZZ',
  '/fz/..',
  '/fz/a%2F..%2Fb',
  '//',
  '/fz//k',
  '/FZ/k',
  '/fz/k/',
  '/no-bucket/k',
  `/fz/${'x'.repeat(1100)}`,
  '/fz/%C3%BC%20%C3%9F',
];
const QUERIES = [
  '',
  '?uploads',
  '?uploadId=abc&partNumber=1',
  '?uploadId=../../x&partNumber=1',
  '?delete',
  '?list-type=2&max-keys=-1',
  '?list-type=2&continuation-token=%FF',
  '?list-type=2&max-keys=abc',
  '?acl',
  '?tagging',
  '?location',
  '?versioning',
  '?partNumber=99999&uploadId=x',
  '?list-type=2&encoding-type=base64',
  '?list-type=2&delimiter=%00&prefix=a',
];
const HEADERS: Record<string, string>[] = [
  {},
  { 'Content-Encoding': 'aws-chunked', 'x-amz-decoded-content-length': '5' },
  {
    'x-amz-content-sha256': 'STREAMING-UNSIGNED-PAYLOAD-TRAILER',
    'x-amz-trailer': 'x-amz-checksum-crc32',
  },
  { Range: 'bytes=9-2' },
  { Range: 'bytes=-0' },
  { Range: 'items=1-2' },
  { 'x-amz-copy-source': '/fz/missing' },
  { 'x-amz-copy-source': '%ZZ' },
  { 'x-amz-copy-source': '/../etc/passwd' },
  { 'x-amz-copy-source-range': 'bytes=5-1', 'x-amz-copy-source': '/fz/k' },
  { 'x-amz-checksum-crc32': 'not-base64' },
  { 'x-amz-checksum-md7': 'x' },
  { 'Content-MD5': 'garbage' },
  { 'x-amz-metadata-directive': 'REPLACE', 'x-amz-copy-source': 'fz/k' },
];
const BODIES = [
  '',
  'hello',
  'zz\r\nabc\r\n0\r\n\r\n',
  '5\r\nabc',
  '3;chunk-signature=x\r\nabc\r\n0\r\nx-amz-checksum-crc32:AAAAAA==\r\n\r\n',
  '<Delete><Object><Key>k</Key></Object></Delete>',
  '<Delete>',
  '<CompleteMultipartUpload><Part><PartNumber>x</PartNumber></Part></CompleteMultipartUpload>',
  '<CreateBucketConfiguration><LocationConstraint>eu-west-1</LocationConstraint></CreateBucketConfiguration>',
];

describe("the sandbox's S3 under random bad input", () => {
  beforeAll(async () => {
    t = await startTestSandbox();
    await raw({
      url: t.url,
      method: 'PUT',
      path: '/fz',
      body: '',
      headers: { 'Content-Type': 'text/plain' },
    });
    await raw({
      url: t.url,
      method: 'PUT',
      path: '/fz/k',
      body: 'value',
      headers: { 'Content-Type': 'text/plain' },
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers 600 random requests with S3 errors or successes, never a 500, and keeps serving', async () => {
    const g = generator(20261130);
    for (let i = 0; i < 600; i++) {
      const method = g.pick(METHODS);
      const path = g.pick(PATHS) + g.pick(QUERIES);
      const headers = { 'Content-Type': 'application/octet-stream', ...g.pick(HEADERS) };
      const body = g.pick(BODIES);
      const a = await raw({ url: t.url, method, path, body, headers });
      const what = `${method} ${path} ${JSON.stringify(headers)} ${JSON.stringify(body)}`;
      expect(a.status < 500 || a.status === 501, `${what} → ${a.status} ${a.text}`).toBe(true);
      if (a.status >= 400 && method !== 'HEAD')
        expect(a.text, what).toMatch(/<Error><Code>\w+<\/Code><Message>/);
    }
    const list = await raw({
      url: t.url,
      method: 'GET',
      path: '/',
      body: '',
      headers: { 'Content-Type': 'text/plain' },
    });
    expect(list.status).toBe(200);
    const log = join(t.dataDir, 'sandbox.log');
    expect(existsSync(log) ? readFileSync(log, 'utf8') : '').toBe('');
  }, 120_000);
});
