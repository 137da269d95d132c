// The form's data validation: the ValidationSettings it builds (Preview, Save JSON, Create and
// Modify share them), its inline checks, the values read back from a task, and drafts.
import { describe, expect, it } from 'vitest';
import { taskDraftSchema } from '../../src/model/configSchemas.js';
import type { Task } from '../../src/model/task.js';
import {
  initialFormState,
  initialValues,
  taskFormReducer,
  visibleFields,
} from '../../src/model/taskFormState.js';
import { choiceText } from '../../src/model/taskFormDisplay.js';
import { fieldError, taskInputFromForm } from '../../src/model/taskFormValidation.js';
import { modifyTaskInput, valuesFromTask } from '../../src/model/taskModify.js';
import {
  validationOptionsFrom,
  validationSettings,
} from '../../src/model/validationTaskOptions.js';

const values = () => ({
  ...initialValues({
    name: 'sales',
    mappings: [{ action: 'include' as const, schema: 'sales', table: '%' }],
  }),
  instanceArn: 'arn:rep:1',
  sourceArn: 'arn:endpoint:src',
  targetArn: 'arn:endpoint:tgt',
});

function settingsFromForm(v: ReturnType<typeof values>) {
  const built = taskInputFromForm(v);
  if (!built.ok) throw new Error(built.error);
  return JSON.parse(built.input.ReplicationTaskSettings) as Record<string, unknown>;
}

describe('validation settings', () => {
  it('sends nothing while never chosen, an explicit off once chosen', () => {
    expect(settingsFromForm(values())).not.toHaveProperty('ValidationSettings');
    expect(validationSettings({ validation: 'off' })).toEqual({
      ValidationSettings: { EnableValidation: false },
    });
  });

  it('on: EnableValidation with DMS defaults for the sizes left alone', () => {
    expect(settingsFromForm({ ...values(), validation: 'on' }).ValidationSettings).toEqual({
      EnableValidation: true,
      ValidationOnly: false,
      ThreadCount: 5,
      PartitionSize: 10000,
      FailureMaxCount: 10000,
    });
  });

  it('validation only, with the sizes typed', () => {
    const v = {
      ...values(),
      validation: 'only' as const,
      validationThreads: '8',
      validationPartition: ' 5000 ',
      validationFailures: '100',
    };
    expect(settingsFromForm(v).ValidationSettings).toEqual({
      EnableValidation: true,
      ValidationOnly: true,
      ThreadCount: 8,
      PartitionSize: 5000,
      FailureMaxCount: 100,
    });
  });

  it('the sizes show only while validation is on, and are checked inline', () => {
    expect(visibleFields(values())).not.toContain('validationThreads');
    let s = initialFormState(values());
    s = taskFormReducer(s, { type: 'focus', field: 'validation' });
    s = taskFormReducer(s, { type: 'cycle', step: 1 });
    expect(s.values.validation).toBe('on');
    expect(choiceText(s.values, 'validation')).toBe('Validate the migrated data');
    expect(visibleFields(s.values).slice(-4)).toEqual([
      'validation',
      'validationThreads',
      'validationPartition',
      'validationFailures',
    ]);
    s = taskFormReducer(s, { type: 'type', field: 'validationThreads', text: '0' });
    expect(fieldError(s.values, 'validationThreads')).toBe(
      'Validation threads must be between 1 and 100',
    );
    expect(fieldError({ ...s.values, validationPartition: '1e3' }, 'validationPartition')).toBe(
      'Validation partition rows must be a whole number',
    );
    const refused = taskInputFromForm(s.values);
    expect(refused).toMatchObject({ ok: false, field: 'validationThreads' });
    s = taskFormReducer(s, { type: 'cycle', step: -1 });
    expect(s.values.validation).toBe('off');
    // Off hides the bad size: it no longer blocks Create.
    expect(taskInputFromForm(s.values).ok).toBe(true);
  });

  it('Modify reads validation back from the task and sends it again', () => {
    const settings = {
      Logging: { EnableLogging: false },
      ValidationSettings: {
        EnableValidation: true,
        ValidationOnly: true,
        ThreadCount: 3,
        PartitionSize: 2000,
        FailureMaxCount: 50,
      },
    };
    const task = {
      arn: 'arn:task:1',
      id: 'orders',
      instanceArn: 'arn:rep:1',
      sourceEndpointArn: 'arn:endpoint:src',
      targetEndpointArn: 'arn:endpoint:tgt',
      migrationType: 'full-load',
      settings: JSON.stringify(settings),
      tableMappings: JSON.stringify({
        rules: [
          {
            'rule-type': 'selection',
            'rule-id': '1',
            'rule-name': '1',
            'object-locator': { 'schema-name': 'sales', 'table-name': '%' },
            'rule-action': 'include',
          },
        ],
      }),
    } as unknown as Task;
    const v = valuesFromTask(task);
    expect(v).toMatchObject({
      validation: 'only',
      validationThreads: '3',
      validationPartition: '2000',
      validationFailures: '50',
    });
    const built = taskInputFromForm(v);
    if (!built.ok) throw new Error(built.error);
    const sent = JSON.parse(modifyTaskInput(task, built.input).ReplicationTaskSettings);
    expect(sent.ValidationSettings).toEqual(settings.ValidationSettings);
    // A task with validation off is modified with it off, explicitly.
    expect(validationOptionsFrom(undefined).validation).toBe('off');
    expect(validationOptionsFrom({ EnableValidation: false, ThreadCount: 7 })).toEqual({
      validation: 'off',
      validationThreads: '7',
      validationPartition: '10000',
      validationFailures: '10000',
    });
  });

  it('drafts keep the choice and its sizes; bad values are refused', () => {
    const draft = {
      values: { ...values(), validation: 'on', validationThreads: '4' },
      savedAt: '2026-11-30T10:00:00Z',
    };
    expect(taskDraftSchema.check(draft, 'draft')).toBeNull();
    expect(taskDraftSchema.check(values(), 'draft')).not.toBeNull();
    expect(
      taskDraftSchema.check(
        { ...draft, values: { ...draft.values, validation: 'maybe' } },
        'draft',
      ),
    ).toMatch(/validation/);
  });
});
