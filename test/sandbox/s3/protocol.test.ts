// The sandbox's S3 at the HTTP level, for what clients rarely send: keys the sandbox refuses,
// missing buckets, ranges, continuation tokens with a delimiter, DeleteObjects in quiet mode,
// aws-chunked bodies with a wrong checksum, multipart misuse, and the loopback Host guard.
import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../../support/sandbox.js';
import { type RawAnswer, raw } from '../support/raw.js';

let t: TestSandbox;

function s3(
  method: string,
  path: string,
  body: string | Buffer = '',
  headers: Record<string, string> = {},
): Promise<RawAnswer> {
  return raw({
    url: t.url,
    method,
    path,
    body,
    headers: { 'Content-Type': 'application/octet-stream', ...headers },
  });
}

const code = (a: RawAnswer) => /<Code>([^<]*)<\/Code>/.exec(a.text)?.[1];
const tags = (a: RawAnswer, name: string) =>
  [...a.text.matchAll(new RegExp(`<${name}>([^<]*)</${name}>`, 'g'))].map((m) => m[1] ?? '');

function chunked(data: string, checksum: string): Buffer {
  return Buffer.from(
    `${Buffer.byteLength(data).toString(16)}\r\n${data}\r\n0\r\nx-amz-checksum-crc32:${checksum}\r\n\r\n`,
  );
}
const chunkedHeaders = (length: number) => ({
  'Content-Encoding': 'aws-chunked',
  'x-amz-content-sha256': 'STREAMING-UNSIGNED-PAYLOAD-TRAILER',
  'x-amz-decoded-content-length': String(length),
  'x-amz-trailer': 'x-amz-checksum-crc32',
});

describe("the sandbox's S3 protocol edge cases", () => {
  beforeAll(async () => {
    t = await startTestSandbox();
    expect((await s3('PUT', '/edge')).status).toBe(200);
    for (const key of ['a/1', 'a/2', 'b/1', 'b/2', 'c', 'd/x/y', 'e'])
      await s3('PUT', `/edge/${key}`, key);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses keys with .., NUL or control characters, and says why', async () => {
    for (const path of [
      '/edge/a/%2E%2E/x',
      '/edge/a/../x',
      '/edge/x%00y',
      '/edge/x%0Ay',
      '/edge/a//b',
      '/edge/dir/',
    ]) {
      const a = await s3('PUT', path, 'x');
      expect(a.status, path).toBe(400);
      expect(code(a), path).toBe('InvalidArgument');
    }
    expect(code(await s3('PUT', `/edge/${'k'.repeat(1025)}`, 'x'))).toBe('KeyTooLongError');
    expect(code(await s3('PUT', '/edge/a%ZZ', 'x'))).toBe('InvalidURI');
    // An object cannot also be a folder of objects: a clean refusal, not a crash.
    expect(code(await s3('PUT', '/edge/c/under', 'x'))).toBe('InvalidArgument');
  });

  it('answers a missing bucket or key with NoSuchBucket / NoSuchKey, a HEAD with no body', async () => {
    const bucket = await s3('GET', '/nobucket?list-type=2');
    expect([bucket.status, code(bucket)]).toEqual([404, 'NoSuchBucket']);
    expect(tags(bucket, 'BucketName')).toEqual(['nobucket']);
    const key = await s3('GET', '/edge/missing');
    expect([key.status, code(key), tags(key, 'Key')[0]]).toEqual([404, 'NoSuchKey', 'missing']);
    const head = await s3('HEAD', '/edge/missing');
    expect([head.status, head.text]).toEqual([404, '']);
    expect(code(await s3('PUT', '/nobucket/k', 'x'))).toBe('NoSuchBucket');
    // A bucket name that is a path leads nowhere outside the sandbox's S3 folder.
    for (const path of [
      '/..%2F..%2Fstate/x',
      '/..?list-type=2',
      '/.meta/x',
      '/%2E%2E%2Fs3%2Fedge/a/1',
    ])
      expect(code(await s3('GET', path)), path).toBe('NoSuchBucket');
    expect(code(await s3('PUT', '/.buckets'))).toBe('InvalidBucketName');
    expect(code(await s3('DELETE', '/edge'))).toBe('BucketNotEmpty');
    expect(code(await s3('PUT', '/edge'))).toBe('BucketAlreadyOwnedByYou');
  });

  it('serves byte ranges and refuses ones past the end', async () => {
    await s3('PUT', '/edge/r', '0123456789');
    const mid = await s3('GET', '/edge/r', '', { Range: 'bytes=2-4' });
    expect([mid.status, mid.text, mid.headers['content-range']]).toEqual([
      206,
      '234',
      'bytes 2-4/10',
    ]);
    expect((await s3('GET', '/edge/r', '', { Range: 'bytes=7-' })).text).toBe('789');
    expect((await s3('GET', '/edge/r', '', { Range: 'bytes=-3' })).text).toBe('789');
    expect((await s3('GET', '/edge/r', '', { Range: 'bytes=5-100' })).text).toBe('56789');
    const past = await s3('GET', '/edge/r', '', { Range: 'bytes=10-' });
    expect([past.status, code(past)]).toEqual([416, 'InvalidRange']);
  });

  it('pages with continuation tokens, delimiter and start-after, as S3 does', async () => {
    const seen: string[] = [];
    let token = '';
    for (let page = 0; page < 10; page++) {
      const a = await s3(
        'GET',
        `/edge?list-type=2&delimiter=%2F&max-keys=2${token ? `&continuation-token=${encodeURIComponent(token)}` : ''}`,
      );
      seen.push(...tags(a, 'Key'), ...tags(a, 'Prefix').filter((p) => p !== ''));
      if (tags(a, 'IsTruncated')[0] !== 'true') break;
      token = tags(a, 'NextContinuationToken')[0] ?? '';
    }
    expect(seen).toEqual(['a/', 'b/', 'c', 'd/', 'e', 'r']);
    const after = await s3('GET', '/edge?list-type=2&start-after=b%2F1&prefix=b%2F');
    expect(tags(after, 'Key')).toEqual(['b/2']);
    const none = await s3('GET', '/edge?list-type=2&max-keys=0');
    expect([tags(none, 'KeyCount')[0], tags(none, 'IsTruncated')[0]]).toEqual(['0', 'false']);
    expect(code(await s3('GET', '/edge?list-type=2&continuation-token=bogus'))).toBe(
      'InvalidArgument',
    );
  });

  it('DeleteObjects in quiet mode reports only failures', async () => {
    const body =
      '<Delete><Quiet>true</Quiet><Object><Key>a/1</Key></Object><Object><Key>nothing-here</Key></Object><Object><Key>bad/../key</Key></Object></Delete>';
    const md5 = createHash('md5').update(body).digest('base64');
    const a = await s3('POST', '/edge?delete', body, { 'Content-MD5': md5 });
    expect(a.status).toBe(200);
    expect(tags(a, 'Deleted')).toEqual([]);
    expect(tags(a, 'Key')).toEqual(['bad/../key']);
    expect((await s3('HEAD', '/edge/a/1')).status).toBe(404);
    const loud = await s3(
      'POST',
      '/edge?delete',
      '<Delete><Object><Key>a/2</Key></Object></Delete>',
    );
    expect(tags(loud, 'Key')).toEqual(['a/2']);
    const badMd5 = await s3('POST', '/edge?delete', body, {
      'Content-MD5': 'AAAAAAAAAAAAAAAAAAAAAA==',
    });
    expect(code(badMd5)).toBe('BadDigest');
  });

  it('decodes aws-chunked bodies and refuses one whose CRC32 trailer does not match', async () => {
    const data = 'I,1,hello\n';
    const good = Buffer.alloc(4);
    good.writeUInt32BE(crc32(data));
    const ok = await s3(
      'PUT',
      '/edge/chunked.csv',
      chunked(data, good.toString('base64')),
      chunkedHeaders(data.length),
    );
    expect(ok.status).toBe(200);
    expect((await s3('GET', '/edge/chunked.csv')).text).toBe(data);
    const bad = await s3(
      'PUT',
      '/edge/chunked2.csv',
      chunked(data, 'AAAAAA=='),
      chunkedHeaders(data.length),
    );
    expect([bad.status, code(bad)]).toEqual([400, 'BadDigest']);
    expect((await s3('HEAD', '/edge/chunked2.csv')).status).toBe(404);
  });

  it('multipart: unknown upload, parts out of order, a wrong ETag, a part too small', async () => {
    const init = await s3('POST', '/edge/mp?uploads');
    const id = tags(init, 'UploadId')[0] ?? '';
    const p1 = await s3('PUT', `/edge/mp?partNumber=1&uploadId=${id}`, 'small');
    const p2 = await s3('PUT', `/edge/mp?partNumber=2&uploadId=${id}`, 'tail');
    const e1 = String(p1.headers.etag);
    const e2 = String(p2.headers.etag);
    const complete = (parts: [number, string][]) =>
      s3(
        'POST',
        `/edge/mp?uploadId=${id}`,
        `<CompleteMultipartUpload>${parts.map(([n, e]) => `<Part><PartNumber>${n}</PartNumber><ETag>${e}</ETag></Part>`).join('')}</CompleteMultipartUpload>`,
      );
    expect(
      code(
        await complete([
          [2, e2],
          [1, e1],
        ]),
      ),
    ).toBe('InvalidPartOrder');
    expect(
      code(
        await complete([
          [1, '"0000"'],
          [2, e2],
        ]),
      ),
    ).toBe('InvalidPart');
    expect(
      code(
        await complete([
          [1, e1],
          [2, e2],
        ]),
      ),
    ).toBe('EntityTooSmall');
    expect(code(await s3('PUT', '/edge/mp?partNumber=1&uploadId=nope', 'x'))).toBe('NoSuchUpload');
    expect(code(await s3('PUT', `/edge/mp?partNumber=0&uploadId=${id}`, 'x'))).toBe(
      'InvalidArgument',
    );
    const one = await complete([[1, e1]]); // a single small part is allowed (it is the last)
    expect(tags(one, 'ETag')[0]).toMatch(/-1&quot;$/); // S3 escapes the quotes too
    expect((await s3('GET', '/edge/mp')).text).toBe('small');
    expect(code(await s3('DELETE', `/edge/mp?uploadId=${id}`))).toBe('NoSuchUpload');
  });

  it('answers only loopback Host names, with S3 AccessDenied', async () => {
    const a = await s3('GET', '/', '', { Host: 'attacker.example:80' });
    expect([a.status, code(a)]).toEqual([403, 'AccessDenied']);
    const list = await s3('GET', '/');
    expect(tags(list, 'Name')).toContain('edge');
  });
});
