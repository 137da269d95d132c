// AWS JSON 1.1 over node:http: reading a request, the caller's region, and answering.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError } from './errors.js';

export const CONTENT_TYPE = 'application/x-amz-json-1.1';
/** The largest request body the sandbox reads. */
export const MAX_BODY = 16 * 1024 * 1024;
/** Past the limit the rest of a body is read and dropped, so the client gets the 413 rather
 *  than a reset while it is still sending; past this much more it is cut off. */
const MAX_DRAIN = 256 * 1024 * 1024;

/** The client went away before its request was read: nothing to answer, nothing to log. */
export class ClientGone extends Error {}

export function bodyTooLarge(): ApiError {
  return new ApiError(
    'SerializationException',
    `Request body too large: the limit is ${MAX_BODY / 1024 / 1024} MB`,
    413,
    {},
  );
}

/**
 * Reads the request body as UTF-8. Over MAX_BODY it rejects with a 413 ApiError once the body
 * has been read to its end (or MAX_DRAIN bytes, then `closeConnection` is set on the request).
 */
export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_DRAIN) {
      mustClose.add(req);
      reject(bodyTooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let ended = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
      else if (chunks.length > 0) chunks.length = 0; // drop what was kept; drain the rest
      if (size > MAX_DRAIN && !ended) {
        ended = true;
        mustClose.add(req);
        req.pause();
        reject(bodyTooLarge());
      }
    });
    req.on('end', () => {
      if (ended) return;
      ended = true;
      if (size > MAX_BODY) reject(bodyTooLarge());
      else resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', () => {
      if (!ended) reject(new ClientGone());
      ended = true;
    });
    req.on('close', () => {
      if (!ended) reject(new ClientGone());
      ended = true;
    });
  });
}

const mustClose = new WeakSet<IncomingMessage>();

/** True when the connection must be closed after the answer (an endless body was cut off). */
export function connectionMustClose(req: IncomingMessage): boolean {
  return mustClose.has(req);
}

/** The region of the SigV4 credential scope, e.g. "Credential=AKID/20261124/eu-west-1/dms/aws4_request". */
export function regionOfRequest(req: IncomingMessage, fallback: string): string {
  const auth = req.headers.authorization ?? '';
  const m = /Credential=[^/]+\/\d{8}\/([a-z0-9-]+)\/[a-z0-9-]+\/aws4_request/.exec(auth);
  return m?.[1] ?? fallback;
}

export function parseJson(text: string): Record<string, unknown> {
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ApiError('SerializationException', 'Unable to parse the request body as JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new ApiError(
      'SerializationException',
      'Start of structure or map found where not expected.',
    );
  return value as Record<string, unknown>;
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': CONTENT_TYPE,
    'Content-Length': Buffer.byteLength(text),
    'x-amzn-RequestId': randomUUID(),
    ...headers,
  });
  res.end(text);
}

export function sendError(res: ServerResponse, error: ApiError): void {
  sendJson(
    res,
    error.status,
    { __type: error.code, message: error.message, ...error.extra },
    { 'x-amzn-errortype': error.code },
  );
}
