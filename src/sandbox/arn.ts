// ARNs and resource ids as DMS makes them: arn:aws:dms:<region>:<account>:<kind>:<RESOURCE ID>,
// the resource id 26 characters of base32 (A–Z, 2–7).
import { createHash, randomBytes } from 'node:crypto';
import { ACCOUNT_ID } from './state.js';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32(bytes: Uint8Array, length: number): string {
  let out = '';
  for (let i = 0; out.length < length; i++) out += BASE32[(bytes[i % bytes.length] ?? 0) & 31];
  return out;
}

export function newResourceId(): string {
  return base32(randomBytes(26), 26);
}

/** A stable resource id for a name (the built-in instance in each region). */
export function stableResourceId(name: string): string {
  return base32(createHash('sha256').update(name).digest(), 26);
}

export type DmsArnKind = 'rep' | 'endpoint' | 'task';

export function dmsArn(region: string, kind: DmsArnKind, resourceId: string): string {
  return `arn:aws:dms:${region}:${ACCOUNT_ID}:${kind}:${resourceId}`;
}

export function resourceIdOfArn(arn: string): string {
  return arn.split(':').pop() ?? arn;
}

export function logGroupArn(region: string, group: string): string {
  return `arn:aws:logs:${region}:${ACCOUNT_ID}:log-group:${group}`;
}
