// The Data Migration View against an in-process sandbox (real SDK over HTTP), with the
// stand-in engine deciding when loads finish.
import { render } from 'ink-testing-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { App } from '../../src/shell/App.js';
import type { Services } from '../../src/ui/services.js';
import { deleteTask, findTask, startTask } from '../../src/aws/tasks.js';
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

function open(overrides: Partial<Services> = {}): Rendered {
  return render(
    <App
      services={sandboxServices(sb, { refreshSeconds: 1, ...overrides })}
      initialRoute={{ screen: 'tasks' }}
    />,
  );
}

async function type(app: Rendered, text: string) {
  for (const ch of text) await press(app, ch);
}

/** Filters the list down to `name` (clearing any earlier filter). */
async function focus(app: Rendered, name: string) {
  await press(app, '/');
  await press(app, KEYS.escape);
  await press(app, '/');
  await type(app, name);
  await press(app, KEYS.enter);
  await waitForFrame(app.lastFrame, name);
}

async function ready(id: string, options: Parameters<TestSandbox['createTask']>[1] = {}) {
  const arn = await sb.createTask(id, options);
  await eventually(async () => expect((await findTask(sb.clients, arn)).status).toBe('ready'));
  return arn;
}

async function settled(arn: string, status: string) {
  return eventually(async () => {
    const t = await findTask(sb.clients, arn);
    expect(t.status).toBe(status);
    return t;
  });
}

describe('Data Migration View', () => {
  it('shows status in plain language, coloured rows, progress and table counts', async () => {
    sb.engine.mode = 'complete';
    await ready('pl-ready');
    const done = await ready('pl-done');
    await startTask(sb.clients, done, 'start-replication');
    await settled(done, 'stopped');
    sb.engine.mode = 'fail';
    const failed = await ready('pl-failed');
    await startTask(sb.clients, failed, 'start-replication');
    await settled(failed, 'failed');
    sb.engine.mode = 'complete';
    const app = open();
    await focus(app, 'pl-');
    const frame = await waitForFrame(app.lastFrame, 'Failed: Cannot connect');
    expect(frame).toMatch(/pl-ready\s+ready · Ready to start/);
    expect(frame).toMatch(/pl-done\s+stopped · Load complete/);
    expect(frame).toContain('100%');
    expect(frame).toContain('2/0/0/0');
    expect(frame).toContain('3 of');
    app.unmount();
  });

  it('filters (substring, regex, !invert) and sorts by column', async () => {
    await ready('flt-apple');
    await ready('flt-banana');
    const app = open();
    await focus(app, 'flt-');
    await waitForFrame(app.lastFrame, 'flt-banana');
    await focus(app, 'flt-b.n');
    let frame = await waitForFrame(app.lastFrame, 'filter flt-b.n');
    expect(frame).toContain('flt-banana');
    expect(frame).not.toContain('flt-apple');
    await focus(app, '!a');
    frame = await waitForFrame(app.lastFrame, 'filter !a');
    expect(frame).not.toContain('flt-banana');
    await focus(app, 'flt-');
    await press(app, 'O');
    frame = await waitForFrame(app.lastFrame, 'sort name↓');
    expect(frame.indexOf('flt-banana')).toBeLessThan(frame.indexOf('flt-apple'));
    await press(app, 'o');
    await waitForFrame(app.lastFrame, 'sort status↑');
    await waitForFrame(app.lastFrame, 'STATUS↑');
    app.unmount();
  });

  it('starts a task that never ran (start-replication) and shows it reach Load complete', async () => {
    sb.engine.mode = 'complete';
    const arn = await ready('st-new');
    const app = open();
    await focus(app, 'st-new');
    await press(app, 's');
    await waitForFrame(app.lastFrame, 'Load complete');
    expect(app.lastFrame()).toContain('2/0/0/0');
    expect((await findTask(sb.clients, arn)).stopReason).toMatch(/FULL_LOAD_ONLY_FINISHED/);
    app.unmount();
  });

  it('stops a running load, resumes it, then asks resume-or-reload and confirms reload', async () => {
    sb.engine.mode = 'hold';
    const arn = await ready('st-long');
    await startTask(sb.clients, arn, 'start-replication');
    await settled(arn, 'running');
    const app = open();
    await focus(app, 'st-long');
    await waitForFrame(app.lastFrame, /st-long\s+running/);
    await press(app, 'x');
    await waitForFrame(app.lastFrame, /st-long\s+stopp(ing|ed)/);
    await settled(arn, 'stopped');
    await waitForFrame(app.lastFrame, /st-long\s+stopped · Stopped/);
    await press(app, 'R');
    await waitForFrame(app.lastFrame, /st-long\s+(starting|running)/);
    await settled(arn, 'running');
    sb.engine.release();
    await waitForFrame(app.lastFrame, 'Load complete');

    sb.engine.mode = 'complete';
    await press(app, 's');
    let frame = await waitForFrame(app.lastFrame, 'Resume where it stopped');
    expect(frame).toContain('Reload the target from scratch');
    await press(app, KEYS.tab);
    await press(app, KEYS.enter);
    frame = await waitForFrame(app.lastFrame, 'Reload the target?');
    expect(frame).toContain('st-long');
    await press(app, 'n');
    await waitForFrame(app.lastFrame, /^(?![\s\S]*Reload the target\?)/);
    await press(app, 's');
    await waitForFrame(app.lastFrame, 'Resume where it stopped');
    await press(app, KEYS.tab);
    await press(app, KEYS.enter);
    await waitForFrame(app.lastFrame, 'Reload the target?');
    await press(app, 'y');
    await waitForFrame(app.lastFrame, /Start st-long: (starting|running)/);
    await settled(arn, 'stopped');
    app.unmount();
  });

  it('refuses what the state does not allow, with the reason in the status bar', async () => {
    await ready('rf-ready');
    const app = open();
    await focus(app, 'rf-ready');
    await press(app, 'x');
    await waitForFrame(app.lastFrame, 'only a running task can be stopped');
    await press(app, 'R');
    await waitForFrame(app.lastFrame, 'The task is ready: only a stopped or failed task');
    app.unmount();
  });

  it("shows DMS's own message when DMS refuses (task gone behind the list's back)", async () => {
    const arn = await ready('rf-gone');
    const app = open({ refreshSeconds: 3600 });
    await focus(app, 'rf-gone');
    await deleteTask(sb.clients, arn);
    await eventually(async () =>
      expect(await findTask(sb.clients, arn).catch(() => null)).toBeNull(),
    );
    await press(app, 's');
    await waitForFrame(app.lastFrame, /✗ rf-gone: Replication Task arn:aws:dms:.*not/);
    await waitForFrame(app.lastFrame, 'No task matches the filter');
    app.unmount();
  });

  it('deletes after a confirmation that names the task', async () => {
    const arn = await ready('del-me');
    const app = open();
    await focus(app, 'del-me');
    await press(app, KEYS.ctrl('d'));
    const frame = await waitForFrame(app.lastFrame, 'Delete del-me?');
    expect(frame).toContain('cannot be undone');
    await press(app, 'y');
    await waitForFrame(app.lastFrame, 'No task matches the filter');
    await eventually(async () =>
      expect(await findTask(sb.clients, arn).catch(() => null)).toBeNull(),
    );
    app.unmount();
  });

  it('marks tasks with Space and acts on all of them with per-task results', async () => {
    sb.engine.mode = 'complete';
    const a = await ready('bulk-a');
    const b = await ready('bulk-b');
    const app = open();
    await focus(app, 'bulk-');
    await press(app, ' ');
    await press(app, ' ');
    await waitForFrame(app.lastFrame, '2 marked');
    await press(app, 's');
    await waitForFrame(app.lastFrame, 'Start: 2 ok');
    await settled(a, 'stopped');
    await settled(b, 'stopped');
    // Stop both: neither is running now, so both are refused with a reason each.
    await waitForFrame(app.lastFrame, /bulk-b\s+stopped · Load complete/);
    await press(app, 'x');
    await waitForFrame(app.lastFrame, 'The task is stopped: only a running task');
    await press(app, KEYS.ctrl('d'));
    await waitForFrame(app.lastFrame, 'Delete bulk-a, bulk-b?');
    await press(app, 'y');
    const frame = await waitForFrame(app.lastFrame, 'Delete: 2 ok');
    expect(frame).toMatch(/✓ bulk-a: deleting/);
    expect(frame).toMatch(/✓ bulk-b: deleting/);
    app.unmount();
  });

  it('drops task actions in --read-only', async () => {
    await ready('ro-task');
    const app = open({ readOnly: true });
    await focus(app, 'ro-task');
    const frame = app.lastFrame() ?? '';
    expect(frame).not.toContain('s Start');
    expect(frame).toContain('Enter Details');
    await press(app, 's');
    await press(app, KEYS.ctrl('d'));
    expect(app.lastFrame()).not.toContain('Delete ro-task?');
    expect((await findTask(sb.clients, 'ro-task')).status).toBe('ready');
    app.unmount();
  });
});
