// A sparkline: a series of numbers as one line of block characters (▁▂▃▄▅▆▇█), one cell per
// time slot of equal length across the window, so gaps in the data show as gaps (a space) and
// the line's right end is "now". Several datapoints in one slot are averaged. Pure.
import type { MetricPoint } from './taskMetrics.js';

const BLOCKS = '▁▂▃▄▅▆▇█';
export const GAP = ' ';

export interface SparklineOptions {
  /** Cells in the line. */
  width: number;
  /** The window (epoch ms): [from, to). */
  from: number;
  to: number;
  /** The value drawn as a full block (default: the largest value in the window). */
  max?: number;
}

export interface Sparkline {
  text: string;
  /** The smallest and largest value in the window (undefined without data). */
  min?: number;
  max?: number;
  /** The newest value in the window. */
  last?: number;
}

export function sparkline(points: readonly MetricPoint[], o: SparklineOptions): Sparkline {
  const width = Math.max(0, Math.floor(o.width));
  const span = o.to - o.from;
  if (width === 0 || !(span > 0)) return { text: '' };
  const sums = new Array<number>(width).fill(0);
  const counts = new Array<number>(width).fill(0);
  let min: number | undefined;
  let max: number | undefined;
  let last: MetricPoint | undefined;
  for (const p of points) {
    if (!(p.at >= o.from && p.at < o.to) || !Number.isFinite(p.value)) continue;
    const slot = Math.min(width - 1, Math.floor(((p.at - o.from) / span) * width));
    sums[slot] = (sums[slot] ?? 0) + p.value;
    counts[slot] = (counts[slot] ?? 0) + 1;
    min = min === undefined ? p.value : Math.min(min, p.value);
    max = max === undefined ? p.value : Math.max(max, p.value);
    if (!last || p.at >= last.at) last = p;
  }
  const top = o.max ?? max ?? 0;
  const text = sums
    .map((sum, i) => {
      const n = counts[i] ?? 0;
      if (n === 0) return GAP;
      return block(sum / n, top);
    })
    .join('');
  return { text, min, max, last: last?.value };
}

/** The block for `value` on a scale from 0 to `top` (never below the lowest block). */
function block(value: number, top: number): string {
  if (!(top > 0) || value <= 0) return BLOCKS[0] as string;
  const level = Math.round((Math.min(value, top) / top) * (BLOCKS.length - 1));
  return BLOCKS[level] as string;
}
