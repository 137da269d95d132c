import { describe, expect, it } from 'vitest';
import { identifierError } from '../../src/model/identifiers.js';
import {
  lobTargetMetadata,
  lobTruncationWarning,
  parseLobSize,
} from '../../src/model/lobSettings.js';
import { parseTableMappings } from '../../src/model/tableMappings.js';
import { defaultLogComponents } from '../../src/model/taskSettings.js';
import { rowsFromSelection, selectionStem } from '../../src/model/selectionMappings.js';
import {
  buildCreateTaskInput,
  createTaskInputJson,
  previewLines,
  type TaskInputFields,
} from '../../src/model/taskInput.js';

const base: TaskInputFields = {
  name: 'sales-orders',
  replicationInstanceArn: 'arn:aws:dms:us-east-1:123456789012:rep:ABC',
  sourceEndpointArn: 'arn:aws:dms:us-east-1:123456789012:endpoint:SRC',
  targetEndpointArn: 'arn:aws:dms:us-east-1:123456789012:endpoint:TGT',
  migrationType: 'full-load',
  tablePrepMode: 'DROP_AND_CREATE',
  lob: { mode: 'limited', chunkSizeKb: 64, maxSizeKb: 32 },
  logging: true,
  mappings: [{ action: 'include', schema: 'sales', table: '%' }],
};

const settingsOf = (fields: TaskInputFields) =>
  JSON.parse(buildCreateTaskInput(fields).ReplicationTaskSettings) as {
    TargetMetadata: Record<string, unknown>;
    FullLoadSettings: Record<string, unknown>;
    Logging: Record<string, unknown>;
  };

describe('buildCreateTaskInput', () => {
  it('has the required members in API order, with TableMappings and settings as strings', () => {
    const input = buildCreateTaskInput(base);
    expect(Object.keys(input)).toEqual([
      'ReplicationTaskIdentifier',
      'SourceEndpointArn',
      'TargetEndpointArn',
      'ReplicationInstanceArn',
      'MigrationType',
      'TableMappings',
      'ReplicationTaskSettings',
    ]);
    expect(typeof input.TableMappings).toBe('string');
    expect(typeof input.ReplicationTaskSettings).toBe('string');
    expect(settingsOf(base).FullLoadSettings).toEqual({ TargetTablePrepMode: 'DROP_AND_CREATE' });
  });

  it('leaves the target table preparation out of a cdc task, which loads no table', () => {
    expect(settingsOf({ ...base, migrationType: 'cdc' }).FullLoadSettings).toBeUndefined();
    expect(settingsOf({ ...base, migrationType: 'full-load-and-cdc' }).FullLoadSettings).toEqual({
      TargetTablePrepMode: 'DROP_AND_CREATE',
    });
  });

  it.each([
    ['none', { SupportLobs: false }],
    ['full', { SupportLobs: true, FullLobMode: true, LimitedSizeLobMode: false, LobChunkSize: 64 }],
    [
      'limited',
      { SupportLobs: true, FullLobMode: false, LimitedSizeLobMode: true, LobMaxSize: 32 },
    ],
  ] as const)('LOB mode %s → TargetMetadata %o', (mode, expected) => {
    const fields = { ...base, lob: { ...base.lob, mode } };
    expect(settingsOf(fields).TargetMetadata).toEqual(expected);
    expect(lobTargetMetadata(fields.lob)).toEqual(expected);
  });

  it('logging on sends EnableLogging with the default LogComponents', () => {
    const logging = settingsOf(base).Logging;
    expect(logging.EnableLogging).toBe(true);
    expect(logging.LogComponents).toEqual(defaultLogComponents());
    expect(defaultLogComponents()).toHaveLength(19);
    expect(defaultLogComponents()[0]).toEqual({
      Id: 'TRANSFORMATION',
      Severity: 'LOGGER_SEVERITY_DEFAULT',
    });
    expect(logging).not.toHaveProperty('CloudWatchLogGroup');
  });

  it('logging off sends EnableLogging false only', () => {
    expect(settingsOf({ ...base, logging: false }).Logging).toEqual({ EnableLogging: false });
  });

  it('a schema selection becomes schema.% and tables become their own rules', () => {
    const rows = rowsFromSelection({
      schemas: ['sales'],
      tables: [
        { schema: 'public', table: 'orders' },
        { schema: 'public', table: 'customers' },
        { schema: 'sales', table: 'covered' },
        { schema: 'public', table: 'orders' },
      ],
    });
    const input = buildCreateTaskInput({ ...base, mappings: rows });
    const parsed = parseTableMappings(input.TableMappings);
    expect(parsed.ok).toBe(true);
    expect(JSON.parse(input.TableMappings)).toEqual({
      rules: [
        {
          'rule-type': 'selection',
          'rule-id': '1',
          'rule-name': '1',
          'object-locator': { 'schema-name': 'sales', 'table-name': '%' },
          'rule-action': 'include',
        },
        {
          'rule-type': 'selection',
          'rule-id': '2',
          'rule-name': '2',
          'object-locator': { 'schema-name': 'public', 'table-name': 'orders' },
          'rule-action': 'include',
        },
        {
          'rule-type': 'selection',
          'rule-id': '3',
          'rule-name': '3',
          'object-locator': { 'schema-name': 'public', 'table-name': 'customers' },
          'rule-action': 'include',
        },
      ],
    });
  });

  it('a single-table selection suggests schema-table as the name stem', () => {
    expect(
      selectionStem(rowsFromSelection({ schemas: [], tables: [{ schema: 'hr', table: 'emp' }] })),
    ).toBe('hr-emp');
    expect(selectionStem(rowsFromSelection({ schemas: ['sales'], tables: [] }))).toBe('sales');
  });

  it('the saved JSON is the input itself and the preview expands the strings', () => {
    const input = buildCreateTaskInput(base);
    expect(JSON.parse(createTaskInputJson(input))).toEqual(input);
    const preview = previewLines(input).join('\n');
    expect(preview).toContain('"LobMaxSize": 32');
    expect(preview).toContain('"schema-name": "sales"');
  });
});

describe('task identifiers', () => {
  it.each([
    ['a', null],
    ['sales-orders-2', null],
    ['A1', null],
    ['a'.repeat(255), null],
  ])('%s is valid', (name, expected) => {
    expect(identifierError(name, 'task')).toBe(expected);
  });

  it.each([
    ['', /required/],
    ['a'.repeat(256), /at most 255 characters \(it has 256\)/],
    ['a--b', /two hyphens/],
    ['a-', /end with a hyphen/],
    ['1abc', /start with a letter/],
    ['-abc', /start with a letter/],
    ['ventes-été', /only ASCII letters, digits and hyphens \(not "é"\)/],
    ['データ', /start with a letter/],
    ['a_b', /not "_"/],
    ['a b', /not " "/],
  ])('%s is refused', (name, pattern) => {
    expect(identifierError(name, 'task')).toMatch(pattern);
  });
});

describe('LOB sizes', () => {
  it('accepts whole kilobytes from 1 to 102400', () => {
    expect(parseLobSize('64', 'full')).toEqual({ ok: true, kb: 64 });
    expect(parseLobSize('102400', 'limited')).toEqual({ ok: true, kb: 102400 });
  });
  it.each(['', '0', '-1', '1.5', 'abc', '102401'])('refuses %j', (text) => {
    const result = parseLobSize(text, 'limited');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/^Max LOB size \(KB\)/);
  });
  it('warns when limited mode would truncate the largest LOB value', () => {
    expect(lobTruncationWarning('limited', 32, 40 * 1024)).toMatch(/40 KB.*truncate/);
    expect(lobTruncationWarning('limited', 64, 40 * 1024)).toBeNull();
    expect(lobTruncationWarning('full', 1, 40 * 1024)).toBeNull();
    expect(lobTruncationWarning('limited', 32, undefined)).toBeNull();
  });
});
