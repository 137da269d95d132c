// The task form's choice cycling, typed text and Enter, as pure functions and through the reducer.
import { describe, expect, it } from 'vitest';
import {
  cycledChoice,
  enterAction,
  isChoiceField,
  isTextField,
  typedText,
} from '../../src/model/taskFormChoices.js';
import {
  type FieldId,
  FIELD_ORDER,
  initialFormState,
  initialValues,
  type TaskFormValues,
  taskFormReducer,
} from '../../src/model/taskFormState.js';

const values = (patch: Partial<TaskFormValues> = {}): TaskFormValues => ({
  ...initialValues({ name: 'sales', mappings: [] }),
  ...patch,
});

describe('cycling a choice field', () => {
  it.each([
    ['migrationType', { migrationType: 'full-load' }, 1, { migrationType: 'full-load-and-cdc' }],
    ['migrationType', { migrationType: 'cdc' }, 1, { migrationType: 'full-load' }],
    ['migrationType', { migrationType: 'full-load' }, -1, { migrationType: 'cdc' }],
    [
      'tablePrepMode',
      { tablePrepMode: 'DROP_AND_CREATE' },
      1,
      { tablePrepMode: 'TRUNCATE_BEFORE_LOAD' },
    ],
    [
      'tablePrepMode',
      { tablePrepMode: 'DO_NOTHING' },
      -1,
      { tablePrepMode: 'TRUNCATE_BEFORE_LOAD' },
    ],
    ['lobMode', { lobMode: 'limited' }, 1, { lobMode: 'none' }],
    ['lobMode', { lobMode: 'limited' }, -1, { lobMode: 'full' }],
    ['logging', { logging: true }, 1, { logging: false }],
    ['logging', { logging: false }, -1, { logging: true }],
    ['name', {}, 1, null],
    ['instance', {}, -1, null],
  ] as const)('%s from %j by %i gives %j', (field, from, step, patch) => {
    expect(cycledChoice(values(from), field, step)).toEqual(patch);
  });
});

describe('typing into a text field', () => {
  it.each([
    ['name', 'limited', 'x', { name: 'x' }],
    ['lobSize', 'limited', '64', { lobMaxKb: '64' }],
    ['lobSize', 'full', '128', { lobChunkKb: '128' }],
  ] as const)('%s in %s mode', (field, lobMode, text, patch) => {
    expect(typedText(values({ lobMode }), field, text)).toEqual(patch);
  });
});

describe('what Enter does and which fields take what', () => {
  const table: [FieldId, ReturnType<typeof enterAction>, boolean, boolean][] = [
    ['name', { kind: 'next' }, false, true],
    ['instance', { kind: 'pick', field: 'instance' }, false, false],
    ['source', { kind: 'pick', field: 'source' }, false, false],
    ['target', { kind: 'pick', field: 'target' }, false, false],
    ['migrationType', { kind: 'cycle' }, true, false],
    ['tablePrepMode', { kind: 'cycle' }, true, false],
    ['cdcStart', { kind: 'next' }, false, true],
    ['cdcStop', { kind: 'next' }, false, true],
    ['stopAfterLoad', { kind: 'cycle' }, true, false],
    ['lobMode', { kind: 'cycle' }, true, false],
    ['lobSize', { kind: 'next' }, false, true],
    ['logging', { kind: 'cycle' }, true, false],
    ['mappings', { kind: 'mappings' }, false, false],
    ['validation', { kind: 'cycle' }, true, false],
    ['validationThreads', { kind: 'next' }, false, true],
    ['validationPartition', { kind: 'next' }, false, true],
    ['validationFailures', { kind: 'next' }, false, true],
  ];
  it('covers every field', () => {
    expect(table.map(([field]) => field)).toEqual(FIELD_ORDER);
  });
  it.each(table)('%s: Enter %j, choice %s, text %s', (field, action, choice, text) => {
    expect(enterAction(field)).toEqual(action);
    expect(isChoiceField(field)).toBe(choice);
    expect(isTextField(field)).toBe(text);
  });
});

describe('the reducer applies cycles and typing as user edits', () => {
  it('cycles the focused field, marking it touched and the form changed', () => {
    let s = taskFormReducer(initialFormState(values()), { type: 'focus', field: 'lobMode' });
    s = taskFormReducer(s, { type: 'cycle', step: -1 });
    expect(s.values.lobMode).toBe('full');
    expect(s.dirty).toBe(true);
    expect(s.touched).toContain('lobMode');
  });

  it('ignores a cycle on a field that is not a choice', () => {
    const s = initialFormState(values());
    expect(taskFormReducer(s, { type: 'cycle', step: 1 })).toBe(s);
  });

  it('types into the LOB size behind the mode, clearing its server error', () => {
    let s = taskFormReducer(initialFormState(values({ lobMode: 'full' })), {
      type: 'serverError',
      field: 'lobSize',
      message: 'bad',
    });
    s = taskFormReducer(s, { type: 'type', field: 'lobSize', text: '256' });
    expect(s.values.lobChunkKb).toBe('256');
    expect(s.values.lobMaxKb).toBe(values().lobMaxKb);
    expect(s.serverErrors.lobSize).toBeUndefined();
  });

  it('a typed name is no longer replaced by a suggestion', () => {
    let s = taskFormReducer(initialFormState(values()), {
      type: 'type',
      field: 'name',
      text: 'mine',
    });
    s = taskFormReducer(s, { type: 'preset', patch: { name: 'suggested' } });
    expect(s.values.name).toBe('mine');
  });
});
