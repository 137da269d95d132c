// The app's S3 client (src/aws/s3.ts) against the sandbox's S3, and the SDK as the agent will
// meet it: a stream upload with the SDK's default flexible checksums (aws-chunked with a CRC32
// trailer) stored byte for byte, lib-storage multipart uploads, paging past 1,000 keys,
// deleting a prefix, ranges; and where the client sends its calls.
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AwsError } from '../../src/aws/call.js';
import { type AppS3, createS3, s3EndpointFor } from '../../src/aws/s3.js';
import { sandboxTarget } from '../../src/model/awsTarget.js';
import { DUMMY_CREDENTIALS, startTestSandbox, type TestSandbox } from '../support/sandbox.js';

let t: TestSandbox;
let s3: AppS3;

/** A stream of `bytes` in small chunks, of unknown length to the SDK. */
function streamOf(bytes: Buffer, chunk = 64 * 1024): Readable {
  return Readable.from(
    (function* () {
      for (let i = 0; i < bytes.length; i += chunk) yield bytes.subarray(i, i + chunk);
    })(),
  );
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

describe("the app's S3 client against the sandbox", () => {
  beforeAll(async () => {
    t = await startTestSandbox();
    s3 = createS3(sandboxTarget(t.url));
    await s3.ensureBucket('agent-staging');
    await s3.ensureBucket('agent-staging'); // a second time is fine
  });
  afterAll(async () => {
    s3?.destroy();
    await t?.close();
  });

  it("stores a stream sent with the SDK's default checksums (aws-chunked, CRC32 trailer) exactly", async () => {
    const raw = new S3Client({
      endpoint: t.url,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: DUMMY_CREDENTIALS,
      maxAttempts: 1,
    });
    const bytes = Buffer.from('I,1,"a ""quoted"" value"\nI,2,\\N\n'.repeat(5000));
    let sent: Record<string, string> = {};
    raw.middlewareStack.add(
      (next) => async (args) => {
        sent = (args.request as { headers: Record<string, string> }).headers;
        return next(args);
      },
      { step: 'finalizeRequest', name: 'seeHeaders' },
    );
    const out = await raw.send(
      new PutObjectCommand({
        Bucket: 'agent-staging',
        Key: 'chunked/LOAD00000001.csv',
        Body: streamOf(bytes, 1000),
        ContentLength: bytes.length,
      }),
    );
    raw.destroy();
    expect(sent['content-encoding']).toContain('aws-chunked');
    expect(sent['x-amz-trailer']).toBe('x-amz-checksum-crc32');
    expect(out.ETag).toBe(`"${createHash('md5').update(bytes).digest('hex')}"`);
    const file = join(t.dataDir, 's3', 'agent-staging', 'chunked', 'LOAD00000001.csv');
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it('uploads a stream of unknown length in parts with lib-storage and reads it back', async () => {
    const bytes = randomBytes(17 * 1024 * 1024 + 3);
    const seen: number[] = [];
    const { etag } = await s3.putStream(
      'agent-staging',
      'f/hr/emp/LOAD00000002.csv.gz',
      streamOf(bytes),
      {
        partSize: 5 * 1024 * 1024,
        onProgress: (n) => seen.push(n),
      },
    );
    expect(etag).toMatch(/^"[0-9a-f]{32}-4"$/);
    expect(seen.at(-1)).toBe(bytes.length);
    const head = await s3.head('agent-staging', 'f/hr/emp/LOAD00000002.csv.gz');
    expect(head).toMatchObject({ size: bytes.length, etag });
    const back = await readAll(await s3.getStream('agent-staging', 'f/hr/emp/LOAD00000002.csv.gz'));
    expect(back.equals(bytes)).toBe(true);
    const part = await readAll(
      await s3.getStream('agent-staging', 'f/hr/emp/LOAD00000002.csv.gz', 'bytes=100-199'),
    );
    expect(part.equals(bytes.subarray(100, 200))).toBe(true);
    expect(await s3.head('agent-staging', 'f/hr/emp/missing')).toBeNull();
  });

  it('lists a prefix of more than 1,000 keys across pages and deletes it', async () => {
    const keys = Array.from(
      { length: 1003 },
      (_, i) => `many/t/LOAD${String(i).padStart(8, '0')}.csv`,
    );
    for (let i = 0; i < keys.length; i += 50)
      await Promise.all(
        keys.slice(i, i + 50).map((k) => s3.putStream('agent-staging', k, `${k}\n`)),
      );
    const listed: string[] = [];
    for await (const o of s3.list('agent-staging', 'many/')) listed.push(o.key);
    expect(listed).toEqual(keys);
    expect(await s3.deletePrefix('agent-staging', 'many/')).toBe(1003);
    const left: string[] = [];
    for await (const o of s3.list('agent-staging', 'many/')) left.push(o.key);
    expect(left).toEqual([]);
  });

  it('says what is wrong in one line: a missing bucket, a refused key', async () => {
    const missing = await s3.putStream('no-such-bucket', 'k', 'x').catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(AwsError);
    expect((missing as AwsError).code).toBe('NoSuchBucket');
    expect(await s3.bucketExists('no-such-bucket')).toBe(false);
    const bad = await s3.putStream('agent-staging', 'a/../b', 'x').catch((e: unknown) => e);
    expect((bad as AwsError).code).toBe('InvalidArgument');
    expect((bad as AwsError).message).toContain('".." path segment');
  });
});

describe('where S3 calls go', () => {
  it('a sandbox target uses the sandbox URL whatever the environment says', () => {
    const env = { AWS_ENDPOINT_URL_S3: 'https://s3.example.com' };
    expect(s3EndpointFor(sandboxTarget('http://127.0.0.1:18590'), { env })).toBe(
      'http://127.0.0.1:18590',
    );
  });
  it('otherwise an explicit URL, then AWS_ENDPOINT_URL_S3, then the target endpoint, then AWS', () => {
    const target = { profile: 'p', region: 'eu-west-1', endpointUrl: 'https://vpce.example.com' };
    const env = { AWS_ENDPOINT_URL_S3: 'https://s3.example.com' };
    expect(s3EndpointFor(target, { env, endpointUrl: 'http://127.0.0.1:9000' })).toBe(
      'http://127.0.0.1:9000',
    );
    expect(s3EndpointFor(target, { env })).toBe('https://s3.example.com');
    expect(s3EndpointFor(target, { env: {} })).toBe('https://vpce.example.com');
    expect(s3EndpointFor({ region: 'eu-west-1' }, { env: {} })).toBeUndefined();
  });
  it('a sandbox client refuses to send anything off this machine', async () => {
    const escaped = createS3(sandboxTarget('http://10.1.2.3:18590'));
    const error = await escaped.head('b', 'k').catch((e: unknown) => e);
    expect(String((error as Error).message)).toContain('only ever on this machine');
    escaped.destroy();
  });
});
