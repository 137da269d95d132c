// The digests of an object body, computed while it streams to disk: MD5 (the ETag) always, and
// the flexible checksum the client announced (x-amz-checksum-crc32, -crc32c, -sha1, -sha256),
// checked against the value it sent in a header or an aws-chunked trailer. CRC64NVME is
// accepted unchecked.
import { createHash, type Hash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { badDigest, invalidRequest } from './errors.js';

export type ChecksumAlgorithm = 'crc32' | 'crc32c' | 'sha1' | 'sha256' | 'crc64nvme';
export const CHECKSUM_ALGORITHMS: readonly ChecksumAlgorithm[] = [
  'crc32',
  'crc32c',
  'sha1',
  'sha256',
  'crc64nvme',
];

const CRC32C_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0x82f63b78 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32C (Castagnoli), continuing from `crc` (0 to start). */
export function crc32c(data: Uint8Array, crc = 0): number {
  let c = ~crc >>> 0;
  for (let i = 0; i < data.length; i++)
    c = (CRC32C_TABLE[(c ^ (data[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return ~c >>> 0;
}

function crcBase64(value: number): string {
  const buf = Buffer.alloc(4);
  buf.writeUInt32BE(value >>> 0);
  return buf.toString('base64');
}

/** Running digests of one body. */
export class BodyDigests {
  readonly md5: Hash = createHash('md5');
  size = 0;
  private crc = 0;
  private hash: Hash | undefined;

  constructor(readonly algorithm?: ChecksumAlgorithm) {
    if (algorithm === 'sha1' || algorithm === 'sha256') this.hash = createHash(algorithm);
  }

  update(chunk: Buffer): void {
    this.size += chunk.length;
    this.md5.update(chunk);
    if (this.algorithm === 'crc32') this.crc = crc32(chunk, this.crc);
    else if (this.algorithm === 'crc32c') this.crc = crc32c(chunk, this.crc);
    else this.hash?.update(chunk);
  }

  /** The announced checksum as S3 writes it (base64), or undefined when not computed. Once. */
  checksum(): string | undefined {
    if (this.algorithm === 'crc32' || this.algorithm === 'crc32c') return crcBase64(this.crc);
    return this.hash?.digest('base64');
  }
}

/** Which algorithm a request announces (header, trailer or SDK hint), if any. */
export function announcedAlgorithm(
  headers: Record<string, string | string[] | undefined>,
): ChecksumAlgorithm | undefined {
  const names: string[] = [];
  const trailer = headers['x-amz-trailer'];
  if (typeof trailer === 'string') names.push(...trailer.split(',').map((t) => t.trim()));
  for (const name of Object.keys(headers)) names.push(name);
  for (const name of names) {
    const m = /^x-amz-checksum-([a-z0-9]+)$/i.exec(name);
    if (!m) continue;
    const algorithm = m[1]?.toLowerCase() as ChecksumAlgorithm;
    if (CHECKSUM_ALGORITHMS.includes(algorithm)) return algorithm;
    throw invalidRequest(`Unsupported checksum algorithm: ${m[1]}`);
  }
  return undefined;
}

/**
 * Checks what the client sent (Content-MD5, x-amz-checksum-* from the headers or the trailers)
 * against what was received; throws BadDigest on a mismatch.
 */
export function verifyDigests(
  digests: BodyDigests,
  md5Hex: string,
  sent: Record<string, string | string[] | undefined>,
  actual: string | undefined,
): void {
  const contentMd5 = sent['content-md5'];
  if (
    typeof contentMd5 === 'string' &&
    Buffer.from(md5Hex, 'hex').toString('base64') !== contentMd5
  )
    throw badDigest('Content-MD5');
  if (!digests.algorithm || digests.algorithm === 'crc64nvme') return;
  const expected = sent[`x-amz-checksum-${digests.algorithm}`];
  if (typeof expected === 'string' && actual !== undefined && expected !== actual)
    throw badDigest(digests.algorithm.toUpperCase());
}
