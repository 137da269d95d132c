// Which regular expressions the `/` filter may run: the backtracking engine takes exponential
// time on nested repetition (`(a+)+$`), repeated alternation (`(a|aa)*`) and backreferences,
// and polynomial time on repetitions in a row (`a*a*b`: L³ over L characters). unsafeRegexReason reads the
// source once and names the first such construct, so the filter falls back to plain text; what
// it lets through is run over at most REGEX_TEXT_LIMIT characters of each row (listFilter.ts).

/** At most this many open-ended repetitions (`*`, `+`, `{n,}`, `{n,m}` with m - n > 4): with
 *  one, a row of L characters costs at most about L² steps. */
export const MAX_UNBOUNDED = 1;
/** At most this many repetitions of any kind (`?` and `{n}` aside). */
export const MAX_REPEATS = 4;

interface Frame {
  /** A repetition somewhere inside this group. */
  repeats: boolean;
  /** A `|` directly inside this group. */
  alternates: boolean;
}

/** Why this regex source may take more than linear time, or null when it is safe to run. */
export function unsafeRegexReason(source: string): string | null {
  const stack: Frame[] = [{ repeats: false, alternates: false }];
  let unbounded = 0;
  let counted = 0;
  /** The atom just read: a group's frame, or a plain atom (null), or nothing to repeat. */
  let last: Frame | null | undefined;
  let i = 0;
  while (i < source.length) {
    const ch = source[i] as string;
    const top = stack[stack.length - 1] as Frame;
    if (ch === '\\') {
      const next = source[i + 1] ?? '';
      if (/[1-9]/.test(next) || next === 'k') return 'backreferences';
      i += 2;
      last = null;
      continue;
    }
    if (ch === '[') {
      i += 1;
      if (source[i] === '^') i += 1;
      if (source[i] === ']') i += 1;
      while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
      i += 1;
      last = null;
      continue;
    }
    if (ch === '(') {
      if (/^\(\?<?[=!]/.test(source.slice(i, i + 4))) return 'lookaround';
      stack.push({ repeats: false, alternates: false });
      i += 1;
      if (source[i] === '?') {
        // (?:…) or (?<name>…)
        const close = source[i + 1] === '<' ? source.indexOf('>', i) : i + 1;
        i = close < 0 ? source.length : close + 1;
      }
      last = undefined;
      continue;
    }
    if (ch === ')') {
      const frame = stack.length > 1 ? (stack.pop() as Frame) : top;
      const parent = stack[stack.length - 1] as Frame;
      parent.repeats ||= frame.repeats;
      last = frame;
      i += 1;
      continue;
    }
    if (ch === '|') {
      top.alternates = true;
      last = undefined;
      i += 1;
      continue;
    }
    const quantifier = /^(?:[*+?]|\{(\d+)(,(\d*))?\})/.exec(source.slice(i));
    if (quantifier && last !== undefined) {
      const [text, , comma, max] = quantifier;
      // `?`, `{0}`, `{1}`, `{0,1}` match at most once: they cannot repeat what they follow.
      const repeats = !['?', '{0}', '{1}', '{0,1}', '{1,1}'].includes(text);
      const min = Number(quantifier[1]);
      const isUnbounded =
        text === '*' ||
        text === '+' ||
        (comma !== undefined && (max === '' || Number(max) - min > 4));
      if (repeats && last && (last.repeats || last.alternates))
        return last.repeats ? 'nested repetition' : 'repeated alternation';
      if (isUnbounded) unbounded += 1;
      if (unbounded > MAX_UNBOUNDED) return 'more than one open-ended repetition';
      if (repeats) counted += 1;
      if (counted > MAX_REPEATS) return `more than ${MAX_REPEATS} repetitions`;
      top.repeats ||= repeats;
      i += text.length;
      if (source[i] === '?') i += 1; // lazy
      last = undefined;
      continue;
    }
    last = null;
    i += 1;
  }
  return null;
}
