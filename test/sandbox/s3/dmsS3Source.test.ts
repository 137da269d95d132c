// A DMS task with an Amazon S3 source endpoint, made and run with the AWS CLI's dms commands:
// CSV (a gzip file and a plain one in one table folder, CsvNullValue set) and Parquet files in
// DMS's S3-source layout, loaded into PostgreSQL and MariaDB. NULL and empty strings stay
// apart, quotes, newlines, unicode, numerics and binary (hex in CSV, as DMS reads it) arrive
// exactly, and the table statistics count the rows.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DbConnection, openConnection } from '../../../src/db/connection.js';
import { awsCli, awsCliJson, awsCliVersion } from '../../support/awsCli.js';
import {
  asMaria,
  COLUMNS,
  CSV_1,
  CSV_2,
  EXPECTED,
  parquetFile,
  peopleDefinition,
  peopleRows,
} from './support/people.js';
import { startTestSandbox, type TestSandbox, uniqueName } from '../../support/sandbox.js';
import { serverAvailable } from '../../support/servers.js';
import { waitFor } from '../../support/wait.js';
import { type CliTaskContext, runCliTask, type TableStat } from './support/cliTask.js';
import { cliEndpoint, serverArgs } from '../support/cliSession.js';

const pg = await serverAvailable('postgres');
const my = await serverAvailable('mysql');
const ready = awsCliVersion !== null && pg.ok && my.ok;
const why = awsCliVersion === null ? 'no AWS CLI' : !pg.ok ? pg.reason : my.reason;

const schema = uniqueName('dmst_s3src');
let t: TestSandbox;
let tmp = '';
let instanceArn = '';
const aws = async (...args: string[]) =>
  (await awsCliJson(t.url, tmp, args)) as Record<string, never>;

const endpoint = (id: string, type: 'source' | 'target', engine: string, extra: string[]) =>
  cliEndpoint(aws, id, type, engine, extra);

function s3Settings(folder: string, extra: Record<string, string> = {}): string[] {
  return [
    '--s3-settings',
    JSON.stringify({
      BucketName: 'dms-stage',
      BucketFolder: folder,
      ExternalTableDefinition: peopleDefinition(schema),
      ServiceAccessRoleArn: 'arn:aws:iam::000000000000:role/dms-s3-read',
      ...extra,
    }),
  ];
}

const cli = (): CliTaskContext => ({ aws, dms: t.dms, instanceArn, schema });

function expectPeopleLoaded(stats: TableStat[]): void {
  expect(stats).toEqual([
    expect.objectContaining({
      SchemaName: schema,
      TableName: 'people',
      FullLoadRows: 4,
      TableState: 'Table completed',
    }),
  ]);
}

describe.skipIf(!ready)(`DMS tasks with an S3 source endpoint (${awsCliVersion ?? why})`, () => {
  let pgConn: DbConnection;
  let myConn: DbConnection;
  let pgTarget = '';
  let myTarget = '';

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'dmst-s3src-'));
    t = await startTestSandbox();
    const files = join(tmp, 'files');
    mkdirSync(files);
    writeFileSync(join(files, 'LOAD00000001.csv.gz'), gzipSync(CSV_1));
    writeFileSync(join(files, 'LOAD00000002.csv'), CSV_2);
    writeFileSync(join(files, 'LOAD00000001.parquet'), parquetFile());
    writeFileSync(join(files, 'bad.csv'), '1,fine\n2,one,too many\n');
    await awsCli(t.url, tmp, ['s3', 'mb', 's3://dms-stage']);
    for (const [name, folder] of [
      ['LOAD00000001.csv.gz', 'stage'],
      ['LOAD00000002.csv', 'stage'],
      ['LOAD00000001.parquet', 'pq/in'],
    ])
      await awsCli(t.url, tmp, [
        's3',
        'cp',
        join(files, name as string),
        `s3://dms-stage/${folder}/${schema}/people/${name}`,
        '--only-show-errors',
      ]);
    const instances = await aws('dms', 'describe-replication-instances');
    instanceArn =
      (instances.ReplicationInstances as unknown as { ReplicationInstanceArn: string }[])[0]
        ?.ReplicationInstanceArn ?? '';
    pgTarget = await endpoint('s3src-pg', 'target', 'postgres', serverArgs(pg.spec));
    myTarget = await endpoint('s3src-maria', 'target', 'mariadb', serverArgs(my.spec));
    pgConn = await openConnection(pg.spec);
    myConn = await openConnection(my.spec);
  }, 120_000);

  afterAll(async () => {
    if (!ready) return;
    await t?.close();
    await pgConn?.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await myConn?.query(`DROP DATABASE IF EXISTS \`${schema}\``);
    await pgConn?.close();
    await myConn?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  // Each test runs several AWS CLI commands (a Python start-up each): two minutes on a busy
  // machine instead of the default thirty seconds.
  it('tests the connection: the bucket must exist', async () => {
    const good = await endpoint('s3src-csv-test', 'source', 's3', s3Settings('stage'));
    const bad = await endpoint('s3src-missing', 'source', 's3', [
      '--s3-settings',
      JSON.stringify({
        BucketName: 'no-such-bucket',
        ServiceAccessRoleArn: 'arn:aws:iam::000000000000:role/x',
      }),
    ]);
    for (const arn of [good, bad])
      await aws(
        'dms',
        'test-connection',
        '--replication-instance-arn',
        instanceArn,
        '--endpoint-arn',
        arn,
      );
    const connection = async (arn: string) =>
      (
        (await aws('dms', 'describe-connections', '--filters', `Name=endpoint-arn,Values=${arn}`))
          .Connections as unknown as { Status: string; LastFailureMessage?: string }[]
      )[0];
    await waitFor(async () => expect((await connection(good))?.Status).toBe('successful'), {
      timeout: 30_000,
    });
    await waitFor(async () => expect((await connection(bad))?.Status).toBe('failed'), {
      timeout: 30_000,
    });
    expect((await connection(bad))?.LastFailureMessage).toContain('no-such-bucket does not exist');
  }, 120_000);

  it('loads CSV (gzip and plain) into PostgreSQL and MariaDB with NULL and "" kept apart', async () => {
    const csv = await endpoint(
      's3src-csv',
      'source',
      's3',
      s3Settings('stage', {
        CsvNullValue: 'NULL',
        CompressionType: 'GZIP',
        CsvDelimiter: ',',
        CsvRowDelimiter: '\\n',
      }),
    );
    expectPeopleLoaded((await runCliTask(cli(), 's3-csv-to-pg', csv, pgTarget)).stats);
    expect(await peopleRows(pgConn, schema)).toEqual(EXPECTED);
    expectPeopleLoaded((await runCliTask(cli(), 's3-csv-to-maria', csv, myTarget)).stats);
    expect(await peopleRows(myConn, schema)).toEqual(asMaria(EXPECTED));
  }, 120_000);

  it('loads Parquet into PostgreSQL and MariaDB', async () => {
    const parquet = await endpoint(
      's3src-parquet',
      'source',
      's3',
      s3Settings('pq/in', { DataFormat: 'parquet' }),
    );
    const expected = EXPECTED.map((r) => [...r]);
    (expected[0] as (string | null)[])[5] = '2026-11-30 08:00:00.123'; // written in milliseconds
    expectPeopleLoaded((await runCliTask(cli(), 's3-parquet-to-pg', parquet, pgTarget)).stats);
    expect(await peopleRows(pgConn, schema)).toEqual(expected);
    expectPeopleLoaded((await runCliTask(cli(), 's3-parquet-to-maria', parquet, myTarget)).stats);
    const maria = asMaria(expected);
    (maria[0] as (string | null)[])[5] = '2026-11-30 08:00:00.123000';
    expect(await peopleRows(myConn, schema)).toEqual(maria);
  }, 120_000);

  it('loads tables side by side; a file that does not match its definition fails only its table', async () => {
    await awsCli(t.url, tmp, [
      's3',
      'cp',
      join(tmp, 'files', 'bad.csv'),
      `s3://dms-stage/bad/${schema}/broken/LOAD00000001.csv`,
      '--only-show-errors',
    ]);
    const two = JSON.stringify({
      TableCount: '2',
      Tables: [
        {
          TableName: 'people',
          TablePath: `stage/${schema}/people/`,
          TableOwner: schema,
          TableColumns: COLUMNS,
        },
        {
          TableName: 'broken',
          TablePath: `bad/${schema}/broken/`,
          TableOwner: schema,
          TableColumns: COLUMNS.slice(0, 2),
        },
      ],
    });
    const source = await endpoint('s3src-two', 'source', 's3', [
      '--s3-settings',
      JSON.stringify({
        BucketName: 'dms-stage',
        ExternalTableDefinition: two,
        CsvNullValue: 'NULL',
        ServiceAccessRoleArn: 'arn:aws:iam::000000000000:role/r',
      }),
    ]);
    const { arn, stats } = await runCliTask(cli(), 's3-two-tables', source, pgTarget);
    const byName = Object.fromEntries(
      stats.map((s) => [s.TableName, [s.FullLoadRows, s.TableState]]),
    );
    expect(byName).toEqual({ people: [4, 'Table completed'], broken: [0, 'Table error'] });
    const id = arn.split(':').at(-1);
    const log = await aws(
      'logs',
      'get-log-events',
      '--log-group-name',
      'dms-tasks-sandbox',
      '--log-stream-name',
      `dms-task-${id}`,
      '--start-from-head',
    );
    const lines = (log.events as unknown as { message: string }[]).map((e) => e.message).join('\n');
    expect(lines).toContain(
      'file LOAD00000001.csv, record 2: 3 field(s), the table definition has 2 column(s)',
    );
    expect(lines).toContain('MaxFullLoadSubTasks 2');
    expect(lines).toContain('All tables are loaded; 1 table(s) failed and were suspended');
  }, 120_000);
});
