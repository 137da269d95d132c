// Many short texts kept as UTF-8 bytes outside the JavaScript heap: one byte array per block
// of `blockSize` slots, each slot an offset and a length into its block. 100,000 log lines
// then cost their bytes (plus 9 per slot) instead of a V8 string each, and the garbage
// collector has 100 arrays to walk instead of 100,000 strings. `get` decodes one text again.
// Slots are expected to be written in order, as a ring writes them: writing a block's first
// slot again starts a new byte array for it, while its other slots still read the old one
// until they too are written; once its last slot is written the old array goes and the new
// one is trimmed to its size. Pure.

const encoder = new TextEncoder();
const decoder = new TextDecoder();
/** Bytes a new block starts with before it can guess its size from its first lines. */
const FIRST_BLOCK_BYTES = 16 * 1024;

interface Block {
  /** The byte arrays of the current and the previous round of writes (by `round`). */
  bytes: [Uint8Array | undefined, Uint8Array | undefined];
  round: 0 | 1;
  used: number;
}

export class PackedTexts {
  private blocks: (Block | undefined)[] = [];
  /** Per slot: where its text starts in its block's array. */
  private readonly starts: Uint32Array;
  /** Per slot: its length in bytes + 1 (0 = no text). */
  private readonly lengths: Uint32Array;
  /** Per slot: which of its block's two arrays holds it. */
  private readonly rounds: Uint8Array;

  constructor(
    readonly capacity: number,
    readonly blockSize = 1024,
  ) {
    this.starts = new Uint32Array(capacity);
    this.lengths = new Uint32Array(capacity);
    this.rounds = new Uint8Array(capacity);
  }

  set(slot: number, text: string): void {
    const index = Math.floor(slot / this.blockSize);
    let block = this.blocks[index];
    if (!block) {
      const size = this.blocks[index - 1]?.bytes[0]?.length ?? FIRST_BLOCK_BYTES;
      block = { bytes: [new Uint8Array(size), undefined], round: 0, used: 0 };
      this.blocks[index] = block;
    } else if (slot % this.blockSize === 0) {
      // A new round: as big as the last one ended.
      const size = block.bytes[block.round]?.length ?? FIRST_BLOCK_BYTES;
      block.round = block.round === 0 ? 1 : 0;
      block.bytes[block.round] = new Uint8Array(size);
      block.used = 0;
    }
    let bytes = block.bytes[block.round] as Uint8Array;
    // A UTF-8 byte per UTF-16 unit, three at most: room for the worst case before encoding.
    const worst = text.length * 3;
    if (block.used + worst > bytes.length) bytes = this.grow(block, slot, worst);
    const { written } = encoder.encodeInto(text, bytes.subarray(block.used));
    this.starts[slot] = block.used;
    this.lengths[slot] = written + 1;
    this.rounds[slot] = block.round;
    block.used += written;
    if (slot % this.blockSize === this.blockSize - 1 || slot === this.capacity - 1) {
      block.bytes[block.round] = bytes.slice(0, block.used);
      block.bytes[block.round === 0 ? 1 : 0] = undefined;
    }
  }

  get(slot: number): string | undefined {
    const length = this.lengths[slot] ?? 0;
    const bytes = this.blocks[Math.floor(slot / this.blockSize)]?.bytes[this.rounds[slot] ?? 0];
    if (length === 0 || !bytes) return undefined;
    const start = this.starts[slot] ?? 0;
    return decoder.decode(bytes.subarray(start, start + length - 1));
  }

  clear(): void {
    this.blocks = [];
    this.lengths.fill(0);
  }

  /** Room for `needed` more bytes: the block's size guessed from the slots written so far. */
  private grow(block: Block, slot: number, needed: number): Uint8Array {
    const old = block.bytes[block.round] as Uint8Array;
    const before = slot % this.blockSize;
    const guess = before > 0 ? Math.ceil((block.used / before) * this.blockSize * 1.1) : 0;
    const bigger = new Uint8Array(Math.max(guess, old.length) + needed);
    bigger.set(old.subarray(0, block.used));
    block.bytes[block.round] = bigger;
    return bigger;
  }
}
