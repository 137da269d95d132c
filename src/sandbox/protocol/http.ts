// AWS JSON 1.1 over node:http: reading a request, the caller's region, and answering.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError } from './errors.js';

export const CONTENT_TYPE = 'application/x-amz-json-1.1';
const MAX_BODY = 16 * 1024 * 1024;

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new ApiError('SerializationException', 'Request body too large', 413));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
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
