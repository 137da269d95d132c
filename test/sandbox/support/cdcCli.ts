// Replication tasks driven through the AWS CLI for the CDC tests: endpoints for a database
// server, a task over one schema, start/stop/delete and waiting on what DMS reports.
// Waiting polls with the SDK and then reads, and checks again, through the AWS CLI: each CLI
// call starts a Python process (about a second of CPU), and polling with it every 300 ms was
// most of these tests' time on a 2-core machine running several test files at once.
import {
  DatabaseMigrationServiceClient,
  DescribeReplicationTasksCommand,
  DescribeTableStatisticsCommand,
} from '@aws-sdk/client-database-migration-service';
import type { ConnectionSpec } from '../../../src/model/connection.js';
import { DUMMY_CREDENTIALS } from '../../support/sandbox.js';
import { waitFor } from '../../support/wait.js';
import { type CliSession, cliEndpoint, serverArgs } from './cliSession.js';

export type CliTask = Record<string, unknown> & {
  ReplicationTaskArn: string;
  Status: string;
  StopReason?: string;
  RecoveryCheckpoint?: string;
  ReplicationTaskStats?: { FullLoadProgressPercent: number };
};

export type CliStats = Record<string, number | string>[];

export function cdcCli(aws: CliSession) {
  let instanceArn = '';
  const filter = (arn: string) => ['--filters', `Name=replication-task-arn,Values=${arn}`];
  let sdk: { url: string; client: DatabaseMigrationServiceClient } | undefined;
  /** An SDK client of the sandbox the session talks to now (a restart may move it). */
  const dms = () => {
    if (sdk?.url !== aws.url()) {
      sdk?.client.destroy();
      const client = new DatabaseMigrationServiceClient({
        endpoint: aws.url(),
        region: 'us-east-1',
        credentials: DUMMY_CREDENTIALS,
        maxAttempts: 1,
      });
      sdk = { url: aws.url(), client };
    }
    return sdk.client;
  };
  const sdkTask = async (arn: string) =>
    (
      await dms().send(
        new DescribeReplicationTasksCommand({
          Filters: [{ Name: 'replication-task-arn', Values: [arn] }],
          WithoutSettings: true,
        }),
      )
    ).ReplicationTasks?.[0] as unknown as CliTask;
  const sdkStats = async (arn: string) =>
    (await dms().send(new DescribeTableStatisticsCommand({ ReplicationTaskArn: arn })))
      .TableStatistics as unknown as CliStats;
  const api = {
    async instance(): Promise<string> {
      if (!instanceArn) {
        const out = await aws('dms', 'describe-replication-instances');
        instanceArn = (out.ReplicationInstances as { ReplicationInstanceArn: string }[])[0]!
          .ReplicationInstanceArn;
      }
      return instanceArn;
    },
    async endpoint(id: string, type: 'source' | 'target', spec: ConnectionSpec): Promise<string> {
      const engine = spec.engine === 'postgres' ? 'postgres' : 'mariadb';
      return cliEndpoint(aws, id, type, engine, serverArgs(spec));
    },
    /** A task over every table of `schema`; waits until it is ready. */
    async task(o: {
      id: string;
      source: string;
      target: string;
      schema: string;
      type: 'cdc' | 'full-load-and-cdc' | 'full-load';
      settings?: Record<string, unknown>;
      extra?: string[];
    }): Promise<string> {
      const mappings = aws.file(`${o.id}-mappings.json`, {
        rules: [
          {
            'rule-type': 'selection',
            'rule-id': '1',
            'rule-name': 'all',
            'object-locator': { 'schema-name': o.schema, 'table-name': '%' },
            'rule-action': 'include',
          },
        ],
      });
      const settings = aws.file(`${o.id}-settings.json`, {
        Logging: { EnableLogging: true },
        FullLoadSettings: { TargetTablePrepMode: 'DROP_AND_CREATE' },
        ...o.settings,
      });
      const out = await aws(
        'dms',
        'create-replication-task',
        '--replication-task-identifier',
        o.id,
        '--source-endpoint-arn',
        o.source,
        '--target-endpoint-arn',
        o.target,
        '--replication-instance-arn',
        await api.instance(),
        '--migration-type',
        o.type,
        '--table-mappings',
        `file://${mappings}`,
        '--replication-task-settings',
        `file://${settings}`,
        ...(o.extra ?? []),
      );
      const arn = (out.ReplicationTask as { ReplicationTaskArn: string }).ReplicationTaskArn;
      // (The CLI's own waiters poll every 15 s; these tests look more often.)
      await api.until(arn, (t) => t.Status === 'ready', 'ready');
      return arn;
    },
    async describe(arn: string): Promise<CliTask> {
      const out = await aws(
        'dms',
        'describe-replication-tasks',
        ...filter(arn),
        '--without-settings',
      );
      return (out.ReplicationTasks as CliTask[])[0]!;
    },
    async start(arn: string, type: string, ...extra: string[]): Promise<void> {
      await aws(
        'dms',
        'start-replication-task',
        '--replication-task-arn',
        arn,
        '--start-replication-task-type',
        type,
        ...extra,
      );
    },
    /** Waits until the task says so (e.g. running with the full load done); the task as the
     *  AWS CLI reads it then. */
    async until(arn: string, check: (t: CliTask) => boolean, what: string, timeout = 90_000) {
      await waitFor(() => sdkTask(arn), { until: check, what, timeout, interval: 300 });
      return waitFor(() => api.describe(arn), { until: check, what, timeout, interval: 300 });
    },
    /** Waits until the table statistics say so; the statistics as the AWS CLI reads them then. */
    async statsUntil(
      arn: string,
      check: (stats: CliStats) => boolean,
      what: string,
      timeout = 60_000,
    ): Promise<CliStats> {
      await waitFor(() => sdkStats(arn), { until: check, what, timeout, interval: 300 });
      return waitFor(() => api.tableStats(arn), { until: check, what, timeout, interval: 300 });
    },
    async stop(arn: string): Promise<CliTask> {
      await aws('dms', 'stop-replication-task', '--replication-task-arn', arn);
      return api.until(arn, (t) => t.Status === 'stopped', 'stopped');
    },
    async tableStats(arn: string): Promise<CliStats> {
      const out = await aws('dms', 'describe-table-statistics', '--replication-task-arn', arn);
      return out.TableStatistics as CliStats;
    },
    async logLines(arn: string): Promise<string[]> {
      const out = await aws(
        'logs',
        'filter-log-events',
        '--log-group-name',
        'dms-tasks-sandbox',
        '--log-stream-names',
        `dms-task-${arn.split(':').pop()}`,
      );
      return (out.events as { message: string }[]).map((e) => e.message);
    },
    async delete(arn: string): Promise<void> {
      await aws('dms', 'delete-replication-task', '--replication-task-arn', arn);
      const gone = (read: () => Promise<unknown>) => () =>
        read().then(
          () => false,
          (error: Error) =>
            error.name === 'ResourceNotFoundFault' ||
            error.message.includes('ResourceNotFoundFault'),
        );
      const deleted = { what: 'the task to be deleted', timeout: 30_000, interval: 300 };
      await waitFor(
        gone(() => sdkTask(arn)),
        deleted,
      );
      await waitFor(
        gone(() => aws('dms', 'describe-replication-tasks', ...filter(arn))),
        deleted,
      );
    },
  };
  return api;
}

/** Running with the full load done: what the app shows as "Load complete, replication ongoing". */
export const replicating = (t: CliTask) =>
  t.Status === 'running' && t.ReplicationTaskStats?.FullLoadProgressPercent === 100;
