// The Create DMS Task form's CDC options: the start (now, a time, a position), the stop
// position, stop-after-full-load, which fields each migration type shows, and what the
// CreateReplicationTask input and its saved JSON carry.
import { describe, expect, it } from 'vitest';
import { cdcStartError, cdcStopError, parseCdcStart } from '../../src/model/cdcTaskOptions.js';
import { initialValues, visibleFields } from '../../src/model/taskFormState.js';
import { buildCreateTaskInput, type TaskInputFields } from '../../src/model/taskInput.js';

describe('CDC start and stop', () => {
  it.each([
    ['', { kind: 'now' }],
    ['now', { kind: 'now' }],
    ['2026-11-30T08:00:00Z', { kind: 'time', iso: '2026-11-30T08:00:00Z' }],
    ['2026-11-30 09:00:00+01:00', { kind: 'time', iso: '2026-11-30T08:00:00Z' }],
    ['0/16B3748', { kind: 'position', position: '0/16B3748' }],
    ['mysql-bin.000024:373', { kind: 'position', position: 'mysql-bin.000024:373' }],
    [
      'checkpoint:V1#1#000004AF/B00000D0#0#0#*#0#0',
      { kind: 'position', position: 'checkpoint:V1#1#000004AF/B00000D0#0#0#*#0#0' },
    ],
  ])('start "%s" reads as %j', (text, parsed) => {
    expect(parseCdcStart(text)).toEqual(parsed);
  });

  it('refuses text that is none of them, and a start time from PostgreSQL', () => {
    expect(cdcStartError('next tuesday')).toMatch(/Type now, a time/);
    expect(cdcStartError('2026-13-45T99:00:00Z')).toMatch(/not a date/);
    expect(cdcStartError('2026-11-30T08:00:00Z', 'postgres')).toMatch(
      /no start time from PostgreSQL/,
    );
    expect(cdcStartError('0/16B3748', 'postgres')).toBeNull();
    expect(cdcStartError('2026-11-30T08:00:00Z', 'mysql')).toBeNull();
  });

  it('takes a stop position as DMS writes it', () => {
    expect(cdcStopError('')).toBeNull();
    expect(cdcStopError('server_time:2026-11-30T18:00:00')).toBeNull();
    expect(cdcStopError('commit_time:2026-11-30T18:00:00')).toBeNull();
    expect(cdcStopError('2026-11-30T18:00:00')).toMatch(/server_time:YYYY/);
  });
});

describe('the form with CDC options', () => {
  const values = initialValues({ name: 't', mappings: [] });
  it.each([
    ['full-load', ['tablePrepMode'], ['cdcStart', 'cdcStop', 'stopAfterLoad']],
    ['full-load-and-cdc', ['tablePrepMode', 'cdcStart', 'cdcStop', 'stopAfterLoad'], []],
    ['cdc', ['cdcStart', 'cdcStop'], ['tablePrepMode', 'stopAfterLoad']],
  ] as const)('%s shows %j and hides %j', (migrationType, shown, hidden) => {
    const fields = visibleFields({ ...values, migrationType });
    for (const f of shown) expect(fields).toContain(f);
    for (const f of hidden) expect(fields).not.toContain(f);
  });

  const base: TaskInputFields = {
    name: 'sales-cdc',
    replicationInstanceArn: 'arn:ri',
    sourceEndpointArn: 'arn:src',
    targetEndpointArn: 'arn:tgt',
    migrationType: 'full-load-and-cdc',
    tablePrepMode: 'TRUNCATE_BEFORE_LOAD',
    lob: { mode: 'none', chunkSizeKb: 64, maxSizeKb: 32 },
    logging: false,
    mappings: [{ action: 'include', schema: 'sales', table: '%' }],
  };

  it('carries the start, the stop and stop-after-full-load into the input and its JSON', () => {
    const input = buildCreateTaskInput({
      ...base,
      cdc: {
        cdcStart: 'mysql-bin.000024:373',
        cdcStop: 'commit_time:2026-11-30T18:00:00',
        stopAfterLoad: 'applied',
      },
    });
    expect(input).toMatchObject({
      CdcStartPosition: 'mysql-bin.000024:373',
      CdcStopPosition: 'commit_time:2026-11-30T18:00:00',
    });
    expect(input.CdcStartTime).toBeUndefined();
    expect(JSON.parse(input.ReplicationTaskSettings).FullLoadSettings).toEqual({
      TargetTablePrepMode: 'TRUNCATE_BEFORE_LOAD',
      StopTaskCachedChangesApplied: true,
    });
    const timed = buildCreateTaskInput({
      ...base,
      cdc: { cdcStart: '2026-11-30T08:00:00Z', stopAfterLoad: 'notApplied' },
    });
    expect(timed.CdcStartTime).toBe('2026-11-30T08:00:00Z');
    expect(JSON.parse(timed.ReplicationTaskSettings).FullLoadSettings).toMatchObject({
      StopTaskCachedChangesNotApplied: true,
    });
  });

  it('sends no CDC members for a full load, nor for "now"', () => {
    const full = buildCreateTaskInput({
      ...base,
      migrationType: 'full-load',
      cdc: {
        cdcStart: '0/1',
        cdcStop: 'server_time:2026-11-30T18:00:00',
        stopAfterLoad: 'applied',
      },
    });
    expect(Object.keys(full)).not.toContain('CdcStartPosition');
    expect(Object.keys(full)).not.toContain('CdcStopPosition');
    expect(JSON.parse(full.ReplicationTaskSettings).FullLoadSettings).toEqual({
      TargetTablePrepMode: 'TRUNCATE_BEFORE_LOAD',
    });
    const now = buildCreateTaskInput({ ...base, cdc: { cdcStart: 'now' } });
    expect(Object.keys(now).filter((k) => k.startsWith('Cdc'))).toEqual([]);
  });
});
