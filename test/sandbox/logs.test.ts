// The CloudWatch Logs operations over task logs written by the sandbox's own log writer.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DescribeLogGroupsCommand,
  DescribeLogStreamsCommand,
  FilterLogEventsCommand,
  GetLogEventsCommand,
  paginateFilterLogEvents,
  paginateGetLogEvents,
} from '@aws-sdk/client-cloudwatch-logs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchesPattern } from '../../src/sandbox/logs.js';
import type { TaskRecord } from '../../src/sandbox/state.js';
import { createStore, loadState } from '../../src/sandbox/store.js';
import { createTaskLogWriter } from '../../src/sandbox/taskLog.js';
import { startTestSandbox, type TestSandbox } from '../support/sandbox.js';

const GROUP = 'dms-tasks-sandbox';
const task = (id: string) =>
  ({
    arn: `arn:aws:dms:us-east-1:000000000000:task:${id}`,
    resourceId: id,
    instanceArn: 'none',
    settings: { Logging: { EnableLogging: true } },
  }) as unknown as TaskRecord;

let t: TestSandbox;
let times: number[] = [];
beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'dmst-logs-'));
  const store = createStore(dataDir, loadState(dataDir));
  const writer = createTaskLogWriter(store);
  for (let i = 0; i < 250; i++) {
    writer.write(
      task('AAAA'),
      'TARGET_LOAD',
      i % 10 === 0 ? 'W' : 'I',
      `line ${i} of AAAA${i % 50 === 0 ? ' special' : ''}`,
      'x.c:1',
    );
    if (i < 30) writer.write(task('BBBB'), 'SOURCE_UNLOAD', 'I', `line ${i} of BBBB`, 'y.c:2');
  }
  await store.flush();
  times = loadState(dataDir).logGroups[0]!.streams[0]!.events.map((e) => e.timestamp);
  t = await startTestSandbox({ dataDir });
});
afterAll(async () => {
  await t.close();
});

const fail = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: unknown) => e as { name: string; message: string },
  );

describe('sandbox CloudWatch Logs', () => {
  it('describes groups and streams, ordered and paged', async () => {
    const groups = await t.logs.send(new DescribeLogGroupsCommand({}));
    expect(groups.logGroups?.map((g) => g.logGroupName)).toEqual([GROUP]);
    expect(groups.logGroups?.[0]?.arn).toBe(
      `arn:aws:logs:us-east-1:000000000000:log-group:${GROUP}:*`,
    );
    const first = await t.logs.send(
      new DescribeLogStreamsCommand({ logGroupName: GROUP, limit: 1 }),
    );
    expect(first.logStreams?.map((s) => s.logStreamName)).toEqual(['dms-task-AAAA']);
    const second = await t.logs.send(
      new DescribeLogStreamsCommand({ logGroupName: GROUP, limit: 1, nextToken: first.nextToken }),
    );
    expect(second.logStreams?.map((s) => s.logStreamName)).toEqual(['dms-task-BBBB']);
    expect(second.nextToken).toBeUndefined();
    const byTime = await t.logs.send(
      new DescribeLogStreamsCommand({
        logGroupIdentifier: GROUP,
        orderBy: 'LastEventTime',
        descending: true,
      }),
    );
    expect(byTime.logStreams?.[0]?.lastEventTimestamp).toBeGreaterThanOrEqual(
      byTime.logStreams![1]!.lastEventTimestamp!,
    );
    const bad = await fail(
      t.logs.send(
        new DescribeLogStreamsCommand({
          logGroupName: GROUP,
          orderBy: 'LastEventTime',
          logStreamNamePrefix: 'dms',
        }),
      ),
    );
    expect(bad.name).toBe('InvalidParameterException');
    const none = await fail(t.logs.send(new DescribeLogStreamsCommand({ logGroupName: 'nope' })));
    expect(none.message).toBe('The specified log group does not exist.');
  });

  it('tails a stream forwards with the same token at the end, and pages backwards', async () => {
    const seen: string[] = [];
    for await (const page of paginateGetLogEvents(
      { client: t.logs, pageSize: 64, stopOnSameToken: true },
      { logGroupName: GROUP, logStreamName: 'dms-task-AAAA', startFromHead: true },
    ))
      seen.push(...page.events!.map((e) => e.message!));
    expect(seen).toHaveLength(250);
    expect(seen[0]).toMatch(/\[TARGET_LOAD {5}\]W: {2}line 0 of AAAA special {2}\(x\.c:1\)$/);
    expect(seen[249]).toContain('line 249 of AAAA');

    const tail = await t.logs.send(
      new GetLogEventsCommand({ logGroupName: GROUP, logStreamName: 'dms-task-AAAA', limit: 100 }),
    );
    expect(tail.events?.[0]?.message).toContain('line 150 of');
    const end = await t.logs.send(
      new GetLogEventsCommand({
        logGroupName: GROUP,
        logStreamName: 'dms-task-AAAA',
        nextToken: tail.nextForwardToken,
        startFromHead: true,
      }),
    );
    expect(end.events).toEqual([]);
    expect(end.nextForwardToken).toBe(tail.nextForwardToken);
    const before = await t.logs.send(
      new GetLogEventsCommand({
        logGroupName: GROUP,
        logStreamName: 'dms-task-AAAA',
        nextToken: tail.nextBackwardToken,
        limit: 100,
      }),
    );
    expect(before.events?.[0]?.message).toContain('line 50 of');
    expect(before.events?.[99]?.message).toContain('line 149 of');
  });

  it('limits GetLogEvents to a time range', async () => {
    const from = times[100]!;
    const out = await t.logs.send(
      new GetLogEventsCommand({
        logGroupName: GROUP,
        logStreamName: 'dms-task-AAAA',
        startFromHead: true,
        startTime: from,
      }),
    );
    expect(out.events?.every((e) => e.timestamp! >= from)).toBe(true);
    expect(out.events?.some((e) => e.message!.includes('line 249 of'))).toBe(true);
  });

  it('filters events by stream names, prefix, pattern and time, with paging', async () => {
    const special = await t.logs.send(
      new FilterLogEventsCommand({ logGroupName: GROUP, filterPattern: 'special' }),
    );
    expect(special.events?.map((e) => e.message!.match(/line (\d+)/)![1])).toEqual([
      '0',
      '50',
      '100',
      '150',
      '200',
    ]);
    expect(special.events?.[0]).toMatchObject({ logStreamName: 'dms-task-AAAA' });
    expect(special.events?.[0]?.eventId).toMatch(/^\d+$/);
    const onlyB = await t.logs.send(
      new FilterLogEventsCommand({ logGroupName: GROUP, logStreamNames: ['dms-task-BBBB'] }),
    );
    expect(onlyB.events).toHaveLength(30);
    const prefixed = await t.logs.send(
      new FilterLogEventsCommand({
        logGroupName: GROUP,
        logStreamNamePrefix: 'dms-task-B',
        filterPattern: '"line 2" -BBBB',
      }),
    );
    expect(prefixed.events).toEqual([]);
    let total = 0;
    let pages = 0;
    for await (const page of paginateFilterLogEvents(
      { client: t.logs, pageSize: 100 },
      { logGroupName: GROUP },
    )) {
      total += page.events!.length;
      pages++;
    }
    expect([total, pages]).toEqual([280, 3]);
    const both = await fail(
      t.logs.send(
        new FilterLogEventsCommand({
          logGroupName: GROUP,
          logStreamNames: ['a'],
          logStreamNamePrefix: 'b',
        }),
      ),
    );
    expect(both.name).toBe('InvalidParameterException');
    const badToken = await fail(
      t.logs.send(new FilterLogEventsCommand({ logGroupName: GROUP, nextToken: 'zzz' })),
    );
    expect(badToken.message).toBe('The specified nextToken is invalid.');
  });

  it('matches simple filter patterns', () => {
    expect(matchesPattern('a b c', 'a c')).toBe(true);
    expect(matchesPattern('a b c', 'a d')).toBe(false);
    expect(matchesPattern('Load finished for x', '"Load finished"')).toBe(true);
    expect(matchesPattern('a b', '?x ?b')).toBe(true);
    expect(matchesPattern('a b', '?x ?y')).toBe(false);
    expect(matchesPattern('a b', 'a -b')).toBe(false);
    expect(matchesPattern('anything', '')).toBe(true);
  });
});
