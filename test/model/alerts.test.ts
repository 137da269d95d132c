// Alert rules: failed tasks and lag over the threshold raise one alert each, with the time it
// started; a condition that ends clears its alert; only new alerts ring.
import { describe, expect, it } from 'vitest';
import { alertConditions, alertSummary, NO_ALERTS, updateAlerts } from '../../src/model/alerts.js';
import type { LagSample } from '../../src/model/taskMetrics.js';

const task = (id: string, status: string, lastFailureMessage?: string) => ({
  arn: `arn:aws:dms:us-east-1:1:task:${id.toUpperCase()}`,
  id,
  status,
  lastFailureMessage,
});
const lags = (entries: [string, number][]) =>
  new Map<string, LagSample>(
    entries.map(([id, s]) => [
      `arn:aws:dms:us-east-1:1:task:${id.toUpperCase()}`,
      { lagSeconds: s },
    ]),
  );

describe('alert conditions', () => {
  it('raise for a failed task and for a running task over the threshold only', () => {
    const found = alertConditions(
      [
        task('a', 'failed', 'Last Error  Lost connection Stop Reason FATAL_ERROR'),
        task('b', 'running'),
        task('c', 'running'),
        task('d', 'stopped'),
      ],
      lags([
        ['b', 61],
        ['c', 60],
        ['d', 999],
      ]),
      60,
    );
    expect(found.map((a) => [a.kind, a.message])).toEqual([
      ['failed', 'a failed: Lost connection Stop Reason FATAL_ERROR'],
      ['lagging', 'b lag 1 min 1 s (over 1 min)'],
    ]);
  });
});

describe('alert state', () => {
  const failedA = alertConditions([task('a', 'failed')], new Map(), 60);
  const laggingB = alertConditions([task('b', 'running')], lags([['b', 120]]), 60);

  it('raises an alert once, with the time its condition started', () => {
    const first = updateAlerts(NO_ALERTS, failedA, 1000);
    expect(first.raised.map((a) => [a.taskId, a.at])).toEqual([['a', 1000]]);
    const again = updateAlerts(first.state, failedA, 2000);
    expect(again.raised).toEqual([]);
    expect(again.state).toBe(first.state);
    expect(again.state.active[0]?.at).toBe(1000);
  });

  it('clears an alert when its condition ends, keeping it in the history', () => {
    const one = updateAlerts(NO_ALERTS, [...failedA, ...laggingB], 1000).state;
    const two = updateAlerts(one, laggingB, 2000);
    expect(two.state.active.map((a) => a.taskId)).toEqual(['b']);
    expect(two.state.history.map((a) => a.taskId).sort()).toEqual(['a', 'b']);
    const back = updateAlerts(two.state, [...failedA, ...laggingB], 3000);
    expect(back.raised.map((a) => [a.taskId, a.at])).toEqual([['a', 3000]]);
    expect(back.state.history).toHaveLength(3);
  });

  it('sums the active alerts up for the status bar', () => {
    expect(alertSummary([])).toBeUndefined();
    const one = updateAlerts(NO_ALERTS, laggingB, 1000).state;
    expect(alertSummary(one.active)).toBe('⚠ b lag 2 min (over 1 min)');
    const two = updateAlerts(one, [...laggingB, ...failedA], 2000).state;
    expect(alertSummary(two.active)).toBe('⚠ 2 alerts: a failed (:alerts)');
  });
});
