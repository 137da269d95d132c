// The stdin Ink reads: wraps the terminal's stdin and hands Ink ONE key unit at a time (see
// model/keyChunks), the next only once the previous was handled and React committed it and ran
// its effects. Ink passes a run of characters read at once ("jj", "127.0.0.1\t\tnc") as one
// input event, so keys that arrived in one read were lost or merged; and it crashed on pasted
// escape sequences it cannot name. Paced, every consumer (our dispatcher, ink-text-input,
// ink-select-input) sees each key, in order, against the state the previous key left.
// Ctrl-C jumps the queue (the keys waiting behind it are dropped), so it always answers.
// React's scheduler (the one Ink's reconciler uses): runs our callback once React is idle.
import { unstable_LowPriority, unstable_scheduleCallback } from 'scheduler';
import { createKeySplitter, type KeySplitterOptions } from '../model/keyChunks.js';

/** What this wrapper needs of process.stdin. */
export interface TerminalInput {
  isTTY?: boolean;
  isRaw?: boolean;
  setRawMode?(mode: boolean): unknown;
  on(event: 'data', listener: (data: Buffer | string) => void): unknown;
  removeListener(event: 'data', listener: (data: Buffer | string) => void): unknown;
  ref?(): unknown;
  unref?(): unknown;
  pause?(): unknown;
  resume?(): unknown;
}

export interface PacedStdinOptions extends KeySplitterOptions {
  /** How long an unfinished escape sequence waits for the rest of its bytes. Default 15 ms. */
  escapeWaitMs?: number;
  /** Keys waiting at most; more are dropped (a flood of control bytes). Default 10000. */
  maxQueued?: number;
}

type Listener = (...args: unknown[]) => void;

export class PacedStdin {
  readonly isTTY: boolean;
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly splitter;
  private readonly decoder = new TextDecoder('utf-8');
  private readonly queue: string[] = [];
  private ready: string | null = null;
  private releasing = false;
  private escapeTimer: ReturnType<typeof setTimeout> | undefined;
  private raw = false;
  private readonly escapeWaitMs: number;
  private readonly maxQueued: number;

  constructor(
    private readonly source: TerminalInput,
    options: PacedStdinOptions = {},
  ) {
    this.isTTY = Boolean(source.isTTY);
    this.splitter = createKeySplitter(options);
    this.escapeWaitMs = options.escapeWaitMs ?? 15;
    this.maxQueued = options.maxQueued ?? 10000;
  }

  get isRaw(): boolean {
    return this.raw;
  }

  setRawMode(mode: boolean): this {
    if (mode === this.raw) return this;
    this.raw = mode;
    this.source.setRawMode?.(mode);
    if (mode) {
      this.source.on('data', this.onData);
      this.source.resume?.();
    } else {
      this.source.removeListener('data', this.onData);
      this.source.pause?.();
    }
    return this;
  }

  /** Ink asks for utf8; units are always strings. */
  setEncoding(): this {
    return this;
  }
  ref(): this {
    this.source.ref?.();
    return this;
  }
  unref(): this {
    this.source.unref?.();
    return this;
  }

  /** The key released for this `readable` event, once; null until the next. */
  read(): string | null {
    const unit = this.ready;
    this.ready = null;
    return unit;
  }

  on(event: string, listener: Listener): this {
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
    }
    set.add(listener);
    if (event === 'readable') this.release();
    return this;
  }
  addListener(event: string, listener: Listener): this {
    return this.on(event, listener);
  }
  removeListener(event: string, listener: Listener): this {
    this.listeners.get(event)?.delete(listener);
    return this;
  }
  off(event: string, listener: Listener): this {
    return this.removeListener(event, listener);
  }
  listenerCount(event: string): number {
    return this.listeners.get(event)?.size ?? 0;
  }
  emit(event: string, ...args: unknown[]): boolean {
    const set = this.listeners.get(event);
    if (!set || set.size === 0) return false;
    for (const listener of [...set]) listener(...args);
    return true;
  }

  /** Bytes from the terminal (also usable directly in tests). */
  readonly onData = (data: Buffer | string): void => {
    const text = typeof data === 'string' ? data : this.decoder.decode(data, { stream: true });
    this.enqueue(this.splitter.push(text));
    clearTimeout(this.escapeTimer);
    if (this.splitter.pending()) {
      this.escapeTimer = setTimeout(() => this.enqueue(this.splitter.flush()), this.escapeWaitMs);
    }
  };

  private enqueue(units: string[]): void {
    if (units.length === 0) return;
    const interrupt = units.lastIndexOf('\u0003');
    if (interrupt !== -1) {
      this.queue.length = 0;
      units = units.slice(interrupt);
    }
    for (const unit of units) if (this.queue.length < this.maxQueued) this.queue.push(unit);
    this.release();
  }

  /**
   * Hands the next key to Ink, then waits two event-loop turns: Ink handles the key inside the
   * `readable` event and React (legacy root) commits its updates synchronously there; React's
   * passive effects (Ink's useInput subscriptions of a field the key opened) run on the next
   * setImmediate, queued before ours; the second turn covers a scheduler that yielded once.
   */
  private release(): void {
    if (this.releasing || this.queue.length === 0 || this.listenerCount('readable') === 0) return;
    this.releasing = true;
    this.ready = this.queue.shift() as string;
    try {
      this.emit('readable');
    } finally {
      this.ready = null;
      setImmediate(() =>
        // Low priority: after every render and effect React queued for this key (and the
        // renders those effects cause), however many turns a busy machine needs for them.
        unstable_scheduleCallback(unstable_LowPriority, () => {
          this.releasing = false;
          this.release();
        }),
      );
    }
  }
}

/** Ink's `stdin` option: the terminal's stdin, paced one key at a time. */
export function pacedStdin(source: TerminalInput, options?: PacedStdinOptions): NodeJS.ReadStream {
  return new PacedStdin(source, options) as unknown as NodeJS.ReadStream;
}
