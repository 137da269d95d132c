// The sandbox's CloudWatch metrics through the AWS CLI as an independent client (Debian's AWS
// CLI v2 at /usr/bin/aws, which speaks CloudWatch's awsQuery protocol: a form body and XML
// answers): get-metric-data with several queries and its own paging, list-metrics with
// filters, and a refusal as the CLI reports it.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AWS_CLI, awsCliEnv, awsCliJson, awsCliVersion } from '../support/awsCli.js';
import { startTestSandbox, type TestSandbox } from '../support/sandbox.js';

const run = promisify(execFile);
const cli = awsCliVersion !== null;

let t: TestSandbox;
let tmp = '';
const DIMS = { ReplicationInstanceIdentifier: 'sandbox', ReplicationTaskIdentifier: 'CLITASK' };
const BASE = Math.floor((Date.now() - 20 * 60_000) / 60_000) * 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

const aws = (...args: string[]) => awsCliJson(t.url, tmp, args);

function queriesFile(queries: unknown): string {
  const file = join(tmp, `q-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(queries));
  return `file://${file}`;
}

const query = (id: string, metric: string, stat: string, period: number) => ({
  Id: id,
  MetricStat: {
    Metric: {
      Namespace: 'AWS/DMS',
      MetricName: metric,
      Dimensions: Object.entries(DIMS).map(([Name, Value]) => ({ Name, Value })),
    },
    Period: period,
    Stat: stat,
  },
});

interface Result {
  Id: string;
  Label: string;
  Timestamps: string[];
  Values: number[];
  StatusCode: string;
}

beforeAll(async () => {
  if (!cli) return;
  tmp = mkdtempSync(join(tmpdir(), 'dmst-cwcli-'));
  t = await startTestSandbox();
  for (let s = 0; s < 120; s++) {
    t.metrics.record('CDCLatencyTarget', DIMS, s < 60 ? 2 : 6, BASE + s * 1000);
    t.metrics.record('CDCIncomingChanges', DIMS, s, BASE + s * 1000);
  }
});
afterAll(async () => {
  await t?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe.skipIf(!cli)('aws cloudwatch against the sandbox', () => {
  it('get-metric-data answers several queries per call', async () => {
    const out = await aws(
      'cloudwatch',
      'get-metric-data',
      '--metric-data-queries',
      queriesFile([
        query('lag', 'CDCLatencyTarget', 'Average', 60),
        { ...query('behind', 'CDCIncomingChanges', 'Maximum', 60), Label: 'changes behind' },
        query('none', 'CDCLatencySource', 'Average', 60),
      ]),
      '--start-time',
      iso(BASE),
      '--end-time',
      iso(BASE + 5 * 60_000),
      '--scan-by',
      'TimestampAscending',
    );
    const results = out.MetricDataResults as Result[];
    expect(results.map((r) => [r.Id, r.Label, r.StatusCode])).toEqual([
      ['lag', 'CDCLatencyTarget', 'Complete'],
      ['behind', 'changes behind', 'Complete'],
      ['none', 'CDCLatencySource', 'Complete'],
    ]);
    expect(results[0]?.Values).toEqual([2, 6]);
    expect(results[0]?.Timestamps.map((s) => Date.parse(s))).toEqual([BASE, BASE + 60_000]);
    expect(results[1]?.Values).toEqual([59, 119]);
    expect(results[2]?.Values).toEqual([]);
  });

  it('get-metric-data pages with NextToken (the CLI follows the tokens itself)', async () => {
    const args = [
      'cloudwatch',
      'get-metric-data',
      '--metric-data-queries',
      queriesFile([query('fine', 'CDCIncomingChanges', 'Sum', 1)]),
      '--start-time',
      iso(BASE),
      '--end-time',
      iso(BASE + 5 * 60_000),
    ];
    // MaxDatapoints is the CLI's page size: --page-size sets it while the CLI follows tokens.
    const one = await aws(...args, '--max-datapoints', '25', '--no-paginate');
    const first = (one.MetricDataResults as Result[])[0];
    expect(first?.Values).toHaveLength(25);
    expect(first?.StatusCode).toBe('PartialData');
    expect(one.NextToken).toEqual(expect.any(String));
    const all = await aws(...args, '--page-size', '25');
    expect((all.MetricDataResults as Result[]).length).toBe(5);
    const values = (all.MetricDataResults as Result[]).flatMap((r) => r.Values);
    expect(values).toHaveLength(120);
    expect(values.slice(0, 3)).toEqual([119, 118, 117]);
  });

  it('list-metrics filters by metric name and dimension', async () => {
    const out = await aws(
      'cloudwatch',
      'list-metrics',
      '--namespace',
      'AWS/DMS',
      '--dimensions',
      'Name=ReplicationTaskIdentifier,Value=CLITASK',
    );
    const names = (out.Metrics as { MetricName: string }[]).map((m) => m.MetricName);
    expect(names).toEqual(['CDCIncomingChanges', 'CDCLatencyTarget']);
    const one = await aws('cloudwatch', 'list-metrics', '--metric-name', 'CDCLatencyTarget');
    expect(one.Metrics).toEqual([
      {
        Namespace: 'AWS/DMS',
        MetricName: 'CDCLatencyTarget',
        Dimensions: [
          { Name: 'ReplicationInstanceIdentifier', Value: 'sandbox' },
          { Name: 'ReplicationTaskIdentifier', Value: 'CLITASK' },
        ],
      },
    ]);
  });

  it('reports a refusal with CloudWatch error code and message', async () => {
    const failed = await run(
      AWS_CLI,
      [
        'cloudwatch',
        'get-metric-data',
        '--metric-data-queries',
        queriesFile([query('a', 'CDCLatencyTarget', 'Average', 7)]),
        '--start-time',
        iso(BASE),
        '--end-time',
        iso(BASE + 60_000),
        '--endpoint-url',
        t.url,
      ],
      { env: awsCliEnv(tmp), timeout: 60_000 },
    ).then(
      () => null,
      (e: { stderr: string; code: number }) => e,
    );
    expect(failed?.code).toBe(254);
    expect(failed?.stderr).toMatch(
      /\(ValidationError\) when calling the GetMetricData operation: The parameter MetricDataQueries\.member\.1\.MetricStat\.Period must be/,
    );
  });
});
