// DMS Marker/MaxRecords pagination and Filters (docs/dms-api.md §1, §2).
import { invalidValue } from './protocol/errors.js';

export interface DmsFilter {
  Name: string;
  Values: string[];
}

/** Applies Marker + MaxRecords (default 100, 20..max; 0 and "" mean not set). */
export function page<T>(
  items: T[],
  input: { Marker?: string; MaxRecords?: number },
  max = 100,
): { items: T[]; Marker?: string } {
  const size = input.MaxRecords ? input.MaxRecords : 100;
  if (size < 20 || size > max)
    throw invalidValue(`The parameter MaxRecords must be between 20 and ${max}.`);
  let offset = 0;
  if (input.Marker) {
    const m = /^m([0-9]+)$/.exec(Buffer.from(input.Marker, 'base64url').toString('utf8'));
    if (!m) throw invalidValue('Invalid Marker.');
    offset = Number(m[1]);
  }
  const slice = items.slice(offset, offset + size);
  const next = offset + size;
  return next < items.length
    ? { items: slice, Marker: Buffer.from(`m${next}`).toString('base64url') }
    : { items: slice };
}

/**
 * Keeps the items every filter matches. `fields` maps each allowed filter name to the item's
 * values for it (an item matches when any of its values is among the filter's values).
 */
export function applyFilters<T>(
  items: T[],
  filters: DmsFilter[] | undefined,
  fields: Record<string, (item: T) => (string | undefined)[]>,
): T[] {
  if (!filters || filters.length === 0) return items;
  for (const f of filters) {
    if (!Object.hasOwn(fields, f.Name))
      throw invalidValue(
        `Invalid filter name: ${f.Name}. Valid filter names are: ${Object.keys(fields).join(', ')}`,
      );
  }
  return items.filter((item) =>
    filters.every((f) => {
      const values = fields[f.Name]!(item);
      return values.some((v) => v !== undefined && f.Values.includes(v));
    }),
  );
}

export const seconds = (ms: number | undefined): number | undefined =>
  ms === undefined ? undefined : ms / 1000;
