// The AWS CLI as an independent client of a sandbox: Debian's AWS CLI v2 at /usr/bin/aws when
// present, else `aws` on PATH, with a private HOME and dummy credentials, JSON output parsed.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const AWS = existsSync('/usr/bin/aws') ? '/usr/bin/aws' : 'aws';

/** `aws --version`, or null when no AWS CLI is installed. */
export const awsCliVersion = await run(AWS, ['--version']).then(
  (r) => r.stdout.trim() || r.stderr.trim(),
  () => null,
);

export interface AwsCli {
  /** Runs `aws <args> --endpoint-url <sandbox> --output json`; the parsed output. */
  (...args: string[]): Promise<Record<string, unknown>>;
  /** Writes a JSON file in the CLI's private home, for `file://` arguments. */
  file(name: string, value: unknown): string;
  cleanup(): void;
}

export function awsCli(url: () => string): AwsCli {
  const home = mkdtempSync(join(tmpdir(), 'dmst-cli-'));
  const cli = async (...args: string[]) => {
    const { stdout } = await run(AWS, [...args, '--endpoint-url', url(), '--output', 'json'], {
      env: {
        PATH: process.env.PATH,
        HOME: home,
        AWS_ACCESS_KEY_ID: 'AKIDCLITEST',
        AWS_SECRET_ACCESS_KEY: 'not-a-secret',
        AWS_DEFAULT_REGION: 'us-east-1',
        AWS_CONFIG_FILE: join(home, 'config'),
        AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
        AWS_PAGER: '',
      },
      timeout: 120_000,
    });
    return stdout.trim() ? (JSON.parse(stdout) as Record<string, unknown>) : {};
  };
  return Object.assign(cli, {
    file(name: string, value: unknown) {
      const path = join(home, name);
      writeFileSync(path, JSON.stringify(value));
      return path;
    },
    cleanup() {
      rmSync(home, { recursive: true, force: true });
    },
  });
}
