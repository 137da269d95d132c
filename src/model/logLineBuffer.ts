// The log pane's buffer: LogBuffer's ring of LogLines, packed. A line is kept as its raw text's
// UTF-8 bytes (PackedTexts, outside the JavaScript heap) and its time, component and severity
// in typed arrays, instead of as an object and a string of its own: 100,000 lines leave no
// object per line on the heap, and each page read leaves no survivors for the garbage
// collector. `at` builds the LogLine the
// pane asks for (only the lines on screen, or once per line when a filter is applied). Pure.
import { LogBuffer } from './logBuffer.js';
import type { LogLine, Severity } from './logLine.js';
import { PackedTexts } from './packedTexts.js';

const SEVERITIES: (Severity | undefined)[] = [undefined, 'E', 'W', 'I', 'D'];
/** Distinct component names with an index; any further one is kept per line, aside. */
const MAX_COMPONENTS = 4095;

export class LogLineBuffer extends LogBuffer<LogLine> {
  private readonly raws: PackedTexts;
  private readonly times: Float64Array;
  /** Per slot: component index + 1 (0 = none or aside) in the low 12 bits, severity above. */
  private readonly meta: Uint16Array;
  private readonly components: string[] = [];
  private readonly componentIds = new Map<string, number>();
  private readonly asideComponents = new Map<number, string>();

  constructor(capacity = 100_000) {
    super(capacity);
    this.raws = new PackedTexts(capacity);
    this.times = new Float64Array(capacity);
    this.meta = new Uint16Array(capacity);
  }

  protected override store(slot: number, line: LogLine): void {
    this.raws.set(slot, line.raw);
    this.times[slot] = line.timestamp;
    const id = this.componentId(line.component);
    this.meta[slot] = (SEVERITIES.indexOf(line.severity) << 12) | id;
    if (id === 0 && line.component !== undefined) this.asideComponents.set(slot, line.component);
    else this.asideComponents.delete(slot);
  }

  protected override load(slot: number): LogLine | undefined {
    const raw = this.raws.get(slot);
    if (raw === undefined) return undefined;
    const component = this.componentAt(slot);
    const severity = SEVERITIES[(this.meta[slot] ?? 0) >> 12];
    const line: LogLine = { timestamp: this.times[slot] ?? 0, raw };
    if (component !== undefined) line.component = component;
    if (severity !== undefined) line.severity = severity;
    return line;
  }

  /** The components of the first lines (at most `max`), sorted: seenComponents (logView.ts)
   *  without building a LogLine for each of 100,000 lines on every new page. */
  seenComponents(max: number): string[] {
    const seen = new Set<string>();
    for (let i = 0; i < this.length && seen.size < max; i++) {
      const c = this.componentAt(this.slotOf(i));
      if (c) seen.add(c);
    }
    return [...seen].sort();
  }

  private componentAt(slot: number): string | undefined {
    const id = (this.meta[slot] ?? 0) & 0xfff;
    return id ? this.components[id - 1] : this.asideComponents.get(slot);
  }

  protected override reset(): void {
    this.raws.clear();
    this.asideComponents.clear();
  }

  private componentId(component: string | undefined): number {
    if (component === undefined) return 0;
    let id = this.componentIds.get(component);
    if (id === undefined) {
      if (this.components.length >= MAX_COMPONENTS) return 0;
      this.components.push(component);
      id = this.components.length;
      this.componentIds.set(component, id);
    }
    return id;
  }
}
