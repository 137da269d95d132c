// How the replication agent cuts a table into partitions it can extract, upload and checkpoint
// one by one (SCT's virtual partitioning). A table with a primary or unique key is cut into
// ranges of the key's first column; a table without one is a single partition (restarting it
// means extracting the whole table again, and the UI says so). Bounds come from the source
// (min/max of an integer key, or quantile values of any other ordered key, in the database's own
// order), so no JS comparison ever decides where a row belongs. Pure.

/** One partition: rows with lower ≤ key < upper; null is unbounded on that side. */
export interface Partition {
  index: number;
  lower: string | null;
  upper: string | null;
  /** Rows whose key is NULL (possible for a unique key on a nullable column) go here. */
  nulls: boolean;
}

export interface PartitionPlan {
  /** The column the ranges are on; null for a single whole-table partition. */
  column: string | null;
  partitions: Partition[];
  /** Why the table is one partition, for the UI; undefined when it has key ranges. */
  whyOne?: string;
}

export type KeyBounds =
  /** An integer key: the source's min and max (as decimal strings; bigint-safe). */
  | { kind: 'integer'; column: string; nullable: boolean; min: string | null; max: string | null }
  /** Any other ordered key: interior boundaries sampled by the source, in its order. */
  | { kind: 'ordered'; column: string; nullable: boolean; boundaries: string[] };

export interface PlanInput {
  /** null: the table has neither a primary nor a unique key. */
  key: KeyBounds | null;
  estimatedRows: number;
  rowsPerPartition: number;
  maxPartitions: number;
}

const whole = (whyOne: string): PartitionPlan => ({
  column: null,
  partitions: [{ index: 0, lower: null, upper: null, nulls: true }],
  whyOne,
});

/** How many partitions a table of `estimatedRows` gets (at least one). */
export function partitionCount(estimatedRows: number, rowsPerPartition: number, max: number) {
  const wanted = Math.ceil(Math.max(0, estimatedRows) / Math.max(1, rowsPerPartition));
  return Math.min(Math.max(1, max), Math.max(1, wanted));
}

function fromBoundaries(column: string, boundaries: string[]): PartitionPlan {
  // Drop repeated boundaries (a skewed key samples the same value twice): an empty range is
  // harmless but pointless.
  const cuts = boundaries.filter((b, i) => i === 0 || b !== boundaries[i - 1]);
  const edges: (string | null)[] = [null, ...cuts, null];
  const partitions: Partition[] = [];
  for (let i = 0; i + 1 < edges.length; i++)
    partitions.push({
      index: i,
      lower: edges[i] ?? null,
      upper: edges[i + 1] ?? null,
      nulls: false,
    });
  (partitions[0] as Partition).nulls = true;
  return { column, partitions };
}

/** Integer boundaries splitting [min, max] into `count` ranges of equal width. */
export function integerBoundaries(min: string, max: string, count: number): string[] {
  const lo = BigInt(min);
  const hi = BigInt(max);
  if (count <= 1 || hi <= lo) return [];
  const span = hi - lo + 1n;
  const n = BigInt(count) > span ? span : BigInt(count);
  const width = (span + n - 1n) / n;
  const cuts: string[] = [];
  for (let i = 1n; i < n; i++) {
    const cut = lo + i * width;
    if (cut > hi) break;
    cuts.push(cut.toString());
  }
  return cuts;
}

export function planPartitions(input: PlanInput): PartitionPlan {
  const { key } = input;
  if (!key)
    return whole('no primary or unique key: extracted as one partition (a restart redoes it)');
  const count = partitionCount(input.estimatedRows, input.rowsPerPartition, input.maxPartitions);
  if (key.kind === 'integer') {
    if (key.min === null || key.max === null) return { ...fromBoundaries(key.column, []) };
    return fromBoundaries(key.column, integerBoundaries(key.min, key.max, count));
  }
  return fromBoundaries(key.column, key.boundaries.slice(0, Math.max(0, count - 1)));
}

/** The quantile positions (0 < q < 1) an ordered key is sampled at for `count` partitions. */
export function quantiles(count: number): number[] {
  const out: number[] = [];
  for (let i = 1; i < count; i++) out.push(i / count);
  return out;
}
