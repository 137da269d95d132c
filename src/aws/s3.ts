// The app's S3 client, for the replication agent: built like the DMS and Logs clients
// (clients.ts: the same profile/region/credential chain, timeouts, and a sandbox client that
// never leaves this machine), and a few helpers that return plain values or throw AwsError.
//
//   const s3 = createS3(target);                        // sandbox, AWS, or a custom endpoint
//   await s3.ensureBucket('staging');
//   await s3.putStream('staging', 'f/hr/emp/LOAD00000001.csv.gz', readable, { onProgress });
//   await s3.head('staging', key);                      // {size, etag, lastModified} | null
//   for await (const o of s3.list('staging', 'f/hr/')) …  // every key under a prefix, paged
//   await s3.deletePrefix('staging', 'f/');             // DeleteObjects, 1,000 at a time
//   const body = await s3.getStream('staging', key);    // a Readable
//   s3.destroy();
//
// Where calls go (s3EndpointFor): a sandbox target → the sandbox's own URL (it serves S3,
// path-style); otherwise `options.endpointUrl` (e.g. a command's --endpoint-url), else the
// standard AWS_ENDPOINT_URL_S3 variable, else the target's endpoint (--endpoint-url or
// AWS_ENDPOINT_URL), else AWS's regional S3. Custom endpoints get path-style requests and
// checksums only where S3 requires them (WHEN_REQUIRED: no aws-chunked streaming bodies,
// which some S3 emulators store as data); real AWS S3 keeps the SDK's defaults.
import type { Readable } from 'node:stream';
import type { S3Client } from '@aws-sdk/client-s3';
import type { AwsTarget } from '../model/awsTarget.js';
import { sandboxRefusal } from '../model/awsTarget.js';
import { AwsError, awsCall } from './call.js';
import {
  type ClientOptions,
  DEFAULT_MAX_ATTEMPTS,
  guardRequests,
  SandboxEscapeError,
  sdkConfig,
  type Timeouts,
} from './clients.js';
import { loadLibStorage, loadS3 } from './sdk.js';

/** Uploads move megabytes per request: the answer may take longer than a DMS call's. */
export const S3_TIMEOUTS: Timeouts = { connectMs: 3_000, requestMs: 60_000 };
/** lib-storage's part size and how many parts are in flight (memory ≈ part size × (queue + 1)). */
export const DEFAULT_PART_SIZE = 8 * 1024 * 1024;
export const DEFAULT_QUEUE_SIZE = 2;

export interface S3Options extends ClientOptions {
  /** An explicit S3 endpoint (wins over AWS_ENDPOINT_URL_S3 and the target's endpoint). */
  endpointUrl?: string;
  /** The environment to read AWS_ENDPOINT_URL_S3 from (default process.env). */
  env?: Readonly<Record<string, string | undefined>>;
}

export interface S3ObjectInfo {
  key: string;
  size: number;
  /** As S3 sends it, quoted. */
  etag: string;
  lastModified?: Date;
}

export interface PutOptions {
  contentType?: string;
  /** Bytes per part (at least 5 MiB); default 8 MiB. */
  partSize?: number;
  /** Parts uploaded at once; default 2. */
  queueSize?: number;
  /** Aborts the upload (its parts are removed). */
  signal?: AbortSignal;
  /** Bytes sent so far, as parts complete. */
  onProgress?(bytes: number): void;
}

export interface AppS3 {
  readonly target: AwsTarget;
  /** Where the calls go; undefined = AWS's regional S3. */
  readonly endpointUrl: string | undefined;
  client(): Promise<S3Client>;
  bucketExists(bucket: string): Promise<boolean>;
  /** Creates the bucket unless this account already has it. */
  ensureBucket(bucket: string): Promise<void>;
  /** Uploads a stream (or buffer) with lib-storage: multipart past one part, bounded memory. */
  putStream(
    bucket: string,
    key: string,
    body: Readable | Buffer | string,
    options?: PutOptions,
  ): Promise<{ etag: string }>;
  /** The object's size and ETag, or null when there is no such key. */
  head(bucket: string, key: string): Promise<S3ObjectInfo | null>;
  /** Every object under the prefix, in key order, fetched 1,000 at a time. */
  list(bucket: string, prefix: string): AsyncGenerator<S3ObjectInfo>;
  /** Deletes every object under the prefix; resolves with how many. */
  deletePrefix(bucket: string, prefix: string): Promise<number>;
  /** The object's bytes (a byte range with `range`, e.g. "bytes=0-99"). */
  getStream(bucket: string, key: string, range?: string): Promise<Readable>;
  destroy(): void;
}

/** The S3 endpoint for a target (see the rule at the top of this file). */
export function s3EndpointFor(
  target: AwsTarget,
  options: Pick<S3Options, 'endpointUrl' | 'env'> = {},
): string | undefined {
  if (target.sandbox) return target.endpointUrl;
  const fromEnv = (options.env ?? process.env).AWS_ENDPOINT_URL_S3?.trim();
  return options.endpointUrl ?? (fromEnv || undefined) ?? target.endpointUrl;
}

function notFound(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return (
    e?.$metadata?.httpStatusCode === 404 ||
    e?.name === 'NotFound' ||
    e?.name === 'NoSuchKey' ||
    e?.name === 'NoSuchBucket'
  );
}

export function createS3(target: AwsTarget, options: S3Options = {}): AppS3 {
  const endpointUrl = s3EndpointFor(target, options);
  const timeouts: Timeouts = { ...S3_TIMEOUTS, ...options.timeouts };
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const refusal = sandboxRefusal({ ...target, endpointUrl });
  // Errors name the S3 endpoint, not DMS's.
  const context = { target: { ...target, endpointUrl }, timeouts };
  const call = <T>(action: string, fn: () => Promise<T>) =>
    awsCall(context as never, 's3', action, fn);
  let made: Promise<S3Client> | undefined;

  function client(): Promise<S3Client> {
    if (refusal) return Promise.reject(new SandboxEscapeError(refusal));
    made ??= (async () => {
      const { S3Client } = await loadS3();
      const custom = endpointUrl !== undefined;
      const config = await sdkConfig(
        target,
        { timeouts, maxAttempts, retryMode: options.retryMode ?? 'standard' },
        endpointUrl,
      );
      const s3 = new S3Client({
        ...config,
        forcePathStyle: custom,
        ...(custom
          ? {
              requestChecksumCalculation: 'WHEN_REQUIRED' as const,
              responseChecksumValidation: 'WHEN_REQUIRED' as const,
            }
          : {}),
      });
      guardRequests(s3, target, options.checkRequest);
      return s3;
    })();
    return made;
  }

  async function bucketExists(bucket: string): Promise<boolean> {
    const { HeadBucketCommand } = await loadS3();
    const s3 = await client();
    try {
      await s3.send(new HeadBucketCommand({ Bucket: bucket }));
      return true;
    } catch (error) {
      if (notFound(error)) return false;
      throw error;
    }
  }

  return {
    target,
    endpointUrl,
    client,
    bucketExists: (bucket) => call('HeadBucket', () => bucketExists(bucket)),
    ensureBucket: (bucket) =>
      call('CreateBucket', async () => {
        if (await bucketExists(bucket)) return;
        const { CreateBucketCommand } = await loadS3();
        const region = target.sandbox ? undefined : target.region;
        await (await client()).send(
          new CreateBucketCommand({
            Bucket: bucket,
            ...(region && region !== 'us-east-1'
              ? { CreateBucketConfiguration: { LocationConstraint: region as never } }
              : {}),
          }),
        );
      }),
    putStream: (bucket, key, body, put = {}) =>
      call('PutObject', async () => {
        const { Upload } = await loadLibStorage();
        const upload = new Upload({
          client: await client(),
          params: { Bucket: bucket, Key: key, Body: body, ContentType: put.contentType },
          partSize: put.partSize ?? DEFAULT_PART_SIZE,
          queueSize: put.queueSize ?? DEFAULT_QUEUE_SIZE,
          leavePartsOnError: false,
        });
        const abort = () => void upload.abort().catch(() => undefined);
        put.signal?.addEventListener('abort', abort, { once: true });
        if (put.onProgress) upload.on('httpUploadProgress', (p) => put.onProgress?.(p.loaded ?? 0));
        try {
          if (put.signal?.aborted) throw new AwsError('Upload aborted', { code: 'AbortError' });
          const out = await upload.done();
          return { etag: out.ETag ?? '' };
        } finally {
          put.signal?.removeEventListener('abort', abort);
        }
      }),
    head: (bucket, key) =>
      call('HeadObject', async () => {
        const { HeadObjectCommand } = await loadS3();
        try {
          const out = await (await client()).send(
            new HeadObjectCommand({ Bucket: bucket, Key: key }),
          );
          return {
            key,
            size: out.ContentLength ?? 0,
            etag: out.ETag ?? '',
            lastModified: out.LastModified,
          };
        } catch (error) {
          if (notFound(error) && (error as { name?: string }).name !== 'NoSuchBucket') return null;
          throw error;
        }
      }),
    async *list(bucket, prefix) {
      const { ListObjectsV2Command } = await loadS3();
      let token: string | undefined;
      do {
        const out = await call('ListObjectsV2', async () =>
          (await client()).send(
            new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }),
          ),
        );
        for (const o of out.Contents ?? [])
          yield {
            key: o.Key ?? '',
            size: o.Size ?? 0,
            etag: o.ETag ?? '',
            lastModified: o.LastModified,
          };
        token = out.IsTruncated ? out.NextContinuationToken : undefined;
      } while (token);
    },
    async deletePrefix(bucket, prefix) {
      const { DeleteObjectsCommand } = await loadS3();
      let batch: string[] = [];
      let deleted = 0;
      const flush = async () => {
        if (batch.length === 0) return;
        const keys = batch;
        batch = [];
        const out = await call('DeleteObjects', async () =>
          (await client()).send(
            new DeleteObjectsCommand({
              Bucket: bucket,
              Delete: { Objects: keys.map((Key) => ({ Key })), Quiet: true },
            }),
          ),
        );
        const failed = out.Errors ?? [];
        if (failed.length > 0)
          throw new AwsError(
            `S3 did not delete ${failed.length} object(s) under s3://${bucket}/${prefix}: ${failed[0]?.Code ?? ''} ${failed[0]?.Message ?? ''}`.trim(),
            { code: failed[0]?.Code ?? 'DeleteObjectsFailed' },
          );
        deleted += keys.length;
      };
      // A continuation token points past the keys already listed, so deleting them as the
      // listing goes on skips nothing.
      for await (const o of this.list(bucket, prefix)) {
        batch.push(o.key);
        if (batch.length === 1000) await flush();
      }
      await flush();
      return deleted;
    },
    getStream: (bucket, key, range) =>
      call('GetObject', async () => {
        const { GetObjectCommand } = await loadS3();
        const out = await (await client()).send(
          new GetObjectCommand({ Bucket: bucket, Key: key, Range: range }),
        );
        return out.Body as Readable;
      }),
    destroy() {
      void made?.then((c) => c.destroy()).catch(() => undefined);
    },
  };
}
