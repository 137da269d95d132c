import { defineConfig } from 'vitest/config';

// DMS_TUI_TEST_REPORT=path also writes a JSON report there (.ci/run prints its totals).
const report = process.env.DMS_TUI_TEST_REPORT;

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    reporters: report ? ['default', ['json', { outputFile: report }]] : ['default'],
  },
});
