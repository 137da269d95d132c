// `dms-tui tasks --output json` against the sandbox (20 tasks), median of RUNS runs each, beside
// `aws dms describe-replication-tasks` (Debian's AWS CLI v2) on the same sandbox and `node -e 0`,
// interleaved in the same run:
//  - with keys in the environment and --endpoint-url (as the AWS CLI is given);
//  - with --sandbox (the CLI finds the running sandbox from its data dir; no keys, no config).
// COMPARE=path/to/other/dist/cli.js times another build the same way (before/after).
// Run: npm run build && npx tsx bench/cli.ts
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CLI } from '../test/support/pty.js';
import { CREDS, median, sandboxWithTasks, timed } from './support.js';

const RUNS = Number(process.env.RUNS ?? 7);
const COMPARE = process.env.COMPARE ? resolve(process.env.COMPARE) : undefined;
const AWS = existsSync('/usr/bin/aws') ? '/usr/bin/aws' : 'aws';

if (!existsSync(CLI)) {
  console.error('dist/cli.js is missing: run `npm run build` first');
  process.exit(2);
}

/** A home with nothing in it: no ~/.aws, no config; the data dir names the running sandbox. */
function emptyHome(sandboxUrl: string): Record<string, string> {
  const home = mkdtempSync(join(tmpdir(), 'dmst-bench-cli-'));
  const data = join(home, 'data');
  mkdirSync(join(data, 'sandbox'), { recursive: true });
  const port = Number(new URL(sandboxUrl).port);
  writeFileSync(
    join(data, 'sandbox', 'sandbox.json'),
    JSON.stringify({
      pid: process.pid,
      port,
      url: sandboxUrl,
      startedAt: new Date().toISOString(),
    }),
  );
  return {
    HOME: home,
    DMS_TUI_CONFIG_DIR: join(home, 'config'),
    DMS_TUI_DATA_DIR: data,
    AWS_CONFIG_FILE: join(home, 'aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'aws-credentials'),
  };
}

async function main() {
  const sb = await sandboxWithTasks(20);
  const url = sb.sandbox.url;
  const home = emptyHome(url);
  const keys = { ...home, ...CREDS };
  // The machine's own environment must not lend the CLI keys for the --sandbox runs.
  for (const k of [
    'AWS_ACCESS_KEY_ID',
    'AWS_SECRET_ACCESS_KEY',
    'AWS_SESSION_TOKEN',
    'AWS_PROFILE',
  ])
    delete process.env[k];
  const runs: Record<string, number[]> = {};
  const add = (name: string, ms: number) => {
    runs[name] ??= [];
    runs[name].push(ms);
  };
  const counted = new Map<string, number>();
  const check = (name: string, r: { code: number; stdout: string }) => {
    if (r.code !== 0) throw new Error(`${name} exited ${r.code}`);
    const n = JSON.parse(r.stdout);
    counted.set(name, (Array.isArray(n) ? n : n.ReplicationTasks).length);
  };
  try {
    for (let i = 0; i < RUNS; i++) {
      add('node -e 0', (await timed(process.execPath, ['-e', '0'], home)).ms);
      const aws = await timed(
        AWS,
        ['dms', 'describe-replication-tasks', '--endpoint-url', url, '--output', 'json'],
        keys,
      );
      check('aws', aws);
      add('aws', aws.ms);
      for (const [label, cli] of [
        ['this build', CLI],
        ...(COMPARE ? [['compare', COMPARE]] : []),
      ]) {
        const env = await timed(
          process.execPath,
          [cli!, 'tasks', '--output', 'json', '--endpoint-url', url],
          keys,
        );
        check(`${label} keys`, env);
        add(`${label}: --endpoint-url, keys in env`, env.ms);
        const sandbox = await timed(
          process.execPath,
          [cli!, 'tasks', '--output', 'json', '--sandbox'],
          home,
        );
        check(`${label} sandbox`, sandbox);
        add(`${label}: --sandbox`, sandbox.ms);
      }
    }
  } finally {
    await sb.close();
  }
  const aws = median(runs.aws!);
  console.log(
    `dms-tui tasks --output json, 20 tasks, median of ${RUNS} (tasks listed: ${[...counted.values()].join('/')})`,
  );
  for (const [name, values] of Object.entries(runs)) {
    if (name === 'aws' || name === 'node -e 0') continue;
    const m = median(values);
    console.log(
      `  ${name.padEnd(42)} ${m.toFixed(0).padStart(5)} ms   ratio to aws ${(m / aws).toFixed(2)} (target ≤ 0.5)`,
    );
  }
  console.log(`  reference: aws dms describe-replication-tasks ${aws.toFixed(0).padStart(5)} ms`);
  console.log(
    `  reference: node -e 0                          ${median(runs['node -e 0']!).toFixed(0).padStart(5)} ms`,
  );
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
