// A DMS task with an Amazon S3 source endpoint, made and run with the AWS CLI's dms commands:
// CSV (a gzip file and a plain one in one table folder, CsvNullValue set) and Parquet files in
// DMS's S3-source layout, loaded into PostgreSQL and MariaDB. NULL and empty strings stay
// apart, quotes, newlines, unicode, numerics and binary (hex in CSV, as DMS reads it) arrive
// exactly, and the table statistics count the rows.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DescribeReplicationTasksCommand } from '@aws-sdk/client-database-migration-service';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DbConnection, openConnection } from '../../../src/db/connection.js';
import { awsCli, awsCliVersion } from '../../support/awsCli.js';
import { startTestSandbox, type TestSandbox, uniqueName } from '../../support/sandbox.js';
import { serverAvailable } from '../../support/servers.js';
import { waitFor } from '../../support/wait.js';

const pg = await serverAvailable('postgres');
const my = await serverAvailable('mysql');
const ready = awsCliVersion !== null && pg.ok && my.ok;
const why = awsCliVersion === null ? 'no AWS CLI' : !pg.ok ? pg.reason : my.reason;

const schema = uniqueName('dmst_s3src');
let t: TestSandbox;
let tmp = '';
let instanceArn = '';
const aws = async (...args: string[]) => {
  const out = await awsCli(t.url, tmp, [...args, '--output', 'json']);
  return out.trim() ? (JSON.parse(out) as Record<string, never>) : {};
};

const COLUMNS = [
  { ColumnName: 'id', ColumnType: 'INT4', ColumnNullable: 'false', ColumnIsPk: 'true' },
  { ColumnName: 'name', ColumnType: 'STRING', ColumnLength: '100', ColumnNullable: 'true' },
  { ColumnName: 'note', ColumnType: 'CLOB', ColumnNullable: 'true' },
  {
    ColumnName: 'amount',
    ColumnType: 'NUMERIC',
    ColumnPrecision: '12',
    ColumnScale: '3',
    ColumnNullable: 'true',
  },
  { ColumnName: 'born', ColumnType: 'DATE', ColumnNullable: 'true' },
  { ColumnName: 'seen', ColumnType: 'DATETIME', ColumnScale: '6', ColumnNullable: 'true' },
  { ColumnName: 'ok', ColumnType: 'BOOLEAN', ColumnNullable: 'true' },
  { ColumnName: 'photo', ColumnType: 'BLOB', ColumnNullable: 'true' },
];
const definition = JSON.stringify({
  TableCount: '1',
  Tables: [
    {
      TableName: 'people',
      TablePath: `${schema}/people/`,
      TableOwner: schema,
      TableColumns: COLUMNS,
      TableColumnsTotal: String(COLUMNS.length),
    },
  ],
});

// NULL is the null marker; "NULL" quoted is the text NULL; "" is an empty string.
const CSV_1 =
  '1,Ann,"",12.500,1990-01-02,2026-11-30 08:00:00.123456,true,00ff10\n2,NULL,"He said ""hi""",-0.001,NULL,NULL,false,NULL\n';
const CSV_2 =
  '3,"Zoë 😀","line1\nline2, with a comma",123456789.123,2000-02-29,1999-12-31 23:59:59,NULL,""\n4,"NULL",NULL,NULL,NULL,NULL,NULL,NULL\n';

/** What both loads must give, as text (bytea/BLOB as hex). */
const EXPECTED = [
  ['1', 'Ann', '', '12.500', '1990-01-02', '2026-11-30 08:00:00.123456', 'true', '00ff10'],
  ['2', null, 'He said "hi"', '-0.001', null, null, 'false', null],
  [
    '3',
    'Zoë 😀',
    'line1\nline2, with a comma',
    '123456789.123',
    '2000-02-29',
    '1999-12-31 23:59:59',
    null,
    '',
  ],
  ['4', 'NULL', null, null, null, null, null, null],
];

function parquetFile(): Buffer {
  const buffer = parquetWriteBuffer({
    columnData: [
      { name: 'id', data: [1, 2, 3, 4], type: 'INT32', nullable: false },
      { name: 'name', data: ['Ann', null, 'Zoë 😀', 'NULL'], type: 'STRING' },
      {
        name: 'note',
        data: ['', 'He said "hi"', 'line1\nline2, with a comma', null],
        type: 'STRING',
      },
      { name: 'amount', data: [12.5, -0.001, 123456789.123, null] },
      { name: 'born', data: [new Date('1990-01-02'), null, new Date('2000-02-29'), null] },
      {
        name: 'seen',
        data: [new Date('2026-11-30T08:00:00.123Z'), null, new Date('1999-12-31T23:59:59Z'), null],
        type: 'TIMESTAMP',
      },
      { name: 'ok', data: [true, false, null, null], type: 'BOOLEAN' },
      {
        name: 'photo',
        data: [Uint8Array.of(0, 255, 16), null, new Uint8Array(0), null],
        type: 'BYTE_ARRAY',
      },
    ],
    schemaOverrides: {
      amount: {
        name: 'amount',
        type: 'INT64',
        converted_type: 'DECIMAL',
        precision: 12,
        scale: 3,
        repetition_type: 'OPTIONAL',
      },
      born: { name: 'born', type: 'INT32', converted_type: 'DATE', repetition_type: 'OPTIONAL' },
    },
  } as never);
  return Buffer.from(buffer);
}

async function endpoint(
  id: string,
  type: string,
  engine: string,
  extra: string[],
): Promise<string> {
  const out = await aws(
    'dms',
    'create-endpoint',
    '--endpoint-identifier',
    id,
    '--endpoint-type',
    type,
    '--engine-name',
    engine,
    ...extra,
  );
  return (out.Endpoint as unknown as { EndpointArn: string }).EndpointArn;
}

function s3Settings(folder: string, extra: Record<string, string> = {}): string[] {
  return [
    '--s3-settings',
    JSON.stringify({
      BucketName: 'dms-stage',
      BucketFolder: folder,
      ExternalTableDefinition: definition,
      ServiceAccessRoleArn: 'arn:aws:iam::000000000000:role/dms-s3-read',
      ...extra,
    }),
  ];
}

async function runTask(id: string, source: string, target: string): Promise<void> {
  const mappings = JSON.stringify({
    rules: [
      {
        'rule-type': 'selection',
        'rule-id': '1',
        'rule-name': '1',
        'object-locator': { 'schema-name': schema, 'table-name': '%' },
        'rule-action': 'include',
      },
    ],
  });
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
  const status = async () =>
    (
      await t.dms.send(
        new DescribeReplicationTasksCommand({
          Filters: [{ Name: 'replication-task-arn', Values: [arn] }],
        }),
      )
    ).ReplicationTasks?.[0];
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
  expect(stats.TableStatistics).toEqual([
    expect.objectContaining({
      SchemaName: schema,
      TableName: 'people',
      FullLoadRows: 4,
      TableState: 'Table completed',
    }),
  ]);
}

async function rows(conn: DbConnection): Promise<unknown[][]> {
  const q = (n: string) => (conn.family === 'postgres' ? `"${n}"` : `\`${n}\``);
  const table = `${q(schema)}.${q('people')}`;
  const sql =
    conn.family === 'postgres'
      ? `SELECT id::text, name, note, amount::text, born::text, seen::text, ok::text, encode(photo, 'hex') FROM ${table} ORDER BY id`
      : `SELECT CAST(id AS CHAR), name, note, CAST(amount AS CHAR), CAST(born AS CHAR), CAST(seen AS CHAR), CASE ok WHEN 1 THEN 'true' WHEN 0 THEN 'false' END, LOWER(HEX(photo)) FROM ${table} ORDER BY id`;
  const { rows: out } = await conn.query<Record<string, unknown>>(sql);
  return out.map((r) => Object.values(r).map((v) => (v === null ? null : String(v))));
}

/** MariaDB shows DATETIME(6) with all six digits. */
const asMaria = (expected: (string | null)[][]) =>
  expected.map((r) =>
    r.map((v, i) => (i === 5 && v !== null && !v.includes('.') ? `${v}.000000` : v)),
  );

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
    pgTarget = await endpoint('s3src-pg', 'target', 'postgres', [
      '--server-name',
      pg.spec.host,
      '--port',
      String(pg.spec.port),
      '--database-name',
      pg.spec.database,
      '--username',
      pg.spec.user,
    ]);
    myTarget = await endpoint('s3src-maria', 'target', 'mariadb', [
      '--server-name',
      my.spec.host,
      '--port',
      String(my.spec.port),
      '--username',
      my.spec.user,
    ]);
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
  });

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
    await runTask('s3-csv-to-pg', csv, pgTarget);
    expect(await rows(pgConn)).toEqual(EXPECTED);
    await runTask('s3-csv-to-maria', csv, myTarget);
    expect(await rows(myConn)).toEqual(asMaria(EXPECTED));
  });

  it('loads Parquet into PostgreSQL and MariaDB', async () => {
    const parquet = await endpoint(
      's3src-parquet',
      'source',
      's3',
      s3Settings('pq/in', { DataFormat: 'parquet' }),
    );
    const expected = EXPECTED.map((r) => [...r]);
    (expected[0] as (string | null)[])[5] = '2026-11-30 08:00:00.123'; // written in milliseconds
    await runTask('s3-parquet-to-pg', parquet, pgTarget);
    expect(await rows(pgConn)).toEqual(expected);
    await runTask('s3-parquet-to-maria', parquet, myTarget);
    const maria = asMaria(expected);
    (maria[0] as (string | null)[])[5] = '2026-11-30 08:00:00.123000';
    expect(await rows(myConn)).toEqual(maria);
  });
});
