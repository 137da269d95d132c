// Builds the DMS and CloudWatch Logs clients for an AwsTarget. Clients are created on first
// use and reused; credentials come from the SDK's default chain (environment, shared config and
// credentials files, SSO, assume-role, process, container and instance roles).
// Two guards hold for every client made here:
// - timeouts: a connection must open within `connectMs` and an answer arrive within
//   `requestMs`, and a call makes at most `maxAttempts` tries, so no call waits for ever
//   (the error says which URL did not answer, see errors.ts);
// - the sandbox never leaves this machine: a sandbox target whose endpoint is not loopback
//   gets no client at all, and every request of a sandbox client is checked before it is sent.
import type { DatabaseMigrationServiceClient } from '@aws-sdk/client-database-migration-service';
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { loadCredentialProviders, loadDms, loadLogs } from './sdk.js';
import {
  type AwsTarget,
  isLoopbackHost,
  SANDBOX_CREDENTIALS,
  SANDBOX_REGION,
  sandboxRefusal,
} from '../model/awsTarget.js';

/** How long a call may wait; see DEFAULT_TIMEOUTS. */
export interface Timeouts {
  /** To open the TCP (and TLS) connection. */
  connectMs: number;
  /** For the whole request and its answer, once connected. */
  requestMs: number;
}

/** Suits a TUI: DMS and Logs answer in well under a second; 3 tries stay under a minute. */
export const DEFAULT_TIMEOUTS: Timeouts = { connectMs: 3_000, requestMs: 12_000 };
export const DEFAULT_MAX_ATTEMPTS = 3;

export interface AwsClients {
  readonly target: AwsTarget;
  readonly timeouts: Timeouts;
  readonly maxAttempts: number;
  dms(): Promise<DatabaseMigrationServiceClient>;
  logs(): Promise<CloudWatchLogsClient>;
  destroy(): void;
}

export interface ClientOptions {
  /** 'adaptive' adds client-side rate limiting; right for polling. Default 'adaptive'. */
  retryMode?: 'standard' | 'adaptive';
  /** Tries per call, the first included (default 3). */
  maxAttempts?: number;
  timeouts?: Partial<Timeouts>;
  /** Called with every request's URL just before it is sent; throwing refuses the request.
   *  Tests use it to prove where calls go. */
  checkRequest?: (url: URL) => void;
}

interface SdkHttpRequest {
  protocol?: string;
  hostname?: string;
  port?: number;
  path?: string;
}

/** The refusal a sandbox client raises for a request off this machine. */
export class SandboxEscapeError extends Error {
  readonly code = 'SandboxEscape';
}

/** The configuration every SDK client made for `target` shares (region, endpoint, credentials,
 *  retries and timeouts); `endpoint` replaces the target's (S3 has its own). */
export async function sdkConfig(
  target: AwsTarget,
  settings: { timeouts: Timeouts; maxAttempts: number; retryMode?: 'standard' | 'adaptive' },
  endpoint: string | undefined = target.endpointUrl,
) {
  const base = {
    region: target.sandbox ? SANDBOX_REGION : target.region,
    endpoint,
    // The endpoint is the target's, never one the SDK finds by itself in the environment or
    // ~/.aws/config (src/model/targetRule.ts already let AWS_ENDPOINT_URL fill it in).
    ignoreConfiguredEndpointUrls: true,
    retryMode: settings.retryMode ?? 'adaptive',
    maxAttempts: settings.maxAttempts,
    requestHandler: {
      connectionTimeout: settings.timeouts.connectMs,
      requestTimeout: settings.timeouts.requestMs,
      throwOnRequestTimeout: true,
      socketTimeout: settings.timeouts.requestMs,
    },
  };
  if (target.sandbox) return { ...base, credentials: SANDBOX_CREDENTIALS };
  const { fromNodeProviderChain } = await loadCredentialProviders();
  return {
    ...base,
    credentials: fromNodeProviderChain({ profile: target.profile }),
    profile: target.profile,
  };
}

/** Checks each request's real URL before it goes out (after endpoint resolution): a sandbox
 *  client never leaves this machine, and `checkRequest` sees every URL. */
export function guardRequests(
  client: unknown,
  target: AwsTarget,
  checkRequest?: (url: URL) => void,
): void {
  const check = (request: SdkHttpRequest) => {
    const url = new URL(
      `${request.protocol ?? 'https:'}//${request.hostname ?? ''}${request.port ? `:${request.port}` : ''}${request.path ?? '/'}`,
    );
    if (target.sandbox && !isLoopbackHost(url.hostname))
      throw new SandboxEscapeError(
        `Refused a sandbox call to ${url.origin}: the sandbox is only ever on this machine`,
      );
    checkRequest?.(url);
  };
  (
    client as {
      middlewareStack: { add(mw: unknown, opts: { step: 'finalizeRequest'; name: string }): void };
    }
  ).middlewareStack.add(
    (next: (args: { request: unknown }) => Promise<unknown>) =>
      async (args: { request: unknown }) => {
        check(args.request as SdkHttpRequest);
        return next(args);
      },
    { step: 'finalizeRequest', name: 'dmsTuiRequestGuard' },
  );
}

export function createAwsClients(target: AwsTarget, options: ClientOptions = {}): AwsClients {
  let dms: Promise<DatabaseMigrationServiceClient> | undefined;
  let logs: Promise<CloudWatchLogsClient> | undefined;
  const made: { destroy(): void }[] = [];
  const timeouts: Timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const refusal = sandboxRefusal(target);
  const commonConfig = () =>
    sdkConfig(target, { timeouts, maxAttempts, retryMode: options.retryMode });
  const guard = (client: unknown) => guardRequests(client, target, options.checkRequest);

  const refuse = () => Promise.reject(new SandboxEscapeError(refusal ?? ''));

  return {
    target,
    timeouts,
    maxAttempts,
    dms() {
      if (refusal) return refuse();
      dms ??= (async () => {
        const { DatabaseMigrationServiceClient } = await loadDms();
        const client = new DatabaseMigrationServiceClient(await commonConfig());
        guard(client);
        made.push(client);
        return client;
      })();
      return dms;
    },
    logs() {
      if (refusal) return refuse();
      logs ??= (async () => {
        const { CloudWatchLogsClient } = await loadLogs();
        const client = new CloudWatchLogsClient(await commonConfig());
        guard(client);
        made.push(client);
        return client;
      })();
      return logs;
    },
    destroy() {
      for (const client of made) client.destroy();
    },
  };
}
