// Which bucket names and object keys the sandbox takes, and where a key lives on disk. Objects
// are plain files (`<root>/<bucket>/<key>`), so a key must also be a safe relative path: no
// `.`/`..` segments, no empty segments, no NUL or control characters, and a key cannot be both
// an object and a "folder" of other objects (S3 allows `a` beside `a/b`; a file system does not).
import { join } from 'node:path';
import { invalidArgument, invalidBucketName, S3Error } from './errors.js';

/** S3's limit on a key, in UTF-8 bytes. */
export const MAX_KEY_BYTES = 1024;
/** A file system's limit on one path segment, in bytes. */
const MAX_SEGMENT_BYTES = 255;

/** S3's bucket naming rules (general purpose buckets). */
export function checkBucketName(name: string): void {
  const ok =
    name.length >= 3 &&
    name.length <= 63 &&
    /^[a-z0-9][a-z0-9.-]*[a-z0-9]$/.test(name) &&
    !name.includes('..') &&
    !/^\d+\.\d+\.\d+\.\d+$/.test(name) &&
    !name.startsWith('xn--') &&
    !name.endsWith('-s3alias');
  if (!ok) throw invalidBucketName(name);
}

/** Refuses a key the sandbox cannot keep as a file, with one line saying why. */
export function checkKey(key: string): void {
  const refuse = (why: string) =>
    invalidArgument(`Object key "${visible(key)}" is not accepted by the sandbox: ${why}`);
  if (key.length === 0) throw refuse('it is empty');
  if (Buffer.byteLength(key) > MAX_KEY_BYTES)
    throw new S3Error('KeyTooLongError', 'Your key is too long', 400);
  if (/[\u0000-\u001f\u007f]/.test(key)) throw refuse('it contains NUL or control characters');
  if (key.endsWith('/')) throw refuse('keys ending in "/" (folder markers) are not kept');
  for (const segment of key.split('/')) {
    if (segment === '') throw refuse('it has an empty path segment (leading "/" or "//")');
    if (segment === '.' || segment === '..') throw refuse('it has a "." or ".." path segment');
    if (Buffer.byteLength(segment) > MAX_SEGMENT_BYTES)
      throw refuse(`a path segment is longer than ${MAX_SEGMENT_BYTES} bytes`);
  }
}

/** Control characters shown as \uXXXX, and at most 200 characters, for a message. */
export function visible(text: string): string {
  const shown = text.replace(
    /[\u0000-\u001f\u007f-\u009f]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return shown.length > 200 ? `${shown.slice(0, 200)}…` : shown;
}

/** The file of a key under a bucket's directory (the key already checked). */
export function keyPath(bucketDir: string, key: string): string {
  return join(bucketDir, ...key.split('/'));
}
