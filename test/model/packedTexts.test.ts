import { describe, expect, it } from 'vitest';
import { PackedTexts } from '../../src/model/packedTexts.js';

const text = (i: number) =>
  i % 11 === 0 ? '' : i % 5 === 0 ? `ünïcödé ✓ 表 ${i} 🎉` : `line ${i} ${'x'.repeat(i % 300)}`;

describe('packed texts', () => {
  it('gives back every text written, through growing blocks and the ring writing them again', () => {
    const capacity = 2500;
    const packed = new PackedTexts(capacity, 64);
    const expected: string[] = [];
    for (let i = 0; i < capacity * 3 + 17; i++) {
      const slot = i % capacity;
      packed.set(slot, text(i));
      expected[slot] = text(i);
      if (i % 997 === 0)
        for (let s = 0; s < expected.length; s++) expect(packed.get(s)).toBe(expected[s]);
    }
    for (let s = 0; s < capacity; s++) expect(packed.get(s)).toBe(expected[s]);
  });

  it('has no text for a slot never written or after a clear, and keeps empty texts', () => {
    const packed = new PackedTexts(10, 4);
    expect(packed.get(3)).toBeUndefined();
    packed.set(0, '');
    packed.set(1, 'a');
    expect(packed.get(0)).toBe('');
    expect(packed.get(1)).toBe('a');
    packed.clear();
    expect(packed.get(0)).toBeUndefined();
    expect(packed.get(1)).toBeUndefined();
    packed.set(9, 'last slot, a partial block');
    expect(packed.get(9)).toBe('last slot, a partial block');
  });

  it('writes a slot out of order without losing its neighbours', () => {
    const packed = new PackedTexts(8, 4);
    packed.set(2, 'two');
    packed.set(1, 'one');
    packed.set(3, 'three');
    expect([packed.get(1), packed.get(2), packed.get(3)]).toEqual(['one', 'two', 'three']);
  });
});
