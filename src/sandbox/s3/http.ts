// One S3 request as the handlers see it (bucket, key, query, region) and how answers go out:
// XML documents, S3 error documents (none for HEAD), and draining a body that is refused.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { S3Error } from './errors.js';
import { type XmlNode, xmlDocument } from './xml.js';

export interface S3Request {
  req: IncomingMessage;
  res: ServerResponse;
  method: string;
  bucket: string;
  /** '' for bucket-level requests. */
  key: string;
  query: URLSearchParams;
  region: string;
  requestId: string;
}

/** Splits `/bucket/key?query` without normalising `.`/`..` segments (the key checks refuse them). */
export function parseTarget(url: string): { bucket: string; key: string; query: URLSearchParams } {
  const q = url.indexOf('?');
  const path = q === -1 ? url : url.slice(0, q);
  const query = new URLSearchParams(q === -1 ? '' : url.slice(q + 1));
  const slash = path.indexOf('/', 1);
  const rawBucket = slash === -1 ? path.slice(1) : path.slice(1, slash);
  const rawKey = slash === -1 ? '' : path.slice(slash + 1);
  try {
    return { bucket: decodeURIComponent(rawBucket), key: decodeURIComponent(rawKey), query };
  } catch {
    throw new S3Error('InvalidURI', "Couldn't parse the specified URI.", 400);
  }
}

export function newRequestId(): string {
  return randomBytes(8).toString('hex').toUpperCase();
}

function baseHeaders(s3: S3Request): Record<string, string> {
  return {
    'x-amz-request-id': s3.requestId,
    'x-amz-id-2': s3.requestId,
    Server: 'dms-tui-sandbox',
  };
}

export function sendXml(
  s3: S3Request,
  status: number,
  root: string,
  children: XmlNode[] | string,
  headers: Record<string, string> = {},
): void {
  const body = xmlDocument(root, children);
  s3.res.writeHead(status, {
    ...baseHeaders(s3),
    'Content-Type': 'application/xml',
    'Content-Length': String(Buffer.byteLength(body)),
    ...headers,
  });
  s3.res.end(body);
}

export function sendEmpty(
  s3: S3Request,
  status: number,
  headers: Record<string, string> = {},
): void {
  s3.res.writeHead(status, { ...baseHeaders(s3), 'Content-Length': '0', ...headers });
  s3.res.end();
}

export function sendS3Error(s3: S3Request, error: S3Error): void {
  if (s3.method === 'HEAD') {
    sendEmpty(s3, error.status, { 'x-amz-error-code': error.code });
    return;
  }
  const children: XmlNode[] = [
    ['Code', error.code],
    ['Message', error.message],
    ...Object.entries(error.extra).map(([k, v]): XmlNode => [k, v]),
    ['RequestId', s3.requestId],
  ];
  const body = xmlDocument('Error', children, false);
  s3.res.writeHead(error.status, {
    ...baseHeaders(s3),
    'Content-Type': 'application/xml',
    'Content-Length': String(Buffer.byteLength(body)),
  });
  s3.res.end(body);
}

/** Past this much of a refused body the connection is closed instead of read to its end. */
const MAX_DRAIN = 64 * 1024 * 1024;

/** Reads and drops what is left of the body, so the client gets the answer, not a reset. */
export function drain(req: IncomingMessage): Promise<boolean> {
  if (req.complete || req.destroyed) return Promise.resolve(true);
  return new Promise((resolve) => {
    let seen = 0;
    const done = (whole: boolean) => {
      req.off('data', onData);
      resolve(whole);
    };
    const onData = (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > MAX_DRAIN) {
        req.pause();
        done(false);
      }
    };
    req.on('data', onData);
    req.once('end', () => done(true));
    req.once('close', () => done(req.complete));
    req.resume();
  });
}

/** x-amz-meta-* request headers, without the prefix. */
export function userMetadata(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (name.startsWith('x-amz-meta-') && typeof value === 'string') out[name.slice(11)] = value;
  }
  return out;
}
