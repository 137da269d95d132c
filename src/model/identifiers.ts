// DMS identifier rules (docs/dms-api.md §2 Operations): a task identifier is 1–255 characters, an
// endpoint or replication instance identifier 1–63; ASCII letters, digits and hyphens only;
// the first character a letter; no trailing hyphen; no two hyphens in a row.

export type IdentifierKind = 'task' | 'endpoint' | 'instance';

const MAX_LENGTH: Record<IdentifierKind, number> = { task: 255, endpoint: 63, instance: 63 };

const NOUN: Record<IdentifierKind, string> = {
  task: 'Task name',
  endpoint: 'Endpoint identifier',
  instance: 'Replication instance identifier',
};

/** Returns null when the identifier is valid, else one line saying what is wrong. */
export function identifierError(value: string, kind: IdentifierKind): string | null {
  const noun = NOUN[kind];
  const max = MAX_LENGTH[kind];
  if (value.length === 0) return `${noun} is required`;
  if (value.length > max)
    return `${noun} must be at most ${max} characters (it has ${value.length})`;
  if (!/^[A-Za-z]/.test(value)) return `${noun} must start with a letter`;
  const bad = value.match(/[^A-Za-z0-9-]/);
  if (bad) return `${noun} may contain only ASCII letters, digits and hyphens (not "${bad[0]}")`;
  if (value.endsWith('-')) return `${noun} must not end with a hyphen`;
  if (value.includes('--')) return `${noun} must not contain two hyphens in a row`;
  return null;
}

/** Turns free text into a valid identifier stem: "Sales.Order Items" → "sales-order-items". */
export function toIdentifier(text: string, kind: IdentifierKind, fallback = 'dms'): string {
  let id = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^[-0-9]+/, '')
    .toLowerCase();
  id = id.slice(0, MAX_LENGTH[kind]).replace(/-+$/, '');
  return id.length > 0 ? id : fallback;
}

/**
 * The first of stem, stem-2, stem-3 … that is not taken. Each candidate ends in its own "-n",
 * so among the first taken+1 one is free: the loop is bounded by the number taken.
 */
export function freeIdentifier(
  stem: string,
  taken: Iterable<string>,
  kind: IdentifierKind,
): string {
  const used = new Set([...taken].map((t) => t.toLowerCase()));
  if (!used.has(stem.toLowerCase())) return stem;
  for (let n = 2; n <= used.size + 2; n++) {
    const suffix = `-${n}`;
    const candidate = `${stem.slice(0, MAX_LENGTH[kind] - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
  return stem; // unreachable: see above
}
