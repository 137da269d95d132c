// The `/` filter of every list: plain text matches as a case-insensitive substring; text that
// looks like a regular expression (/…/ or containing regex syntax that compiles) matches as one;
// a leading `!` inverts. An invalid regex is reported, and falls back to substring matching.
// The filter never freezes the app, whatever is typed and however long the rows: the filter is
// at most FILTER_LIMIT characters, a regex that could backtrack without bound (regexSafety.ts)
// falls back to text with a notice, and a regex reads at most REGEX_TEXT_LIMIT characters of a
// row (substring matching, linear, reads it all).
import { unsafeRegexReason } from './regexSafety.js';

export const FILTER_LIMIT = 200;
export const REGEX_TEXT_LIMIT = 256;

export interface CompiledFilter {
  /** True when the filter is empty: everything matches. */
  empty: boolean;
  inverted: boolean;
  /** One line for the status bar when the regex could not be compiled. */
  error?: string;
  test(text: string): boolean;
}

const REGEX_HINT = /[\\^$.*+?()[\]{}|]/;

export function compileFilter(raw: string): CompiledFilter {
  let text = raw.slice(0, FILTER_LIMIT);
  const inverted = text.startsWith('!');
  if (inverted) text = text.slice(1);
  if (text.length === 0) return { empty: true, inverted: false, test: () => true };

  let matcher: (s: string) => boolean;
  let error: string | undefined;
  const slashed = text.length > 1 && text.startsWith('/') && text.endsWith('/');
  const source = slashed ? text.slice(1, -1) : text;
  const unsafe = slashed || REGEX_HINT.test(text) ? unsafeRegexReason(source) : null;
  if (unsafe) {
    error = `Regex not used (${unsafe} can freeze the app); matching as text`;
    const needle = source.toLowerCase();
    matcher = (s) => s.toLowerCase().includes(needle);
  } else if (slashed || REGEX_HINT.test(text)) {
    try {
      const regex = new RegExp(source, 'i');
      matcher = (s) => regex.test(s.length > REGEX_TEXT_LIMIT ? s.slice(0, REGEX_TEXT_LIMIT) : s);
    } catch (e) {
      error = `Not a valid regular expression (${(e as Error).message.replace(/^Invalid regular expression: /, '')}); matching as text`;
      const needle = source.toLowerCase();
      matcher = (s) => s.toLowerCase().includes(needle);
    }
  } else {
    const needle = text.toLowerCase();
    matcher = (s) => s.toLowerCase().includes(needle);
  }
  return {
    empty: false,
    inverted,
    error,
    test: (s) => matcher(s) !== inverted,
  };
}

/** Keeps the items whose searchable text passes the filter. */
export function applyFilter<T>(
  items: readonly T[],
  filter: CompiledFilter,
  text: (item: T) => string,
): T[] {
  if (filter.empty) return [...items];
  return items.filter((item) => filter.test(text(item)));
}
