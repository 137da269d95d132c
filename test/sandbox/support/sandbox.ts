// Starts an in-process sandbox on a random port with a temporary data dir, and real SDK clients
// pointed at it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { DatabaseMigrationServiceClient } from '@aws-sdk/client-database-migration-service';
import { type SandboxOptions, startSandbox } from '../../../src/sandbox/server.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

export const DUMMY_CREDENTIALS = { accessKeyId: 'AKIDTEST', secretAccessKey: 'not-a-secret' };

export type TestSandbox = Awaited<ReturnType<typeof startTestSandbox>>;

export async function startTestSandbox(opts: Partial<SandboxOptions> = {}, region = 'us-east-1') {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'dmst-sandbox-'));
  const sb = await startSandbox({ port: 0, ...opts, dataDir }).catch((error: unknown) => {
    if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
    throw error;
  });
  const config = {
    endpoint: sb.url,
    region,
    credentials: DUMMY_CREDENTIALS,
    maxAttempts: 1,
  };
  const dms = new DatabaseMigrationServiceClient(config);
  const logs = new CloudWatchLogsClient(config);
  return {
    sb,
    dms,
    logs,
    dataDir,
    url: sb.url,
    async close(keepData = false) {
      dms.destroy();
      logs.destroy();
      await sb.close();
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Polls fn until `until` holds (bounded); returns the last value. */
export async function waitFor<T>(
  fn: () => Promise<T>,
  until: (value: T) => boolean,
  { timeoutMs = 30_000, intervalMs = 100, what = 'condition' } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await fn();
  while (!until(last)) {
    if (Date.now() > deadline)
      throw new Error(`Timed out waiting for ${what}; last value: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
    last = await fn();
  }
  return last;
}

export function uniqueName(prefix: string): string {
  return `${prefix}_${Math.random().toString(36).slice(2, 8)}`;
}
