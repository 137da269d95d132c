// The AWS CLI (Debian's v2 at /usr/bin/aws when present, else `aws` on PATH) as an independent
// client of the hardened sandbox: it reaches it by `localhost`, and gets DMS's error for an
// out-of-range port and an over-long server name, as one line on stderr.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AWS_CLI, awsCliEnv, awsCliVersion } from '../support/awsCli.js';
import { startTestSandbox, type TestSandbox } from '../support/sandbox.js';

const run = promisify(execFile);
const awsVersion = awsCliVersion;

let t: TestSandbox;
let home = '';
beforeAll(async () => {
  t = await startTestSandbox();
  home = mkdtempSync(join(tmpdir(), 'dmst-cli-hard-'));
});
afterAll(async () => {
  await t.close();
  rmSync(home, { recursive: true, force: true });
});

async function aws(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const url = t.url.replace('127.0.0.1', 'localhost');
  return run(AWS_CLI, [...args, '--endpoint-url', url, '--output', 'json'], {
    env: { ...awsCliEnv(home), AWS_MAX_ATTEMPTS: '1' },
    timeout: 60_000,
  }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code?: number; stdout?: string; stderr?: string }) => ({
      code: typeof e.code === 'number' ? e.code : 1,
      stdout: e.stdout ?? '',
      stderr: e.stderr ?? '',
    }),
  );
}

describe.skipIf(awsVersion === null)(`AWS CLI against the hardened sandbox (${awsVersion})`, () => {
  it('is served through localhost and refused a bad port and an over-long server name', async () => {
    const list = await aws('dms', 'describe-replication-instances');
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout).ReplicationInstances).toHaveLength(1);

    const port = await aws(
      'dms',
      'create-endpoint',
      '--endpoint-identifier',
      'cli-port',
      '--endpoint-type',
      'source',
      '--engine-name',
      'postgres',
      '--port',
      '70000',
    );
    expect(port.code).not.toBe(0);
    expect(port.stderr).toContain('(InvalidParameterValueException)');
    expect(port.stderr).toContain(
      'Invalid value for Port: 70000. The port must be an integer from 1 to 65535.',
    );

    const server = await aws(
      'dms',
      'create-endpoint',
      '--endpoint-identifier',
      'cli-server',
      '--endpoint-type',
      'source',
      '--engine-name',
      'postgres',
      '--server-name',
      'h'.repeat(300),
    );
    expect(server.code).not.toBe(0);
    expect(server.stderr).toContain(
      "at 'serverName' failed to satisfy constraint: Member must have length less than or equal to 255",
    );
    expect(server.stderr).not.toContain('Traceback');
  }, 120_000);
});
