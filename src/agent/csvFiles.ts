// Cuts one partition's CSV byte stream into objects of about `maxBytes` (uncompressed), only
// ever between rows: the readers (src/db/partitionReader.ts) hand on chunks of whole rows, so a
// file ends after the chunk that takes it to `maxBytes`. Optionally gzipped (level 1, on libuv's
// threadpool), each uploaded as it is written. Memory stays bounded: a file is streamed to its
// upload with backpressure.
import { once } from 'node:events';
import { PassThrough, type Readable, type Transform } from 'node:stream';
import { createGzip } from 'node:zlib';

/** Bytes zlib takes and gives per call: fewer, bigger hops to the threadpool. */
const GZIP_CHUNK = 256 * 1024;

export interface FilesWritten {
  files: number;
  bytes: number;
}

type Upload = (file: number, body: Readable) => Promise<void>;

class OpenFile {
  readonly input: Transform;
  readonly done: Promise<void>;
  bytes = 0;
  private failure: Error | null = null;

  constructor(index: number, gzip: boolean, upload: Upload) {
    this.input = gzip
      ? createGzip({ level: 1, chunkSize: GZIP_CHUNK })
      : new PassThrough({ highWaterMark: 1 << 20 });
    this.done = upload(index, this.input).catch((error: Error) => {
      this.failure = error;
      this.input.destroy();
      throw error;
    });
    this.done.catch(() => undefined);
  }

  async write(chunk: Buffer): Promise<void> {
    this.bytes += chunk.length;
    if (this.input.write(chunk)) return;
    await Promise.race([once(this.input, 'drain'), this.done.then(() => undefined)]);
    if (this.failure) throw this.failure;
  }

  async finish(): Promise<void> {
    this.input.end();
    await this.done;
  }
}

export async function writeCsvFiles(
  csv: Readable,
  options: { maxBytes: number; gzip: boolean },
  upload: Upload,
): Promise<FilesWritten> {
  let index = 0;
  let bytes = 0;
  let file: OpenFile | null = null;
  try {
    for await (const raw of csv) {
      const chunk = raw as Buffer;
      if (chunk.length === 0) continue;
      bytes += chunk.length;
      file ??= new OpenFile(index++, options.gzip, upload);
      await file.write(chunk);
      if (file.bytes >= options.maxBytes) {
        await file.finish();
        file = null;
      }
    }
    if (file) await file.finish();
  } catch (error) {
    file?.input.destroy();
    csv.destroy();
    throw error;
  }
  return { files: index, bytes };
}
