// Cold start of the built CLI to its first complete frame in a real pseudo-terminal, median of
// 7 runs, beside node printing one line (seen the same way) and a bare `node -e 0`, measured
// in the same run, interleaved. COMPARE=path/to/other/dist/cli.js also times another build (e.g.
// main's, for a before/after on a busy machine) in the same rounds.
//   npm run build && npx tsx bench/startup.ts
// The built app keeps V8's code cache of dist/tui.cjs beside it, written by the first start after a
// build (so the first of the 7 runs after `npm run build` compiles everything; later ones do not).
//   COMPARE=.bench/base/dist/cli.js npx tsx bench/startup.ts
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startTerminal } from '../test/support/pty.js';

const RUNS = Number(process.env.RUNS ?? 7);
const COMPARE = process.env.COMPARE ? resolve(process.env.COMPARE) : undefined;
/** Both screens are checked this often (the tests' 50 ms would blur a 50 ms reference). */
const POLL_MS = 2;
/** Breadcrumbs on the first row, the screen, the key hints, and the status bar on the last row
 *  (the task list itself arrives later, with the first DescribeReplicationTasks answer). */
const FRAME = /^dms-tui › Tasks[\s\S]*every 5s[\s\S]*\? Help[^\n]*\n[^\n]*us-east-1/;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function timeFirstFrame(cli?: string): Promise<number> {
  const home = mkdtempSync(join(tmpdir(), 'dmst-bench-'));
  const env = {
    HOME: home,
    DMS_TUI_CONFIG_DIR: join(home, 'c'),
    AWS_CONFIG_FILE: join(home, 'x'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'y'),
  };
  const args = ['--region', 'us-east-1'];
  const started = performance.now();
  const term = cli
    ? startTerminal({ command: 'node', args: [cli, ...args], cols: 100, rows: 30, env })
    : startTerminal({ args, cols: 100, rows: 30, env });
  await term.waitFor((s) => FRAME.test(s), { timeout: 20_000, interval: POLL_MS });
  const elapsed = performance.now() - started;
  term.write('q');
  await term.exited;
  return elapsed;
}

/** Node printing one line, timed the same way as the app: until it is on the screen. */
async function timeNodeBaseline(): Promise<number> {
  const started = performance.now();
  const term = startTerminal({ command: 'node', args: ['-e', 'console.log("ready")'] });
  await term.waitFor((s) => s.includes('ready'), { timeout: 20_000, interval: POLL_MS });
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
const other: number[] = [];
const baseline: number[] = [];
const plain: number[] = [];
for (let i = 0; i < RUNS; i++) {
  baseline.push(await timeNodeBaseline());
  plain.push(timePlainNode());
  app.push(await timeFirstFrame());
  if (COMPARE) other.push(await timeFirstFrame(COMPARE));
}
const a = median(app);
const b = median(baseline);
const range = (xs: number[]) =>
  `min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)}`;
console.log(
  `startup: first complete frame median ${a.toFixed(0)} ms over ${RUNS} runs (${range(app)})`,
);
if (COMPARE)
  console.log(
    `compare: ${COMPARE} median ${median(other).toFixed(0)} ms (${range(other)}), ratio ${(median(other) / b).toFixed(2)}x`,
  );
console.log(
  `reference: node printing a line, seen in the same pseudo-terminal, median ${b.toFixed(0)} ms`,
);
console.log(`reference: node -e 0 without a pseudo-terminal median ${median(plain).toFixed(0)} ms`);
console.log(
  `ratio: ${(a / b).toFixed(2)}x node printing a line (target ≤ 2.5x); app's own cost ≈ ${(a - b).toFixed(0)} ms; target: first frame ≤ 300 ms`,
);
