import { describe, expect, it } from 'vitest';
import { createMetricsStore } from '../../../src/sandbox/metrics/store.js';

const dims = { ReplicationInstanceIdentifier: 'ri', ReplicationTaskIdentifier: 'TASKID' };

describe('the sandbox metrics store', () => {
  it('keeps one bucket per second with sum, count, min and max', () => {
    let clock = 10_000;
    const store = createMetricsStore({ now: () => clock });
    store.record('CDCLatencySource', dims, 2, 10_100);
    store.record('CDCLatencySource', dims, 4, 10_900);
    store.record('CDCLatencySource', dims, 1, 11_000);
    clock = 12_000;
    expect(store.buckets('CDCLatencySource', dims, 0, 20_000)).toEqual([
      { at: 10_000, sum: 6, count: 2, min: 2, max: 4 },
      { at: 11_000, sum: 1, count: 1, min: 1, max: 1 },
    ]);
    expect(store.buckets('CDCLatencySource', dims, 11_000, 20_000)).toHaveLength(1);
  });

  it('keeps late measurements in order and drops what is older than the retention', () => {
    let clock = 100_000;
    const store = createMetricsStore({ now: () => clock, retentionMs: 10_000 });
    store.record('CDCIncomingChanges', dims, 5, 99_000);
    store.record('CDCIncomingChanges', dims, 3, 97_000);
    expect(store.buckets('CDCIncomingChanges', dims, 0, 200_000).map((b) => b.at)).toEqual([
      97_000, 99_000,
    ]);
    clock = 108_000;
    expect(store.buckets('CDCIncomingChanges', dims, 0, 200_000).map((b) => b.at)).toEqual([
      99_000,
    ]);
    clock = 200_000;
    expect(store.series()).toEqual([]);
  });

  it('lists series and forgets a deleted task', () => {
    const store = createMetricsStore();
    store.record('CDCLatencyTarget', dims, 1);
    store.record('CDCLatencyTarget', { ...dims, ReplicationTaskIdentifier: 'OTHER' }, 1);
    store.record('CDCLatencyTarget', dims, Number.NaN);
    expect(store.series()).toHaveLength(2);
    store.forgetTask('TASKID');
    expect(store.series().map((s) => s.dimensions.ReplicationTaskIdentifier)).toEqual(['OTHER']);
  });
});
