// Cold start of the built CLI to its first complete frame in a real pseudo-terminal, median of
// 10 runs, beside `node -e 0` (spawn to exit) measured in the same run.
//   npm run build && npx tsx bench/startup.ts
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTerminal } from '../test/support/pty.js';

const RUNS = 10;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function timeFirstFrame(): Promise<number> {
  const home = mkdtempSync(join(tmpdir(), 'dmst-bench-'));
  const env = {
    HOME: home,
    DMS_TUI_CONFIG_DIR: join(home, 'c'),
    AWS_CONFIG_FILE: join(home, 'x'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'y'),
  };
  const started = performance.now();
  const term = startTerminal({ args: ['--region', 'us-east-1'], cols: 100, rows: 30, env });
  // Complete frame: breadcrumbs, the task table's header, and the status bar on the last row.
  await term.waitFor(/dms-tui › Tasks[\s\S]*NAME[\s\S]*us-east-1/, 20_000);
  const elapsed = performance.now() - started;
  term.write('q');
  await term.exited;
  return elapsed;
}

async function timeNodeBaseline(): Promise<number> {
  const started = performance.now();
  const term = startTerminal({ command: process.execPath, args: ['-e', '0'] });
  await term.exited;
  return performance.now() - started;
}

const app: number[] = [];
const baseline: number[] = [];
for (let i = 0; i < RUNS; i++) {
  baseline.push(await timeNodeBaseline());
  app.push(await timeFirstFrame());
}
const a = median(app);
const b = median(baseline);
console.log(
  `startup: first complete frame median ${a.toFixed(0)} ms over ${RUNS} runs (min ${Math.min(...app).toFixed(0)}, max ${Math.max(...app).toFixed(0)})`,
);
console.log(`reference: node -e 0 median ${b.toFixed(0)} ms`);
console.log(
  `ratio: ${(a / b).toFixed(2)}x node -e 0; app's own cost ≈ ${(a - b).toFixed(0)} ms; target ≤ 300 ms`,
);
