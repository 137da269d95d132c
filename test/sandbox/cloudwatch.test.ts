// The sandbox's CloudWatch metrics API through the real SDK (AWS JSON 1.0, awsQueryCompatible
// errors): GetMetricData statistics over periods, several queries, paging in both scan orders,
// unknown metrics, labels, validation errors as CloudWatch names them; ListMetrics filters and
// paging. Measurements are recorded straight into the sandbox's metrics store.
import {
  GetMetricDataCommand,
  type GetMetricDataCommandInput,
  ListMetricsCommand,
  type MetricDataQuery,
  type MetricDataResult,
} from '@aws-sdk/client-cloudwatch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../support/sandbox.js';

let t: TestSandbox;
const DIMS = { ReplicationInstanceIdentifier: 'sandbox', ReplicationTaskIdentifier: 'TASKAAA' };
const OTHER = { ReplicationInstanceIdentifier: 'sandbox', ReplicationTaskIdentifier: 'TASKBBB' };
// A whole minute a little in the past, so every bucket is inside the store's retention.
const BASE = Math.floor((Date.now() - 30 * 60_000) / 60_000) * 60_000;

beforeAll(async () => {
  t = await startTestSandbox();
  // CDCLatencySource: two samples a second for 3 minutes, value = minute index + 1 (and + 3).
  for (let s = 0; s < 180; s++) {
    const minute = Math.floor(s / 60);
    t.metrics.record('CDCLatencySource', DIMS, minute + 1, BASE + s * 1000);
    t.metrics.record('CDCLatencySource', DIMS, minute + 3, BASE + s * 1000 + 500);
  }
  t.metrics.record('CDCThroughputRowsTarget', DIMS, 100, BASE);
  t.metrics.record('CDCThroughputRowsTarget', OTHER, 7, BASE);
});
afterAll(() => t?.close());

const dims = (d: typeof DIMS) => Object.entries(d).map(([Name, Value]) => ({ Name, Value }));

function q(id: string, metric: string, stat = 'Average', period = 60, d = DIMS): MetricDataQuery {
  return {
    Id: id,
    MetricStat: {
      Metric: { Namespace: 'AWS/DMS', MetricName: metric, Dimensions: dims(d) },
      Period: period,
      Stat: stat,
    },
  };
}

const window = { StartTime: new Date(BASE), EndTime: new Date(BASE + 10 * 60_000) };
const get = (input: Partial<GetMetricDataCommandInput>) =>
  t.cloudwatch.send(new GetMetricDataCommand({ ...window, MetricDataQueries: [], ...input }));

describe('GetMetricData', () => {
  it('answers each statistic per period, newest first by default, with the metric as label', async () => {
    const out = await get({
      MetricDataQueries: ['Average', 'Sum', 'Minimum', 'Maximum', 'SampleCount'].map((s) =>
        q(s.toLowerCase(), 'CDCLatencySource', s),
      ),
    });
    const byId: Record<string, MetricDataResult> = Object.fromEntries(
      (out.MetricDataResults ?? []).map((r) => [r.Id, r]),
    );
    expect(byId.average?.Label).toBe('CDCLatencySource');
    expect(byId.average?.StatusCode).toBe('Complete');
    expect(byId.average?.Timestamps?.map((d) => d.getTime())).toEqual([
      BASE + 120_000,
      BASE + 60_000,
      BASE,
    ]);
    expect(byId.average?.Values).toEqual([4, 3, 2]);
    expect(byId.sum?.Values).toEqual([60 * 8, 60 * 6, 60 * 4]);
    expect(byId.minimum?.Values).toEqual([3, 2, 1]);
    expect(byId.maximum?.Values).toEqual([5, 4, 3]);
    expect(byId.samplecount?.Values).toEqual([120, 120, 120]);
    expect(out.NextToken).toBeUndefined();
  });

  it('answers finer periods, ascending on request, within StartTime and EndTime', async () => {
    const out = await get({
      StartTime: new Date(BASE + 60_000),
      EndTime: new Date(BASE + 90_000),
      ScanBy: 'TimestampAscending',
      MetricDataQueries: [q('tens', 'CDCLatencySource', 'Maximum', 10)],
    });
    const r = out.MetricDataResults?.[0];
    expect(r?.Timestamps?.map((d) => d.getTime() - BASE)).toEqual([60_000, 70_000, 80_000]);
    expect(r?.Values).toEqual([4, 4, 4]);
  });

  it('gives an unknown metric, namespace or dimension set an empty result, and keeps a Label', async () => {
    const out = await get({
      MetricDataQueries: [
        { ...q('nometric', 'NoSuchMetric'), Label: 'nothing here' },
        q('other', 'CDCThroughputRowsTarget', 'Sum', 60, OTHER),
        {
          Id: 'onedim',
          MetricStat: {
            Metric: {
              Namespace: 'AWS/DMS',
              MetricName: 'CDCLatencySource',
              Dimensions: [{ Name: 'ReplicationTaskIdentifier', Value: 'TASKAAA' }],
            },
            Period: 60,
            Stat: 'Average',
          },
        },
        { ...q('hidden', 'CDCLatencySource'), ReturnData: false },
      ],
    });
    const results = out.MetricDataResults ?? [];
    expect(results.map((r) => r.Id)).toEqual(['nometric', 'other', 'onedim']);
    expect(results[0]).toMatchObject({ Label: 'nothing here', Values: [], StatusCode: 'Complete' });
    expect(results[1]?.Values).toEqual([7]);
    expect(results[2]?.Values).toEqual([]);
  });

  it('pages by MaxDatapoints with NextToken and PartialData, losing and repeating nothing', async () => {
    for (const ScanBy of ['TimestampAscending', 'TimestampDescending'] as const) {
      const seen: number[] = [];
      let token: string | undefined;
      let pages = 0;
      do {
        const out = await get({
          ScanBy,
          MaxDatapoints: 40,
          NextToken: token,
          MetricDataQueries: [q('fine', 'CDCLatencySource', 'Average', 1)],
        });
        const r = out.MetricDataResults?.[0];
        token = out.NextToken;
        expect(r?.StatusCode).toBe(token ? 'PartialData' : 'Complete');
        expect(r?.Values?.length).toBeLessThanOrEqual(40);
        seen.push(...(r?.Timestamps ?? []).map((d) => d.getTime()));
        pages++;
      } while (token);
      expect(pages).toBe(5);
      expect(new Set(seen).size).toBe(180);
      const sorted = [...seen].sort((a, b) => (ScanBy === 'TimestampAscending' ? a - b : b - a));
      expect(seen).toEqual(sorted);
    }
  });

  it('refuses a NextToken from another request', async () => {
    const first = await get({
      MaxDatapoints: 10,
      MetricDataQueries: [q('fine', 'CDCLatencySource', 'Average', 1)],
    });
    expect(first.NextToken).toBeDefined();
    const error = await get({
      NextToken: first.NextToken,
      MetricDataQueries: [q('other', 'CDCLatencySource', 'Average', 5)],
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'InvalidNextToken', Code: 'InvalidNextToken' });
  });

  it('answers bad input with ValidationError as CloudWatch does', async () => {
    const cases: [Partial<GetMetricDataCommandInput>, RegExp][] = [
      [
        { MetricDataQueries: [q('a', 'CDCLatencySource', 'Average', 7)] },
        /Period must be 1, 5, 10, 30 or a multiple of 60/,
      ],
      [
        { MetricDataQueries: [q('a', 'CDCLatencySource', 'Median')] },
        /MetricDataQueries\.member\.1\.MetricStat\.Stat is not a valid statistic/,
      ],
      [{ MetricDataQueries: [q('Bad', 'CDCLatencySource')] }, /member\.1\.Id is not valid/],
      [
        { MetricDataQueries: [q('a', 'CDCLatencySource'), q('a', 'CDCLatencyTarget')] },
        /used by more than one query/,
      ],
      [
        {
          StartTime: new Date(BASE),
          EndTime: new Date(BASE),
          MetricDataQueries: [q('a', 'CDCLatencySource')],
        },
        /StartTime must not equal parameter EndTime/,
      ],
      [
        {
          StartTime: new Date(BASE + 1000),
          EndTime: new Date(BASE),
          MetricDataQueries: [q('a', 'CDCLatencySource')],
        },
        /StartTime must be less than/,
      ],
      [{ MetricDataQueries: [] }, /at least one query/],
      [{ MetricDataQueries: [{ Id: 'a' }] }, /Exactly one of/],
    ];
    for (const [input, message] of cases) {
      const error = await get(input).catch((e: unknown) => e);
      expect(error, String(message)).toMatchObject({
        name: 'ValidationException',
        Code: 'ValidationError',
        $metadata: { httpStatusCode: 400 },
      });
      expect((error as Error).message).toMatch(message);
    }
  });

  it('says what the sandbox does not compute: metric math and percentiles', async () => {
    const math = await get({
      MetricDataQueries: [{ Id: 'e', Expression: 'SUM(METRICS())' }],
    }).catch((e: unknown) => e);
    expect(math).toMatchObject({ name: 'InvalidParameterValueException' });
    expect((math as Error).message).toMatch(/does not evaluate metric math/);
    const p99 = await get({ MetricDataQueries: [q('a', 'CDCLatencySource', 'p99')] }).catch(
      (e: unknown) => e,
    );
    expect((p99 as Error).message).toMatch(/not p99/);
  });
});

describe('ListMetrics', () => {
  it('lists the measured series, filtered by namespace, name and dimensions', async () => {
    const all = await t.cloudwatch.send(new ListMetricsCommand({ Namespace: 'AWS/DMS' }));
    expect(all.Metrics?.map((m) => m.MetricName)).toEqual([
      'CDCLatencySource',
      'CDCThroughputRowsTarget',
      'CDCThroughputRowsTarget',
    ]);
    expect(all.Metrics?.[0]?.Dimensions).toEqual(dims(DIMS));
    const other = await t.cloudwatch.send(
      new ListMetricsCommand({
        Dimensions: [{ Name: 'ReplicationTaskIdentifier', Value: 'TASKBBB' }],
      }),
    );
    expect(other.Metrics).toEqual([
      { Namespace: 'AWS/DMS', MetricName: 'CDCThroughputRowsTarget', Dimensions: dims(OTHER) },
    ]);
    const byName = await t.cloudwatch.send(
      new ListMetricsCommand({
        MetricName: 'CDCLatencySource',
        Dimensions: [{ Name: 'ReplicationInstanceIdentifier' }],
      }),
    );
    expect(byName.Metrics).toHaveLength(1);
    const none = await t.cloudwatch.send(new ListMetricsCommand({ Namespace: 'AWS/EC2' }));
    expect(none.Metrics).toEqual([]);
  });

  it('refuses a NextToken that is not its own', async () => {
    const error = await t.cloudwatch
      .send(new ListMetricsCommand({ NextToken: 'bm90IGEgdG9rZW4' }))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'InvalidNextToken' });
  });
});
