// Decodes `Content-Encoding: aws-chunked` bodies (the SDK's streaming uploads with flexible
// checksums, and SigV4 streaming): `<hex size>[;chunk-signature=…]\r\n<data>\r\n` … `0\r\n`,
// then trailer lines `x-amz-checksum-crc32:<base64>\r\n` and an empty line. The data comes out;
// the trailers are kept for the checksum check. Signatures are not checked (loopback sandbox).
import { Transform, type TransformCallback } from 'node:stream';
import { S3Error } from './errors.js';

const MAX_LINE = 4096;

function malformed(why: string): S3Error {
  return new S3Error('IncompleteBody', `The aws-chunked request body is malformed: ${why}`, 400);
}

type Phase = 'size' | 'data' | 'data-end' | 'trailer' | 'done';

export class AwsChunkedDecoder extends Transform {
  /** Trailer headers, lower-case names (e.g. x-amz-checksum-crc32). */
  readonly trailers: Record<string, string> = {};
  private phase: Phase = 'size';
  private line = '';
  private remaining = 0;

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    try {
      let pos = 0;
      while (pos < chunk.length) {
        if (this.phase === 'data') {
          const take = Math.min(this.remaining, chunk.length - pos);
          this.push(chunk.subarray(pos, pos + take));
          pos += take;
          this.remaining -= take;
          if (this.remaining === 0) this.phase = 'data-end';
          continue;
        }
        if (this.phase === 'done') {
          pos = chunk.length; // anything after the final empty line is ignored
          continue;
        }
        const nl = chunk.indexOf(10, pos);
        const end = nl === -1 ? chunk.length : nl + 1;
        this.line += chunk.toString('latin1', pos, end);
        pos = end;
        if (this.line.length > MAX_LINE) throw malformed('a chunk header line is too long');
        if (nl !== -1) this.endLine(this.line.replace(/\r?\n$/, ''));
      }
      done();
    } catch (error) {
      done(error as Error);
    }
  }

  private endLine(line: string): void {
    this.line = '';
    if (this.phase === 'data-end') {
      if (line !== '') throw malformed('chunk data is longer than its declared size');
      this.phase = 'size';
      return;
    }
    if (this.phase === 'size') {
      const m = /^([0-9a-fA-F]{1,16})(;.*)?$/.exec(line);
      if (!m) throw malformed(`bad chunk size line "${line.slice(0, 40)}"`);
      this.remaining = Number.parseInt(m[1] as string, 16);
      this.phase = this.remaining === 0 ? 'trailer' : 'data';
      return;
    }
    // trailer
    if (line === '') {
      this.phase = 'done';
      return;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) throw malformed('bad trailer line');
    this.trailers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }

  override _flush(done: TransformCallback): void {
    // A body may end right after the trailers without the final empty line.
    if (this.phase === 'trailer' && this.line !== '') this.endLine(this.line.replace(/\r$/, ''));
    if (this.phase !== 'done' && this.phase !== 'trailer')
      done(malformed('the body ended inside a chunk'));
    else done();
  }
}

/** True when a request's body is aws-chunked. */
export function isAwsChunked(headers: Record<string, string | string[] | undefined>): boolean {
  const encoding = String(headers['content-encoding'] ?? '').toLowerCase();
  const sha = String(headers['x-amz-content-sha256'] ?? '');
  return (
    encoding.split(',').some((e) => e.trim() === 'aws-chunked') || sha.startsWith('STREAMING-')
  );
}
