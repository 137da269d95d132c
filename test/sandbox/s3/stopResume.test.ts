// Stopping a task whose source is S3 in the middle of a table, and resuming it: the table goes
// to "Table cancelled" with the rows committed so far, and resume-processing loads it again
// from its files (DROP_AND_CREATE), ending with every row exactly once.
import { gzipSync } from 'node:zlib';
import {
  CreateEndpointCommand,
  CreateReplicationTaskCommand,
  DescribeTableStatisticsCommand,
  StartReplicationTaskCommand,
  StopReplicationTaskCommand,
} from '@aws-sdk/client-database-migration-service';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3 } from '../../../src/aws/s3.js';
import { type DbConnection, openConnection } from '../../../src/db/connection.js';
import { sandboxTarget } from '../../../src/model/awsTarget.js';
import { startTestSandbox, type TestSandbox, uniqueName } from '../../support/sandbox.js';
import { serverAvailable } from '../../support/servers.js';
import { waitFor } from '../../support/wait.js';
import { includeTables } from '../../support/mappings.js';
import { describeTaskByArn } from '../../support/describeTask.js';

const pg = await serverAvailable('postgres');
const schema = uniqueName('dmst_s3stop');
const ROWS = 1_000_000;
let t: TestSandbox;
let conn: DbConnection;

describe.skipIf(!pg.ok)(
  `stop and resume of an S3 load (${pg.ok ? 'PostgreSQL' : pg.reason})`,
  () => {
    beforeAll(async () => {
      t = await startTestSandbox({ endpoints: true });
      conn = await openConnection(pg.spec);
      const s3 = createS3(sandboxTarget(t.url));
      await s3.ensureBucket('stop-stage');
      const lines: string[] = [];
      for (let i = 1; i <= ROWS; i++) lines.push(`${i},row number ${i}\n`);
      await s3.putStream(
        'stop-stage',
        `${schema}/big/LOAD00000001.csv.gz`,
        gzipSync(lines.join('')),
      );
      s3.destroy();
    }, 120_000);
    afterAll(async () => {
      await t?.close();
      await conn?.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await conn?.close();
    });

    it('cancels the table on stop and loads every row once after resume', async () => {
      const source = await t.dms.send(
        new CreateEndpointCommand({
          EndpointIdentifier: 's3-stop-source',
          EndpointType: 'source',
          EngineName: 's3',
          S3Settings: {
            BucketName: 'stop-stage',
            ServiceAccessRoleArn: 'arn:aws:iam::000000000000:role/r',
            ExternalTableDefinition: JSON.stringify({
              TableCount: '1',
              Tables: [
                {
                  TableName: 'big',
                  TablePath: `${schema}/big/`,
                  TableOwner: schema,
                  TableColumns: [
                    { ColumnName: 'id', ColumnType: 'INT4', ColumnIsPk: 'true' },
                    { ColumnName: 'label', ColumnType: 'STRING', ColumnLength: '40' },
                  ],
                },
              ],
            }),
          },
        }),
      );
      const created = await t.dms.send(
        new CreateReplicationTaskCommand({
          ReplicationTaskIdentifier: 's3-stop',
          SourceEndpointArn: source.Endpoint?.EndpointArn,
          TargetEndpointArn: t.targetEndpoint,
          ReplicationInstanceArn: t.instanceArn,
          MigrationType: 'full-load',
          TableMappings: includeTables(schema),
          ReplicationTaskSettings: JSON.stringify({
            FullLoadSettings: { TargetTablePrepMode: 'DROP_AND_CREATE', CommitRate: 2000 },
          }),
        }),
      );
      const arn = created.ReplicationTask?.ReplicationTaskArn ?? '';
      const task = async () => await describeTaskByArn(t.dms, arn);
      const table = async () =>
        (await t.dms.send(new DescribeTableStatisticsCommand({ ReplicationTaskArn: arn })))
          .TableStatistics?.[0];
      await waitFor(async () => expect((await task())?.Status).toBe('ready'), { timeout: 20_000 });
      await t.dms.send(
        new StartReplicationTaskCommand({
          ReplicationTaskArn: arn,
          StartReplicationTaskType: 'start-replication',
        }),
      );
      await waitFor(async () => expect((await table())?.FullLoadRows ?? 0).toBeGreaterThan(0), {
        timeout: 60_000,
      });
      await t.dms.send(new StopReplicationTaskCommand({ ReplicationTaskArn: arn }));
      await waitFor(async () => expect((await task())?.Status).toBe('stopped'), {
        timeout: 30_000,
      });
      expect((await task())?.StopReason).toBe('Stop Reason NORMAL');
      const stopped = await table();
      expect(stopped?.TableState).toBe('Table cancelled');
      const { rows: before } = await conn.query<{ n: string }>(
        `SELECT count(*)::text AS n FROM "${schema}".big`,
      );
      // The statistics count committed batches; the one batch in flight when the session was
      // cut may have committed on the server without its answer arriving.
      const landed = Number(before[0]?.n);
      expect(landed).toBeGreaterThanOrEqual(stopped?.FullLoadRows ?? 0);
      expect(landed).toBeLessThanOrEqual((stopped?.FullLoadRows ?? 0) + 2000);
      expect(landed).toBeLessThan(ROWS);

      await t.dms.send(
        new StartReplicationTaskCommand({
          ReplicationTaskArn: arn,
          StartReplicationTaskType: 'resume-processing',
        }),
      );
      await waitFor(async () => expect((await table())?.TableState).toBe('Table completed'), {
        timeout: 90_000,
      });
      const { rows } = await conn.query<{ n: string; d: string }>(
        `SELECT count(*)::text AS n, count(DISTINCT id)::text AS d FROM "${schema}".big`,
      );
      expect(rows[0]).toEqual({ n: String(ROWS), d: String(ROWS) });
    }, 180_000);
  },
);
