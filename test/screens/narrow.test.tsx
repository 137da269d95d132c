// At 80×24 (the terminal a bastion host gives): the Create form's footer keeps Ctrl-s Create;
// under --read-only the schema browser's c and the task keys say "read-only" instead of doing
// nothing, and the Create form is not offered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { App } from '../../src/shell/App.js';
import type { Route } from '../../src/model/navigation.js';
import { renderInk } from '../support/ink.js';
import { startTestSandbox, type TestSandbox } from '../support/sandbox.js';
import { lineWith, sandboxServices } from './taskFormSupport.js';

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(async () => {
  await sandbox?.close();
});

/** Renders the app in a terminal of 80×24 (ink-testing-library's is 100 wide). */
function render80(route: Route, readOnly = false) {
  const services = { ...sandboxServices(sandbox.url), readOnly };
  const app = renderInk(<App services={services} initialRoute={route} />);
  Object.defineProperty(app.stdout, 'columns', { value: 80, configurable: true });
  Object.defineProperty(app.stdout, 'rows', { value: 24, configurable: true });
  app.stdout.emit('resize');
  return app;
}

const footer = (frame: string) => frame.split('\n').at(-2) ?? '';

describe('80×24', () => {
  it("keeps Ctrl-s Create in the Create form's footer", async () => {
    const app = render80({
      screen: 'taskForm',
      params: { selection: { schemas: ['public'], tables: [] }, largestLobBytes: 0 },
    });
    const frame = await app.waitForText('Task name');
    // The footer fits in 80 columns and what it drops is not Create.
    await app.waitFor((f) => footer(f).includes('Ctrl-s Create') && footer(f).length <= 80, {
      what: 'Ctrl-s Create in a footer of at most 80 columns',
    });
    expect(frame).toContain('Create DMS task');
    app.unmount();
  });

  it('says read-only when a write key is pressed, and does not offer it', async () => {
    const app = render80({ screen: 'tasks' }, true);
    await app.waitForText('READ-ONLY');
    expect(footer(app.lastFrame() ?? '')).not.toContain('Start');
    await app.pressCommand('task.start');
    await app.waitForText('Read-only: Start is off');
    // The next key the user presses moves on: the refusal goes from the status line…
    await app.pressCommand('list.down');
    await app.waitFor((f) => !f.includes('Read-only: Start'), { what: 'the refusal cleared' });
    await app.pressCommand('task.delete');
    await app.waitForText('Read-only: Delete is off');
    // …and stays readable, with its time, on :messages.
    await app.pressCommand('app.goto');
    await app.type('messages');
    await app.press('enter');
    const frame = await app.waitForText('recent messages');
    expect(lineWith(frame, 'Start is off')).toMatch(/\d\d:\d\d:\d\d error {2}Read-only/);
    expect(frame).toContain('Delete is off');
    app.unmount();
  });

  it('does not offer the Create form under --read-only', async () => {
    const app = render80({ screen: 'browser' }, true);
    await app.waitForText('No project open');
    await app.pressCommand('browser.createTask');
    await app.waitForText('Read-only: Create DMS task');
    expect(app.lastFrame()).not.toContain('Create DMS task ·');
    app.unmount();
  });
});
