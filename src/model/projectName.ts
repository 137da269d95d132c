// Project names: what a name may be, and a free name for an import whose name is taken, found in
// a bounded number of tries whatever the name's length. Pure.

export const PROJECT_NAME_MAX = 64;

export function projectNameError(name: string, taken: Iterable<string> = []): string | null {
  const trimmed = name.trim();
  if (trimmed === '') return 'Project name is required';
  if (trimmed.length > PROJECT_NAME_MAX)
    return `Project name must be at most ${PROJECT_NAME_MAX} characters`;
  if (/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069/\\]/.test(trimmed))
    return 'Project name cannot contain slashes or control characters';
  for (const t of taken)
    if (t.toLowerCase() === trimmed.toLowerCase()) return `A project named "${t}" already exists`;
  return null;
}

/**
 * `name` if it is free, else the first free "name (2)", "name (3)" …, the name shortened so that
 * each fits in 64 characters. Each candidate ends in its own " (n)", so among the first
 * taken+1 candidates one is free: the loop is bounded by the number of projects.
 */
export function freeProjectName(name: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((t) => t.toLowerCase()));
  const base = name.trim();
  if (!used.has(base.toLowerCase())) return base;
  for (let n = 2; n <= used.size + 2; n++) {
    const suffix = ` (${n})`;
    const candidate = `${base.slice(0, PROJECT_NAME_MAX - suffix.length).trimEnd()}${suffix}`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
  throw new Error(`No free name for project "${base}"`); // unreachable: see above
}
