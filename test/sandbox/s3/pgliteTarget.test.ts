// An S3 source loading the embedded PGlite demo target (the zero-setup route the replication
// agent's demo takes): CSV with the null marker, quotes, a newline and bytes, put with the
// app's S3 client, loaded by a task from an S3 endpoint into demo-target; the rows and the
// table statistics match.
import { gzipSync } from 'node:zlib';
import {
  CreateEndpointCommand,
  CreateReplicationTaskCommand,
  DescribeEndpointsCommand,
  DescribeReplicationInstancesCommand,
  DescribeTableStatisticsCommand,
  StartReplicationTaskCommand,
} from '@aws-sdk/client-database-migration-service';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3 } from '../../../src/aws/s3.js';
import { openConnection } from '../../../src/db/connection.js';
import { sandboxTarget } from '../../../src/model/awsTarget.js';
import { startTestSandbox, type TestSandbox } from '../../support/sandbox.js';
import { waitFor } from '../../support/wait.js';
import { includeTables } from '../../support/mappings.js';
import { describeTaskByArn } from '../../support/describeTask.js';

let t: TestSandbox;

const DEFINITION = JSON.stringify({
  TableCount: '1',
  Tables: [
    {
      TableName: 'notes',
      TablePath: 'agent/notes/',
      TableOwner: 'agent',
      TableColumns: [
        { ColumnName: 'id', ColumnType: 'INT8', ColumnNullable: 'false', ColumnIsPk: 'true' },
        { ColumnName: 'body', ColumnType: 'CLOB', ColumnNullable: 'true' },
        { ColumnName: 'data', ColumnType: 'BLOB', ColumnNullable: 'true' },
      ],
    },
  ],
});

describe('an S3 source into the PGlite demo target', () => {
  beforeAll(async () => {
    t = await startTestSandbox({ demo: true });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('loads the rows with NULL, empty strings, quotes, newlines and bytes intact', async () => {
    const s3 = createS3(sandboxTarget(t.url));
    await s3.ensureBucket('demo-staging');
    const csv = '1,"say ""hi""\nbye",cafe\n2,"",\\N\n3,\\N,""\n';
    await s3.putStream('demo-staging', 'run1/agent/notes/LOAD00000001.csv.gz', gzipSync(csv));
    s3.destroy();
    const source = await t.dms.send(
      new CreateEndpointCommand({
        EndpointIdentifier: 's3-demo-source',
        EndpointType: 'source',
        EngineName: 's3',
        S3Settings: {
          BucketName: 'demo-staging',
          BucketFolder: 'run1',
          ExternalTableDefinition: DEFINITION,
          CsvNullValue: '\\N',
          ServiceAccessRoleArn: 'arn:aws:iam::000000000000:role/any',
        },
      }),
    );
    const endpoints = (await t.dms.send(new DescribeEndpointsCommand({}))).Endpoints ?? [];
    const target = endpoints.find((e) => e.EndpointIdentifier === 'demo-target');
    const instances = await t.dms.send(new DescribeReplicationInstancesCommand({}));
    const created = await t.dms.send(
      new CreateReplicationTaskCommand({
        ReplicationTaskIdentifier: 's3-to-demo',
        SourceEndpointArn: source.Endpoint?.EndpointArn,
        TargetEndpointArn: target?.EndpointArn,
        ReplicationInstanceArn: instances.ReplicationInstances?.[0]?.ReplicationInstanceArn,
        MigrationType: 'full-load',
        TableMappings: includeTables('agent'),
        ReplicationTaskSettings: JSON.stringify({
          FullLoadSettings: { TargetTablePrepMode: 'DROP_AND_CREATE' },
        }),
      }),
    );
    const arn = created.ReplicationTask?.ReplicationTaskArn ?? '';
    const task = async () => await describeTaskByArn(t.dms, arn);
    await waitFor(async () => expect((await task())?.Status).toBe('ready'), { timeout: 20_000 });
    await t.dms.send(
      new StartReplicationTaskCommand({
        ReplicationTaskArn: arn,
        StartReplicationTaskType: 'start-replication',
      }),
    );
    await waitFor(async () => expect((await task())?.Status).toBe('stopped'), { timeout: 60_000 });
    expect((await task())?.StopReason).toBe('Stop Reason FULL_LOAD_ONLY_FINISHED');
    const stats = await t.dms.send(new DescribeTableStatisticsCommand({ ReplicationTaskArn: arn }));
    expect(stats.TableStatistics?.map((s) => [s.TableName, s.FullLoadRows, s.TableState])).toEqual([
      ['notes', 3, 'Table completed'],
    ]);
    const demo = t.sandbox.demo?.target;
    if (!demo) throw new Error('no demo target');
    const conn = await openConnection(demo);
    try {
      const { rows } = await conn.query<{ id: string; body: string | null; data: string | null }>(
        "SELECT id::text AS id, body, encode(data, 'hex') AS data FROM agent.notes ORDER BY id",
      );
      expect(rows).toEqual([
        { id: '1', body: 'say "hi"\nbye', data: 'cafe' },
        { id: '2', body: '', data: null },
        { id: '3', body: null, data: '' },
      ]);
    } finally {
      await conn.close();
    }
  }, 120_000);
});
