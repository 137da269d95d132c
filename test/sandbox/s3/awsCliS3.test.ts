// The sandbox's S3 API driven by the AWS CLI (Debian's AWS CLI v2 at /usr/bin/aws when present,
// else `aws` on PATH) as an independent client: a file over the multipart threshold up and
// back byte for byte, a listing of more than 1,000 keys, rm --recursive, sync, and the objects
// as plain files under the data dir.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awsCli, awsCliFails, awsCliVersion } from '../../support/awsCli.js';
import { startTestSandbox, type TestSandbox } from '../../support/sandbox.js';

let t: TestSandbox;
let tmp = '';
const aws = (...args: string[]) => awsCli(t.url, tmp, args);
const awsFails = (...args: string[]) => awsCliFails(t.url, tmp, args);

describe.skipIf(awsCliVersion === null)(
  `the sandbox's S3 through ${awsCliVersion ?? 'the AWS CLI'}`,
  () => {
    beforeAll(async () => {
      tmp = mkdtempSync(join(tmpdir(), 'dmst-s3cli-'));
      t = await startTestSandbox();
      await aws('s3', 'mb', 's3://cli-bucket');
    });
    afterAll(async () => {
      await t?.close();
      rmSync(tmp, { recursive: true, force: true });
    });

    it('copies a file over the multipart threshold up and back, byte for byte', async () => {
      const file = join(tmp, 'big.bin');
      const bytes = randomBytes(19 * 1024 * 1024 + 12345);
      writeFileSync(file, bytes);
      await aws('s3', 'cp', file, 's3://cli-bucket/dir/big.bin', '--only-show-errors');
      // Kept as a plain file under the data dir.
      expect(
        readFileSync(join(t.dataDir, 's3', 'cli-bucket', 'dir', 'big.bin')).equals(bytes),
      ).toBe(true);
      const head = JSON.parse(
        await aws('s3api', 'head-object', '--bucket', 'cli-bucket', '--key', 'dir/big.bin'),
      );
      expect(head.ContentLength).toBe(bytes.length);
      expect(head.ETag).toMatch(/^"[0-9a-f]{32}-3"$/); // 8 MB parts: md5-of-md5s, 3 parts
      const back = join(tmp, 'back.bin');
      await aws('s3', 'cp', 's3://cli-bucket/dir/big.bin', back, '--only-show-errors');
      expect(readFileSync(back).equals(bytes)).toBe(true);
    });

    it('lists more than 1,000 keys, syncs only what changed, removes them recursively', async () => {
      const dir = join(tmp, 'many');
      mkdirSync(join(dir, 'sub'), { recursive: true });
      for (let i = 0; i < 1050; i++) writeFileSync(join(dir, `f${i}.txt`), `${i}\n`);
      writeFileSync(join(dir, 'sub', 'deep file + ü.txt'), 'unicode and space\n');
      await aws('s3', 'sync', dir, 's3://cli-bucket/many', '--only-show-errors');
      const listed = (await aws('s3', 'ls', 's3://cli-bucket/many/', '--recursive'))
        .trim()
        .split('\n');
      expect(listed).toHaveLength(1051);
      expect(listed.some((l) => l.endsWith('many/sub/deep file + ü.txt'))).toBe(true);
      // The top level shows folders as PRE.
      expect(await aws('s3', 'ls', 's3://cli-bucket/')).toMatch(/PRE many\/\n/);

      writeFileSync(join(dir, 'f7.txt'), 'changed, and longer\n');
      const synced = await aws('s3', 'sync', dir, 's3://cli-bucket/many', '--no-progress');
      expect(synced.trim().split('\n')).toEqual([
        expect.stringMatching(/upload: .*f7\.txt to s3:\/\/cli-bucket\/many\/f7\.txt/),
      ]);
      const down = join(tmp, 'down');
      await aws('s3', 'sync', 's3://cli-bucket/many', down, '--only-show-errors');
      expect(readFileSync(join(down, 'f7.txt'), 'utf8')).toBe('changed, and longer\n');
      expect(readFileSync(join(down, 'sub', 'deep file + ü.txt'), 'utf8')).toBe(
        'unicode and space\n',
      );

      await aws('s3', 'rm', 's3://cli-bucket/many', '--recursive', '--only-show-errors');
      expect(
        (await aws('s3', 'ls', 's3://cli-bucket/many/', '--recursive').catch(() => '')).trim(),
      ).toBe('');
      expect(existsSync(join(t.dataDir, 's3', 'cli-bucket', 'many'))).toBe(false);
    });

    it('answers S3 errors the CLI understands: missing bucket and key, non-empty bucket', async () => {
      expect(await awsFails('s3', 'ls', 's3://no-such-bucket')).toContain('NoSuchBucket');
      expect(
        await awsFails(
          's3api',
          'get-object',
          '--bucket',
          'cli-bucket',
          '--key',
          'nope',
          join(tmp, 'x'),
        ),
      ).toContain('NoSuchKey');
      expect(await awsFails('s3', 'rb', 's3://cli-bucket')).toContain('BucketNotEmpty');
      expect(await awsFails('s3', 'mb', 's3://Bad_Name')).toContain('InvalidBucketName');
      await aws('s3', 'mb', 's3://cli-empty');
      expect(await aws('s3', 'ls')).toContain('cli-empty');
      await aws('s3', 'rb', 's3://cli-empty');
      expect(await aws('s3', 'ls')).not.toContain('cli-empty');
    });
  },
);
