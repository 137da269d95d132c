import { describe, expect, it } from 'vitest';
import { toggleMark } from '../../src/model/marks.js';

describe('marks', () => {
  it('marks a key, and unmarks it the second time, leaving the given set alone', () => {
    const none = new Set<string>();
    const one = toggleMark(none, 'a');
    expect([...one]).toEqual(['a']);
    expect([...toggleMark(one, 'a')]).toEqual([]);
    expect(none.size).toBe(0);
  });
});
