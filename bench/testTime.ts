// Where `npm test`'s time goes: runs vitest (all test files, or those given) with its JSON
// report and prints the wall time beside the sum of the files' own durations (what the same
// files take one after another: vitest's default on a 2-core machine, one worker), the ten
// slowest files, and the time by folder. Typecheck, lint and build (the rest of `npm test`)
// are timed too.
// Run: npm run build && npx tsx bench/testTime.ts [test files…]   (DMS_TUI_TEST_WORKERS=1 for serial)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, relative } from 'node:path';

interface FileResult {
  name: string;
  startTime: number;
  endTime: number;
  status: string;
}

function timedRun(command: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  const started = performance.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  return { s: (performance.now() - started) / 1000, ok: result.status === 0 };
}

const steps =
  process.argv.length > 2
    ? []
    : ([
        ['typecheck', 'npx', ['tsc', '--noEmit']],
        ['lint', 'npx', ['biome', 'check', 'src', 'test', 'bench', 'scripts']],
        ['build', 'node', ['scripts/build.mjs']],
      ] as const);
const before = steps.map(([name, command, args]) => ({ name, ...timedRun(command, [...args]) }));

const out = join(mkdtempSync(join(tmpdir(), 'dmst-testtime-')), 'report.json');
const tests = timedRun('npx', ['vitest', 'run', ...process.argv.slice(2)], {
  ...process.env,
  DMS_TUI_TEST_REPORT: out,
});
const report = JSON.parse(readFileSync(out, 'utf8')) as {
  numPassedTests: number;
  numFailedTests: number;
  testResults: FileResult[];
};
const files = report.testResults.map((f) => ({
  name: relative(process.cwd(), f.name),
  s: (f.endTime - f.startTime) / 1000,
  status: f.status,
}));
const serial = files.reduce((sum, f) => sum + f.s, 0);
console.log('');
for (const step of before) console.log(`  ${step.name.padEnd(10)} ${step.s.toFixed(1)} s`);
console.log(
  `  vitest     ${tests.s.toFixed(1)} s wall (${report.numPassedTests} passed, ${report.numFailedTests} failed; workers: ${process.env.DMS_TUI_TEST_WORKERS ?? 'config default'}, cores ${availableParallelism()}) | the files one after another: ${serial.toFixed(1)} s   ratio ${(tests.s / serial).toFixed(2)}`,
);
console.log('  slowest files:');
for (const f of [...files].sort((a, b) => b.s - a.s).slice(0, 10))
  console.log(
    `    ${f.s.toFixed(1).padStart(6)} s  ${f.name}${f.status === 'passed' ? '' : ` (${f.status})`}`,
  );
const byFolder = new Map<string, number>();
for (const f of files) {
  const folder = f.name.split('/').slice(0, 2).join('/');
  byFolder.set(folder, (byFolder.get(folder) ?? 0) + f.s);
}
console.log(
  `  by folder: ${[...byFolder]
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${v.toFixed(0)} s`)
    .join(', ')}`,
);
process.exit(tests.ok && before.every((s) => s.ok) ? 0 : 1);
