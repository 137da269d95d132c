// Modify a task through the Create form (ModifyReplicationTask): `e` on the task list opens the
// form filled from the task; migration type, target table preparation, LOB mode, logging and
// the table mappings (with a rename-schema rule) change; the instance and endpoints stay; the
// sandbox takes the task through modifying and back to ready. A running task is refused with
// the lifecycle's reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findTask, startTask } from '../../src/aws/tasks.js';
import { TABLE_PREP_MODES } from '../../src/model/taskInput.js';
import { refusal } from '../../src/model/taskStatus.js';
import { startTestSandbox, type TestSandbox } from '../support/sandbox.js';
import { openTaskList } from '../support/taskList.js';
import { waitFor } from '../support/wait.js';
import { describeTaskByArn } from '../support/describeTask.js';

let sb: TestSandbox;
beforeAll(async () => {
  sb = await startTestSandbox({ fakeEngine: true, endpoints: true, transientMs: 1500 });
});
afterAll(async () => {
  sb.engine.release();
  await sb?.close();
});

const openOn = (id: string) => openTaskList(sb, id);

async function readyTask(id: string) {
  const arn = await sb.createTask(id);
  await waitFor(async () => expect((await findTask(sb.clients, arn)).status).toBe('ready'));
  return arn;
}

const lineWith = (frame: string, text: string) =>
  frame.split('\n').find((l) => l.includes(text)) ?? '';

describe('modify a task', () => {
  it('changes type, preparation, LOBs, logging and mappings with a schema rename', async () => {
    const arn = await readyTask('mod-task');
    const prepBefore = JSON.parse(
      (await findTask(sb.clients, arn, { withSettings: true })).settings!,
    ).FullLoadSettings.TargetTablePrepMode;
    const order = TABLE_PREP_MODES.map((m) => m.value);
    const prepAfter = order[(order.indexOf(prepBefore) + 1) % order.length];
    const app = await openOn('mod-task');
    await app.pressCommand('task.modify');
    let frame = await app.waitForText('Modify DMS task mod-task');
    expect(frame).toContain('dms-tui › Tasks › Modify mod-task');
    await app.waitFor((f) => lineWith(f, 'Table mappings').includes('include public.%'), {
      what: 'the task read back',
    });
    frame = app.frame();
    // Where the tables land says itself: the source schema's name.
    expect(lineWith(frame, 'Table mappings')).toContain('→ target schema public');
    expect(lineWith(frame, 'Migration type')).toContain('full load');
    expect(lineWith(frame, 'Enable logging')).toContain('[x]');

    // The instance cannot change here.
    await app.pressCommand('form.next');
    await app.pressCommand('form.choose');
    await app.waitForText('ModifyReplicationTask cannot change the replication instance');

    // Migration type, table preparation, LOB mode, logging: one step each.
    for (let i = 0; i < 3; i++) await app.pressCommand('form.next');
    await app.pressCommand('form.choiceNext', 'right');
    await app.waitFor((f) => lineWith(f, 'CDC start') !== '', { what: 'the CDC fields' });
    await app.pressCommand('form.next');
    await app.pressCommand('form.choiceNext', 'right');
    // Past the CDC fields a CDC type shows (start, stop, after the full load) to the LOB mode.
    for (let i = 0; i < 4; i++) await app.pressCommand('form.next');
    await app.pressCommand('form.choicePrevious');
    await app.waitFor((f) => lineWith(f, 'Include LOB columns').includes('Full LOB mode'), {
      what: 'full LOB mode',
    });
    await app.pressCommand('form.next');
    await app.pressCommand('form.next');
    await app.pressCommand('form.choiceNext', 'space');
    await app.waitFor((f) => lineWith(f, 'Enable logging').includes('[ ]'), {
      what: 'logging off',
    });

    // Table mappings: rename the schema on the target.
    await app.pressCommand('form.next');
    await app.pressCommand('form.choose');
    frame = await app.waitForText(
      "Tables land on the target in a schema of the source schema's name",
    );
    await app.pressCommand('form.ruleRename');
    await app.waitForText('Add a rename-schema rule');
    await app.pressCommand('dialog.next');
    await app.type('public_v2');
    await app.pressCommand('prompt.accept');
    await app.waitForText(/rename-schema\s+public\s+→ public_v2 on the target/);
    await app.pressCommand('nav.back');
    await app.waitFor(
      (f) => lineWith(f, 'Table mappings').includes('rename schema public → public_v2'),
      { what: 'the rename in the form' },
    );

    expect(app.lastFrame()).toMatch(/Ctrl-s Modify the task/);
    expect(app.lastFrame()).not.toMatch(/Ctrl-s Create/);
    await app.pressCommand('form.modify');
    await app.waitForText(
      /Modified mod-task: DMS applies it \(modifying\), then the task is ready/,
    );
    await app.waitForText(/mod-task\s+\S*\s*(Being modified|modifying)/i);
    await waitFor(async () => expect((await findTask(sb.clients, arn)).status).toBe('ready'), {
      timeout: 15_000,
    });
    const task = await describeTaskByArn(sb.dms, arn);
    expect(task?.MigrationType).toBe('full-load-and-cdc');
    const settings = JSON.parse(task?.ReplicationTaskSettings ?? '{}');
    expect(settings.Logging.EnableLogging).toBe(false);
    expect(settings.TargetMetadata).toMatchObject({ SupportLobs: true, FullLobMode: true });
    expect(settings.FullLoadSettings.TargetTablePrepMode).toBe(prepAfter);
    expect(JSON.parse(task?.TableMappings ?? '{}').rules).toContainEqual(
      expect.objectContaining({
        'rule-type': 'transformation',
        'rule-target': 'schema',
        'rule-action': 'rename',
        'object-locator': { 'schema-name': 'public' },
        value: 'public_v2',
      }),
    );
    app.unmount();
  });

  it('a running task is refused with the reason, and no form opens', async () => {
    sb.engine.mode = 'hold';
    const arn = await readyTask('mod-running');
    await startTask(sb.clients, arn, 'start-replication');
    await waitFor(async () => expect((await findTask(sb.clients, arn)).status).toBe('running'));
    const reason = refusal(await findTask(sb.clients, arn), 'modify');
    expect(reason).toBeTruthy();
    const app = await openOn('mod-running');
    await app.waitForText(/mod-running\s+\S*\s*running/i);
    await app.pressCommand('task.modify');
    await app.waitForText(reason!.slice(0, 40));
    expect(app.frame()).not.toContain('Modify DMS task');
    app.unmount();
  });
});
