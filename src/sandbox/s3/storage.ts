// The sandbox's S3 objects on disk, under <dataDir>/s3:
//   <bucket>/<key>               the object's bytes, a plain file (so `ls` shows the bucket)
//   .meta/<bucket>/<key>         its metadata (JSON: ETag, size, time, content type, x-amz-meta-*)
//   .buckets/<bucket>.json       the bucket (creation time, region)
//   .tmp/, .uploads/<uploadId>/  bodies being received, multipart uploads in progress
// Bucket names cannot start with ".", so the bookkeeping never meets a bucket. Every object is
// written to a temporary file first and renamed into place, its metadata likewise.
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import {
  bucketAlreadyOwned,
  bucketNotEmpty,
  invalidArgument,
  noSuchBucket,
  noSuchKey,
} from './errors.js';
import { checkBucketName, checkKey, keyPath, visible } from './names.js';

export interface ObjectMeta {
  /** Quoted, as S3 sends it: "<md5>" or "<md5 of md5s>-<parts>". */
  etag: string;
  size: number;
  /** ISO 8601. */
  lastModified: string;
  contentType?: string;
  /** x-amz-meta-* without the prefix. */
  metadata: Record<string, string>;
  checksum?: { algorithm: string; value: string };
}

export interface BucketInfo {
  name: string;
  created: string;
  region: string;
}

const DIR_MODE = 0o700;

/** Writes `text` to `file` through a temporary file and a rename. */
function writeAtomic(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: DIR_MODE });
  const tmp = `${file}.${process.pid}.${Date.now().toString(36)}.tmp`;
  writeFileSync(tmp, text, { mode: 0o600 });
  renameSync(tmp, file);
}

/** Byte order of UTF-8, which is how S3 sorts keys. */
export function compareKeys(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

export class S3Storage {
  readonly tmpDir: string;
  readonly uploadsDir: string;

  constructor(readonly root: string) {
    this.tmpDir = join(root, '.tmp');
    this.uploadsDir = join(root, '.uploads');
  }

  private bucketFile(name: string): string {
    return join(this.root, '.buckets', `${name}.json`);
  }

  bucketDir(name: string): string {
    return join(this.root, name);
  }

  private metaFile(bucket: string, key: string): string {
    return keyPath(join(this.root, '.meta', bucket), key);
  }

  /** The bucket, or NoSuchBucket. */
  bucket(name: string): BucketInfo {
    // A name S3 could never have created is no bucket (and never a path: "../x" stays out).
    try {
      checkBucketName(name);
    } catch {
      throw noSuchBucket(name);
    }
    try {
      return JSON.parse(readFileSync(this.bucketFile(name), 'utf8')) as BucketInfo;
    } catch {
      throw noSuchBucket(name);
    }
  }

  listBuckets(): BucketInfo[] {
    let names: string[];
    try {
      names = readdirSync(join(this.root, '.buckets'));
    } catch {
      return [];
    }
    return names
      .filter((n) => n.endsWith('.json'))
      .flatMap((n) => {
        try {
          return [this.bucket(n.slice(0, -5))];
        } catch {
          return [];
        }
      })
      .sort((a, b) => compareKeys(a.name, b.name));
  }

  createBucket(name: string, region: string): BucketInfo {
    checkBucketName(name);
    if (existsSync(this.bucketFile(name))) throw bucketAlreadyOwned(name);
    const info: BucketInfo = { name, created: new Date().toISOString(), region };
    mkdirSync(this.bucketDir(name), { recursive: true, mode: DIR_MODE });
    writeAtomic(this.bucketFile(name), `${JSON.stringify(info)}\n`);
    return info;
  }

  deleteBucket(name: string): void {
    this.bucket(name);
    const dir = this.bucketDir(name);
    if (existsSync(dir) && readdirSync(dir).length > 0) throw bucketNotEmpty(name);
    rmSync(dir, { recursive: true, force: true });
    rmSync(join(this.root, '.meta', name), { recursive: true, force: true });
    rmSync(this.bucketFile(name), { force: true });
  }

  /** The object's file and metadata, or NoSuchKey. */
  object(bucket: string, key: string): { file: string; meta: ObjectMeta } {
    this.bucket(bucket);
    checkKey(key);
    const file = keyPath(this.bucketDir(bucket), key);
    let size: number;
    let mtime: Date;
    try {
      const stat = statSync(file);
      if (!stat.isFile()) throw new Error('not a file');
      size = stat.size;
      mtime = stat.mtime;
    } catch {
      throw noSuchKey(key);
    }
    return { file, meta: this.metaOf(bucket, key, size, mtime) };
  }

  /** Stored metadata, or (for a file put there by hand, or a stale record) one made up from the file. */
  private metaOf(bucket: string, key: string, size: number, mtime: Date): ObjectMeta {
    try {
      const meta = JSON.parse(readFileSync(this.metaFile(bucket, key), 'utf8')) as ObjectMeta;
      if (meta.size === size) return meta;
    } catch {
      // no record: made up below
    }
    const tag = createHash('md5').update(`${size}:${mtime.getTime()}`).digest('hex');
    return { etag: `"${tag}"`, size, lastModified: mtime.toISOString(), metadata: {} };
  }

  /** Metadata for a listing entry (the key is known to be a file). */
  listedMeta(bucket: string, key: string): ObjectMeta | null {
    try {
      const stat = statSync(keyPath(this.bucketDir(bucket), key));
      return this.metaOf(bucket, key, stat.size, stat.mtime);
    } catch {
      return null; // deleted meanwhile
    }
  }

  /** Moves a received temporary file into place as the object, with its metadata. */
  commit(bucket: string, key: string, tmp: string, meta: ObjectMeta): void {
    const file = keyPath(this.bucketDir(bucket), key);
    const conflict = () =>
      invalidArgument(
        `Object key "${visible(key)}" cannot be kept: the sandbox stores objects as files, and this key is a "folder" of other objects or lies under an object's name`,
      );
    for (let attempt = 0; ; attempt++) {
      try {
        mkdirSync(dirname(file), { recursive: true, mode: DIR_MODE });
        renameSync(tmp, file);
        break;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        // ENOENT: a delete pruned the folder between mkdir and rename; once more.
        if (code === 'ENOENT' && attempt < 3) continue;
        rmSync(tmp, { force: true });
        if (code === 'ENOTDIR' || code === 'EISDIR' || code === 'EEXIST' || code === 'ENOTEMPTY')
          throw conflict();
        throw error;
      }
    }
    writeAtomic(this.metaFile(bucket, key), `${JSON.stringify(meta)}\n`);
  }

  /** Deletes the object if it is there (S3 answers the same either way). */
  deleteObject(bucket: string, key: string): void {
    this.bucket(bucket);
    checkKey(key);
    const file = keyPath(this.bucketDir(bucket), key);
    try {
      if (!statSync(file).isFile()) return;
    } catch {
      return;
    }
    rmSync(file, { force: true });
    rmSync(this.metaFile(bucket, key), { force: true });
    this.prune(this.bucketDir(bucket), dirname(file));
    this.prune(join(this.root, '.meta', bucket), dirname(this.metaFile(bucket, key)));
  }

  /** Removes empty folders from `dir` up to (not including) `top`. */
  private prune(top: string, dir: string): void {
    let current = dir;
    while (current.length > top.length && current.startsWith(top)) {
      try {
        rmdirSync(current);
      } catch {
        return; // not empty (or gone)
      }
      current = dirname(current);
    }
  }

  /**
   * The bucket's keys in S3 order (UTF-8 bytes), only those starting with `prefix` and after
   * `startAfter`; folders that cannot hold such keys, or that `skip` names, are not read.
   */
  async *keys(
    bucket: string,
    opts: { prefix: string; startAfter: string; skip?: (folderKey: string) => boolean },
  ): AsyncGenerator<string> {
    yield* this.walk(this.bucketDir(bucket), '', opts);
  }

  private async *walk(
    dir: string,
    rel: string,
    opts: { prefix: string; startAfter: string; skip?: (folderKey: string) => boolean },
  ): AsyncGenerator<string> {
    let entries: { name: string; folder: boolean; order: Buffer }[];
    try {
      entries = (await readdir(dir, { withFileTypes: true }))
        .filter((e) => e.isFile() || e.isDirectory())
        .map((e) => ({
          name: e.name,
          folder: e.isDirectory(),
          order: Buffer.from(e.isDirectory() ? `${e.name}/` : e.name),
        }));
    } catch {
      return;
    }
    entries.sort((a, b) => Buffer.compare(a.order, b.order));
    const { prefix, startAfter } = opts;
    for (const entry of entries) {
      const key = rel + entry.name;
      if (entry.folder) {
        const folderKey = `${key}/`;
        if (!folderKey.startsWith(prefix) && !prefix.startsWith(folderKey)) continue;
        if (compareKeys(startAfter, folderKey) > 0 && !startAfter.startsWith(folderKey)) continue;
        if (opts.skip?.(folderKey)) continue;
        yield* this.walk(join(dir, entry.name), folderKey, opts);
      } else if (key.startsWith(prefix) && compareKeys(key, startAfter) > 0) yield key;
    }
  }
}
