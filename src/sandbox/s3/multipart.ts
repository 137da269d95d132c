// Multipart uploads: each upload is a folder <s3>/.uploads/<uploadId>/ with upload.json (bucket,
// key, content type, metadata, when) and one file per part beside its <n>.json ({etag, size}).
// Complete checks the part list as S3 does (ascending, every part there with its ETag, all but
// the last at least 5 MiB), streams the parts into one file and commits it as the object, with
// the ETag S3 gives: MD5 of the parts' binary MD5s, "-<number of parts>".
import { createHash, randomBytes } from 'node:crypto';
import {
  createReadStream,
  createWriteStream,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { receiveToFile, tempFile } from './body.js';
import {
  entityTooLarge,
  entityTooSmall,
  invalidArgument,
  invalidPart,
  invalidPartOrder,
  malformedXml,
  noSuchUpload,
} from './errors.js';
import { checkKey } from './names.js';
import { compareKeys, type ObjectMeta, type S3Storage } from './storage.js';
import { elements, text } from './xml.js';

export const MIN_PART_SIZE = 5 * 1024 * 1024;
export const MAX_PART_SIZE = 5 * 1024 * 1024 * 1024;
export const MAX_PARTS = 10_000;

export interface Upload {
  uploadId: string;
  bucket: string;
  key: string;
  initiated: string;
  contentType?: string;
  metadata: Record<string, string>;
}

interface PartRecord {
  etag: string;
  size: number;
}

export class Multipart {
  constructor(private readonly storage: S3Storage) {}

  private dir(uploadId: string): string {
    if (!/^[A-Za-z0-9_-]{1,128}$/.test(uploadId)) throw noSuchUpload(uploadId);
    return join(this.storage.uploadsDir, uploadId);
  }

  /** The upload, checked to belong to this bucket and key, or NoSuchUpload. */
  upload(bucket: string, key: string, uploadId: string): Upload {
    let upload: Upload;
    try {
      upload = JSON.parse(readFileSync(join(this.dir(uploadId), 'upload.json'), 'utf8')) as Upload;
    } catch {
      throw noSuchUpload(uploadId);
    }
    if (upload.bucket !== bucket || upload.key !== key) throw noSuchUpload(uploadId);
    return upload;
  }

  create(
    bucket: string,
    key: string,
    contentType: string | undefined,
    metadata: Record<string, string>,
  ): Upload {
    this.storage.bucket(bucket);
    checkKey(key);
    const uploadId = randomBytes(24).toString('base64url');
    const upload: Upload = {
      uploadId,
      bucket,
      key,
      initiated: new Date().toISOString(),
      contentType,
      metadata,
    };
    const dir = this.dir(uploadId);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(join(dir, 'upload.json'), `${JSON.stringify(upload)}\n`, { mode: 0o600 });
    return upload;
  }

  async uploadPart(
    bucket: string,
    key: string,
    uploadId: string,
    partNumber: string | null,
    req: IncomingMessage,
  ): Promise<string> {
    this.storage.bucket(bucket);
    this.upload(bucket, key, uploadId);
    const n = Number(partNumber);
    if (!/^\d+$/.test(partNumber ?? '') || n < 1 || n > MAX_PARTS)
      throw invalidArgument(`Part number must be an integer between 1 and ${MAX_PARTS}, inclusive`);
    const tmp = tempFile(this.storage.tmpDir);
    const body = await receiveToFile(req, tmp, MAX_PART_SIZE);
    const dir = this.dir(uploadId);
    const record: PartRecord = { etag: `"${body.md5Hex}"`, size: body.size };
    try {
      // The upload may have been aborted or completed meanwhile.
      this.upload(bucket, key, uploadId);
      writeFileSync(join(dir, `${n}.json`), `${JSON.stringify(record)}\n`, { mode: 0o600 });
      renameSync(tmp, join(dir, String(n)));
    } catch (error) {
      rmSync(tmp, { force: true });
      throw error;
    }
    return record.etag;
  }

  async complete(bucket: string, key: string, uploadId: string, xml: string): Promise<ObjectMeta> {
    this.storage.bucket(bucket);
    const upload = this.upload(bucket, key, uploadId);
    const dir = this.dir(uploadId);
    const wanted = elements(xml, 'Part').map((part) => ({
      n: Number(text(part, 'PartNumber')),
      etag: (text(part, 'ETag') ?? '').trim(),
    }));
    if (!xml.includes('CompleteMultipartUpload') || wanted.length === 0) throw malformedXml();
    const parts: (PartRecord & { n: number })[] = [];
    for (const [i, want] of wanted.entries()) {
      if (!Number.isInteger(want.n) || want.n < 1 || want.n > MAX_PARTS) throw malformedXml();
      if (i > 0 && want.n <= (wanted[i - 1]?.n ?? 0)) throw invalidPartOrder();
      let record: PartRecord;
      try {
        record = JSON.parse(readFileSync(join(dir, `${want.n}.json`), 'utf8')) as PartRecord;
      } catch {
        throw invalidPart(want.n);
      }
      const unquoted = (e: string) => e.replace(/^"|"$/g, '');
      if (unquoted(record.etag) !== unquoted(want.etag)) throw invalidPart(want.n);
      parts.push({ ...record, n: want.n });
    }
    parts.forEach((p, i) => {
      if (i < parts.length - 1 && p.size < MIN_PART_SIZE) throw entityTooSmall();
    });
    const total = parts.reduce((sum, p) => sum + p.size, 0);
    if (total > 5 * 1024 ** 4) throw entityTooLarge(5 * 1024 ** 4);
    const tmp = tempFile(this.storage.tmpDir);
    try {
      const out = createWriteStream(tmp, { mode: 0o600 });
      await pipeline(
        (async function* () {
          for (const p of parts) yield* createReadStream(join(dir, String(p.n)));
        })(),
        out,
      );
    } catch (error) {
      rmSync(tmp, { force: true });
      throw error;
    }
    const md5s = Buffer.concat(parts.map((p) => Buffer.from(p.etag.replace(/"/g, ''), 'hex')));
    const meta: ObjectMeta = {
      etag: `"${createHash('md5').update(md5s).digest('hex')}-${parts.length}"`,
      size: total,
      lastModified: new Date().toISOString(),
      contentType: upload.contentType,
      metadata: upload.metadata,
    };
    this.storage.commit(bucket, key, tmp, meta);
    rmSync(dir, { recursive: true, force: true });
    return meta;
  }

  abort(bucket: string, key: string, uploadId: string): void {
    this.storage.bucket(bucket);
    this.upload(bucket, key, uploadId);
    rmSync(this.dir(uploadId), { recursive: true, force: true });
  }

  /** Uploads in progress in a bucket, by key then time. */
  list(bucket: string, prefix: string): Upload[] {
    this.storage.bucket(bucket);
    let ids: string[];
    try {
      ids = readdirSync(this.storage.uploadsDir);
    } catch {
      return [];
    }
    const uploads: Upload[] = [];
    for (const id of ids) {
      try {
        const u = JSON.parse(readFileSync(join(this.dir(id), 'upload.json'), 'utf8')) as Upload;
        if (u.bucket === bucket && u.key.startsWith(prefix)) uploads.push(u);
      } catch {
        // half-made or removed meanwhile
      }
    }
    return uploads.sort(
      (a, b) => compareKeys(a.key, b.key) || a.initiated.localeCompare(b.initiated),
    );
  }
}
