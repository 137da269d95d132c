// A capped buffer of log lines: a ring that keeps the newest `capacity` lines, so following a
// chatty task for hours keeps memory flat. Indexing is from the oldest line still held. How a
// slot stores its line is the subclass's to choose (store/load; LogLineBuffer packs). Pure.

export class LogBuffer<T> {
  private items: (T | undefined)[] = [];
  private start = 0;
  private count = 0;
  /** Lines dropped from the front since the buffer was made. */
  dropped = 0;
  /** Bumped on every change, so a React hook can tell that it changed. */
  version = 0;

  constructor(readonly capacity = 100_000) {
    if (capacity < 1) throw new Error('capacity must be at least 1');
  }

  /** Keeps `line` in ring slot `slot` (0 ≤ slot < capacity). */
  protected store(slot: number, line: T): void {
    this.items[slot] = line;
  }

  protected load(slot: number): T | undefined {
    return this.items[slot];
  }

  /** The ring slot of line `index` (0 = the oldest held). */
  protected slotOf(index: number): number {
    return (this.start + index) % this.capacity;
  }

  /** Forgets every stored line. */
  protected reset(): void {
    this.items = [];
  }

  get length(): number {
    return this.count;
  }

  push(...lines: T[]): void {
    this.pushAll(lines);
  }

  pushAll(lines: readonly T[]): void {
    for (const line of lines) {
      if (this.count < this.capacity) {
        this.store((this.start + this.count) % this.capacity, line);
        this.count++;
      } else {
        this.store(this.start, line);
        this.start = (this.start + 1) % this.capacity;
        this.dropped++;
      }
    }
    if (lines.length > 0) this.version++;
  }

  at(index: number): T | undefined {
    if (index < 0 || index >= this.count) return undefined;
    return this.load(this.slotOf(index));
  }

  /** Lines [from, to) as an array. */
  slice(from = 0, to = this.count): T[] {
    const out: T[] = [];
    const end = Math.min(to, this.count);
    for (let i = Math.max(0, from); i < end; i++) out.push(this.at(i) as T);
    return out;
  }

  clear(): void {
    this.reset();
    this.start = 0;
    this.count = 0;
    this.version++;
  }

  /** Index of the first line at or after `from` that passes `test`, or -1. */
  findNext(from: number, test: (line: T) => boolean): number {
    for (let i = Math.max(0, from); i < this.count; i++) if (test(this.at(i) as T)) return i;
    return -1;
  }
}
