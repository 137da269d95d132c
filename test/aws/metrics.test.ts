// src/aws/metrics.ts against the sandbox through the app's clients: one task's last hour of
// latency and throughput (all pages of one GetMetricData request), and the latest lag of many
// tasks in one call, under the dimensions DMS uses (instance identifier, task resource id).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchLatestLags, fetchTaskHistory } from '../../src/aws/metrics.js';
import { startTestSandbox, type TestSandbox } from '../support/sandbox.js';

let t: TestSandbox;
const NOW = Math.floor(Date.now() / 60_000) * 60_000;
const key = (id: string) => ({
  arn: `arn:aws:dms:us-east-1:123456789012:task:${id}`,
  instanceId: 'sandbox',
});
const dims = (id: string) => ({
  ReplicationInstanceIdentifier: 'sandbox',
  ReplicationTaskIdentifier: id,
});

beforeAll(async () => {
  t = await startTestSandbox();
  // 20 minutes of one task: latency rising, throughput steady.
  for (let s = 0; s < 1200; s++) {
    const at = NOW - 1_200_000 + s * 1000;
    t.metrics.record('CDCLatencySource', dims('AAA'), s / 100, at);
    t.metrics.record('CDCLatencyTarget', dims('AAA'), s / 50, at);
    t.metrics.record('CDCThroughputRowsTarget', dims('AAA'), 500, at);
    t.metrics.record('CDCIncomingChanges', dims('AAA'), 1200 - s, at);
  }
  t.metrics.record('CDCLatencyTarget', dims('BBB'), 3, NOW - 30_000);
});
afterAll(() => t?.close());

describe('fetchTaskHistory', () => {
  it('reads the last hour of each metric, oldest first, and the latest lag', async () => {
    const got = await fetchTaskHistory(t.clients, key('AAA'), { now: NOW, periodSeconds: 60 });
    expect(got.calls).toBe(1);
    expect(got.history.CDCLatencySource).toHaveLength(20);
    expect(got.history.CDCThroughputRowsTarget?.every((p) => p.value === 500)).toBe(true);
    expect(got.history.FullLoadThroughputRowsTarget).toEqual([]);
    const at = got.history.CDCLatencyTarget?.map((p) => p.at) ?? [];
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(got.lag.lagSeconds).toBeCloseTo((1140 + 1199) / 2 / 50, 5);
    expect(got.lag.behind).toBeCloseTo(30.5, 5);
  });

  it('follows NextToken through every page', async () => {
    const got = await fetchTaskHistory(t.clients, key('AAA'), {
      now: NOW,
      periodSeconds: 10,
      pageSize: 100,
    });
    expect(got.calls).toBeGreaterThan(4);
    expect(got.history.CDCLatencySource).toHaveLength(120);
  });
});

describe('fetchLatestLags', () => {
  it('gives every task its latest lag in one call, and nothing for a task without metrics', async () => {
    const got = await fetchLatestLags(t.clients, [key('AAA'), key('BBB'), key('CCC')], {
      now: NOW,
      periodSeconds: 10,
    });
    expect(got.calls).toBe(1);
    expect(got.lags.get(key('BBB').arn)?.lagSeconds).toBe(3);
    expect(got.lags.get(key('AAA').arn)?.lagSeconds).toBeGreaterThan(20);
    expect(got.lags.get(key('CCC').arn)?.lagSeconds).toBeUndefined();
  });
});
