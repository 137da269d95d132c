// Text from outside (files, DMS and CloudWatch Logs answers, database catalogs and data, driver
// errors) made safe to put on a terminal: every character a terminal would act on instead of
// print is shown as a visible escape, and the text is cut to a display maximum first, so the
// work per frame does not grow with what an API returned.
//
// Escaped: C0 controls (TAB, CR and LF too: a field is one line), DEL, C1 controls
// (U+0080–U+009F), bidirectional marks, embeddings, overrides and isolates (U+061C,
// U+200E/U+200F, U+202A–U+202E, U+2066–U+2069), the line and paragraph separators
// (U+2028/U+2029) and lone surrogates. The form: `\t`, `\n`, `\r`, `\xHH` up to U+00FF,
// `\uHHHH` above.

/** Characters a terminal acts on (or that reorder what follows) instead of printing. */
const UNSAFE =
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const UNSAFE_TEST = new RegExp(UNSAFE.source);

/** What is drawn of one text at most, unless the caller asks for another bound. */
export const DISPLAY_MAX = 1000;

const NAMED: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** The visible escape of one unsafe character. */
export function escapeChar(ch: string): string {
  const named = NAMED[ch];
  if (named) return named;
  const code = ch.charCodeAt(0);
  return code <= 0xff
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`;
}

export interface VisibleOptions {
  /** Characters drawn at most, the ellipsis included (default DISPLAY_MAX; Infinity: no cut). */
  maxLength?: number;
  /** Keep line feeds (text the caller lays out as several lines); everything else is escaped. */
  lines?: boolean;
}

/**
 * The text as it may be drawn: unsafe characters as visible escapes, cut to `maxLength`
 * characters with "…". Only the first `maxLength` characters of the input are ever read, so a
 * 1 MB field costs what a short one does.
 */
export function visible(text: string, options: VisibleOptions = {}): string {
  const max = Math.max(1, options.maxLength ?? DISPLAY_MAX);
  const long = text.length > max;
  if (!long && !UNSAFE_TEST.test(text)) return text;
  // Read no more than can be shown (each character shows as at least one); a surrogate pair
  // cut in two by the slice is not a lone surrogate in the data.
  let head = long ? text.slice(0, max) : text;
  if (long && /[\ud800-\udbff]$/.test(head)) head = head.slice(0, -1);
  const pieces: { text: string; escape: boolean }[] = [];
  let last = 0;
  for (const m of head.matchAll(UNSAFE)) {
    if (m.index > last) pieces.push({ text: head.slice(last, m.index), escape: false });
    const keep = options.lines === true && m[0] === '\n';
    pieces.push({ text: keep ? '\n' : escapeChar(m[0]), escape: !keep });
    last = m.index + m[0].length;
  }
  if (last < head.length) pieces.push({ text: head.slice(last), escape: false });
  const whole = pieces.map((p) => p.text).join('');
  if (!long && whole.length <= max) return whole;
  // Cut to max - 1 and add "…", never in the middle of an escape or a surrogate pair.
  let out = '';
  for (const piece of pieces) {
    const room = max - 1 - out.length;
    if (piece.text.length <= room) {
      out += piece.text;
      continue;
    }
    if (!piece.escape) {
      let part = piece.text.slice(0, room);
      if (/[\ud800-\udbff]$/.test(part)) part = part.slice(0, -1);
      out += part;
    }
    break;
  }
  return `${out}…`;
}

/** True when the text holds a character `visible` would escape. */
export function hasUnsafe(text: string): boolean {
  return UNSAFE_TEST.test(text);
}

/**
 * JSON text with the characters JSON.stringify leaves raw but a terminal acts on (DEL, C1,
 * bidirectional controls, U+2028/U+2029) written as \uXXXX escapes: still valid JSON meaning
 * the same value. (Outside strings, JSON text holds none of them.)
 */
export function terminalSafeJson(json: string): string {
  return json.replace(UNSAFE, (ch) =>
    ch === '\n' ? ch : `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
