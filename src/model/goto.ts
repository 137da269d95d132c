// The `:` prompt: resolving what the user typed to a screen name, with completion.

export interface GotoTarget {
  name: string;
  aliases?: readonly string[];
  description: string;
}

/** Names that start with the typed text (aliases count), best first. */
export function gotoMatches(typed: string, targets: readonly GotoTarget[]): GotoTarget[] {
  const t = typed.trim().replace(/^:/, '').toLowerCase();
  return targets.filter((target) =>
    [target.name, ...(target.aliases ?? [])].some((n) => n.startsWith(t)),
  );
}

/** Tab completion: the longest common prefix of the matching names (or the text unchanged). */
export function completeGoto(typed: string, targets: readonly GotoTarget[]): string {
  const matches = gotoMatches(typed, targets).map((m) => m.name);
  if (matches.length === 0) return typed;
  let prefix = matches[0]!;
  for (const name of matches.slice(1)) {
    while (!name.startsWith(prefix)) prefix = prefix.slice(0, -1);
  }
  return prefix.length >= typed.trim().length ? prefix : typed;
}

/** The target an Enter goes to: an exact name or alias, else the only match; null if none or ambiguous. */
export function resolveGoto(typed: string, targets: readonly GotoTarget[]): GotoTarget | null {
  const t = typed.trim().replace(/^:/, '').toLowerCase();
  const exact = targets.find((target) => target.name === t || target.aliases?.includes(t));
  if (exact) return exact;
  const matches = gotoMatches(t, targets);
  return matches.length === 1 ? matches[0]! : null;
}
