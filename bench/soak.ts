// The long chaos soak: the Data Migration View against a sandbox with throttling, latency and
// resets for SECONDS (default 300), then convergence to the truth once chaos ends. `npm test`
// runs the same test for 8 s. Prints how long the soak ran beside the chaos-free part (the
// same test with a 1-second soak), measured in the same run.
// Run: npx tsx bench/soak.ts   (or npm run soak; SOAK_SECONDS=600 for ten minutes)
import { spawnSync } from 'node:child_process';

const SECONDS = Number(process.env.SOAK_SECONDS ?? 300);

function run(seconds: number): { ms: number; ok: boolean } {
  const started = performance.now();
  const result = spawnSync('npx', ['vitest', 'run', 'test/chaos'], {
    stdio: 'inherit',
    env: { ...process.env, DMS_TUI_CHAOS_SECONDS: String(seconds) },
  });
  return { ms: performance.now() - started, ok: result.status === 0 };
}

const reference = run(1);
const soak = run(SECONDS);
console.log(
  `chaos soak ${SECONDS} s: ${soak.ok ? 'passed' : 'FAILED'} in ${(soak.ms / 1000).toFixed(1)} s | reference, the same test with a 1 s soak: ${reference.ok ? 'passed' : 'FAILED'} in ${(reference.ms / 1000).toFixed(1)} s`,
);
process.exit(soak.ok && reference.ok ? 0 : 1);
