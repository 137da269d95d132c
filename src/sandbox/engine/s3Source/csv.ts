// A streaming CSV reader for DMS's S3-source files: RFC 4180 quoting (a field that starts with
// a double quote runs to the next lone quote; "" inside is one quote; delimiters and row
// delimiters inside are data), or, with Rfc4180 false, quotes as plain characters. One
// character delimiters; with "\n" as the row delimiter a "\r" before it is dropped (CRLF files).
// Each field remembers whether it was quoted: NULL markers only count unquoted.

export interface CsvField {
  value: string;
  quoted: boolean;
}

export interface CsvOptions {
  delimiter: string;
  rowDelimiter: string;
  rfc4180: boolean;
}

/** The longest field the reader takes (a file without its closing quote must not eat memory). */
export const MAX_FIELD_CHARS = 64 * 1024 * 1024;

export class CsvReader {
  private row: CsvField[] = [];
  private field = '';
  private quoted = false;
  /** Inside a quoted field. */
  private inQuotes = false;
  /** A quote was just seen inside a quoted field: either "" or the closing quote. */
  private quotePending = false;
  private fieldStarted = false;
  /** The last character outside quotes was "\r" (dropped if a "\n" row delimiter follows). */
  private lastWasCr = false;

  constructor(private readonly options: CsvOptions) {}

  /** Feeds text; returns the rows it completed. */
  push(text: string): CsvField[][] {
    const rows: CsvField[][] = [];
    const { delimiter, rowDelimiter, rfc4180 } = this.options;
    let start = 0; // start of the plain run not yet copied into `field`
    const flushRun = (end: number) => {
      if (end > start) this.field += text.slice(start, end);
    };
    for (let i = 0; i < text.length; i++) {
      const c = text[i] as string;
      if (this.inQuotes) {
        if (this.quotePending) {
          this.quotePending = false;
          if (c === '"') {
            this.field += '"';
            start = i + 1;
            continue;
          }
          this.inQuotes = false; // that quote closed the field; c is handled below
        } else {
          if (c === '"') {
            flushRun(i);
            this.quotePending = true;
            start = i + 1;
          }
          continue;
        }
      }
      if (c === delimiter) {
        flushRun(i);
        this.endField();
        start = i + 1;
      } else if (c === rowDelimiter) {
        flushRun(i);
        if (rowDelimiter === '\n' && this.lastWasCr) this.field = this.field.slice(0, -1);
        this.endField();
        rows.push(this.row);
        this.row = [];
        start = i + 1;
      } else if (c === '"' && rfc4180 && !this.fieldStarted && i === start && this.field === '') {
        this.inQuotes = true;
        this.quoted = true;
        this.fieldStarted = true;
        start = i + 1;
      } else {
        this.fieldStarted = true;
        this.lastWasCr = c === '\r';
        continue;
      }
      this.lastWasCr = false;
    }
    if (!this.inQuotes || !this.quotePending) flushRun(text.length);
    if (this.field.length > MAX_FIELD_CHARS)
      throw new Error(`a field is longer than ${MAX_FIELD_CHARS} characters (a quote left open?)`);
    return rows;
  }

  /** The last row when the text does not end with a row delimiter. */
  end(): CsvField[][] {
    if (this.inQuotes && !this.quotePending) throw new Error('the file ends inside a quoted field');
    this.inQuotes = false;
    this.quotePending = false;
    if (this.row.length === 0 && !this.fieldStarted && !this.quoted && this.field === '') return [];
    this.endField();
    const last = this.row;
    this.row = [];
    return [last];
  }

  private endField(): void {
    this.row.push({ value: this.field, quoted: this.quoted });
    this.field = '';
    this.quoted = false;
    this.fieldStarted = false;
    this.lastWasCr = false;
  }
}
