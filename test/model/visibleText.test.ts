// visible(): every character a terminal acts on is shown as an escape, text is cut to a
// display maximum reading no more of the input than it shows, and terminalSafeJson keeps JSON
// valid and equal in meaning.
import { describe, expect, it } from 'vitest';
import { DISPLAY_MAX, hasUnsafe, terminalSafeJson, visible } from '../../src/model/visibleText.js';
import { RAW_CONTROL } from '../support/controls.js';

describe('visible', () => {
  it.each([
    ['plain text', 'sales.customers', 'sales.customers'],
    ['an OSC title sequence', 'h\u001b]0;pwned\u0007', 'h\\x1b]0;pwned\\x07'],
    ['a CSI colour', '\u001b[5;31mred', '\\x1b[5;31mred'],
    ['TAB, CR and LF in one line', 'a\tb\r\nc', 'a\\tb\\r\\nc'],
    ['NUL and DEL', 'a\u0000b\u007f', 'a\\x00b\\x7f'],
    ['C1 controls (CSI, NEL)', '\u009b31m\u0085', '\\x9b31m\\x85'],
    ['bidi override and isolates', 'a\u202etxt.exe\u2066\u2069', 'a\\u202etxt.exe\\u2066\\u2069'],
    ['bidi marks', '\u200e\u200f\u061c', '\\u200e\\u200f\\u061c'],
    ['line separators', '\u2028\u2029', '\\u2028\\u2029'],
    ['a lone surrogate', 'x\ud800y', 'x\\ud800y'],
    ['emoji and accents stay', 'café 😀 日本', 'café 😀 日本'],
  ])('%s', (_what, input, shown) => {
    expect(visible(input)).toBe(shown);
    expect(visible(input)).not.toMatch(RAW_CONTROL);
    expect(hasUnsafe(input)).toBe(input !== shown);
  });

  it('keeps line feeds only when asked', () => {
    expect(visible('a\nb\u001b', { lines: true })).toBe('a\nb\\x1b');
  });

  it('cuts to the maximum with an ellipsis, never inside an escape or a surrogate pair', () => {
    expect(visible('abcdefghij', { maxLength: 5 })).toBe('abcd…');
    expect(visible('abc\u001bdef', { maxLength: 6 })).toBe('abc…');
    expect(visible('abc\u001bdef', { maxLength: 8 })).toBe('abc\\x1b…');
    expect(visible('😀😀😀', { maxLength: 4 })).toBe('😀…');
    expect(visible('x'.repeat(DISPLAY_MAX + 1))).toHaveLength(DISPLAY_MAX);
  });

  it('reads no more of a 1 MB field than it can show', () => {
    const huge = `${'\u001b'.repeat(10)}${'s'.repeat(1_000_000)}`;
    // A string whose reads are counted: visible may only take a bounded slice of it.
    let read = 0;
    const counted = new Proxy(new String(huge), {
      get(target, key) {
        if (key === 'slice')
          return (a: number, b: number) => {
            const part = huge.slice(a, b);
            read += part.length;
            return part;
          };
        if (key === 'length') return huge.length;
        const value = Reflect.get(target, key);
        return typeof value === 'function' ? value.bind(huge) : value;
      },
    }) as unknown as string;
    const shown = visible(counted, { maxLength: 200 });
    expect(shown.length).toBeLessThanOrEqual(200);
    expect(shown.startsWith('\\x1b'.repeat(10))).toBe(true);
    expect(read).toBeLessThanOrEqual(200);
  });
});

describe('terminalSafeJson', () => {
  it('escapes DEL, C1 and bidi controls as \\uXXXX and stays the same JSON value', () => {
    const value = { name: 'a\u202eb\u009bc\u007f\u2028', esc: '\u001b]0;x\u0007' };
    const json = terminalSafeJson(JSON.stringify(value, null, 2));
    expect(json).not.toMatch(RAW_CONTROL);
    expect(json).toContain('\\u202e');
    expect(JSON.parse(json)).toEqual(value);
  });
});
