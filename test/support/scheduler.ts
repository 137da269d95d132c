// A scheduler tests drive by hand (usePolling's `scheduler` option): it records each delay
// asked for and fires the pending timers on demand, so polling cadence and backoff are
// asserted exactly while the fetches themselves go to a real sandbox.
export class ManualScheduler {
  private next = 1;
  pending = new Map<number, { fn: () => void; ms: number }>();
  /** Every delay scheduled, in order. */
  delays: number[] = [];

  setTimeout = (fn: () => void, ms: number): unknown => {
    const id = this.next++;
    this.pending.set(id, { fn, ms });
    this.delays.push(ms);
    return id;
  };

  clearTimeout = (handle: unknown): void => {
    this.pending.delete(handle as number);
  };

  /** Fires every pending timer. Returns how many fired. */
  fire(): number {
    const due = [...this.pending.entries()];
    this.pending.clear();
    for (const [, t] of due) t.fn();
    return due.length;
  }
}
