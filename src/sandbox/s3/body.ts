// Receiving a request body: streamed to a temporary file (never held in memory), aws-chunked
// framing decoded, MD5 and the announced checksum computed on the way and checked at the end,
// and the size bounded. Small XML request documents are read into memory up to a cap.
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AwsChunkedDecoder, isAwsChunked } from './chunked.js';
import { announcedAlgorithm, BodyDigests, verifyDigests } from './checksums.js';
import { entityTooLarge, incompleteBody, S3Error } from './errors.js';

export interface ReceivedBody {
  size: number;
  md5Hex: string;
  /** The checksum the client announced, as received, e.g. {algorithm: 'crc32', value}. */
  checksum?: { algorithm: string; value: string };
}

type Headers = Record<string, string | string[] | undefined>;

/** The client went away mid-body: nothing to answer. */
export class BodyAborted extends Error {}

/** The request body as it was meant (aws-chunked framing removed), counted and digested. */
function decodedBody(req: IncomingMessage, max: number, digests: BodyDigests) {
  const chunked = isAwsChunked(req.headers);
  const decoder = chunked ? new AwsChunkedDecoder() : undefined;
  const tap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      digests.update(chunk);
      if (digests.size > max) done(entityTooLarge(max));
      else done(null, chunk);
    },
  });
  const stages: (Readable | Transform)[] = decoder ? [req, decoder, tap] : [req, tap];
  const finish = (): Headers => {
    const declared = chunked
      ? req.headers['x-amz-decoded-content-length']
      : req.headers['content-length'];
    if (typeof declared === 'string' && /^\d+$/.test(declared) && Number(declared) !== digests.size)
      throw incompleteBody();
    return { ...req.headers, ...(decoder?.trailers ?? {}) };
  };
  return { stages, finish };
}

function settle(error: unknown, req: IncomingMessage): never {
  if (error instanceof S3Error) throw error;
  if (req.destroyed || (error as NodeJS.ErrnoException).code === 'ERR_STREAM_PREMATURE_CLOSE')
    throw new BodyAborted();
  throw error;
}

/** Streams the body into `file` (created 0600); on any failure the file is removed. */
export async function receiveToFile(
  req: IncomingMessage,
  file: string,
  max: number,
): Promise<ReceivedBody> {
  const digests = new BodyDigests(announcedAlgorithm(req.headers));
  const { stages, finish } = decodedBody(req, max, digests);
  try {
    await pipeline([...stages, createWriteStream(file, { mode: 0o600 })]);
    const sent = finish();
    const md5Hex = digests.md5.digest('hex');
    const value = digests.checksum();
    verifyDigests(digests, md5Hex, sent, value);
    return {
      size: digests.size,
      md5Hex,
      checksum: digests.algorithm && value ? { algorithm: digests.algorithm, value } : undefined,
    };
  } catch (error) {
    rmSync(file, { force: true });
    return settle(error, req);
  }
}

/** Reads a small body (an XML document) into memory; over `max` bytes it is refused. */
export async function receiveSmall(req: IncomingMessage, max: number): Promise<string> {
  const digests = new BodyDigests(announcedAlgorithm(req.headers));
  const { stages, finish } = decodedBody(req, max, digests);
  const chunks: Buffer[] = [];
  const collect = new Transform({
    transform(chunk: Buffer, _enc, done) {
      chunks.push(chunk);
      done();
    },
  });
  try {
    await pipeline([...stages, collect]);
  } catch (error) {
    settle(error, req);
  }
  const sent = finish();
  verifyDigests(digests, digests.md5.digest('hex'), sent, digests.checksum());
  return Buffer.concat(chunks).toString('utf8');
}

/** A fresh temporary file name under `dir` (created 0700 when missing). */
export function tempFile(dir: string): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return join(dir, `${Date.now().toString(36)}-${randomBytes(8).toString('hex')}`);
}
