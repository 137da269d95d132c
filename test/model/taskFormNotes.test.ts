// What the task form says beside its fields: warnings, the LOB line, the new-endpoint blocker,
// the kept draft, and the words of fields and choosers.
import { describe, expect, it } from 'vitest';
import type { EndpointTest } from '../../src/model/endpointTest.js';
import {
  choiceText,
  CREATE_NEW_ENDPOINT,
  endpointChoices,
  endpointText,
  fieldLabel,
  instanceChoices,
  instanceText,
  mappingsText,
  savedJsonName,
} from '../../src/model/taskFormDisplay.js';
import {
  draftDescription,
  formWarnings,
  largestLobBytes,
  type LobMeasure,
  lobSummary,
  newEndpointBlocker,
} from '../../src/model/taskFormNotes.js';
import { initialValues, type TaskFormValues } from '../../src/model/taskFormState.js';
import type { Endpoint } from '../../src/model/endpoint.js';
import type { ReplicationInstance } from '../../src/model/instance.js';

const values = (patch: Partial<TaskFormValues> = {}): TaskFormValues => ({
  ...initialValues({ name: 'sales', mappings: [] }),
  instanceArn: 'arn:ri:1',
  sourceArn: 'arn:ep:src',
  targetArn: 'arn:ep:tgt',
  ...patch,
});

const instances: ReplicationInstance[] = [
  { identifier: 'one', arn: 'arn:ri:1', instanceClass: 'dms.t3.medium', status: 'available' },
  { identifier: 'busy', arn: 'arn:ri:2', instanceClass: 'dms.t3.large', status: 'modifying' },
  {
    identifier: 'Prod',
    arn: 'arn:ri:3',
    instanceClass: 'dms.r5.large',
    status: 'available',
    engineVersion: '3.5.3',
  },
];

const endpoints: Endpoint[] = [
  {
    identifier: 'src',
    arn: 'arn:ep:src',
    type: 'source',
    engineName: 'postgres',
    server: 'db',
    port: 5432,
    database: 'shop',
  },
  { identifier: 'tgt', arn: 'arn:ep:tgt', type: 'target', engineName: 'mariadb', server: 'my' },
];

const failed = (endpointArn: string, message?: string): EndpointTest => ({
  status: 'failed',
  endpointArn,
  message,
});

describe('warnings under the fields', () => {
  it.each([
    ['nothing to say', values(), undefined, {}, {}],
    [
      'a LOB limit that would truncate',
      values({ lobMaxKb: '32' }),
      40 * 1024,
      {},
      { lobSize: 'The largest LOB value is 40 KB: limited mode at 32 KB would truncate it' },
    ],
    ['a LOB that fits', values({ lobMaxKb: '64' }), 40 * 1024, {}, {}],
    ['full mode never truncates', values({ lobMode: 'full' }), 10 ** 9, {}, {}],
    [
      'a failed test of the chosen source',
      values(),
      undefined,
      { source: failed('arn:ep:src', 'refused') },
      { source: 'Connection test failed: refused' },
    ],
    [
      'a failed test without a message',
      values(),
      undefined,
      { target: failed('arn:ep:tgt') },
      { target: 'Connection test failed: no message from DMS' },
    ],
    [
      'a failed test of an endpoint no longer chosen',
      values(),
      undefined,
      { source: failed('arn:ep:old', 'refused') },
      {},
    ],
    [
      'a test still running',
      values(),
      undefined,
      { source: { status: 'testing', endpointArn: 'arn:ep:src' } },
      {},
    ],
  ] as const)('%s', (_what, v, bytes, tests, expected) => {
    expect(formWarnings({ values: v, largestLobBytes: bytes, tests })).toEqual(expected);
  });
});

describe('the LOB line', () => {
  const measured: LobMeasure = { bytes: 5000, where: 'sales.docs.body', columns: 2, unmeasured: 0 };
  it.each([
    ['limited', { loading: true }, 'Measuring the largest LOB value in the selected tables…'],
    ['none', { loading: true }, null],
    ['limited', { loading: false }, null],
    [
      'limited',
      { loading: false, result: measured },
      'Largest LOB value: 5 KB (sales.docs.body), 2 LOB column(s)',
    ],
    [
      'full',
      { loading: false, result: { bytes: 0, columns: 3, unmeasured: 1 } },
      'Largest LOB value: 0 KB, 3 LOB column(s), 1 not measured',
    ],
    [
      'limited',
      { loading: false, result: { bytes: 0, columns: 0, unmeasured: 0 } },
      'The selected tables have no LOB columns',
    ],
  ] as const)('%s mode, %j', (mode, lob, line) => {
    expect(lobSummary(mode, lob)).toBe(line);
  });

  it.each([
    [100, measured, 100],
    [undefined, measured, 5000],
    [undefined, { ...measured, columns: 0 }, undefined],
    [undefined, undefined, undefined],
  ] as const)('largest LOB: given %s, measured %j → %s', (given, m, bytes) => {
    expect(largestLobBytes(given, m)).toBe(bytes);
  });
});

describe('why a new endpoint cannot be created yet', () => {
  it.each([
    [null, instances, 'Choose the replication instance first: the new endpoint is tested from it'],
    [
      'arn:ri:2',
      instances,
      'Replication instance busy is modifying: choose an available one first',
    ],
    ['arn:ri:1', instances, null],
    ['arn:ri:9', instances, null],
    ['arn:ri:2', undefined, null],
  ] as const)('instance %s', (instanceArn, list, reason) => {
    expect(newEndpointBlocker(values({ instanceArn }), list)).toBe(reason);
  });
});

it('describes a kept draft by when and which task', () => {
  const draft = { values: values({ name: '' }), savedAt: '2026-11-24T16:08:30.123Z' };
  expect(draftDescription(draft)).toBe('2026-11-24 16:08 UTC (task unnamed)');
  expect(draftDescription({ ...draft, values: values() })).toBe(
    '2026-11-24 16:08 UTC (task sales)',
  );
});

describe('the words of the fields', () => {
  it.each([
    ['lobSize', 'limited', 'Max LOB size (KB)'],
    ['lobSize', 'full', 'LOB chunk size (KB)'],
    ['name', 'limited', 'Task name'],
    ['tablePrepMode', 'none', 'Target table preparation'],
  ] as const)('%s in %s mode is labelled %s', (field, lobMode, label) => {
    expect(fieldLabel(field, values({ lobMode }))).toBe(label);
  });

  it.each([
    ['migrationType', values(), 'Migrate existing data (full load)'],
    ['tablePrepMode', values({ tablePrepMode: 'TRUNCATE_BEFORE_LOAD' }), 'Truncate'],
    ['lobMode', values({ lobMode: 'none' }), "Don't include LOB columns"],
    ['logging', values(), '[x] on'],
    ['logging', values({ logging: false }), '[ ] off'],
    ['name', values(), null],
  ] as const)('%s reads %s', (field, v, text) => {
    expect(choiceText(v, field)).toBe(text);
  });

  it.each([
    [values(), instances, 'one · dms.t3.medium · available'],
    [values({ instanceArn: 'arn:ri:3' }), instances, 'Prod · dms.r5.large · available · 3.5.3'],
    [values({ instanceArn: 'arn:ri:gone' }), instances, 'arn:ri:gone'],
    [values({ instanceArn: null }), instances, 'none chosen (Enter)'],
    [values({ instanceArn: null }), undefined, 'loading…'],
  ] as const)('instance field %#', (v, list, text) => {
    expect(instanceText(v, list, 'Enter')).toBe(text);
  });

  it.each([
    ['arn:ep:src', endpoints, 'src · postgres · db:5432/shop'],
    ['arn:ep:tgt', endpoints, 'tgt · mariadb · my'],
    [null, endpoints, 'none chosen (Enter: choose or create new)'],
    [null, undefined, 'loading…'],
  ] as const)('endpoint field %s', (arn, list, text) => {
    expect(endpointText(arn, list, 'Enter')).toBe(text);
  });

  it.each([
    [0, '0 rules (Enter to add)'],
    [1, '1 rule: include s.t0 → target schema s'],
    [3, '3 rules: include s.t0, include s.t1, include s.t2 → target schema s'],
    [4, '4 rules: include s.t0, include s.t1, include s.t2, … → target schema s'],
  ])('%i mapping rules read %s', (n, text) => {
    const rows = Array.from({ length: n }, (_, i) => ({
      action: 'include' as const,
      schema: 's',
      table: `t${i}`,
    }));
    expect(mappingsText(rows, 'Enter')).toBe(text);
  });

  it('says where a renamed schema lands', () => {
    expect(
      mappingsText(
        [
          { action: 'include', schema: 'sales', table: '%' },
          { action: 'rename-schema', schema: 'sales', table: '%', to: 'sales_v2' },
        ],
        'Enter',
      ),
    ).toBe('2 rules: include sales.%, rename schema sales → sales_v2');
  });

  it('offers <task>.json, or task.json without a name', () => {
    expect(savedJsonName('sales')).toBe('sales.json');
    expect(savedJsonName('')).toBe('task.json');
  });
});

describe('the choosers', () => {
  it('lists the project default first and refuses unavailable instances', () => {
    const items = instanceChoices(instances, 'prod');
    expect(items.map((i) => i.key)).toEqual(['arn:ri:3', 'arn:ri:1', 'arn:ri:2']);
    expect(items.map((i) => i.disabledReason)).toEqual([
      undefined,
      undefined,
      'busy is modifying: choose an available instance',
    ]);
    expect(instanceChoices(instances, undefined).map((i) => i.key)).toEqual([
      'arn:ri:1',
      'arn:ri:2',
      'arn:ri:3',
    ]);
  });

  it('lists the endpoints of the type, then Create new', () => {
    expect(endpointChoices(endpoints, 'target')).toEqual([
      { key: 'arn:ep:tgt', label: 'tgt · mariadb · my' },
      {
        key: CREATE_NEW_ENDPOINT,
        label: 'Create new target endpoint…',
        detail: "from the project's connection",
      },
    ]);
  });
});
