// `dms-tui logs TASK --follow --since 30s`: following starts where --since says (not at the
// stream's head once a poll comes back empty), and many polls leave no abort listener behind
// (MaxListenersExceededWarning). Polls are counted as the requests the sandbox gets.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GetLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { findTask, startTask } from '../../src/aws/tasks.js';
import { taskLogLocation } from '../../src/model/task.js';
import { runTaskCommand } from '../../src/commands/index.js';
import { EXIT } from '../../src/commands/io.js';
import { startTestSandbox, type TestSandbox } from '../support/sandbox.js';
import { waitFor } from '../support/wait.js';

let sb: TestSandbox;
const env = {
  AWS_ACCESS_KEY_ID: 'SANDBOXACCESSKEY',
  AWS_SECRET_ACCESS_KEY: 'sandbox-secret-not-a-real-key',
  AWS_REGION: 'us-east-1',
};

beforeAll(async () => {
  // The SDK's credential chain reads process.env.
  Object.assign(process.env, env);
  delete process.env.AWS_PROFILE;
  sb = await startTestSandbox({ fakeEngine: true, endpoints: true });
  sb.engine.mode = 'complete';
});
afterAll(async () => {
  vi.useRealTimers();
  await sb?.close();
});

describe('the sandbox as CloudWatch', () => {
  it('a page emptied by startTime hands a token past the old events, not the head', async () => {
    const arn = await sb.createTask('token-since');
    await waitFor(async () => expect((await findTask(sb.clients, arn)).status).toBe('ready'));
    await startTask(sb.clients, arn, 'start-replication');
    await waitFor(async () => expect((await findTask(sb.clients, arn)).status).toBe('stopped'));
    const task = await findTask(sb.clients, arn);
    const where = taskLogLocation(task, 'sandbox');
    const first = await sb.logs.send(
      new GetLogEventsCommand({
        logGroupName: where.group,
        logStreamName: where.stream,
        startFromHead: true,
        startTime: Date.now() + 60_000,
      }),
    );
    expect(first.events).toEqual([]);
    const next = await sb.logs.send(
      new GetLogEventsCommand({
        logGroupName: where.group,
        logStreamName: where.stream,
        nextToken: first.nextForwardToken,
      }),
    );
    expect(next.events).toEqual([]);
  });
});

describe('dms-tui logs --follow --since', () => {
  it('prints nothing older than --since while following, shows new lines, leaks no listener', async () => {
    const arn = await sb.createTask('follow-since');
    await waitFor(async () => expect((await findTask(sb.clients, arn)).status).toBe('ready'));
    const started = await runTaskCommand('start', ['follow-since', '--endpoint-url', sb.url], {
      stdout: () => undefined,
      stderr: () => undefined,
      env,
    });
    expect(started).toBe(EXIT.ok);
    await waitFor(async () => expect((await findTask(sb.clients, arn)).status).toBe('stopped'));

    // The whole first run is now ten minutes old.
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
    vi.setSystemTime(Date.now() + 10 * 60_000);
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(`${w.name}: ${w.message}`);
    process.on('warning', onWarning);
    let requests = 0;
    let out = '';
    let err = '';
    const controller = new AbortController();
    const following = runTaskCommand(
      'logs',
      ['follow-since', '--follow', '--since', '30s', '--endpoint-url', sb.url],
      {
        stdout: (t) => {
          out += t;
        },
        stderr: (t) => {
          err += t;
        },
        env,
        signal: controller.signal,
        followIntervalMs: 5,
        clientOptions: {
          checkRequest: () => {
            requests++;
          },
        },
      },
    );
    try {
      // Far more polls than the ten listeners Node warns about.
      await waitFor(() => expect(requests).toBeGreaterThan(40), { timeout: 20_000 });
      expect(out).toBe('');
      // A second run writes new lines: following shows them, and only them.
      await runTaskCommand('reload', ['follow-since', '--yes', '--endpoint-url', sb.url], {
        stdout: () => undefined,
        stderr: () => undefined,
        env,
      });
      await waitFor(() => expect(out).toContain('Load finished'));
      const loadedOrders = out.match(/Load finished for table 'public'.'orders'/g) ?? [];
      expect(loadedOrders).toHaveLength(1);
    } finally {
      controller.abort();
      expect(await following).toBe(EXIT.ok);
      process.off('warning', onWarning);
      vi.useRealTimers();
    }
    expect(err).toBe('');
    expect(warnings.filter((w) => /MaxListeners/.test(w))).toEqual([]);
  });
});
