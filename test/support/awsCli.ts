// The AWS CLI as an independent client of a test sandbox: Debian's AWS CLI v2 at /usr/bin/aws
// when present, else `aws` on PATH, run with throw-away credentials and an empty HOME so no
// user configuration leaks in.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const AWS_CLI = existsSync('/usr/bin/aws') ? '/usr/bin/aws' : 'aws';

/** "aws-cli/2.9.19 …", or null when there is no AWS CLI. */
export const awsCliVersion: string | null = await run(AWS_CLI, ['--version']).then(
  (r) => r.stdout.trim() || r.stderr.trim(),
  () => null,
);

/** The environment of a CLI call: throw-away keys, region us-east-1, `home` as HOME with its
 *  own config and credentials files, no pager. */
export function awsCliEnv(home: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: home,
    AWS_ACCESS_KEY_ID: 'AKIDCLITEST',
    AWS_SECRET_ACCESS_KEY: 'not-a-secret',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_CONFIG_FILE: join(home, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
    AWS_PAGER: '',
  };
}

/** Runs `aws ARGS --endpoint-url URL` with `home` as HOME; resolves with stdout. */
export async function awsCli(url: string, home: string, args: string[]): Promise<string> {
  const { stdout } = await run(AWS_CLI, [...args, '--endpoint-url', url], {
    env: awsCliEnv(home),
    timeout: 180_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout;
}

/** Runs `aws ARGS --endpoint-url URL --output json`; the parsed output ({} when empty). */
export async function awsCliJson(
  url: string,
  home: string,
  args: string[],
): Promise<Record<string, unknown>> {
  const stdout = await awsCli(url, home, [...args, '--output', 'json']);
  return stdout.trim() ? (JSON.parse(stdout) as Record<string, unknown>) : {};
}

/** The error output of a CLI call that must fail. */
export async function awsCliFails(url: string, home: string, args: string[]): Promise<string> {
  try {
    await awsCli(url, home, args);
  } catch (error) {
    return String((error as { stderr?: string }).stderr ?? error);
  }
  throw new Error(`aws ${args.join(' ')} succeeded`);
}
