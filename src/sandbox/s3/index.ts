// The sandbox's S3-compatible API: path-style requests (`/<bucket>/<key>`, ListBuckets at `/`)
// on the sandbox's own port, told apart from DMS and CloudWatch Logs calls by having no
// X-Amz-Target header. Signatures are not checked (the sandbox only answers loopback clients);
// the server's Host guard applies before this. Objects live as files under <dataDir>/s3.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { BodyAborted } from './body.js';
import {
  bucketLocation,
  createBucket,
  deleteObjects,
  listBuckets,
  listObjectsOf,
  listUploads,
} from './buckets.js';
import { methodNotAllowed, notImplemented, S3Error } from './errors.js';
import {
  drain,
  newRequestId,
  parseTarget,
  type S3Request,
  sendEmpty,
  sendS3Error,
  sendXml,
} from './http.js';
import { Multipart } from './multipart.js';
import {
  abortUpload,
  completeUpload,
  copyObject,
  createUpload,
  deleteObject,
  getObject,
  putObject,
  uploadPart,
} from './objects.js';
import { S3Storage } from './storage.js';
import { forbiddenHost, logInternalError } from '../serverErrors.js';

export { S3Error } from './errors.js';

/** The folder under the data dir that holds the buckets. */
export const S3_DIR = 's3';

/** Query parameters that name no subresource (S3 and the SDKs add them freely). */
const PLAIN_PARAMS = new Set([
  'x-id',
  'list-type',
  'prefix',
  'delimiter',
  'max-keys',
  'start-after',
  'continuation-token',
  'fetch-owner',
  'encoding-type',
  'marker',
  'uploadId',
  'partNumber',
  'versionId',
  'response-content-type',
  'response-content-disposition',
  'response-content-encoding',
  'response-content-language',
  'response-cache-control',
  'response-expires',
  'max-uploads',
  'key-marker',
  'upload-id-marker',
]);

/** True for a request the S3 side answers: anything that is not an AWS JSON call. */
export function isS3Request(req: IncomingMessage): boolean {
  if (req.headers['x-amz-target'] !== undefined) return false;
  const type = String(req.headers['content-type'] ?? '');
  return !type.startsWith('application/x-amz-json');
}

export interface S3Service {
  readonly root: string;
  handle(req: IncomingMessage, res: ServerResponse, region: string): Promise<void>;
}

/** A fault of the sandbox, not of the request: one line in sandbox.log, a plain 500 answer. */
function internalError(dataDir: string, s3: S3Request, error: unknown): S3Error {
  logInternalError(dataDir, `S3 ${s3.method}`, error);
  const full = (error as NodeJS.ErrnoException).code === 'ENOSPC';
  return new S3Error(
    'InternalError',
    full
      ? 'The sandbox data dir is full: the object was not stored.'
      : 'We encountered an internal error. Please try again. (see sandbox.log in the sandbox data dir)',
    500,
  );
}

/** The answer to a request whose Host is not loopback (DNS rebinding), as S3 words a refusal. */
export function refuseHost(req: IncomingMessage, res: ServerResponse): void {
  const s3 = { req, res, method: req.method ?? 'GET', requestId: newRequestId() } as S3Request;
  sendS3Error(s3, new S3Error('AccessDenied', forbiddenHost(req.headers.host).message, 403));
  req.resume();
}

export function createS3Service(dataDir: string): S3Service {
  const root = join(dataDir, S3_DIR);
  const storage = new S3Storage(root);
  const multipart = new Multipart(storage);

  async function route(s3: S3Request): Promise<void> {
    const { method, query } = s3;
    const sub = [...query.keys()].find((k) => !PLAIN_PARAMS.has(k));
    if (!s3.bucket) {
      if (method === 'GET') return listBuckets(s3, storage);
      throw methodNotAllowed();
    }
    if (!s3.key) {
      if (method === 'GET' && sub === 'location') return bucketLocation(s3, storage);
      if (method === 'GET' && sub === 'versioning') {
        storage.bucket(s3.bucket);
        return sendXml(s3, 200, 'VersioningConfiguration', []);
      }
      if (method === 'GET' && sub === 'uploads') return listUploads(s3, storage, multipart);
      if (method === 'POST' && sub === 'delete') return deleteObjects(s3, storage);
      if (sub) throw notImplemented(`bucket subresource "${sub}"`);
      if (method === 'GET') return listObjectsOf(s3, storage);
      if (method === 'PUT') return createBucket(s3, storage);
      if (method === 'HEAD') {
        const { region } = storage.bucket(s3.bucket);
        return sendEmpty(s3, 200, { 'x-amz-bucket-region': region });
      }
      if (method === 'DELETE') {
        storage.deleteBucket(s3.bucket);
        return sendEmpty(s3, 204);
      }
      throw methodNotAllowed();
    }
    if (sub === 'uploads' && method === 'POST') return createUpload(s3, multipart);
    if (sub) throw notImplemented(`object subresource "${sub}"`);
    const uploadId = query.get('uploadId');
    if (uploadId !== null) {
      if (method === 'PUT') return uploadPart(s3, multipart);
      if (method === 'POST') return completeUpload(s3, multipart);
      if (method === 'DELETE') return abortUpload(s3, multipart);
      throw notImplemented('ListParts');
    }
    if (method === 'PUT')
      return s3.req.headers['x-amz-copy-source'] ? copyObject(s3, storage) : putObject(s3, storage);
    if (method === 'GET' || method === 'HEAD') return getObject(s3, storage);
    if (method === 'DELETE') return deleteObject(s3, storage);
    throw methodNotAllowed();
  }

  return {
    root,
    async handle(req, res, region) {
      const requestId = newRequestId();
      const s3: S3Request = {
        req,
        res,
        method: req.method ?? 'GET',
        bucket: '',
        key: '',
        query: new URLSearchParams(),
        region,
        requestId,
      };
      try {
        Object.assign(s3, parseTarget(req.url ?? '/'));
        await route(s3);
      } catch (error) {
        if (error instanceof BodyAborted || res.headersSent) {
          res.destroy();
          return;
        }
        const answer = error instanceof S3Error ? error : internalError(dataDir, s3, error);
        const whole = await drain(req);
        if (!whole) res.setHeader('Connection', 'close');
        sendS3Error(s3, answer);
        if (!whole) req.destroy();
      }
    },
  };
}
