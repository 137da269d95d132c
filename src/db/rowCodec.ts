// The row format the engine streams between databases: PostgreSQL's COPY text format, which
// MySQL's LOAD DATA (FIELDS TERMINATED BY '\t' ESCAPED BY '\\') reads too. One row per line,
// fields separated by tabs, NULL as \N, backslash escapes for \\ \t \n \r.
import { Transform, type TransformCallback } from 'node:stream';

const NEEDS_ESCAPE = /[\\\t\n\r]/;

export function escapeField(value: string): string {
  if (!NEEDS_ESCAPE.test(value)) return value;
  return value.replace(/[\\\t\n\r]/g, (ch) =>
    ch === '\\' ? '\\\\' : ch === '\t' ? '\\t' : ch === '\n' ? '\\n' : '\\r',
  );
}

const UNESCAPES: Record<string, string> = {
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
};

/** One COPY text line (without its newline) back into fields; null for \N. */
export function decodeLine(line: string): (string | null)[] {
  return line.split('\t').map((field) => {
    if (field === '\\N') return null;
    if (!field.includes('\\')) return field;
    return field.replace(/\\(x[0-9a-fA-F]{1,2}|[0-7]{1,3}|.)/g, (_, esc: string) => {
      if (esc[0] === 'x' && esc.length > 1)
        return String.fromCharCode(Number.parseInt(esc.slice(1), 16));
      if (/^[0-7]+$/.test(esc)) return String.fromCharCode(Number.parseInt(esc, 8));
      return UNESCAPES[esc] ?? esc;
    });
  });
}

/** Index just past the `count`-th newline at or after `from`, or -1 (and how many were seen). */
export function findNewlines(
  buf: Buffer,
  from: number,
  count: number,
): { end: number; seen: number } {
  let pos = from;
  let seen = 0;
  while (seen < count) {
    const nl = buf.indexOf(10, pos);
    if (nl === -1) return { end: -1, seen };
    seen++;
    pos = nl + 1;
  }
  return { end: pos, seen };
}

/**
 * PostgreSQL's COPY writes form feed and vertical tab as \f and \v, which LOAD DATA does not
 * know; this turns them back into the raw bytes (safe inside a tab-separated field).
 */
export class PgToMysqlEscapes extends Transform {
  private carry: Buffer | null = null;

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    let buf = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    this.carry = null;
    if (buf.length > 0 && buf[buf.length - 1] === 92) {
      // A trailing backslash may start an escape that continues in the next chunk.
      let n = 0;
      for (let i = buf.length - 1; i >= 0 && buf[i] === 92; i--) n++;
      if (n % 2 === 1) {
        this.carry = buf.subarray(buf.length - 1);
        buf = buf.subarray(0, buf.length - 1);
      }
    }
    if (buf.indexOf('\\f') === -1 && buf.indexOf('\\v') === -1) {
      done(null, buf);
      return;
    }
    const out = Buffer.allocUnsafe(buf.length);
    let o = 0;
    for (let i = 0; i < buf.length; i++) {
      const b = buf[i] as number;
      if (b === 92 && i + 1 < buf.length) {
        const next = buf[i + 1] as number;
        if (next === 102 || next === 118) {
          out[o++] = next === 102 ? 12 : 11;
        } else {
          out[o++] = 92;
          out[o++] = next;
        }
        i++;
      } else out[o++] = b;
    }
    done(null, out.subarray(0, o));
  }

  override _flush(done: TransformCallback): void {
    done(null, this.carry ?? undefined);
  }
}
