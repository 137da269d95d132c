// The Data Migration View against an in-process sandbox (real SDK over HTTP), with the
// stand-in engine deciding when loads finish.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { App } from '../../src/shell/App.js';
import type { Services } from '../../src/ui/services.js';
import { deleteTask, findTask, startTask } from '../../src/aws/tasks.js';
import { renderInk } from '../support/ink.js';
import { sandboxServices, startTestSandbox, type TestSandbox } from '../support/sandbox.js';
import { waitFor } from '../support/wait.js';

let sb: TestSandbox;
beforeAll(async () => {
  sb = await startTestSandbox({ fakeEngine: true, endpoints: true });
});
afterAll(async () => {
  await sb?.close();
});

type Rendered = ReturnType<typeof renderInk>;

function open(overrides: Partial<Services> = {}): Rendered {
  return renderInk(
    <App
      services={sandboxServices(sb, { refreshSeconds: 1, ...overrides })}
      initialRoute={{ screen: 'tasks' }}
    />,
  );
}

/** Filters the list down to `name` (clearing any earlier filter). */
async function focus(app: Rendered, name: string) {
  await app.pressCommand('list.filter');
  await app.pressCommand('prompt.cancel');
  await app.filterTo(name);
  await app.waitForText(name);
}

async function ready(id: string, options: Parameters<TestSandbox['createTask']>[1] = {}) {
  const arn = await sb.createTask(id, options);
  await waitFor(async () => expect((await findTask(sb.clients, arn)).status).toBe('ready'));
  return arn;
}

async function settled(arn: string, status: string) {
  return waitFor(async () => {
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
    const frame = await app.waitForText('Failed: Cannot connect');
    expect(frame).toMatch(/pl-ready\s+ready · Ready to start/);
    expect(frame).toMatch(/pl-done\s+stopped · Load complete/);
    expect(frame).toContain('100%');
    expect(frame).toContain('2 of 2');
    expect(frame).toContain('3 of');
    app.unmount();
  });

  it('filters (substring, regex, !invert) and sorts by column', async () => {
    await ready('flt-apple');
    await ready('flt-banana');
    const app = open();
    await focus(app, 'flt-');
    await app.waitForText('flt-banana');
    await focus(app, 'flt-b.n');
    let frame = await app.waitForText('filter flt-b.n');
    expect(frame).toContain('flt-banana');
    expect(frame).not.toContain('flt-apple');
    await focus(app, '!a');
    frame = await app.waitForText('filter !a');
    expect(frame).not.toContain('flt-banana');
    await focus(app, 'flt-');
    await app.pressCommand('list.sortReverse');
    frame = await app.waitForText('sort name↓');
    expect(frame.indexOf('flt-banana')).toBeLessThan(frame.indexOf('flt-apple'));
    await app.pressCommand('list.sort');
    await app.waitForText('sort status↑');
    await app.waitForText('STATUS↑');
    app.unmount();
  });

  it('shows the filter, edits it on a second /, clears it with Esc, and matches only what the list shows', async () => {
    await ready('edt-one');
    await ready('edt-two');
    const app = open();
    await app.waitForText('edt-two');
    await app.filterTo('edt');
    // The header says what is filtered and on what; the footer offers Esc to clear it.
    let frame = await app.waitForText(/filter edt on name, status/);
    expect(frame).toContain('Esc Clear the filter');
    // A second `/` opens the prompt holding the filter: typing edits it.
    await app.pressCommand('list.filter');
    frame = await app.waitForText('/edt');
    expect(frame).toContain('Ctrl-u empties');
    await app.type('-two');
    await app.pressCommand('prompt.accept');
    frame = await app.waitForText('filter edt-two on');
    expect(frame).not.toContain('edt-one');
    // Esc on the list clears the filter (as in k9s); the next Esc is Back again.
    await app.pressCommand('list.clearFilter');
    frame = await app.waitFor((f) => f.includes('edt-one') && !f.includes('filter edt'));
    // The endpoints (src-pg → dst-pg) are off screen at this width: the filter does not see them.
    await app.filterTo('dst-pg');
    await app.waitForText('No task matches the filter');
    app.unmount();
  });

  it('starts a task that never ran (start-replication) and shows it reach Load complete', async () => {
    sb.engine.mode = 'complete';
    const arn = await ready('st-new');
    const app = open();
    await focus(app, 'st-new');
    await app.pressCommand('task.start');
    await app.waitForText('Load complete');
    expect(app.lastFrame()).toContain('2 of 2');
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
    await app.waitForText(/st-long\s+running/);
    await app.pressCommand('task.stop');
    await app.waitForText(/st-long\s+stopp(ing|ed)/);
    await settled(arn, 'stopped');
    await app.waitForText(/st-long\s+stopped · Stopped/);
    await app.pressCommand('task.resume');
    await app.waitForText(/st-long\s+(starting|running)/);
    await settled(arn, 'running');
    sb.engine.release();
    await app.waitForText('Load complete');

    sb.engine.mode = 'complete';
    await app.pressCommand('task.start');
    let frame = await app.waitForText('Resume where it stopped');
    expect(frame).toContain('Reload the target from scratch');
    await app.pressCommand('dialog.next');
    await app.pressCommand('dialog.confirm');
    frame = await app.waitForText('Reload the target?');
    expect(frame).toContain('st-long');
    await app.pressCommand('dialog.cancel', 'n');
    await app.waitForText(/^(?![\s\S]*Reload the target\?)/);
    await app.pressCommand('task.start');
    await app.waitForText('Resume where it stopped');
    await app.pressCommand('dialog.next');
    await app.pressCommand('dialog.confirm');
    await app.waitForText('Reload the target?');
    await app.pressCommand('dialog.confirm', 'y');
    await app.waitForText(/Start st-long: (starting|running)/);
    await settled(arn, 'stopped');
    app.unmount();
  });

  it('refuses what the state does not allow, with the reason in the status bar', async () => {
    await ready('rf-ready');
    const app = open();
    await focus(app, 'rf-ready');
    await app.pressCommand('task.stop');
    await app.waitForText('only a running task can be stopped');
    await app.pressCommand('task.resume');
    await app.waitForText('The task is ready: only a stopped or failed task');
    app.unmount();
  });

  it("shows DMS's own message when DMS refuses (task gone behind the list's back)", async () => {
    const arn = await ready('rf-gone');
    const app = open({ refreshSeconds: 3600 });
    await focus(app, 'rf-gone');
    await deleteTask(sb.clients, arn);
    await waitFor(async () => expect(await findTask(sb.clients, arn).catch(() => null)).toBeNull());
    await app.pressCommand('task.start');
    await app.waitForText(/✗ rf-gone: Replication Task arn:aws:dms:.*not/);
    await app.waitForText('No task matches the filter');
    app.unmount();
  });

  it('deletes after a confirmation that names the task', async () => {
    const arn = await ready('del-me');
    const app = open();
    await focus(app, 'del-me');
    await app.pressCommand('task.delete');
    const frame = await app.waitForText('Delete del-me?');
    expect(frame).toContain('cannot be undone');
    await app.pressCommand('dialog.confirm', 'y');
    await app.waitForText('No task matches the filter');
    await waitFor(async () => expect(await findTask(sb.clients, arn).catch(() => null)).toBeNull());
    app.unmount();
  });

  it('marks tasks with Space and acts on all of them with per-task results', async () => {
    sb.engine.mode = 'complete';
    const a = await ready('bulk-a');
    const b = await ready('bulk-b');
    const app = open();
    await focus(app, 'bulk-');
    await app.pressCommand('list.mark');
    await app.pressCommand('list.mark');
    await app.waitForText('2 marked');
    await app.pressCommand('task.start');
    await app.waitForText('Start: 2 ok');
    await settled(a, 'stopped');
    await settled(b, 'stopped');
    // Stop both: neither is running now, so both are refused with a reason each.
    await app.waitForText(/bulk-b\s+stopped · Load complete/);
    await app.pressCommand('task.stop');
    await app.waitForText('The task is stopped: only a running task');
    await app.pressCommand('task.delete');
    await app.waitForText('Delete bulk-a, bulk-b?');
    await app.pressCommand('dialog.confirm', 'y');
    const frame = await app.waitForText('Delete: 2 ok');
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
    await app.pressCommand('task.start');
    await app.pressCommand('task.delete');
    expect(app.lastFrame()).not.toContain('Delete ro-task?');
    expect((await findTask(sb.clients, 'ro-task')).status).toBe('ready');
    app.unmount();
  });
});
