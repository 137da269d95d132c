// ListObjectsV2 (and the older ListObjects): prefix, delimiter (CommonPrefixes), max-keys,
// start-after / marker and continuation tokens, over the bucket's files in S3's key order.
// A continuation token is the last key (or common prefix) of the page, base64url-encoded.
import { invalidArgument } from './errors.js';
import type { ObjectMeta, S3Storage } from './storage.js';

export interface ListRequest {
  prefix: string;
  delimiter: string;
  maxKeys: number;
  /** Keys after this one (StartAfter, Marker, or from a continuation token). */
  after: string;
}

export interface ListPage {
  contents: { key: string; meta: ObjectMeta }[];
  commonPrefixes: string[];
  isTruncated: boolean;
  /** The last key or common prefix of the page: where the next one starts. */
  last?: string;
}

export const MAX_KEYS = 1000;

export function parseMaxKeys(value: string | null): number {
  if (value === null || value === '') return MAX_KEYS;
  if (!/^\d+$/.test(value))
    throw invalidArgument('Provided max-keys not an integer or within integer range');
  return Math.min(MAX_KEYS, Number(value));
}

export function encodeToken(last: string): string {
  return Buffer.from(`k:${last}`).toString('base64url');
}

export function decodeToken(token: string): string {
  const text = Buffer.from(token, 'base64url').toString('utf8');
  if (!text.startsWith('k:')) throw invalidArgument('The continuation token provided is incorrect');
  return text.slice(2);
}

export async function listObjects(
  storage: S3Storage,
  bucket: string,
  req: ListRequest,
): Promise<ListPage> {
  storage.bucket(bucket);
  const page: ListPage = { contents: [], commonPrefixes: [], isTruncated: false };
  if (req.maxKeys === 0) return page;
  // Resuming after a common prefix skips everything under it.
  let lastPrefix: string | undefined =
    req.delimiter && req.after.startsWith(req.prefix) && req.after.endsWith(req.delimiter)
      ? req.after
      : undefined;
  let count = 0;
  const keys = storage.keys(bucket, {
    prefix: req.prefix,
    startAfter: req.after,
    skip: (folderKey) => lastPrefix !== undefined && folderKey.startsWith(lastPrefix),
  });
  for await (const key of keys) {
    if (lastPrefix !== undefined && key.startsWith(lastPrefix)) continue;
    let entry: string = key;
    let prefix: string | undefined;
    if (req.delimiter) {
      const at = key.indexOf(req.delimiter, req.prefix.length);
      if (at !== -1) prefix = key.slice(0, at + req.delimiter.length);
    }
    if (prefix !== undefined) entry = prefix;
    if (count === req.maxKeys) {
      page.isTruncated = true;
      break;
    }
    if (prefix !== undefined) {
      lastPrefix = prefix;
      page.commonPrefixes.push(prefix);
    } else {
      const meta = storage.listedMeta(bucket, key);
      if (!meta) continue;
      page.contents.push({ key, meta });
    }
    page.last = entry;
    count++;
  }
  return page;
}
