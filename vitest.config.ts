import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// DMS_TUI_TEST_REPORT=path also writes a JSON report there (.ci/run prints its totals).
const report = process.env.DMS_TUI_TEST_REPORT;

// Test files mostly wait (on sandboxes, databases, pseudo-terminals, polling), so they run
// twice as many at a time as there are cores, at most 4: vitest's own default (cores - 1)
// runs them one after another on a 2-core machine. Files share nothing that would clash:
// schemas, tasks and data dirs are uniquely named per file. DMS_TUI_TEST_WORKERS overrides.
const maxWorkers = Number(
  process.env.DMS_TUI_TEST_WORKERS ?? Math.min(4, Math.max(2, availableParallelism() * 2)),
);

const ALL = ['test/**/*.test.ts', 'test/**/*.test.tsx'];
const PURE = ['test/model/**/*.test.ts', 'test/ui/**/*.test.ts'];

export default defineConfig({
  test: {
    // A test that drives processes (the AWS CLI, a pseudo-terminal, a sandbox) can take several
    // times its usual time on a busy 2-core machine: a deadline is a hang detector, not a limit
    // on speed (no test asserts time).
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers,
    reporters: report ? ['default', ['json', { outputFile: report }]] : ['default'],
    projects: [
      // Pure logic (src/model, the key table, words): no module keeps state between files, so
      // they share the workers' loaded modules instead of a fresh process each (40 % of the CPU).
      { extends: true, test: { name: 'pure', include: PURE, isolate: false } },
      {
        extends: true,
        test: {
          name: 'io',
          include: ALL,
          exclude: PURE,
          setupFiles: ['test/support/renderLoopGuard.ts'],
        },
      },
    ],
  },
});
