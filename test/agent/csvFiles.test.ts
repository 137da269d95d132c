import { Readable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { writeCsvFiles } from '../../src/agent/csvFiles.js';
import { csvRow } from '../../src/model/agentCsv.js';

async function collect(body: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of body) parts.push(c as Buffer);
  return Buffer.concat(parts);
}

function rows(n: number): string {
  let text = '';
  for (let i = 0; i < n; i++)
    text += csvRow([String(i), i % 3 === 0 ? 'multi\nline, "quoted"' : `v${i}`, i % 5 ? null : '']);
  return text;
}

/** The text in chunks of awkward sizes (1..97 bytes), so cuts fall anywhere. */
function chunked(text: string): Readable {
  const buf = Buffer.from(text);
  const chunks: Buffer[] = [];
  for (let pos = 0, i = 0; pos < buf.length; i++) {
    const size = 1 + ((i * 37) % 97);
    chunks.push(buf.subarray(pos, pos + size));
    pos += size;
  }
  return Readable.from(chunks);
}

describe('cutting a partition into files', () => {
  it('cuts only between rows (never inside a quoted newline) and loses or repeats nothing', async () => {
    const text = rows(500);
    const files: Buffer[] = [];
    const written = await writeCsvFiles(
      chunked(text),
      { maxBytes: 700, gzip: false },
      async (i, body) => {
        files[i] = await collect(body);
      },
    );
    expect(written.files).toBe(files.length);
    expect(files.length).toBeGreaterThan(10);
    expect(Buffer.concat(files).toString()).toBe(text);
    for (const f of files.slice(0, -1)) {
      expect(f.length).toBeGreaterThanOrEqual(700);
      expect(f.toString().endsWith('\n')).toBe(true);
      // Every file holds whole rows: an even number of quotes.
      expect((f.toString().match(/"/g) ?? []).length % 2).toBe(0);
    }
    expect(written.bytes).toBe(Buffer.byteLength(text));
  });

  it('gzips each file; an empty partition writes no file', async () => {
    const text = rows(50);
    const files: Buffer[] = [];
    await writeCsvFiles(chunked(text), { maxBytes: 1 << 20, gzip: true }, async (i, body) => {
      files[i] = await collect(body);
    });
    expect(files).toHaveLength(1);
    expect(gunzipSync(files[0] as Buffer).toString()).toBe(text);
    const none = await writeCsvFiles(Readable.from([]), { maxBytes: 10, gzip: true }, async () => {
      throw new Error('no upload expected');
    });
    expect(none).toEqual({ files: 0, bytes: 0 });
  });

  it('a failed upload fails the partition instead of hanging', async () => {
    const text = rows(5000);
    await expect(
      writeCsvFiles(chunked(text), { maxBytes: 1 << 30, gzip: false }, async (_i, body) => {
        body.resume();
        throw new Error('S3 said no');
      }),
    ).rejects.toThrow('S3 said no');
  });
});
