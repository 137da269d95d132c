// Data validation as DMS does it (docs/dms-api.md §9): the task settings that drive it, the
// per-table states, and how a source value and a target value are compared across engines
// (numeric scale, time zones, CHAR padding, JSON spacing). Pure: the sandbox reads the rows.
import { isBinary, type NeutralType, parseMysqlType, parsePostgresType } from './typeMapping.js';

export type ValidationState =
  | 'Not enabled'
  | 'Pending records'
  | 'Validated'
  | 'Mismatched records'
  | 'Suspended records'
  | 'No primary key'
  | 'Table error'
  | 'Error';

export type FailureType = 'RECORD_DIFF' | 'MISSING_SOURCE' | 'MISSING_TARGET';

export interface ValidationSettings {
  enabled: boolean;
  /** Validate without loading or applying anything (ValidationOnly). */
  only: boolean;
  /** Rows compared per partition (PartitionSize, default 10,000). */
  partitionSize: number;
  /** Partitions compared at once (ThreadCount, default 5). */
  threadCount: number;
  /** A table stops being validated after this many failed rows (TableFailureMaxCount). */
  tableFailureMax: number;
  /** LOB columns are left out of the comparison (SkipLobColumns). */
  skipLobColumns: boolean;
}

function int(value: unknown, fallback: number, min: number, max: number): number {
  const n = typeof value === 'number' ? value : Number(value);
  if (value === undefined || value === null || !Number.isFinite(n)) return fallback;
  return Math.min(max, Math.max(min, Math.floor(n)));
}

/** ValidationSettings from a task's merged settings, with DMS's defaults. */
export function readValidationSettings(settings: Record<string, unknown>): ValidationSettings {
  const raw = settings.ValidationSettings;
  const v = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  return {
    enabled: v.EnableValidation === true || v.ValidationOnly === true,
    only: v.ValidationOnly === true,
    partitionSize: int(v.PartitionSize, 10_000, 1, 100_000),
    threadCount: int(v.ThreadCount, 5, 1, 50),
    tableFailureMax: int(v.TableFailureMaxCount, 1000, 1, 1_000_000_000),
    skipLobColumns: v.SkipLobColumns === true,
  };
}

/** How a column's values are brought to one text form before they are compared. */
export type CompareKind = 'exact' | 'number' | 'float' | 'char' | 'time' | 'json' | 'bool';

export function compareKind(type: NeutralType): CompareKind {
  switch (type.kind) {
    case 'int':
    case 'numeric':
      return 'number';
    case 'real':
    case 'double':
      return 'float';
    case 'char':
      return 'char';
    case 'timestamp':
    case 'time':
      return 'time';
    case 'json':
      return 'json';
    case 'bool':
      return 'bool';
    default:
      return 'exact';
  }
}

/** How a column of this type is printed and compared: its kind, whether it is printed as hex,
 *  and whether it is a timestamp with time zone (printed in UTC). */
export function compareColumnOf(
  family: 'postgres' | 'mysql',
  fullType: string,
): { kind: CompareKind; binary: boolean; tz: boolean } {
  const neutral = family === 'postgres' ? parsePostgresType(fullType) : parseMysqlType(fullType);
  return {
    kind: compareKind(neutral),
    binary: isBinary(neutral),
    tz: neutral.kind === 'timestamp' && neutral.tz,
  };
}

/** 010.500 → 10.5, -0.0 → 0, 1e3 stays as it is. */
function canonicalNumber(text: string): string {
  const m = /^([+-]?)0*(\d*)(?:\.(\d*?)0*)?$/.exec(text.trim());
  if (!m) return text.trim();
  const whole = m[2] === '' ? '0' : (m[2] as string);
  const fraction = m[3] ?? '';
  const body = fraction ? `${whole}.${fraction}` : whole;
  return body === '0' || m[1] !== '-' ? body : `-${body}`;
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** One value (as its database printed it) in the form both sides are compared in. */
export function normalizeValue(kind: CompareKind, value: string | null): string | null {
  if (value === null) return null;
  switch (kind) {
    case 'number':
      return canonicalNumber(value);
    case 'float': {
      const n = Number(value);
      return Number.isFinite(n) ? String(Number(n.toPrecision(6))) : value;
    }
    case 'char':
      return value.replace(/ +$/, '');
    case 'time':
      // Both sides print UTC wall-clock time; fractions differ only in trailing zeros.
      return value
        .replace('T', ' ')
        .replace(/(\.\d*?)0+$/, '$1')
        .replace(/\.$/, '');
    case 'json':
      try {
        return stableJson(JSON.parse(value));
      } catch {
        return value;
      }
    case 'bool':
      return value === 't' || value === 'true'
        ? '1'
        : value === 'f' || value === 'false'
          ? '0'
          : value;
    default:
      return value;
  }
}

export interface ColumnDiff {
  column: string;
  source: string | null;
  target: string | null;
}

/** Whether two values (as their databases printed them) differ once normalized. */
export function valuesDiffer(kind: CompareKind, source: string | null, target: string | null) {
  return source !== target && normalizeValue(kind, source) !== normalizeValue(kind, target);
}

/** The columns whose normalized values differ (rows given in the same column order). */
export function diffRows(
  columns: readonly { name: string; kind: CompareKind }[],
  source: readonly (string | null)[],
  target: readonly (string | null)[],
): ColumnDiff[] {
  const diffs: ColumnDiff[] = [];
  columns.forEach((c, i) => {
    const s = source[i] ?? null;
    const t = target[i] ?? null;
    if (valuesDiffer(c.kind, s, t)) diffs.push({ column: c.name, source: s, target: t });
  });
  return diffs;
}

/** The text a key is matched by across the two sides (normalized key values, JSON). */
export function keyText(kinds: readonly CompareKind[], values: readonly (string | null)[]): string {
  return JSON.stringify(values.map((v, i) => normalizeValue(kinds[i] ?? 'exact', v)));
}

/** A table's validation figures as DescribeTableStatistics reports them. */
export interface TableValidation {
  state: ValidationState;
  pending: number;
  failed: number;
  suspended: number;
  details?: string;
}

/** What a table's counts say its state is once nothing is pending. */
export function settledState(failed: number, suspended: number): ValidationState {
  if (failed > 0) return 'Mismatched records';
  if (suspended > 0) return 'Suspended records';
  return 'Validated';
}
