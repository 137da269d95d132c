// `dms-tui check` for cron and monitoring scripts, and the lag in `dms-tui tasks`, against an
// in-process sandbox whose CloudWatch metrics the test records: exit 0 and no output when all
// is fine, exit 1 with one line per failed or lagging task, 3 for a task that does not exist,
// 2 for a bad --max-lag; JSON with every task's verdict.
import { runCommand } from '../support/commandRun.js';
import { DescribeReplicationInstancesCommand } from '@aws-sdk/client-database-migration-service';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findTask, startTask } from '../../src/aws/tasks.js';
import { EXIT } from '../../src/commands/io.js';
import { arnResource } from '../../src/model/task.js';
import { startTestSandbox, type TestSandbox } from '../support/sandbox.js';
import { waitFor } from '../support/wait.js';

let sb: TestSandbox;
const ENV = {
  AWS_ACCESS_KEY_ID: 'SANDBOXACCESSKEY',
  AWS_SECRET_ACCESS_KEY: 'sandbox-secret-not-a-real-key',
  AWS_REGION: 'us-east-1',
};

async function cli(name: string, ...args: string[]) {
  return runCommand(name, [...args, '--endpoint-url', sb.url], { env: ENV });
}

/** A task started with the stand-in engine, settled in `status`. */
async function started(id: string, type: string, status: string): Promise<string> {
  const arn = await sb.createTask(id, { type });
  await waitFor(async () => expect((await findTask(sb.clients, arn)).status).toBe('ready'));
  await startTask(sb.clients, arn, 'start-replication');
  await waitFor(async () => expect((await findTask(sb.clients, arn)).status).toBe(status));
  return arn;
}

beforeAll(async () => {
  // The SDK reads credentials from the process's environment, as for a script.
  Object.assign(process.env, ENV);
  delete process.env.AWS_PROFILE;
  sb = await startTestSandbox({ fakeEngine: true, endpoints: true });
  const instance = (await sb.dms.send(new DescribeReplicationInstancesCommand({})))
    .ReplicationInstances?.[0]?.ReplicationInstanceIdentifier;
  sb.engine.mode = 'complete';
  const lagOf = async (id: string, seconds: number) => {
    const arn = await started(id, 'full-load-and-cdc', 'running');
    const dims = {
      ReplicationInstanceIdentifier: instance ?? '',
      ReplicationTaskIdentifier: arnResource(arn),
    };
    sb.metrics.record('CDCLatencySource', dims, seconds / 2, Date.now() - 10_000);
    sb.metrics.record('CDCLatencyTarget', dims, seconds, Date.now() - 10_000);
  };
  await lagOf('chk-fine', 5);
  await lagOf('chk-slow', 125);
  await started('chk-loaded', 'full-load', 'stopped');
  sb.engine.mode = 'fail';
  await started('chk-broken', 'full-load', 'failed');
  sb.engine.mode = 'complete';
});
afterAll(() => sb?.close());

describe('dms-tui check', () => {
  it('exits 0 and prints nothing when every task is fine', async () => {
    const out = await cli('check', 'chk-fine', 'chk-loaded');
    expect(out).toEqual({ code: EXIT.ok, stdout: '', stderr: '' });
  });

  it('exits 1 with one line per lagging or failed task', async () => {
    const out = await cli('check', 'chk-fine', 'chk-slow', 'chk-broken', 'chk-loaded');
    expect(out.code).toBe(1);
    expect(out.stdout.trim().split('\n')).toEqual([
      'chk-slow lag 2 min 5 s (over 1 min)',
      'chk-broken failed: Cannot connect to the source Stop Reason FATAL_ERROR Error Level FATAL',
    ]);
  });

  it('takes --max-lag in seconds, minutes or hours', async () => {
    expect((await cli('check', 'chk-slow', '--max-lag', '5m')).code).toBe(EXIT.ok);
    expect((await cli('check', 'chk-slow', '--max-lag', '120')).code).toBe(1);
    expect((await cli('check', 'chk-fine', '--max-lag', '4s')).stdout).toBe(
      'chk-fine lag 5 s (over 4 s)\n',
    );
    const bad = await cli('check', 'chk-fine', '--max-lag', 'soon');
    expect(bad.code).toBe(EXIT.usage);
    expect(bad.stderr).toMatch(/--max-lag takes a duration like 60s/);
    expect((await cli('check')).code).toBe(EXIT.usage);
  });

  it('says which task does not exist, exit 3', async () => {
    const out = await cli('check', 'chk-fine', 'chk-nowhere');
    expect(out.code).toBe(EXIT.notFound);
    expect(out.stdout).toBe('chk-nowhere: no such task\n');
  });

  it('gives every task its verdict as JSON', async () => {
    const out = await cli('check', 'chk-fine', 'chk-slow', '--output', 'json');
    expect(out.code).toBe(1);
    expect(JSON.parse(out.stdout)).toEqual([
      {
        task: 'chk-fine',
        status: 'running',
        reading: 'Replicating · lag 5 s',
        lagSeconds: 5,
        ok: true,
      },
      {
        task: 'chk-slow',
        status: 'running',
        reading: 'Catching up · lag 2 min 5 s',
        lagSeconds: 125,
        ok: false,
        problem: 'chk-slow lag 2 min 5 s (over 1 min)',
      },
    ]);
  });
});

describe('dms-tui tasks', () => {
  it('shows the lag of running CDC tasks, as a column and in JSON', async () => {
    const table = await cli('tasks');
    expect(table.code).toBe(EXIT.ok);
    expect(table.stdout).toMatch(/PROGRESS\s+LAG/);
    expect(table.stdout).toMatch(
      /chk-slow\s+running\s+Catching up · lag 2 min 5 s\s+full-load-and-cdc\s+100%\s+2m05s/,
    );
    expect(table.stdout).toMatch(/chk-loaded\s+stopped\s+Load complete\s+full-load\s+100%\s+-/);
    // The DMS API's shape, the lag beside the app's reading under DmsTui.
    const json = JSON.parse((await cli('tasks', '--output', 'json')).stdout) as {
      ReplicationTasks: { ReplicationTaskIdentifier: string; DmsTui: { lagSeconds?: number } }[];
    };
    const fine = json.ReplicationTasks.find((t) => t.ReplicationTaskIdentifier === 'chk-fine');
    expect(fine?.DmsTui.lagSeconds).toBe(5);
  });
});
