// Reads back the agent's own CSV (agentCsv.ts, or PostgreSQL's COPY with the same settings):
// rows of fields, a bare field equal to the null marker is NULL, a quoted one is text. Fed
// chunk by chunk; a row split across chunks is carried over. Pure.
export class CsvRowReader {
  private field = '';
  private quoted = false;
  private inQuotes = false;
  private quoteSeen = false;
  private row: (string | null)[] = [];

  constructor(private readonly nullMarker: string) {}

  /** The rows completed by this chunk. */
  push(chunk: string): (string | null)[][] {
    const rows: (string | null)[][] = [];
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i] as string;
      if (this.inQuotes) {
        if (c === '"') {
          this.inQuotes = false;
          this.quoteSeen = true;
        } else this.field += c;
        continue;
      }
      if (c === '"') {
        if (this.quoteSeen) this.field += '"';
        this.inQuotes = true;
        this.quoted = true;
        this.quoteSeen = false;
      } else if (c === ',') this.endField();
      else if (c === '\n') {
        this.endField();
        rows.push(this.row);
        this.row = [];
      } else if (c !== '\r' || this.quoted) this.field += c;
      if (c !== '"') this.quoteSeen = false;
    }
    return rows;
  }

  private endField(): void {
    this.row.push(!this.quoted && this.field === this.nullMarker ? null : this.field);
    this.field = '';
    this.quoted = false;
  }
}
