// DMS name wildcards (DMS-API-NOTES.md §4) matched without regular expressions: `%` any run of
// characters, `_` exactly one, `[_]` a literal underscore, everything else literal and
// case-sensitive. The matcher is the two-pointer glob algorithm that remembers only the last
// `%` and backtracks to it, so its work is at most (pattern tokens + 1) × (name length + 1)
// steps: no pattern can make it exponential, as a backtracking RegExp could. Pure.

/** The longest schema, table or column pattern DMS-like checks accept (identifiers are ≤ 255). */
export const MAX_PATTERN_LENGTH = 255;

type Token = { kind: 'any' } | { kind: 'one' } | { kind: 'char'; ch: string };

export interface CompiledWildcard {
  readonly pattern: string;
  readonly tokens: readonly Token[];
}

/** Counts the matcher's steps, so tests can assert the work stays bounded without timing it. */
export interface MatchCounter {
  steps: number;
}

/** Splits a pattern into tokens; consecutive `%` collapse into one (they match the same). */
export function compileWildcard(pattern: string): CompiledWildcard {
  const chars = Array.from(pattern);
  const tokens: Token[] = [];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    if (ch === '[' && chars[i + 1] === '_' && chars[i + 2] === ']') {
      tokens.push({ kind: 'char', ch: '_' });
      i += 2;
    } else if (ch === '%') {
      if (tokens.at(-1)?.kind !== 'any') tokens.push({ kind: 'any' });
    } else if (ch === '_') tokens.push({ kind: 'one' });
    else tokens.push({ kind: 'char', ch });
  }
  return { pattern, tokens };
}

/** True when `name` as a whole matches the compiled pattern. Characters are code points. */
export function matchCompiled(
  compiled: CompiledWildcard,
  name: string,
  counter?: MatchCounter,
): boolean {
  const { tokens } = compiled;
  const text = Array.from(name);
  let t = 0; // next token
  let n = 0; // next character of the name
  let star = -1; // token index just after the last `%` seen
  let resume = 0; // where the name resumes when backtracking to that `%`
  let steps = 0;
  while (n < text.length) {
    steps++;
    const token = tokens[t];
    if (token && token.kind === 'any') {
      star = ++t;
      resume = n;
    } else if (token && (token.kind === 'one' || token.ch === text[n])) {
      t++;
      n++;
    } else if (star >= 0) {
      // The last `%` swallows one more character; everything after it is tried again.
      t = star;
      n = ++resume;
    } else {
      if (counter) counter.steps += steps;
      return false;
    }
  }
  while (tokens[t]?.kind === 'any') {
    steps++;
    t++;
  }
  if (counter) counter.steps += steps;
  return t === tokens.length;
}

/** True when `name` as a whole matches the DMS wildcard `pattern`. */
export function matchesWildcard(pattern: string, name: string, counter?: MatchCounter): boolean {
  return matchCompiled(compileWildcard(pattern), name, counter);
}

/** A problem with a pattern's length, or null ("Schema pattern is longer than 255 characters"). */
export function patternLengthError(pattern: string, what: string): string | null {
  const length = Array.from(pattern).length;
  return length > MAX_PATTERN_LENGTH
    ? `${what} pattern is ${length} characters long; the most DMS accepts is ${MAX_PATTERN_LENGTH}`
    : null;
}
