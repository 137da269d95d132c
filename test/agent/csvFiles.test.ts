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

function rowList(n: number): string[] {
  return Array.from({ length: n }, (_, i) =>
    csvRow([String(i), i % 3 === 0 ? 'multi\nline, "quoted"' : `v${i}`, i % 5 ? null : '']),
  );
}

/** The rows in chunks of awkward sizes (1..13 whole rows each), as the partition readers hand
 *  them on. */
function chunked(rows: string[]): Readable {
  const chunks: Buffer[] = [];
  for (let pos = 0, i = 0; pos < rows.length; i++) {
    const size = 1 + ((i * 7) % 13);
    chunks.push(Buffer.from(rows.slice(pos, pos + size).join('')));
    pos += size;
  }
  return Readable.from(chunks);
}

describe('cutting a partition into files', () => {
  it('cuts only between rows (never inside a quoted newline) and loses or repeats nothing', async () => {
    const list = rowList(500);
    const text = list.join('');
    const files: Buffer[] = [];
    const written = await writeCsvFiles(
      chunked(list),
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
    const list = rowList(50);
    const text = list.join('');
    const files: Buffer[] = [];
    await writeCsvFiles(chunked(list), { maxBytes: 1 << 20, gzip: true }, async (i, body) => {
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
    await expect(
      writeCsvFiles(
        chunked(rowList(5000)),
        { maxBytes: 1 << 30, gzip: false },
        async (_i, body) => {
          body.resume();
          throw new Error('S3 said no');
        },
      ),
    ).rejects.toThrow('S3 said no');
  });
});
