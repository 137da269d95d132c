// Builds the DMS and CloudWatch Logs clients for an AwsTarget. Clients are created on first
// use and reused; credentials come from the SDK's default chain (environment, shared config and
// credentials files, SSO, assume-role, process, container and instance roles).
import type { DatabaseMigrationServiceClient } from '@aws-sdk/client-database-migration-service';
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { loadCredentialProviders, loadDms, loadLogs } from './sdk.js';
import { type AwsTarget, SANDBOX_CREDENTIALS, SANDBOX_REGION } from '../model/awsTarget.js';

export interface AwsClients {
  readonly target: AwsTarget;
  dms(): Promise<DatabaseMigrationServiceClient>;
  logs(): Promise<CloudWatchLogsClient>;
  destroy(): void;
}

export interface ClientOptions {
  /** 'adaptive' adds client-side rate limiting; right for polling. Default 'adaptive'. */
  retryMode?: 'standard' | 'adaptive';
  maxAttempts?: number;
}

export function createAwsClients(target: AwsTarget, options: ClientOptions = {}): AwsClients {
  let dms: Promise<DatabaseMigrationServiceClient> | undefined;
  let logs: Promise<CloudWatchLogsClient> | undefined;
  const made: { destroy(): void }[] = [];

  async function commonConfig() {
    const base = {
      region: target.sandbox ? (target.region ?? SANDBOX_REGION) : target.region,
      endpoint: target.endpointUrl,
      retryMode: options.retryMode ?? 'adaptive',
      maxAttempts: options.maxAttempts ?? 3,
    };
    if (target.sandbox) return { ...base, credentials: SANDBOX_CREDENTIALS };
    const { fromNodeProviderChain } = await loadCredentialProviders();
    return {
      ...base,
      credentials: fromNodeProviderChain({ profile: target.profile }),
      profile: target.profile,
    };
  }

  return {
    target,
    dms() {
      dms ??= (async () => {
        const { DatabaseMigrationServiceClient } = await loadDms();
        const client = new DatabaseMigrationServiceClient(await commonConfig());
        made.push(client);
        return client;
      })();
      return dms;
    },
    logs() {
      logs ??= (async () => {
        const { CloudWatchLogsClient } = await loadLogs();
        const client = new CloudWatchLogsClient(await commonConfig());
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
