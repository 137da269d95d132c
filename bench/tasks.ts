// Data Migration View at scale (issue 4's figures), with 2,000 tasks in an in-process sandbox:
// - start to the full list on screen (the built CLI in a pseudo-terminal), beside the AWS CLI v2
//   listing the same tasks (`aws dms describe-replication-tasks --without-settings`, all pages);
// - key press (move, filter keystroke) to the updated frame, median and p95, beside the same
//   keys on a 20-task list;
// - DMS calls per refresh, counted by a proxy, beside the target ceil(tasks / 100).
// Run: npm run build && npx tsx bench/tasks.ts   (TASKS=2000 by default)
import { existsSync } from 'node:fs';
import { CLI } from '../test/support/pty.js';
import {
  CREDS,
  cliTerminal,
  countingProxy,
  fmt,
  median,
  p95,
  sandboxWithTasks,
  timed,
  timeToOutput,
} from './support.js';

const TASKS = Number(process.env.TASKS ?? 2000);
const PRESSES = Number(process.env.PRESSES ?? 40);

if (!existsSync(CLI)) {
  console.error('dist/cli.js is missing: run `npm run build` first');
  process.exit(2);
}

async function keyLatencies(endpointUrl: string, expectTasks: number) {
  const term = cliTerminal(endpointUrl);
  try {
    const startedAt = performance.now();
    await term.waitForText(`${expectTasks} tasks`, 120_000);
    const toList = performance.now() - startedAt;
    await new Promise((r) => setTimeout(r, 500));
    const moves: number[] = [];
    for (let i = 0; i < PRESSES; i++) {
      const before = term.output().length;
      const at = performance.now();
      term.write(i % 10 < 7 ? 'j' : 'k');
      moves.push(await timeToOutput(term, at, before));
    }
    const filter: number[] = [];
    term.write('/');
    await new Promise((r) => setTimeout(r, 300));
    for (const ch of 'task-001') {
      const before = term.output().length;
      const at = performance.now();
      term.write(ch);
      filter.push(await timeToOutput(term, at, before));
    }
    term.write('\u001b');
    return { toList, moves, filter };
  } finally {
    term.kill();
  }
}

async function main() {
  console.log(`Creating ${TASKS} tasks in an in-process sandbox…`);
  const big = await sandboxWithTasks(TASKS);
  const small = await sandboxWithTasks(20);
  const proxy = await countingProxy(big.sandbox.url);
  try {
    // Reference: the AWS CLI v2 listing all tasks through the same proxy.
    const aws = existsSync('/usr/bin/aws') ? '/usr/bin/aws' : 'aws';
    const cli = await timed(
      aws,
      [
        'dms',
        'describe-replication-tasks',
        '--without-settings',
        '--endpoint-url',
        proxy.url,
        '--output',
        'json',
      ],
      CREDS,
    );
    const awsCount = cli.code === 0 ? (JSON.parse(cli.stdout).ReplicationTasks?.length ?? 0) : 0;

    proxy.reset();
    const bigRun = await keyLatencies(proxy.url, TASKS);
    const drt = proxy.counts.get('DescribeReplicationTasks') ?? 0;
    const callsPerRefresh = drt / Math.max(1, proxy.firstPages);
    const smallRun = await keyLatencies(small.sandbox.url, 20);

    const target = Math.ceil(TASKS / 100);
    console.log('');
    console.log(`Data Migration View with ${TASKS} tasks (reference beside each figure, same run)`);
    console.log(
      `  start → full list on screen:   ${fmt(bigRun.toList)}   | aws dms describe-replication-tasks (${awsCount} tasks, all pages): ${fmt(cli.ms)}   ratio ${(bigRun.toList / cli.ms).toFixed(2)}`,
    );
    console.log(
      `  move (j/k) → frame:            median ${fmt(median(bigRun.moves))}, p95 ${fmt(p95(bigRun.moves))}   | 20 tasks: median ${fmt(median(smallRun.moves))}, p95 ${fmt(p95(smallRun.moves))}   ratio ${(median(bigRun.moves) / median(smallRun.moves)).toFixed(2)}   (target median < 30 ms)`,
    );
    console.log(
      `  filter keystroke → frame:      median ${fmt(median(bigRun.filter))}, p95 ${fmt(p95(bigRun.filter))}   | 20 tasks: median ${fmt(median(smallRun.filter))}, p95 ${fmt(p95(smallRun.filter))}   ratio ${(median(bigRun.filter) / median(smallRun.filter)).toFixed(2)}`,
    );
    console.log(
      `  DMS calls per refresh:         ${callsPerRefresh.toFixed(2)} DescribeReplicationTasks (${drt} calls over ${proxy.firstPages} refreshes)   | target ceil(${TASKS}/100) = ${target}   ratio ${(callsPerRefresh / target).toFixed(2)}`,
    );
    const others = [...proxy.counts.entries()].filter(([op]) => op !== 'DescribeReplicationTasks');
    console.log(
      `  other calls in the run:        ${others.map(([op, n]) => `${op} ${n}`).join(', ') || 'none'} (names, once)`,
    );
  } finally {
    await proxy.close();
    await big.close();
    await small.close();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
