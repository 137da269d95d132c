// Turns one partition's CSV stream (read back row by row) into Parquet objects: rows are
// buffered one row group at a time (ROW_GROUP_ROWS), each group is encoded and streamed to the
// object's upload with backpressure, and a new object starts once one passes `maxBytes`.
// Memory stays bounded by a row group, whatever the partition's size.
import { once } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import { ByteWriter, ParquetWriter } from 'hyparquet-writer';
import { CsvRowReader } from '../model/agentCsvRows.js';
import { parquetSchema, parquetValue } from '../model/agentParquet.js';
import type { ExternalColumn } from '../model/agentTableDefinition.js';
import type { FilesWritten } from './csvFiles.js';

type Upload = (file: number, body: Readable) => Promise<void>;

export const ROW_GROUP_ROWS = 20_000;

/** A ByteWriter that hands each row group's bytes to a stream as soon as it is encoded. */
class StreamingWriter extends ByteWriter {
  constructor(private readonly out: PassThrough) {
    super();
  }

  flush(): Promise<void> | undefined {
    if (this.index === 0) return undefined;
    const ok = this.out.write(Buffer.from(this.buffer.slice(0, this.index)));
    this.index = 0;
    return ok ? undefined : once(this.out, 'drain').then(() => undefined);
  }

  override finish(): void {
    this.flush();
    this.out.end();
  }
}

class OpenFile {
  readonly body = new PassThrough({ highWaterMark: 1 << 20 });
  readonly done: Promise<void>;
  private readonly bytes: StreamingWriter;
  private readonly parquet: ParquetWriter;

  constructor(index: number, columns: readonly ExternalColumn[], upload: Upload) {
    this.bytes = new StreamingWriter(this.body);
    this.parquet = new ParquetWriter({
      writer: this.bytes,
      schema: parquetSchema(columns) as never,
      createdBy: 'dms-tui agent',
    });
    this.done = upload(index, this.body).catch((error: Error) => {
      this.body.destroy();
      throw error;
    });
    this.done.catch(() => undefined);
  }

  get size(): number {
    return this.bytes.offset;
  }

  async write(columns: readonly ExternalColumn[], rows: (string | null)[][]): Promise<void> {
    const columnData = columns.map((c, i) => ({
      name: c.ColumnName,
      data: rows.map((r) => parquetValue(c, r[i] ?? null)),
    }));
    await Promise.race([
      this.parquet.write({ columnData: columnData as never, rowGroupSize: rows.length }),
      this.done,
    ]);
  }

  async finish(): Promise<void> {
    this.parquet.finish();
    await this.done;
  }
}

export async function writeParquetFiles(
  csv: Readable,
  options: { maxBytes: number; nullMarker: string; columns: readonly ExternalColumn[] },
  upload: Upload,
): Promise<FilesWritten> {
  const reader = new CsvRowReader(options.nullMarker);
  const decoder = new TextDecoder();
  let index = 0;
  let bytes = 0;
  let file: OpenFile | null = null;
  let group: (string | null)[][] = [];
  const flushGroup = async () => {
    if (group.length === 0) return;
    file ??= new OpenFile(index++, options.columns, upload);
    await file.write(options.columns, group);
    group = [];
    if (file.size >= options.maxBytes) {
      await file.finish();
      file = null;
    }
  };
  try {
    for await (const raw of csv) {
      bytes += (raw as Buffer).length;
      for (const row of reader.push(decoder.decode(raw as Buffer, { stream: true }))) {
        group.push(row);
        if (group.length >= ROW_GROUP_ROWS) await flushGroup();
      }
    }
    await flushGroup();
    if (file) await (file as OpenFile).finish();
  } catch (error) {
    (file as OpenFile | null)?.body.destroy();
    csv.destroy();
    throw error;
  }
  return { files: index, bytes };
}
