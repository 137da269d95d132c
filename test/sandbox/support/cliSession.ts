// A session of the AWS CLI (test/support/awsCli.ts) against one sandbox, for tests that make
// many calls: a private HOME, JSON output parsed, and JSON files for `file://` arguments.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { awsCliJson } from '../../support/awsCli.js';

export { awsCliVersion } from '../../support/awsCli.js';

export interface CliSession {
  /** Runs `aws <args> --endpoint-url <sandbox> --output json`; the parsed output. */
  (...args: string[]): Promise<Record<string, unknown>>;
  /** Writes a JSON file in the session's home, for `file://` arguments. */
  file(name: string, value: unknown): string;
  cleanup(): void;
}

/** `url` is read on every call, so a session outlives a sandbox restart. */
export function cliSession(url: () => string): CliSession {
  const home = mkdtempSync(join(tmpdir(), 'dmst-cli-'));
  const call = (...args: string[]) => awsCliJson(url(), home, args);
  return Object.assign(call, {
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
