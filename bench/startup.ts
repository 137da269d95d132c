// Cold start of the built CLI to its first complete frame in a real pseudo-terminal, median of
// 10 runs, beside node printing one line (seen the same way) and a bare `node -e 0`, measured
// in the same run.
//   npm run build && npx tsx bench/startup.ts
import { spawnSync } from 'node:child_process';
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
  // Complete frame: breadcrumbs on the first row, the screen, and the status bar on the last
  // (the task list itself then arrives with the first DescribeReplicationTasks answer).
  await term.waitForText(/^dms-tui › Tasks[\s\S]*every 5s[\s\S]*us-east-1\s*$/, 20_000);
  const elapsed = performance.now() - started;
  term.write('q');
  await term.exited;
  return elapsed;
}

/** Node printing one line, timed the same way as the app: until it is on the screen. */
async function timeNodeBaseline(): Promise<number> {
  const started = performance.now();
  const term = startTerminal({ command: 'node', args: ['-e', 'console.log("ready")'] });
  await term.waitForText('ready');
  const elapsed = performance.now() - started;
  await term.exited;
  return elapsed;
}

function timePlainNode(): number {
  const started = performance.now();
  spawnSync(process.execPath, ['-e', '0']);
  return performance.now() - started;
}

const app: number[] = [];
const baseline: number[] = [];
const plain: number[] = [];
for (let i = 0; i < RUNS; i++) {
  baseline.push(await timeNodeBaseline());
  plain.push(timePlainNode());
  app.push(await timeFirstFrame());
}
const a = median(app);
const b = median(baseline);
console.log(
  `startup: first complete frame median ${a.toFixed(0)} ms over ${RUNS} runs (min ${Math.min(...app).toFixed(0)}, max ${Math.max(...app).toFixed(0)})`,
);
const p = median(plain);
console.log(
  `reference: node printing a line, seen in the same pseudo-terminal, median ${b.toFixed(0)} ms`,
);
console.log(`reference: node -e 0 without a pseudo-terminal median ${p.toFixed(0)} ms`);
console.log(
  `ratio: ${(a / b).toFixed(2)}x node printing a line; app's own cost ≈ ${(a - b).toFixed(0)} ms; target: first frame ≤ 300 ms`,
);
