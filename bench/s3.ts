// The sandbox's S3: a 256 MiB file up and down with the AWS CLI (multipart, 8 MB parts) and
// up with the app's client (lib-storage, 8 MiB parts, 2 in flight), beside `cp` of the same
// file on the same disk, and this process's peak RSS while the sandbox (in this process)
// receives and serves the bytes: bodies stream to and from disk, so it must stay flat.
//   npx tsx bench/s3.ts            (MB = 10^6 bytes; SIZE_MB overrides the size)
import { execFile } from 'node:child_process';
import { createReadStream, mkdtempSync, openSync, rmSync, writeSync, closeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createS3 } from '../src/aws/s3.js';
import { sandboxTarget } from '../src/model/awsTarget.js';
import { startSandbox } from '../src/sandbox/server.js';
import { AWS_CLI, awsCli } from '../test/support/awsCli.js';

const run = promisify(execFile);
const SIZE = Number(process.env.SIZE_MB ?? 256) * 1024 * 1024;
const dir = mkdtempSync(join(tmpdir(), 'dmst-bench-s3-'));
const file = join(dir, 'data.bin');
const fd = openSync(file, 'w');
const block = randomBytes(4 * 1024 * 1024);
for (let written = 0; written < SIZE; written += block.length)
  writeSync(fd, block, 0, Math.min(block.length, SIZE - written));
closeSync(fd);

const sandbox = await startSandbox({ dataDir: join(dir, 'sandbox'), port: 0 });
const home = join(dir, 'home');

let peak = 0;
const sample = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 20);
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;
const rate = (ms: number) => `${(SIZE / 1e6 / (ms / 1000)).toFixed(0)} MB/s`;

async function timed(label: string, fn: () => Promise<unknown>): Promise<number> {
  peak = process.memoryUsage().rss;
  const before = peak;
  const start = performance.now();
  await fn();
  const ms = performance.now() - start;
  console.log(
    `${label.padEnd(44)} ${(ms / 1000).toFixed(2).padStart(6)} s  ${rate(ms).padStart(9)}  peak RSS ${mb(peak)} (before ${mb(before)})`,
  );
  return ms;
}

console.log(`${mb(SIZE)} file, ${AWS_CLI}, sandbox in this process`);
await awsCli(sandbox.url, home, ['s3', 'mb', 's3://bench']);
const reference = await timed('reference: cp on the same disk', () =>
  run('cp', [file, join(dir, 'copy.bin')]),
);
const up = await timed('aws s3 cp → sandbox S3 (multipart)', () =>
  awsCli(sandbox.url, home, ['s3', 'cp', file, 's3://bench/cli/data.bin', '--only-show-errors']),
);
const down = await timed('aws s3 cp ← sandbox S3 (ranged GETs)', () =>
  awsCli(sandbox.url, home, [
    's3',
    'cp',
    's3://bench/cli/data.bin',
    join(dir, 'back.bin'),
    '--only-show-errors',
  ]),
);
const s3 = createS3(sandboxTarget(sandbox.url));
const app = await timed('app client putStream → sandbox S3 (lib-storage)', () =>
  s3.putStream('bench', 'app/data.bin', createReadStream(file)),
);
console.log(
  `ratios to the cp reference: CLI up ${(reference / up).toFixed(2)}×, CLI down ${(reference / down).toFixed(2)}×, app up ${(reference / app).toFixed(2)}×`,
);
clearInterval(sample);
s3.destroy();
await sandbox.close();
rmSync(dir, { recursive: true, force: true });
