// The log pane's figures (issue 4): RSS of the app after loading 100,000 log lines (target under
// 150 MB) beside the same process before opening the log, and the time to show the first 10,000
// lines beside `aws logs get-log-events --limit 10000` (AWS CLI v2) on the same stream, same run.
// The sandbox keeps at most 50,000 events per stream, so a small front answers GetLogEvents for
// the task's stream with LINES synthetic DMS-format lines (10,000 per page, forward tokens as
// CloudWatch does); every other call goes to the sandbox.
// COMPARE=path/to/other/dist/cli.js measures another build's RSS the same way, in the same run.
// Run: npm run build && npx tsx bench/logs.ts   (LINES=100000 by default)
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CLI } from '../test/support/pty.js';
import { CREDS, cliTerminal, fmt, forward, sandboxWithTasks, timed } from './support.js';

const LINES = Number(process.env.LINES ?? 100_000);
const PAGE = 10_000;
const COMPARE = process.env.COMPARE ? resolve(process.env.COMPARE) : undefined;

if (!existsSync(CLI)) {
  console.error('dist/cli.js is missing: run `npm run build` first');
  process.exit(2);
}

const COMPONENTS = ['TASK_MANAGER', 'SOURCE_UNLOAD', 'TARGET_LOAD', 'TABLES_MANAGER', 'IO'];
function line(
  i: number,
  t0: number,
): { timestamp: number; message: string; ingestionTime: number } {
  const sev = i % 997 === 0 ? 'E' : i % 101 === 0 ? 'W' : 'I';
  const at = t0 + i;
  const stamp = new Date(at).toISOString().slice(0, 19);
  const component = COMPONENTS[i % COMPONENTS.length] ?? 'IO';
  return {
    timestamp: at,
    ingestionTime: at,
    message: `${stamp} [${component.padEnd(16)}]${sev}:  Loaded ${i * 37} rows of table 'sales'.'orders_${i % 50}' in segment ${i}  (load.c:${1000 + (i % 300)})`,
  };
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/** Opens the task's log in the built CLI (or `cli`) and measures the pane. */
async function measurePane(url: string, cli?: string) {
  const term = cliTerminal(url, 140, 40, cli);
  try {
    await term.waitForText('task-00000', 60_000);
    await new Promise((r) => setTimeout(r, 1000));
    const before = rssMb(term.pid);
    const pressed = performance.now();
    term.write('l');
    const count = () => Number(/(\d+) lines/.exec(term.screen())?.[1] ?? 0);
    while (count() < Math.min(PAGE, LINES)) await new Promise((r) => setTimeout(r, 5));
    const first10k = performance.now() - pressed;
    while (count() < LINES) await new Promise((r) => setTimeout(r, 20));
    const all = performance.now() - pressed;
    await new Promise((r) => setTimeout(r, 1500));
    const after = rssMb(term.pid);
    return { before, after, first10k, all };
  } finally {
    term.kill();
  }
}

async function main() {
  const bench = await sandboxWithTasks(1, {
    settings: JSON.stringify({ Logging: { EnableLogging: true } }),
  });
  const taskArn = bench.taskArns[0] ?? '';
  const stream = `dms-task-${taskArn.split(':').pop()}`;
  const group = 'dms-tasks-sandbox';
  const t0 = Date.now() - LINES - 60_000;
  let served = 0;
  const front = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      const body = Buffer.concat(chunks);
      const target = String(req.headers['x-amz-target'] ?? '');
      if (target === 'Logs_20140328.GetLogEvents') {
        const input = JSON.parse(body.toString() || '{}');
        if (input.logStreamName === stream) {
          const from = input.nextToken ? Number(/^f\/(\d+)/.exec(input.nextToken)?.[1] ?? 0) : 0;
          const limit = Math.min(input.limit ?? PAGE, PAGE);
          const to = Math.min(LINES, from + limit);
          const events = [];
          for (let i = from; i < to; i++) events.push(line(i, t0));
          served += events.length;
          const token = `f/${String(to).padStart(56, '0')}/s`;
          res.writeHead(200, {
            'content-type': 'application/x-amz-json-1.1',
            'x-amzn-requestid': 'bench',
          });
          res.end(
            JSON.stringify({
              events,
              nextForwardToken: token,
              nextBackwardToken: `b/${String(from).padStart(56, '0')}/s`,
            }),
          );
          return;
        }
      }
      await forward(bench.sandbox.url, req, res, body);
    });
  });
  await new Promise<void>((r) => front.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(front.address() as AddressInfo).port}`;

  try {
    // Reference: the AWS CLI v2 reading the first 10,000 lines of the same stream.
    const aws = existsSync('/usr/bin/aws') ? '/usr/bin/aws' : 'aws';
    const ref = await timed(
      aws,
      [
        'logs',
        'get-log-events',
        '--endpoint-url',
        url,
        '--log-group-name',
        group,
        '--log-stream-name',
        stream,
        '--start-from-head',
        '--limit',
        '10000',
        '--output',
        'text',
      ],
      CREDS,
    );

    const mine = await measurePane(url);
    const other = COMPARE ? await measurePane(url, COMPARE) : undefined;
    console.log('');
    console.log(`Log pane with ${LINES} lines (reference beside each figure, same run)`);
    console.log(
      `  first 10,000 lines on screen:  ${fmt(mine.first10k)}   | aws logs get-log-events --limit 10000 (CLI v2, process start included): ${fmt(ref.ms)}   ratio ${(mine.first10k / ref.ms).toFixed(2)}`,
    );
    console.log(`  all ${LINES} lines loaded:     ${fmt(mine.all)}`);
    console.log(
      `  RSS after ${LINES} lines:      ${mine.after.toFixed(1)} MB   | same process on the task list before: ${mine.before.toFixed(1)} MB   ratio ${(mine.after / mine.before).toFixed(2)}   (target < 150 MB)`,
    );
    if (other)
      console.log(
        `  compare ${COMPARE}: RSS after ${other.after.toFixed(1)} MB, before ${other.before.toFixed(1)} MB, ratio ${(other.after / other.before).toFixed(2)}; first 10,000 lines ${fmt(other.first10k)}`,
      );
    console.log(`  lines served by GetLogEvents:  ${served} (incl. the reference's 10,000)`);
  } finally {
    await new Promise<void>((r) => front.close(() => r()));
    await bench.close();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
