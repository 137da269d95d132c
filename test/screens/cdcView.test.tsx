// A CDC task in the app, against an in-process sandbox whose CloudWatch metrics the test
// records itself: the plain words ("Load complete · replication ongoing", "Replicating · lag
// 2 s", "Catching up · 12,400 changes behind"), the LAG column, the lag alert in the status bar
// with the bell, `:alerts` with the time, and the details screen's sparklines.
import { DescribeReplicationInstancesCommand } from '@aws-sdk/client-database-migration-service';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findTask, startTask } from '../../src/aws/tasks.js';
import { arnResource } from '../../src/model/task.js';
import { App } from '../../src/shell/App.js';
import { renderInk } from '../support/ink.js';
import { sandboxServices, startTestSandbox, type TestSandbox } from '../support/sandbox.js';
import { waitFor } from '../support/wait.js';

let sb: TestSandbox;
let instanceId = '';
/** Each measurement in a later second than the one before, all within the last minutes. */
let clock = Date.now() - 240_000;

beforeAll(async () => {
  sb = await startTestSandbox({ fakeEngine: true, endpoints: true });
  const out = await sb.dms.send(new DescribeReplicationInstancesCommand({}));
  instanceId = out.ReplicationInstances?.[0]?.ReplicationInstanceIdentifier ?? '';
});
afterAll(() => sb?.close());

async function runningCdcTask(id: string): Promise<string> {
  sb.engine.mode = 'complete';
  const arn = await sb.createTask(id, { type: 'full-load-and-cdc' });
  await waitFor(async () => expect((await findTask(sb.clients, arn)).status).toBe('ready'));
  await startTask(sb.clients, arn, 'start-replication');
  await waitFor(async () => {
    const t = await findTask(sb.clients, arn);
    expect(t.status).toBe('running');
    expect(t.stats?.progressPercent).toBe(100);
  });
  return arn;
}

function measure(arn: string, values: Record<string, number>) {
  clock += 2000;
  const dims = {
    ReplicationInstanceIdentifier: instanceId,
    ReplicationTaskIdentifier: arnResource(arn),
  };
  for (const [metric, value] of Object.entries(values))
    sb.metrics.record(metric, dims, value, clock);
}

describe('a CDC task in the Data Migration View', () => {
  it('reads in plain words with its lag, alerts past the threshold, and lists the alert', async () => {
    const arn = await runningCdcTask('cdcv-orders');
    let bells = 0;
    const services = sandboxServices(sb, {
      refreshSeconds: 1,
      metricsSeconds: 1,
      bell: () => {
        bells++;
      },
    });
    services.preferences.update({ lagAlertSeconds: 30 });
    const app = renderInk(<App services={services} initialRoute={{ screen: 'tasks' }} />);
    // A 100-column terminal: the STATUS column takes the room the others leave (the words may
    // end in … where TABLES LOADED needs its room).
    let frame = await app.waitForText('Load complete · replicatio');
    expect(frame).toMatch(/STATUS\s+LAG/);
    expect(frame).toMatch(/cdcv-orders\s+running · Load complete · replicatio[^\n]*\s—\s/);

    measure(arn, { CDCLatencySource: 1, CDCLatencyTarget: 2, CDCIncomingChanges: 3 });
    frame = await app.waitForText('Replicating · lag 2 s');
    expect(frame).toMatch(/running · Replicating · lag 2 s\s+2s/);
    expect(bells).toBe(0);

    measure(arn, { CDCLatencySource: 20, CDCLatencyTarget: 45, CDCIncomingChanges: 12_400 });
    frame = await app.waitForText('Catching up · 12,400 chang');
    expect(frame).toMatch(/Catching up · 12,400 chang[^\n]*\s45s\s/);
    frame = await app.waitForText('⚠ cdcv-orders lag 45 s (over 30 s)');
    expect(bells).toBe(1);

    await app.pressCommand('app.goto');
    await app.type('alerts');
    await app.pressCommand('prompt.accept');
    frame = await app.waitForText('cdcv-orders lag 45 s (over 30 s)');
    expect(frame).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\s+active\s+cdcv-orders lag 45 s/);
    expect(frame).toMatch(/1 active · 1 raised this run/);

    // The lag comes back down: the alert clears and stays listed as cleared.
    measure(arn, { CDCLatencySource: 0, CDCLatencyTarget: 1, CDCIncomingChanges: 0 });
    frame = await app.waitForText(/cleared\s+cdcv-orders lag 45 s/);
    expect(frame).not.toContain('⚠ cdcv-orders');
    expect(bells).toBe(1);

    // Enter opens the task's details, with its sparklines.
    await app.pressCommand('alerts.open');
    frame = await app.waitForText('Target latency');
    app.unmount();
  });

  it('draws the last hour as sparklines on the details screen', async () => {
    const arn = await runningCdcTask('cdcv-spark');
    const dims = {
      ReplicationInstanceIdentifier: instanceId,
      ReplicationTaskIdentifier: arnResource(arn),
    };
    const now = Date.now();
    for (let m = 50; m >= 1; m--) {
      const at = now - m * 60_000;
      sb.metrics.record('CDCLatencyTarget', dims, m % 10, at);
      sb.metrics.record('CDCLatencySource', dims, 1, at);
      sb.metrics.record('CDCThroughputRowsTarget', dims, 1000 + m * 10, at);
    }
    const app = renderInk(
      <App
        services={sandboxServices(sb, { refreshSeconds: 1, metricsSeconds: 1 })}
        initialRoute={{ screen: 'taskDetails', params: { arn, id: 'cdcv-spark' } }}
      />,
    );
    const frame = await app.waitForText(/Target latency\s+\S/);
    expect(frame).toMatch(/Last hour from CloudWatch \(per 10 s\)/);
    expect(frame).toMatch(/Target latency\s+[ ▁-█]*[▁-█][ ▁-█]* now 1 s · max 9 s/);
    expect(frame).toMatch(/Target rows\/s\s+[ ▁-█]+ now 1,010 · max 1,500/);
    expect(frame).toMatch(/Source rows\/s\s+ *no data/);
    expect(frame).toMatch(/Status\s+running · Replicating · lag 1 s/);
    app.unmount();
  });
});
