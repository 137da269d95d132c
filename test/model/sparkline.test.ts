// The sparkline renderer: slots of equal time, averages per slot, gaps, scale and edges.
import { describe, expect, it } from 'vitest';
import { sparkline } from '../../src/model/sparkline.js';

const pts = (...values: (number | null)[]) =>
  values.flatMap((value, i) => (value === null ? [] : [{ at: i * 1000, value }]));

describe('sparkline', () => {
  it('draws one cell per slot, from the lowest block to a full one', () => {
    const s = sparkline(pts(0, 1, 2, 3, 4, 5, 6, 7), { width: 8, from: 0, to: 8000 });
    expect(s.text).toBe('▁▂▃▄▅▆▇█');
    expect([s.min, s.max, s.last]).toEqual([0, 7, 7]);
  });

  it('leaves a gap where there is no data, and keeps now at the right end', () => {
    expect(sparkline(pts(4, null, 4), { width: 3, from: 0, to: 3000 }).text).toBe('█ █');
    expect(sparkline(pts(4), { width: 4, from: -3000, to: 1000 }).text).toBe('   █');
  });

  it('averages the datapoints that fall in one slot', () => {
    const s = sparkline(pts(0, 8, 8, 8), { width: 2, from: 0, to: 4000 });
    expect(s.text).toBe('▅█');
  });

  it('draws on a given scale, capping values above it', () => {
    expect(sparkline(pts(1, 20), { width: 2, from: 0, to: 2000, max: 10 }).text).toBe('▂█');
  });

  it('ignores points outside the window and values that are not numbers', () => {
    const s = sparkline(
      [
        { at: -1, value: 100 },
        { at: 0, value: 1 },
        { at: 500, value: Number.NaN },
        { at: 2000, value: 100 },
      ],
      { width: 2, from: 0, to: 2000 },
    );
    expect(s.text).toBe('█ ');
    expect(s.max).toBe(1);
  });

  it('is empty without room or without a window, and flat for all zeros', () => {
    expect(sparkline(pts(1), { width: 0, from: 0, to: 1000 }).text).toBe('');
    expect(sparkline(pts(1), { width: 5, from: 1000, to: 1000 }).text).toBe('');
    expect(sparkline(pts(0, 0), { width: 2, from: 0, to: 2000 }).text).toBe('▁▁');
  });
});
