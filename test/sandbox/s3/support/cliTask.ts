// A full-load task made, started and read with the AWS CLI's dms commands (status polled with
// the SDK, which is quicker than a CLI process per poll), for the S3-source tests.
import type { DatabaseMigrationServiceClient } from '@aws-sdk/client-database-migration-service';
import { expect } from 'vitest';
import { waitFor } from '../../../support/wait.js';
import { includeTables } from '../../../support/mappings.js';
import { describeTaskByArn } from '../../../support/describeTask.js';

export interface CliTaskContext {
  /** Runs `aws ARGS --output json` against the sandbox. */
  aws(...args: string[]): Promise<Record<string, never>>;
  dms: DatabaseMigrationServiceClient;
  instanceArn: string;
  /** Selected by the task's one selection rule (all its tables). */
  schema: string;
}

export interface TableStat {
  SchemaName: string;
  TableName: string;
  FullLoadRows: number;
  TableState: string;
}

/** Creates a full-load task with the CLI, runs it to its end; its ARN and table statistics. */
export async function runCliTask(
  cli: CliTaskContext,
  id: string,
  source: string,
  target: string,
): Promise<{ arn: string; stats: TableStat[] }> {
  const { aws, dms, schema, instanceArn } = cli;
  const mappings = includeTables(schema);
  const settings = JSON.stringify({
    FullLoadSettings: { TargetTablePrepMode: 'DROP_AND_CREATE' },
    Logging: { EnableLogging: true },
  });
  const created = await aws(
    'dms',
    'create-replication-task',
    '--replication-task-identifier',
    id,
    '--source-endpoint-arn',
    source,
    '--target-endpoint-arn',
    target,
    '--replication-instance-arn',
    instanceArn,
    '--migration-type',
    'full-load',
    '--table-mappings',
    mappings,
    '--replication-task-settings',
    settings,
  );
  const arn = (created.ReplicationTask as unknown as { ReplicationTaskArn: string })
    .ReplicationTaskArn;
  const status = async () => await describeTaskByArn(dms, arn);
  await waitFor(async () => expect((await status())?.Status).toBe('ready'), { timeout: 20_000 });
  await aws(
    'dms',
    'start-replication-task',
    '--replication-task-arn',
    arn,
    '--start-replication-task-type',
    'start-replication',
  );
  await waitFor(async () => expect((await status())?.Status).toBe('stopped'), { timeout: 60_000 });
  expect((await status())?.StopReason).toBe('Stop Reason FULL_LOAD_ONLY_FINISHED');
  const stats = await aws('dms', 'describe-table-statistics', '--replication-task-arn', arn);
  return { arn, stats: stats.TableStatistics as unknown as TableStat[] };
}
