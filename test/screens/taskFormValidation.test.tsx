// Data validation in the task form: on a task being modified, "Data validation" turns on, its
// thread count is typed, Preview JSON shows ValidationSettings, Modify sends them to the
// sandbox, and the form opened again reads them back from the task's settings (the settings
// themselves: test/model/validationTaskOptions.test.ts).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { findTask } from '../../src/aws/tasks.js';
import { describeTaskByArn } from '../support/describeTask.js';
import { startTestSandbox, type TestSandbox } from '../support/sandbox.js';
import { openTaskList } from '../support/taskList.js';
import { waitFor } from '../support/wait.js';
import { lineWith } from './taskFormSupport.js';

let sb: TestSandbox;
beforeAll(async () => {
  sb = await startTestSandbox({ fakeEngine: true, endpoints: true, transientMs: 500 });
});
afterAll(async () => {
  sb.engine.release();
  await sb?.close();
});

it('turns validation on, previews it, saves it with Modify and reads it back', async () => {
  const arn = await sb.createTask('val-task');
  await waitFor(async () => expect((await findTask(sb.clients, arn)).status).toBe('ready'));
  let app = await openTaskList(sb, 'val-task');
  await app.pressCommand('task.modify');
  await app.waitFor((f) => lineWith(f, 'Table mappings').includes('include public.%'), {
    what: 'the task read back',
  });
  expect(lineWith(app.frame(), 'Data validation')).toContain('Off');
  expect(app.frame()).not.toContain('Validation threads');

  // From the first field back to the last: Data validation.
  await app.pressCommand('form.previous');
  await app.waitForText('› Data validation');
  await app.pressCommand('form.choiceNext', 'right');
  await app.waitFor((f) => lineWith(f, 'Data validation').includes('Validate the migrated data'), {
    what: 'validation on',
  });
  expect(lineWith(app.frame(), 'Validation partition rows')).toContain('10000');
  await app.pressCommand('form.next');
  await app.waitForText('› Validation threads');
  await app.press('backspace');
  await app.type('0');
  await app.waitForText('Validation threads must be between 1 and 100');
  await app.press('backspace');
  await app.type('8');
  await app.waitFor((f) => lineWith(f, 'Validation threads').includes('8') && !f.includes('✗'), {
    what: 'eight threads accepted',
  });

  await app.pressCommand('form.preview', 'ctrl+p');
  await app.waitForText('CreateReplicationTask input');
  // ReplicationTaskSettings come last, ValidationSettings last among them.
  await app.pressCommand('list.bottom');
  await app.waitForText('"ValidationSettings": {');
  let frame = app.frame();
  expect(frame).toContain('"EnableValidation": true');
  expect(frame).toContain('"ThreadCount": 8');
  await app.pressCommand('dialog.cancel');
  await app.waitFor((f) => !f.includes('CreateReplicationTask input'), { what: 'preview closed' });

  await app.pressCommand('form.create');
  await app.waitForText(/Modified val-task/);
  await waitFor(async () => expect((await findTask(sb.clients, arn)).status).toBe('ready'), {
    timeout: 15_000,
  });
  const settings = JSON.parse(
    (await describeTaskByArn(sb.dms, arn))?.ReplicationTaskSettings ?? '{}',
  );
  expect(settings.ValidationSettings).toMatchObject({
    EnableValidation: true,
    ValidationOnly: false,
    ThreadCount: 8,
    PartitionSize: 10000,
    FailureMaxCount: 10000,
  });
  app.unmount();

  app = await openTaskList(sb, 'val-task');
  await app.pressCommand('task.modify');
  frame = await app.waitFor((f) => lineWith(f, 'Validation threads').includes('8'), {
    what: 'validation read back',
  });
  expect(lineWith(frame, 'Data validation')).toContain('Validate the migrated data');
  app.unmount();
});
