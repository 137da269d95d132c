// Task details, table statistics and the log pane, opened from the Data Migration View.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { render } from 'ink-testing-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { App } from '../../src/shell/App.js';
import { findTask, startTask } from '../../src/aws/tasks.js';
import { KEYS, press, waitForFrame } from '../support/ink.js';
import {
  eventually,
  sandboxServices,
  startTestSandbox,
  type TestSandbox,
} from '../support/sandbox.js';

let sb: TestSandbox;
beforeAll(async () => {
  sb = await startTestSandbox();
});
afterAll(async () => {
  await sb?.close();
});

type Rendered = ReturnType<typeof render>;

async function openOn(id: string): Promise<Rendered> {
  const app = render(
    <App
      services={sandboxServices(sb, { refreshSeconds: 1 })}
      initialRoute={{ screen: 'tasks' }}
    />,
  );
  await press(app, '/');
  for (const ch of id) await press(app, ch);
  await press(app, KEYS.enter);
  await waitForFrame(app.lastFrame, new RegExp(`${id}\\s+\\w`));
  return app;
}

async function completedTask(id: string, options: { logging?: boolean } = {}) {
  sb.engine.mode = 'complete';
  const arn = await sb.createTask(id, options);
  await eventually(async () => expect((await findTask(sb.clients, arn)).status).toBe('ready'));
  await startTask(sb.clients, arn, 'start-replication');
  await eventually(async () => expect((await findTask(sb.clients, arn)).status).toBe('stopped'));
  return arn;
}

describe('task details', () => {
  it('shows identifiers, endpoints, settings in words and mappings; y shows the JSON', async () => {
    const arn = await completedTask('det-task');
    const app = await openOn('det-task');
    await press(app, KEYS.enter);
    let frame = await waitForFrame(app.lastFrame, 'Table mappings');
    expect(frame).toContain('dms-tui › Tasks › Task det-task');
    expect(frame).toContain(arn);
    expect(frame).toMatch(/Source\s+src-pg \(postgres at 127\.0\.0\.1:5432\/test\)/);
    expect(frame).toMatch(/Status\s+stopped · Load complete/);
    expect(frame).toMatch(/Stop reason\s+Stop Reason FULL_LOAD_ONLY_FINISHED/);
    expect(frame).toMatch(/LOB columns\s+Limited LOB mode/);
    expect(frame).toMatch(/Logging\s+CloudWatch logging on/);
    expect(frame).toContain('1. Include public.%');
    await press(app, 'y');
    frame = await waitForFrame(app.lastFrame, 'Full JSON of det-task');
    expect(frame).toContain('"status": "stopped"');
    await press(app, 'G');
    await waitForFrame(app.lastFrame, '"rule-action": "include"');
    await press(app, KEYS.escape);
    await waitForFrame(app.lastFrame, 'Table mappings');
    await press(app, KEYS.escape);
    await waitForFrame(app.lastFrame, 'sort name');
    app.unmount();
  });
});

describe('table statistics', () => {
  it('lists tables with states and rows, sorts, filters, errors only; reload refused when stopped', async () => {
    await completedTask('tbl-task');
    const app = await openOn('tbl-task');
    await press(app, 't');
    let frame = await waitForFrame(app.lastFrame, 'customers');
    expect(frame).toContain('Tables of tbl-task');
    expect(frame).toMatch(/public\s+orders\s+Table completed\s+42/);
    await press(app, 'e');
    frame = await waitForFrame(app.lastFrame, 'errors only');
    expect(frame).toContain('0 of 2 tables');
    await press(app, 'e');
    await press(app, '/');
    for (const ch of 'ord') await press(app, ch);
    await press(app, KEYS.enter);
    frame = await waitForFrame(app.lastFrame, '1 of 2 tables');
    expect(frame).not.toContain('customers');
    await press(app, 'R');
    await waitForFrame(app.lastFrame, 'Reload tables?');
    await press(app, 'y');
    await waitForFrame(app.lastFrame, /Reload refused: .*(running|InvalidResourceState)/);
    app.unmount();
  });
});

describe('log pane', () => {
  it("shows the task's log lines with severities, filters, next error, save", async () => {
    await completedTask('log-task');
    const app = await openOn('log-task');
    await press(app, 'l');
    let frame = await waitForFrame(app.lastFrame, 'Load finished');
    expect(frame).toContain('dms-tasks-sandbox / dms-task-');
    expect(frame).toMatch(/\[TARGET_LOAD\s+\]I:/);
    expect(frame).toContain('following');
    await press(app, 'v');
    await press(app, 'v');
    frame = await waitForFrame(app.lastFrame, 'severity ≤ W');
    expect(frame).toContain('A warning line');
    expect(frame).not.toContain('Load finished');
    await press(app, 'v');
    await press(app, 'v');
    await press(app, '/');
    for (const ch of 'customers') await press(app, ch);
    await press(app, KEYS.enter);
    frame = await waitForFrame(app.lastFrame, 'filter customers');
    expect(frame).toContain("'public'.'customers'");
    expect(frame).not.toContain("'public'.'orders'");
    await press(app, 's');
    frame = await waitForFrame(app.lastFrame, /Saved 1 lines to (\S+)/);
    const path = /Saved 1 lines to (\S+\.log)/.exec(frame)?.[1];
    if (path && existsSync(path)) {
      expect(readFileSync(path, 'utf8')).toContain('customers');
      rmSync(path);
    }
    await press(app, 'e');
    await waitForFrame(app.lastFrame, 'No more errors below');
    app.unmount();
  });

  it('explains a missing log and offers to enable logging', async () => {
    const arn = await sb.createTask('log-off', { logging: false });
    await eventually(async () => expect((await findTask(sb.clients, arn)).status).toBe('ready'));
    const app = await openOn('log-off');
    await press(app, 'l');
    const frame = await waitForFrame(app.lastFrame, 'Logging is not enabled');
    expect(frame).toContain('E Enable CloudWatch logging');
    await press(app, 'E');
    await waitForFrame(app.lastFrame, 'Enable CloudWatch logging?');
    await press(app, 'y');
    await waitForFrame(app.lastFrame, 'Logging enabled for log-off');
    await eventually(async () => {
      const t = await findTask(sb.clients, arn, { withSettings: true });
      expect(JSON.parse(t.settings ?? '{}').Logging.EnableLogging).toBe(true);
    });
    await waitForFrame(app.lastFrame, 'Start it and the log appears here');
    app.unmount();
  });
});
