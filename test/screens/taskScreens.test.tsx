// Task details, table statistics and the log pane, opened from the Data Migration View.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findTask, startTask } from '../../src/aws/tasks.js';
import { startTestSandbox, type TestSandbox } from '../support/sandbox.js';
import { openTaskList } from '../support/taskList.js';
import { waitFor } from '../support/wait.js';

let sb: TestSandbox;
beforeAll(async () => {
  sb = await startTestSandbox({ fakeEngine: true, endpoints: true });
});
afterAll(async () => {
  await sb?.close();
});

const openOn = (id: string) => openTaskList(sb, id);

async function completedTask(id: string, options: { logging?: boolean } = {}) {
  sb.engine.mode = 'complete';
  const arn = await sb.createTask(id, options);
  await waitFor(async () => expect((await findTask(sb.clients, arn)).status).toBe('ready'));
  await startTask(sb.clients, arn, 'start-replication');
  await waitFor(async () => expect((await findTask(sb.clients, arn)).status).toBe('stopped'));
  return arn;
}

describe('task details', () => {
  it('shows identifiers, endpoints, settings in words and mappings; y shows the JSON', async () => {
    const arn = await completedTask('det-task');
    const app = await openOn('det-task');
    await app.pressCommand('task.details');
    let frame = await app.waitForText('Table mappings');
    expect(frame).toContain('dms-tui › Tasks › Task det-task');
    expect(frame).toContain(arn);
    expect(frame).toMatch(/Source\s+src-pg \(postgres at 127\.0\.0\.1:5432\/test\)/);
    expect(frame).toMatch(/Status\s+stopped · Load complete/);
    expect(frame).toMatch(/Stop reason\s+Load complete \(FULL_LOAD_ONLY_FINISHED\)/);
    expect(frame).not.toContain('Stop Reason');
    expect(frame).toMatch(/LOB columns\s+Limited LOB mode/);
    expect(frame).toMatch(/Logging\s+CloudWatch logging on/);
    expect(frame).toContain('1. Include public.%');
    await app.pressCommand('details.json');
    frame = await app.waitForText('Full JSON of det-task');
    // The DMS API's shape, as `aws dms describe-replication-tasks` prints it…
    expect(frame).toContain('"ReplicationTaskIdentifier": "det-task"');
    expect(frame).toContain('"Status": "stopped"');
    expect(frame).not.toContain('"instanceArn"');
    // …and the app's reading last, under its own name.
    await app.pressCommand('list.bottom');
    await app.waitForText(/"DmsTui": \{[\s\S]*"reading": "Load complete"/);
    await app.pressCommand('dialog.cancel');
    await app.waitForText('Table mappings');
    await app.pressCommand('nav.back');
    await app.waitForText('sort name');
    app.unmount();
  });
});

describe('table statistics', () => {
  it('lists tables with states and rows, sorts, filters, errors only; reload refused when stopped', async () => {
    await completedTask('tbl-task');
    const app = await openOn('tbl-task');
    await app.pressCommand('task.tableStats');
    let frame = await app.waitForText('customers');
    expect(frame).toContain('Tables of tbl-task');
    expect(frame).toMatch(/public\s+orders\s+Table completed\s+42/);
    await app.pressCommand('tables.errorsOnly');
    frame = await app.waitForText('errors only');
    expect(frame).toContain('0 of 2 tables');
    await app.pressCommand('tables.errorsOnly');
    await app.filterTo('ord');
    frame = await app.waitForText('1 of 2 tables');
    expect(frame).not.toContain('customers');
    await app.pressCommand('tables.reload');
    await app.waitForText('Reload tables?');
    await app.pressCommand('dialog.confirm', 'y');
    await app.waitForText(/Reload refused: .*(running|InvalidResourceState)/);
    app.unmount();
  });
});

describe('log pane', () => {
  it("shows the task's log lines with severities, filters, next error, save", async () => {
    await completedTask('log-task');
    const app = await openOn('log-task');
    await app.pressCommand('task.logs');
    let frame = await app.waitForText('Load finished');
    expect(frame).toContain('dms-tasks-sandbox / dms-task-');
    expect(frame).toMatch(/\[TARGET_LOAD\s+\]I:/);
    expect(frame).toContain('following');
    await app.pressCommand('logs.severity');
    await app.pressCommand('logs.severity');
    frame = await app.waitForText('severity ≤ W');
    expect(frame).toContain('A warning line');
    expect(frame).not.toContain('Load finished');
    await app.pressCommand('logs.severity');
    await app.pressCommand('logs.severity');
    await app.filterTo('customers');
    frame = await app.waitForText('filter customers');
    expect(frame).toContain("'public'.'customers'");
    expect(frame).not.toContain("'public'.'orders'");
    // Save asks for the file (a default in full, editable) and, with a filter on, which lines.
    await app.pressCommand('logs.save');
    frame = await app.waitForText('Save the log to a file');
    expect(frame).toMatch(/File: \/\S*log-task-\S+\.log/);
    expect(frame).toContain('only the 1 filtered lines');
    const dir = mkdtempSync(join(tmpdir(), 'dmst-log-'));
    await app.press('ctrl+u');
    await app.type(join(dir, 'filtered.log'));
    await app.pressCommand('prompt.accept');
    await app.waitForText(
      `Saved 1 lines (only the filtered lines) to ${join(dir, 'filtered.log')}`,
    );
    expect(readFileSync(join(dir, 'filtered.log'), 'utf8')).toContain('customers');
    await app.pressCommand('logs.save');
    await app.waitForText('Save the log to a file');
    await app.press('ctrl+u');
    await app.type(join(dir, 'all.log'));
    await app.pressCommand('dialog.next');
    await app.pressCommand('prompt.accept');
    frame = await app.waitForText(/Saved \d+ lines \(all\) to/);
    const saved = readFileSync(join(dir, 'all.log'), 'utf8').trim().split('\n');
    expect(saved.length).toBeGreaterThan(1);
    // One timestamp per line.
    for (const line of saved)
      expect(line.match(/\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d/g)).toHaveLength(1);
    rmSync(dir, { recursive: true, force: true });
    await app.pressCommand('logs.nextError');
    await app.waitForText('No more errors below');
    app.unmount();
  });

  it('explains a missing log and offers to enable logging', async () => {
    const arn = await sb.createTask('log-off', { logging: false });
    await waitFor(async () => expect((await findTask(sb.clients, arn)).status).toBe('ready'));
    const app = await openOn('log-off');
    await app.pressCommand('task.logs');
    const frame = await app.waitForText('Logging is not enabled');
    expect(frame).toContain('E Enable CloudWatch logging');
    await app.pressCommand('logs.enable');
    await app.waitForText('Enable CloudWatch logging?');
    await app.pressCommand('dialog.confirm', 'y');
    await app.waitForText('Logging enabled for log-off');
    await waitFor(async () => {
      const t = await findTask(sb.clients, arn, { withSettings: true });
      expect(JSON.parse(t.settings ?? '{}').Logging.EnableLogging).toBe(true);
    });
    await app.waitForText('Start it and the log appears here');
    app.unmount();
  });
});
