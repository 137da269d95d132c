// `--output json` prints the DMS API shape: the same fields, with the same values, as the AWS
// CLI prints for the same call against the same sandbox, plus the app's reading under "DmsTui".
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findTask } from '../../src/aws/tasks.js';
import { runTaskCommand } from '../../src/commands/index.js';
import { EXIT } from '../../src/commands/io.js';
import { startTestSandbox, type TestSandbox } from '../support/sandbox.js';
import { waitFor } from '../support/wait.js';

const AWS = existsSync('/usr/bin/aws') ? '/usr/bin/aws' : 'aws';
const awsAvailable = await promisify(execFile)(AWS, ['--version']).then(
  () => true,
  () => false,
);
const env = {
  AWS_ACCESS_KEY_ID: 'SANDBOXACCESSKEY',
  AWS_SECRET_ACCESS_KEY: 'sandbox-secret-not-a-real-key',
  AWS_REGION: 'us-east-1',
};
let sb: TestSandbox;

beforeAll(async () => {
  Object.assign(process.env, env);
  delete process.env.AWS_PROFILE;
  sb = await startTestSandbox({ fakeEngine: true, endpoints: true });
  sb.engine.mode = 'complete';
  const arn = await sb.createTask('shape-task');
  await waitFor(async () => expect((await findTask(sb.clients, arn)).status).toBe('ready'));
});
afterAll(async () => {
  await sb?.close();
});

async function ours(name: string, ...args: string[]) {
  let stdout = '';
  const code = await runTaskCommand(name, [...args, '--output', 'json', '--endpoint-url', sb.url], {
    stdout: (t) => {
      stdout += t;
    },
    stderr: () => undefined,
    env,
  });
  expect(code).toBe(EXIT.ok);
  return JSON.parse(stdout);
}

async function theirs(...args: string[]) {
  const home = mkdtempSync(join(tmpdir(), 'dmst-awscli-'));
  const { stdout } = await promisify(execFile)(
    AWS,
    [...args, '--endpoint-url', sb.url, '--output', 'json'],
    {
      env: {
        PATH: process.env.PATH,
        HOME: home,
        ...env,
        AWS_CONFIG_FILE: join(home, 'config'),
        AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
        AWS_PAGER: '',
      },
    },
  );
  return JSON.parse(stdout);
}

describe('--output json is the DMS API shape', () => {
  it.skipIf(!awsAvailable)('tasks: the same fields and values as the AWS CLI', async () => {
    const mine = (await ours('tasks')).ReplicationTasks as Record<string, unknown>[];
    const cli = (await theirs('dms', 'describe-replication-tasks', '--without-settings'))
      .ReplicationTasks as Record<string, unknown>[];
    const a = mine.find((t) => t.ReplicationTaskIdentifier === 'shape-task')!;
    const b = cli.find((t) => t.ReplicationTaskIdentifier === 'shape-task')!;
    const { DmsTui, ...dms } = a;
    expect(Object.keys(dms).sort()).toEqual(Object.keys(b).sort());
    for (const key of ['ReplicationTaskArn', 'Status', 'MigrationType', 'TableMappings'])
      expect(dms[key]).toEqual(b[key]);
    expect(DmsTui).toMatchObject({
      reading: 'Ready to start',
      sourceEndpoint: 'src-pg',
      targetEndpoint: 'dst-pg',
      tableMappings: ['1. Include public.%'],
    });
  });

  it.skipIf(!awsAvailable)(
    'stats: TableStatistics as DescribeTableStatistics has them',
    async () => {
      await runTaskCommand('start', ['shape-task', '--endpoint-url', sb.url], {
        stdout: () => undefined,
        stderr: () => undefined,
        env,
      });
      const arn = (await findTask(sb.clients, 'shape-task')).arn;
      await waitFor(async () => expect((await findTask(sb.clients, arn)).status).toBe('stopped'));
      const mine = await ours('stats', 'shape-task');
      const cli = await theirs('dms', 'describe-table-statistics', '--replication-task-arn', arn);
      expect(mine.ReplicationTaskArn).toBe(arn);
      const pick = (rows: Record<string, unknown>[]) =>
        rows.map(({ SchemaName, TableName, FullLoadRows, TableState }) => ({
          SchemaName,
          TableName,
          FullLoadRows,
          TableState,
        }));
      expect(pick(mine.TableStatistics)).toEqual(pick(cli.TableStatistics));
      expect(mine.DmsTui).toMatchObject({ task: 'shape-task', status: 'stopped' });
    },
  );
});
