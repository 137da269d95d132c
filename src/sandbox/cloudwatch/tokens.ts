// NextTokens for GetMetricData and ListMetrics: where the next page starts, bound to the
// request it belongs to (a fingerprint of everything but the page size), so a token from
// another request, or a made-up one, is refused with InvalidNextToken as CloudWatch does.
import { createHash } from 'node:crypto';
import { ApiError } from '../protocol/errors.js';

export const invalidNextToken = () =>
  new ApiError('InvalidNextToken', 'The NextToken is not valid for this request.');

export function fingerprint(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);
}

export function makeToken(kind: string, print: string, position: number): string {
  return Buffer.from(`${kind}:${print}:${position}`).toString('base64url');
}

/** The position a token holds; InvalidNextToken when it is not one of ours for this request. */
export function readToken(token: string, kind: string, print: string): number {
  const text = Buffer.from(token, 'base64url').toString('utf8');
  const m = /^([a-z0-9]+):([0-9a-f]{16}):([0-9]{1,16})$/.exec(text);
  if (!m || m[1] !== kind || m[2] !== print) throw invalidNextToken();
  return Number(m[3]);
}
