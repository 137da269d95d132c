import { describe, expect, it } from 'vitest';
import { releaseMemory } from '../../src/aws/releaseMemory.js';

describe('releaseMemory', () => {
  it('collects garbage on demand, again and again, without a flag on the command line', async () => {
    await releaseMemory();
    await expect(releaseMemory()).resolves.toBeUndefined();
  });
});
