import { describe, expect, it } from 'vitest';
import {
  defaultTaskSettings,
  loggingEnabled,
  mergeSettings,
  onlyLogSeveritiesDiffer,
  parseTaskSettings,
} from '../../src/model/taskSettings.js';

describe('task settings', () => {
  it('has the DMS defaults the notes list', () => {
    const d = defaultTaskSettings() as Record<string, Record<string, unknown>>;
    expect(d.TargetMetadata).toMatchObject({
      SupportLobs: true,
      FullLobMode: false,
      LimitedSizeLobMode: true,
      LobMaxSize: 32,
    });
    expect(d.FullLoadSettings).toMatchObject({
      TargetTablePrepMode: 'DO_NOTHING',
      MaxFullLoadSubTasks: 8,
      CommitRate: 10000,
    });
    expect(d.Logging).toMatchObject({
      EnableLogging: false,
      CloudWatchLogGroup: null,
      CloudWatchLogStream: null,
    });
    expect(d.ErrorBehavior).toMatchObject({
      FailOnNoTablesCaptured: true,
      TableErrorPolicy: 'SUSPEND_TABLE',
    });
    expect(defaultTaskSettings()).not.toBe(defaultTaskSettings());
  });

  it('merges objects deeply and replaces arrays and scalars', () => {
    const merged = mergeSettings(
      { a: { b: 1, c: [1, 2] }, d: 1 },
      { a: { c: [3] }, d: 2, e: true },
    );
    expect(merged).toEqual({ a: { b: 1, c: [3] }, d: 2, e: true });
  });

  it.each([
    ['{', 'Invalid task settings JSON'],
    ['[]', 'Invalid task settings JSON'],
    ['{"Logging": 3}', 'Invalid task settings JSON'],
    [
      '{"Logging": {"CloudWatchLogGroup": "g"}}',
      'Task Settings CloudWatchLogGroup or CloudWatchLogStream cannot be set on create.',
    ],
    [
      '{"Logging": {"CloudWatchLogStream": "s"}}',
      'Task Settings CloudWatchLogGroup or CloudWatchLogStream cannot be set on create.',
    ],
    [
      '{"FullLoadSettings": {"TargetTablePrepMode": "DROP"}}',
      'Invalid value for TargetTablePrepMode: DROP',
    ],
    [
      '{"FullLoadSettings": {"MaxFullLoadSubTasks": 0}}',
      'MaxFullLoadSubTasks must be an integer between 1 and 49',
    ],
    ['{"TargetMetadata": {"LobMaxSize": 200000}}', 'LobMaxSize must be between 0 and 102400 (KB)'],
    [
      '{"TargetMetadata": {"FullLobMode": true, "LimitedSizeLobMode": true}}',
      'FullLobMode and LimitedSizeLobMode cannot both be true',
    ],
    [
      '{"Logging": {"LogComponents": [{"Id": "IO", "Severity": "LOUD"}]}}',
      'Invalid log severity LOUD for component IO',
    ],
  ])('rejects %s on create', (json, error) => {
    expect(parseTaskSettings(json, { onCreate: true })).toEqual({ ok: false, error });
  });

  it('accepts null log targets on create, and ignores sent ones on modify', () => {
    const created = parseTaskSettings(
      '{"Logging": {"EnableLogging": true, "CloudWatchLogGroup": null}}',
      { onCreate: true },
    );
    expect(created.ok && loggingEnabled(created.value)).toBe(true);
    const base = mergeSettings(defaultTaskSettings(), {
      Logging: { CloudWatchLogGroup: 'dms-tasks-x', CloudWatchLogStream: 'dms-task-Y' },
    });
    const modified = parseTaskSettings('{"Logging": {"CloudWatchLogGroup": "other"}}', {
      onCreate: false,
      base,
    });
    expect(
      modified.ok && (modified.value.Logging as Record<string, unknown>).CloudWatchLogGroup,
    ).toBe('dms-tasks-x');
  });

  it('returns the defaults for an empty document', () => {
    expect(parseTaskSettings(undefined, { onCreate: true })).toEqual({
      ok: true,
      value: defaultTaskSettings(),
    });
    expect(parseTaskSettings('  ', { onCreate: true })).toEqual({
      ok: true,
      value: defaultTaskSettings(),
    });
  });

  it('knows when only log severities changed', () => {
    const a = defaultTaskSettings();
    const b = mergeSettings(a, {
      Logging: { LogComponents: [{ Id: 'IO', Severity: 'LOGGER_SEVERITY_DEBUG' }] },
    });
    expect(onlyLogSeveritiesDiffer(a, b)).toBe(true);
    expect(
      onlyLogSeveritiesDiffer(a, mergeSettings(a, { FullLoadSettings: { CommitRate: 5 } })),
    ).toBe(false);
    expect(onlyLogSeveritiesDiffer(a, mergeSettings(a, { Logging: { EnableLogging: true } }))).toBe(
      false,
    );
  });
});
