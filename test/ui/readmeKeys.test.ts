import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withKeyTable } from '../../src/ui/keyDocs.js';

describe('README key list', () => {
  it('matches the key table (run `npx tsx scripts/update-readme-keys.ts` after changing keys)', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(readme).toBe(withKeyTable(readme));
  });
});
