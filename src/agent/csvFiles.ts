// Cuts one partition's CSV byte stream into objects of about `maxBytes` (uncompressed), only
// ever between rows (a newline outside quotes), optionally gzipped, each uploaded as it is
// written. Memory stays bounded: a file is streamed to its upload with backpressure.
import { once } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import { createGzip } from 'node:zlib';

export interface FilesWritten {
  files: number;
  bytes: number;
}

type Upload = (file: number, body: Readable) => Promise<void>;

class OpenFile {
  readonly input = new PassThrough({ highWaterMark: 1 << 20 });
  readonly done: Promise<void>;
  bytes = 0;
  private failure: Error | null = null;

  constructor(index: number, gzip: boolean, upload: Upload) {
    const body = gzip ? this.input.pipe(createGzip({ level: 1 })) : this.input;
    this.done = upload(index, body).catch((error: Error) => {
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

/** Tracks whether the CSV is inside a quoted field, across chunks, to find row ends. */
class RowEnds {
  private inQuotes = false;

  /** Scans the whole chunk from its start (which must follow what was scanned before) and
   *  returns the index just past the first row end at or after `from`, or -1 (the quote state
   *  then reflects the whole chunk). After a hit, the rest starts a row, outside quotes. */
  scan(chunk: Buffer, from: number): number {
    if (from >= chunk.length) {
      // No cut wanted here: only the quote parity matters, and a tight count is much cheaper
      // than stopping at every quote (PostgreSQL's FORCE_QUOTE output has a quote every few bytes).
      let quotes = 0;
      for (let i = 0; i < chunk.length; i++) if (chunk[i] === 34) quotes++;
      if (quotes % 2 === 1) this.inQuotes = !this.inQuotes;
      return -1;
    }
    let pos = 0;
    while (pos < chunk.length) {
      const quote = chunk.indexOf(34, pos);
      if (this.inQuotes) {
        if (quote === -1) return -1;
        this.inQuotes = false;
      } else {
        const limit = quote === -1 ? chunk.length : quote;
        const nl = from < limit ? chunk.indexOf(10, Math.max(pos, from)) : -1;
        if (nl !== -1 && nl < limit) return nl + 1;
        if (quote === -1) return -1;
        this.inQuotes = true;
      }
      pos = quote + 1;
    }
    return -1;
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
  const ends = new RowEnds();
  try {
    for await (const raw of csv) {
      let chunk = raw as Buffer;
      bytes += chunk.length;
      while (chunk.length > 0) {
        if (!file) file = new OpenFile(index++, options.gzip, upload);
        const room = options.maxBytes - file.bytes;
        const cut = ends.scan(chunk, room < chunk.length ? Math.max(0, room - 1) : chunk.length);
        if (cut === -1) {
          await file.write(chunk);
          break;
        }
        await file.write(chunk.subarray(0, cut));
        await file.finish();
        file = null;
        chunk = chunk.subarray(cut);
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
