// Splits what the terminal sent into key units, one per key press, whatever the chunking: one
// printable code point, one escape sequence Ink knows as a key (arrows, Home/End, PgUp/PgDn,
// Delete, F-keys, Shift-Tab, with modifiers), one Alt+key, one control byte. A bracketed paste
// (ESC[200~…ESC[201~), or a run of printable characters too long to be typed in one read, stays
// one paste unit, capped at maxPaste characters, control characters removed. Sequences that are
// no key (SGR like ESC[0m, mouse, focus, OSC, C1 controls) are dropped: Ink's key parser must
// only ever see keys it can name. Pure: no node:, no react.

const ESC = '\u001b';
const PASTE_START = `${ESC}[200~`;
const PASTE_END = `${ESC}[201~`;
/** An unfinished CSI longer than this is garbage, not a key still arriving. */
const MAX_CSI = 32;

/** Ink's key table (parse-keypress.js), without ESC and modifiers. */
const KEY_CODES = new Set([
  ...['OP', 'OQ', 'OR', 'OS', 'OA', 'OB', 'OC', 'OD', 'OE', 'OF', 'OH'],
  ...['Oa', 'Ob', 'Oc', 'Od', 'Oe'],
  ...['[11~', '[12~', '[13~', '[14~', '[15~', '[17~', '[18~', '[19~', '[20~', '[21~', '[23~'],
  ...['[24~', '[[A', '[[B', '[[C', '[[D', '[[E', '[[5~', '[[6~'],
  ...['[A', '[B', '[C', '[D', '[E', '[F', '[H', '[Z', '[a', '[b', '[c', '[d', '[e'],
  ...['[1~', '[2~', '[3~', '[4~', '[5~', '[6~', '[7~', '[8~'],
  ...['[2$', '[3$', '[5$', '[6$', '[7$', '[8$', '[2^', '[3^', '[5^', '[6^', '[7^', '[8^'],
]);

export interface KeySplitterOptions {
  /** A run of this many printable characters in one read is a paste, not typing. Default 64. */
  pasteRun?: number;
  /** A paste keeps at most this many characters; the rest is dropped. Default 65536. */
  maxPaste?: number;
}

export interface KeySplitter {
  /** Takes the next chunk; returns the complete key units in it, in order. */
  push(text: string): string[];
  /** True while an escape sequence or a paste is unfinished (flush() after a short wait). */
  pending(): boolean;
  /** Gives up waiting: an unfinished escape is the Escape key, an unfinished paste is a paste. */
  flush(): string[];
  /** Characters dropped from pastes over maxPaste so far. */
  dropped(): number;
}

/** The key code an escape sequence names, as Ink computes it, if it is one Ink knows safely. */
export function isKnownKeySequence(seq: string): boolean {
  const m = /^\u001b(O|\[\[?)([0-9;]*)([\x40-\x7e^$])$/.exec(seq);
  if (!m) return false;
  const [, intro = '', params = '', final = ''] = m;
  if (intro === 'O') return params === '' && KEY_CODES.has(`O${final}`);
  if ('~^$'.includes(final)) {
    const p = /^(\d+)(?:;(\d+))?$/.exec(params);
    if (!p) return false;
    return validModifier(p[2]) && KEY_CODES.has(`${intro}${Number(p[1])}${final}`);
  }
  const p = /^(?:1;)?(\d+)?$/.exec(params);
  if (!p || !validModifier(p[1])) return false;
  return KEY_CODES.has(`${intro}${final}`);
}

function validModifier(text: string | undefined): boolean {
  if (text === undefined) return true;
  const n = Number(text);
  return Number.isInteger(n) && n >= 1 && n <= 16 && String(n) === text;
}

function isControl(code: number): boolean {
  return code < 0x20 || code === 0x7f || (code >= 0x80 && code <= 0x9f);
}

/** Paste text without control characters (tabs and newlines become spaces). */
export function cleanPaste(text: string): string {
  return text.replace(/[\t\r\n]/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
}

export function createKeySplitter(options: KeySplitterOptions = {}): KeySplitter {
  const pasteRun = options.pasteRun ?? 64;
  const maxPaste = options.maxPaste ?? 65536;
  let pending = '';
  let paste: string[] | null = null;
  let pasteLength = 0;
  let droppedChars = 0;

  const addToPaste = (text: string) => {
    const room = maxPaste - pasteLength;
    const kept = text.length > room ? text.slice(0, Math.max(0, room)) : text;
    droppedChars += text.length - kept.length;
    if (kept) {
      paste?.push(kept);
      pasteLength += kept.length;
    }
  };
  const endPaste = (out: string[]) => {
    const text = cleanPaste((paste ?? []).join(''));
    paste = null;
    pasteLength = 0;
    if (text) out.push(text);
  };

  const parse = (buf: string, out: string[]): string => {
    let i = 0;
    while (i < buf.length) {
      if (paste) {
        const end = buf.indexOf(PASTE_END, i);
        if (end === -1) {
          // Keep a possible start of the end marker for the next chunk.
          let partial = Math.min(PASTE_END.length - 1, buf.length - i);
          while (partial > 0 && !PASTE_END.startsWith(buf.slice(buf.length - partial))) partial--;
          addToPaste(buf.slice(i, buf.length - partial));
          return buf.slice(buf.length - partial);
        }
        addToPaste(buf.slice(i, end));
        endPaste(out);
        i = end + PASTE_END.length;
        continue;
      }
      const code = buf.codePointAt(i) as number;
      if (code === 0x1b) {
        const next = buf[i + 1];
        if (next === undefined) return buf.slice(i);
        if (next === '[' || next === 'O') {
          const seq = readSequence(buf, i);
          if (seq === 'pending') return buf.slice(i);
          if (seq.text === PASTE_START) {
            paste = [];
            pasteLength = 0;
          } else if (isKnownKeySequence(seq.text)) out.push(seq.text);
          i = seq.end;
          continue;
        }
        if (next === ']' || next === 'P' || next === '_' || next === '^') {
          // OSC / DCS / APC / PM: a string up to BEL or ESC \ — never a key; drop it whole.
          const end = stringEnd(buf, i + 2);
          if (end === -1) return buf.length - i > 4096 ? '' : buf.slice(i);
          i = end;
          continue;
        }
        const nextCode = buf.codePointAt(i + 1) as number;
        if (next === '\r' || next === '\u007f' || next === '\b') {
          out.push(buf.slice(i, i + 2));
          i += 2;
        } else if (!isControl(nextCode)) {
          const width = nextCode > 0xffff ? 2 : 1;
          out.push(buf.slice(i, i + 1 + width));
          i += 1 + width;
        } else {
          out.push(ESC);
          i += 1;
        }
        continue;
      }
      if (isControl(code)) {
        if (code < 0x80) out.push(buf.charAt(i));
        i += 1;
        continue;
      }
      // A run of printable code points.
      let end = i;
      let count = 0;
      while (end < buf.length) {
        const c = buf.codePointAt(end) as number;
        if (isControl(c)) break;
        end += c > 0xffff ? 2 : 1;
        count++;
      }
      const run = buf.slice(i, end);
      if (count >= pasteRun) {
        paste = [];
        pasteLength = 0;
        addToPaste(run);
        endPaste(out);
      } else {
        for (const ch of run) out.push(ch);
      }
      i = end;
    }
    return '';
  };

  return {
    push(text) {
      const out: string[] = [];
      pending = parse(pending + text, out);
      return out;
    },
    pending: () => pending !== '' || paste !== null,
    flush() {
      const out: string[] = [];
      if (paste) endPaste(out);
      if (pending) {
        // A lone ESC is the Escape key; an unfinished sequence is dropped.
        if (pending === ESC) out.push(ESC);
        else if (pending.length === 2 && !isControl(pending.codePointAt(1) as number))
          out.push(pending);
        pending = '';
      }
      return out;
    },
    dropped: () => droppedChars,
  };
}

/** A CSI (ESC [ …) or SS3 (ESC O x) sequence at `start`: its text and end, or 'pending'. */
function readSequence(buf: string, start: number): { text: string; end: number } | 'pending' {
  if (buf[start + 1] === 'O') {
    if (start + 2 >= buf.length) return 'pending';
    const c = buf.charCodeAt(start + 2);
    // ESC O then a non-final byte: Alt+O, and the byte is read on its own.
    if (c < 0x40 || c > 0x7e) return { text: `${ESC}O`, end: start + 2 };
    return { text: buf.slice(start, start + 3), end: start + 3 };
  }
  let i = start + 2;
  if (buf[i] === '[') i++; // legacy ESC [ [ A
  for (; i < buf.length; i++) {
    if (i - start > MAX_CSI) return { text: '', end: i };
    const c = buf.charCodeAt(i);
    if (c >= 0x30 && c <= 0x3f) continue;
    // rxvt ends some keys with $ or ^ (ESC [ 2 $): a final byte here.
    if ((c === 0x24 || c === 0x5e) && /^\d+$/.test(buf.slice(start + 2, i))) {
      return { text: buf.slice(start, i + 1), end: i + 1 };
    }
    if (c >= 0x20 && c <= 0x2f) continue;
    if (c >= 0x40 && c <= 0x7e) return { text: buf.slice(start, i + 1), end: i + 1 };
    // Not a CSI byte: drop what came so far, read this byte on its own.
    return { text: '', end: i };
  }
  return 'pending';
}

/** Where an OSC/DCS string that starts at `from` ends (after BEL or ESC \), or -1. */
function stringEnd(buf: string, from: number): number {
  for (let i = from; i < buf.length; i++) {
    if (buf[i] === '\u0007') return i + 1;
    if (buf[i] === ESC && buf[i + 1] === '\\') return i + 2;
    if (buf[i] === ESC && i + 1 >= buf.length) return -1;
  }
  return -1;
}
