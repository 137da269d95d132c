// `COPY … TO STDOUT` from a pg Client as a Readable of whole rows: PostgreSQL sends one
// CopyData message per row, so the reader counts rows as they stream (live progress) and hands
// on chunks of about CHUNK_BYTES that always end at a row end (the file cutter needs no CSV
// parsing). Like pg-copy-streams it takes the socket over while the COPY runs (pg's own message
// parsing is the slow part) and hands everything after CopyDone, or from an ErrorResponse on,
// back to pg, which then finishes the query (CommandComplete/ReadyForQuery or the error).
import { Readable } from 'node:stream';
import type pg from 'pg';

const COPY_DATA = 0x64; // 'd'
const COPY_DONE = 0x63; // 'c'
const ERROR_RESPONSE = 0x45; // 'E'
const CHUNK_BYTES = 256 * 1024;

interface PgConnection {
  stream: NodeJS.ReadableStream & Readable;
  query(text: string): void;
}

type DataHandler = (chunk: Buffer) => void;

export class PgCopyOut extends Readable {
  /** Rows (CopyData messages) read so far. */
  rows = 0;
  /** CSV bytes read so far. */
  bytes = 0;
  private connection: PgConnection | null = null;
  private pgDataHandler: DataHandler | null = null;
  private rest: Buffer | null = null;
  private out = Buffer.allocUnsafe(CHUNK_BYTES);
  private outLength = 0;
  private wanted = false;
  private forwarding = false;
  private finished = false;
  private readonly onReadable = () => this.forward();

  constructor(private readonly text: string) {
    super({ highWaterMark: 2 * CHUNK_BYTES });
  }

  /** pg's Submittable interface: called by client.query(this) when the query's turn comes. */
  submit(connection: PgConnection): void {
    this.connection = connection;
    const socket = connection.stream;
    const listeners = socket.listeners('data') as DataHandler[];
    if (listeners.length !== 1) throw new Error('unexpected pg connection state for COPY');
    this.pgDataHandler = listeners[0] as DataHandler;
    socket.removeListener('data', this.pgDataHandler);
    socket.pause();
    socket.on('readable', this.onReadable);
    connection.query(this.text);
  }

  override _read(): void {
    this.wanted = true;
    this.forward();
  }

  private forward(): void {
    if (this.forwarding || !this.wanted || !this.connection || this.finished) return;
    this.forwarding = true;
    const socket = this.connection.stream;
    while (this.wanted && !this.finished) {
      const chunk = socket.read() as Buffer | null;
      if (chunk === null) break;
      this.parse(chunk);
    }
    this.forwarding = false;
  }

  private parse(chunk: Buffer): void {
    const buf = this.rest ? Buffer.concat([this.rest, chunk]) : chunk;
    this.rest = null;
    let pos = 0;
    while (pos + 5 <= buf.length) {
      const code = buf[pos] as number;
      if (code === ERROR_RESPONSE) {
        // pg parses the error and calls handleError.
        this.handBack(buf.subarray(pos));
        return;
      }
      const end = pos + 1 + buf.readUInt32BE(pos + 1);
      if (end > buf.length) break;
      if (code === COPY_DATA) {
        this.append(buf, pos + 5, end);
        this.rows++;
      } else if (code === COPY_DONE) {
        this.flush();
        this.handBack(buf.subarray(end));
        this.push(null);
        return;
      }
      // CopyOutResponse, and the NoticeResponse/ParameterStatus/NotificationResponse that may
      // come in between, carry nothing for us.
      pos = end;
    }
    if (pos < buf.length) this.rest = buf.subarray(pos);
  }

  private append(buf: Buffer, start: number, end: number): void {
    const length = end - start;
    this.bytes += length;
    if (this.outLength + length > this.out.length) {
      this.flush();
      if (length > this.out.length) {
        this.wanted = this.push(Buffer.from(buf.subarray(start, end))) && this.wanted;
        return;
      }
    }
    buf.copy(this.out, this.outLength, start, end);
    this.outLength += length;
    if (this.outLength >= this.out.length) this.flush();
  }

  private flush(): void {
    if (this.outLength === 0) return;
    const full = this.out.subarray(0, this.outLength);
    this.out = Buffer.allocUnsafe(CHUNK_BYTES);
    this.outLength = 0;
    if (!this.push(full)) this.wanted = false;
  }

  private handBack(unread: Buffer): void {
    this.finished = true;
    const connection = this.connection as PgConnection;
    const socket = connection.stream;
    socket.removeListener('readable', this.onReadable);
    const handler = this.pgDataHandler as DataHandler;
    socket.on('data', handler);
    if (unread.length > 0) handler(unread);
    // The data handler may pause the socket itself: resume once it has returned.
    process.nextTick(() => socket.resume());
  }

  handleError(error: Error): void {
    this.destroy(error);
  }

  handleCommandComplete(): void {}

  handleReadyForQuery(): void {}
}

/** Starts `sql` (a COPY … TO STDOUT) on the client; rows stream from the returned reader. */
export function copyOut(client: pg.Client, sql: string): PgCopyOut {
  const reader = new PgCopyOut(sql);
  client.query(reader as never);
  return reader;
}
