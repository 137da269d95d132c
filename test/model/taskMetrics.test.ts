// Lag from metrics, lag as words and in a column, threshold parsing, and how a running CDC
// task reads with and without its latest lag.
import { describe, expect, it } from 'vitest';
import {
  lagCell,
  lagFromHistory,
  lagText,
  parseLagThreshold,
  taskMetricDimensions,
} from '../../src/model/taskMetrics.js';
import { readTask } from '../../src/model/taskReading.js';

describe('lag', () => {
  it('is the larger of source and target latency at their newest datapoints', () => {
    const lag = lagFromHistory({
      CDCLatencySource: [
        { at: 2000, value: 9 },
        { at: 1000, value: 50 },
      ],
      CDCLatencyTarget: [{ at: 2000, value: 12 }],
      CDCIncomingChanges: [{ at: 3000, value: 400 }],
    });
    expect(lag).toEqual({
      lagSeconds: 12,
      sourceSeconds: 9,
      targetSeconds: 12,
      behind: 400,
      at: 3000,
    });
    expect(lagFromHistory({})).toEqual({
      lagSeconds: undefined,
      sourceSeconds: undefined,
      targetSeconds: undefined,
      behind: undefined,
      at: undefined,
    });
  });

  it.each([
    [0, '0 s', '0s'],
    [2.4, '2 s', '2s'],
    [59.6, '1 min', '1m00s'],
    [125, '2 min 5 s', '2m05s'],
    [3600, '1 h', '1h00m'],
    [7860, '2 h 11 min', '2h11m'],
    [500 * 3600, '500 h', '20d'],
  ])('%s s reads "%s" and "%s" in a column', (seconds, words, cell) => {
    expect(lagText(seconds)).toBe(words);
    expect(lagCell(seconds)).toBe(cell);
  });

  it('shows an unknown lag as a dash', () => {
    expect(lagCell(undefined)).toBe('—');
    expect(lagCell(Number.NaN)).toBe('—');
  });

  it.each([
    ['60', 60],
    ['60s', 60],
    ['90 s', null],
    ['5m', 300],
    ['1m30s', 90],
    ['2h', 7200],
    ['1.5', 1.5],
    ['', null],
    ['fast', null],
    ['-5', null],
  ])('threshold "%s" is %s seconds', (text, seconds) => {
    expect(parseLagThreshold(text)).toBe(seconds);
  });

  it('names the task by the resource id at the end of its ARN', () => {
    expect(
      taskMetricDimensions({ arn: 'arn:aws:dms:us-east-1:1:task:ABCDEF', instanceId: 'ri-1' }),
    ).toEqual([
      { Name: 'ReplicationInstanceIdentifier', Value: 'ri-1' },
      { Name: 'ReplicationTaskIdentifier', Value: 'ABCDEF' },
    ]);
  });
});

describe('a running CDC task in words', () => {
  const loaded = {
    status: 'running',
    migrationType: 'full-load-and-cdc',
    stats: {
      progressPercent: 100,
      tablesLoaded: 3,
      tablesLoading: 0,
      tablesQueued: 0,
      tablesErrored: 0,
    },
  };
  const cdcOnly = { status: 'running', migrationType: 'cdc', stats: { progressPercent: 0 } };

  it.each([
    ['no metrics yet, load done', loaded, undefined, 'Load complete · replication ongoing', 'good'],
    ['cdc-only without metrics', cdcOnly, undefined, 'Replicating changes', 'good'],
    ['small lag', loaded, { lagSeconds: 2, behind: 10 }, 'Replicating · lag 2 s', 'good'],
    ['cdc-only with lag', cdcOnly, { lagSeconds: 0.4 }, 'Replicating · lag 0 s', 'good'],
    [
      'many changes behind',
      loaded,
      { lagSeconds: 4, behind: 12_400 },
      'Catching up · 12,400 changes behind',
      'warn',
    ],
    [
      'long lag, nothing counted',
      loaded,
      { lagSeconds: 95 },
      'Catching up · lag 1 min 35 s',
      'warn',
    ],
  ] as const)('%s: "%s"', (_, task, lag, words, tone) => {
    const reading = readTask(task, undefined, lag);
    expect(reading.words).toBe(words);
    expect(reading.tone).toBe(tone);
  });

  it('a cdc task never reads as loading', () => {
    expect(readTask(cdcOnly).barStyle).toBe('none');
    expect(readTask(cdcOnly).words).not.toMatch(/Loading/);
  });

  it('a full-load-and-cdc task still loading reads as loading, whatever the lag', () => {
    const loading = { ...loaded, stats: { progressPercent: 40 } };
    expect(readTask(loading, undefined, { lagSeconds: 3 }).words).toBe('Loading 40%');
  });
});
