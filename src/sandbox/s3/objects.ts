// Object operations: Put/Get (with Range)/Head/Delete/CopyObject, and the multipart calls
// (CreateMultipartUpload, UploadPart, CompleteMultipartUpload, AbortMultipartUpload).
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, rmSync } from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { receiveSmall, receiveToFile, tempFile } from './body.js';
import { entityTooLarge, invalidRange, invalidRequest, notImplemented } from './errors.js';
import { parseTarget, type S3Request, sendEmpty, sendXml, userMetadata } from './http.js';
import type { Multipart } from './multipart.js';
import { checkKey } from './names.js';
import type { ObjectMeta, S3Storage } from './storage.js';

/** S3's limit for one PUT. */
export const MAX_PUT_SIZE = 5 * 1024 * 1024 * 1024;
const MAX_XML = 2 * 1024 * 1024;

function contentTypeOf(s3: S3Request): string | undefined {
  const type = s3.req.headers['content-type'];
  return typeof type === 'string' && type !== '' ? type : undefined;
}

export async function putObject(s3: S3Request, storage: S3Storage): Promise<void> {
  storage.bucket(s3.bucket);
  checkKey(s3.key);
  const tmp = tempFile(storage.tmpDir);
  const body = await receiveToFile(s3.req, tmp, MAX_PUT_SIZE);
  const meta: ObjectMeta = {
    etag: `"${body.md5Hex}"`,
    size: body.size,
    lastModified: new Date().toISOString(),
    contentType: contentTypeOf(s3),
    metadata: userMetadata(s3.req),
    checksum: body.checksum,
  };
  storage.commit(s3.bucket, s3.key, tmp, meta);
  const headers: Record<string, string> = { ETag: meta.etag };
  if (body.checksum) headers[`x-amz-checksum-${body.checksum.algorithm}`] = body.checksum.value;
  sendEmpty(s3, 200, headers);
}

function objectHeaders(meta: ObjectMeta): Record<string, string> {
  const headers: Record<string, string> = {
    ETag: meta.etag,
    'Last-Modified': new Date(meta.lastModified).toUTCString(),
    'Content-Type': meta.contentType ?? 'binary/octet-stream',
    'Accept-Ranges': 'bytes',
  };
  for (const [name, value] of Object.entries(meta.metadata)) headers[`x-amz-meta-${name}`] = value;
  return headers;
}

/** bytes=a-b, bytes=a-, bytes=-n; null for no (or an unreadable) Range, as S3 ignores those. */
export function parseRange(header: string | undefined, size: number): [number, number] | null {
  const m = /^bytes=(\d*)-(\d*)$/.exec(header?.trim() ?? '');
  if (!m || (m[1] === '' && m[2] === '')) return null;
  let start: number;
  let end: number;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0) throw invalidRange(size);
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
    if (m[2] !== '' && Number(m[2]) < start) return null;
  }
  if (start >= size) throw invalidRange(size);
  return [start, end];
}

export async function getObject(s3: S3Request, storage: S3Storage): Promise<void> {
  if (s3.query.has('partNumber')) throw notImplemented('GetObject with partNumber');
  const { file, meta } = storage.object(s3.bucket, s3.key);
  const headers = objectHeaders(meta);
  const rangeHeader = s3.req.headers.range;
  const range = rangeHeader ? parseRange(rangeHeader, meta.size) : null;
  const [start, end] = range ?? [0, meta.size - 1];
  const length = meta.size === 0 ? 0 : end - start + 1;
  headers['Content-Length'] = String(length);
  if (range) headers['Content-Range'] = `bytes ${start}-${end}/${meta.size}`;
  if (s3.method === 'HEAD') {
    sendEmpty(s3, 200, headers);
    return;
  }
  s3.res.writeHead(range ? 206 : 200, {
    'x-amz-request-id': s3.requestId,
    Server: 'dms-tui-sandbox',
    ...headers,
  });
  if (length === 0) {
    s3.res.end();
    return;
  }
  await pipeline(createReadStream(file, { start, end }), s3.res);
}

export function deleteObject(s3: S3Request, storage: S3Storage): void {
  storage.deleteObject(s3.bucket, s3.key);
  sendEmpty(s3, 204);
}

export async function copyObject(s3: S3Request, storage: S3Storage): Promise<void> {
  const header = String(s3.req.headers['x-amz-copy-source'] ?? '');
  const source = parseTarget(header.startsWith('/') ? header : `/${header}`);
  if (source.query.has('versionId') && source.query.get('versionId') !== 'null')
    throw notImplemented('object versions');
  const from = storage.object(source.bucket, source.key);
  storage.bucket(s3.bucket);
  checkKey(s3.key);
  const replace =
    String(s3.req.headers['x-amz-metadata-directive'] ?? 'COPY').toUpperCase() === 'REPLACE';
  if (!replace && source.bucket === s3.bucket && source.key === s3.key)
    throw invalidRequest(
      "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.",
    );
  if (from.meta.size > MAX_PUT_SIZE) throw entityTooLarge(MAX_PUT_SIZE);
  await receiveSmall(s3.req, MAX_XML); // a copy has no body; read whatever came
  const tmp = tempFile(storage.tmpDir);
  const md5 = createHash('md5');
  try {
    await pipeline(
      createReadStream(from.file),
      new Transform({
        transform(chunk: Buffer, _enc, done) {
          md5.update(chunk);
          done(null, chunk);
        },
      }),
      createWriteStream(tmp, { mode: 0o600 }),
    );
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
  const meta: ObjectMeta = {
    etag: `"${md5.digest('hex')}"`,
    size: from.meta.size,
    lastModified: new Date().toISOString(),
    contentType: replace ? contentTypeOf(s3) : from.meta.contentType,
    metadata: replace ? userMetadata(s3.req) : from.meta.metadata,
  };
  storage.commit(s3.bucket, s3.key, tmp, meta);
  sendXml(s3, 200, 'CopyObjectResult', [
    ['LastModified', meta.lastModified],
    ['ETag', meta.etag],
  ]);
}

export async function createUpload(s3: S3Request, multipart: Multipart): Promise<void> {
  await receiveSmall(s3.req, MAX_XML);
  const upload = multipart.create(s3.bucket, s3.key, contentTypeOf(s3), userMetadata(s3.req));
  sendXml(s3, 200, 'InitiateMultipartUploadResult', [
    ['Bucket', s3.bucket],
    ['Key', s3.key],
    ['UploadId', upload.uploadId],
  ]);
}

export async function uploadPart(s3: S3Request, multipart: Multipart): Promise<void> {
  if (s3.req.headers['x-amz-copy-source']) throw notImplemented('UploadPartCopy');
  const uploadId = s3.query.get('uploadId') ?? '';
  const etag = await multipart.uploadPart(
    s3.bucket,
    s3.key,
    uploadId,
    s3.query.get('partNumber'),
    s3.req,
  );
  sendEmpty(s3, 200, { ETag: etag });
}

export async function completeUpload(s3: S3Request, multipart: Multipart): Promise<void> {
  const xml = await receiveSmall(s3.req, MAX_XML);
  const meta = await multipart.complete(s3.bucket, s3.key, s3.query.get('uploadId') ?? '', xml);
  sendXml(s3, 200, 'CompleteMultipartUploadResult', [
    ['Location', `/${s3.bucket}/${encodeURIComponent(s3.key)}`],
    ['Bucket', s3.bucket],
    ['Key', s3.key],
    ['ETag', meta.etag],
  ]);
}

export function abortUpload(s3: S3Request, multipart: Multipart): void {
  multipart.abort(s3.bucket, s3.key, s3.query.get('uploadId') ?? '');
  sendEmpty(s3, 204);
}
