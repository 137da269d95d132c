import { describe, expect, it } from 'vitest';
import {
  integerBoundaries,
  partitionCount,
  planPartitions,
  quantiles,
} from '../../src/model/agentPartitions.js';

/** Which partition a value falls in (numeric comparison), -1 if none, -2 if more than one. */
function owner(plan: ReturnType<typeof planPartitions>, v: bigint): number {
  const hits = plan.partitions.filter(
    (p) => (p.lower === null || v >= BigInt(p.lower)) && (p.upper === null || v < BigInt(p.upper)),
  );
  return hits.length === 1 ? (hits[0]?.index ?? -1) : hits.length === 0 ? -1 : -2;
}

describe('partition planning', () => {
  it('a table without a primary or unique key is one partition, and says why', () => {
    const plan = planPartitions({
      key: null,
      estimatedRows: 1e7,
      rowsPerPartition: 1000,
      maxPartitions: 64,
    });
    expect(plan.partitions).toEqual([{ index: 0, lower: null, upper: null, nulls: true }]);
    expect(plan.column).toBeNull();
    expect(plan.whyOne).toMatch(/no primary or unique key/);
  });

  it('an integer key is cut into equal ranges; every value, even outside min..max, lands in exactly one', () => {
    const plan = planPartitions({
      key: { kind: 'integer', column: 'id', nullable: false, min: '1', max: '1000' },
      estimatedRows: 1000,
      rowsPerPartition: 100,
      maxPartitions: 64,
    });
    expect(plan.column).toBe('id');
    expect(plan.partitions).toHaveLength(10);
    expect(plan.partitions[0]).toMatchObject({ lower: null, upper: '101', nulls: true });
    expect(plan.partitions[9]).toMatchObject({ lower: '901', upper: null });
    for (const v of [-5n, 1n, 100n, 101n, 555n, 1000n, 99999n])
      expect(owner(plan, v)).toBeGreaterThanOrEqual(0);
  });

  it('bigint keys beyond 2^53 are exact', () => {
    const cuts = integerBoundaries('9223372036854775000', '9223372036854775807', 4);
    expect(cuts).toEqual(['9223372036854775202', '9223372036854775404', '9223372036854775606']);
  });

  it('never more partitions than values, the maximum, or fewer than one', () => {
    expect(integerBoundaries('5', '6', 10)).toEqual(['6']);
    expect(integerBoundaries('5', '5', 10)).toEqual([]);
    expect(partitionCount(0, 100, 8)).toBe(1);
    expect(partitionCount(10_000, 100, 8)).toBe(8);
    const empty = planPartitions({
      key: { kind: 'integer', column: 'id', nullable: false, min: null, max: null },
      estimatedRows: 0,
      rowsPerPartition: 100,
      maxPartitions: 8,
    });
    expect(empty.partitions).toHaveLength(1);
  });

  it('an ordered (text, date, uuid) key uses the sampled boundaries, duplicates dropped; NULLs of a unique key go to the first', () => {
    const plan = planPartitions({
      key: { kind: 'ordered', column: 'code', nullable: true, boundaries: ['b', 'b', 'm', 't'] },
      estimatedRows: 400,
      rowsPerPartition: 100,
      maxPartitions: 64,
    });
    expect(plan.partitions.map((p) => [p.lower, p.upper, p.nulls])).toEqual([
      [null, 'b', true],
      ['b', 'm', false],
      ['m', null, false],
    ]);
    expect(quantiles(4)).toEqual([0.25, 0.5, 0.75]);
  });
});
