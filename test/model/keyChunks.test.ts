// The key splitter: every key of a chunk comes out as its own unit, in order; pastes stay
// whole and capped; and no byte sequence yields a unit Ink's key parser cannot name (fuzzed).
import { describe, expect, it } from 'vitest';
// Ink's own key parser, as useInput applies it, to check every unit against it.
import parseKeypress from '../../node_modules/ink/build/parse-keypress.js';
import { createKeySplitter, isKnownKeySequence } from '../../src/model/keyChunks.js';

const ESC = '\u001b';

function split(...chunks: string[]): string[] {
  const s = createKeySplitter();
  return [...chunks.flatMap((c) => s.push(c)), ...s.flush()];
}

/** What Ink's useInput does with a unit, up to the line that crashed on ESC[0m. */
function inkInput(unit: string): string {
  const k = parseKeypress(unit) as { ctrl: boolean; name: string; sequence: string };
  const input = k.ctrl ? k.name : k.sequence;
  return input.startsWith(ESC) ? input.slice(1) : input;
}

describe('key splitter', () => {
  it('splits typed runs, controls and key sequences into single keys', () => {
    expect(split('jj')).toEqual(['j', 'j']);
    expect(split('/nc')).toEqual(['/', 'n', 'c']);
    expect(split('127.0.0.1\t\tnc_src')).toEqual([...'127.0.0.1', '\t', '\t', ...'nc_src']);
    expect(split(':prof\r')).toEqual([':', 'p', 'r', 'o', 'f', '\r']);
    expect(split(`${ESC}[Aj${ESC}[1;5Bx${ESC}[3~${ESC}OP${ESC}[Z`)).toEqual([
      `${ESC}[A`,
      'j',
      `${ESC}[1;5B`,
      'x',
      `${ESC}[3~`,
      `${ESC}OP`,
      `${ESC}[Z`,
    ]);
    expect(split(`${ESC}j`, 'é😀')).toEqual([`${ESC}j`, 'é', '😀']);
  });

  it('joins a sequence split across reads; a lone ESC is Escape once flushed', () => {
    const s = createKeySplitter();
    expect(s.push(`j${ESC}`)).toEqual(['j']);
    expect(s.pending()).toBe(true);
    expect(s.push('[B')).toEqual([`${ESC}[B`]);
    expect(s.push(ESC)).toEqual([]);
    expect(s.flush()).toEqual([ESC]);
  });

  it('drops sequences that are no key (SGR, mouse, OSC, C1) and keeps what follows', () => {
    expect(split(`${ESC}[0mq`)).toEqual(['q']);
    expect(split(`${ESC}[31;1mj${ESC}[<0;3;4Mk${ESC}]0;title\u0007l\u009bm`)).toEqual([
      'j',
      'k',
      'l',
      'm',
    ]);
    expect(isKnownKeySequence(`${ESC}[0A`)).toBe(false);
    expect(isKnownKeySequence(`${ESC}[1;5A`)).toBe(true);
  });

  it('keeps a bracketed paste or a long run as one unit, capped, controls removed', () => {
    expect(split(`${ESC}[200~a\tb\nc${ESC}[201~j`)).toEqual(['a b c', 'j']);
    expect(split(`${ESC}[200~ab`, `cd${ESC}[20`, `1~`)).toEqual(['abcd']);
    const s = createKeySplitter({ maxPaste: 1000 });
    const units = s.push('x'.repeat(100_000));
    expect(units).toEqual(['x'.repeat(1000)]);
    expect(s.dropped()).toBe(99_000);
  });

  it('fuzz: random bytes, random splits, broken sequences, never a unit Ink cannot take', () => {
    let seed = 42;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const pieces = [
      ESC,
      '[',
      'O',
      ']',
      '0',
      '1',
      ';',
      '5',
      '~',
      'm',
      'A',
      'Z',
      '\u0007',
      '\r',
      '\t',
      '\u007f',
      '\u009b',
      'j',
      'é',
      '😀',
      '\ud800',
      `${ESC}[200~`,
      `${ESC}[201~`,
      '$',
      '^',
    ];
    const bad: { round: number; unit: string; why: string }[] = [];
    for (let round = 0; round < 3000; round++) {
      const s = createKeySplitter({ maxPaste: 5000 });
      let text = '';
      const len = rnd(60);
      for (let i = 0; i < len; i++)
        text += rnd(3) === 0 ? String.fromCharCode(rnd(256)) : pieces[rnd(pieces.length)];
      if (round % 500 === 0) text += 'y'.repeat(20_000);
      const units: string[] = [];
      let at = 0;
      while (at < text.length) {
        const n = 1 + rnd(8);
        units.push(...s.push(text.slice(at, at + n)));
        at += n;
      }
      units.push(...s.flush());
      // The same four checks on every unit, in plain code: 120,000 units through expect()
      // took most of this test's 18 s. Each unit that fails one is listed, with why.
      for (const unit of units) {
        let why = '';
        if (unit.length === 0) why = 'empty';
        else if (unit.length > 5000) why = `longer than 5000 (${unit.length})`;
        else
          try {
            if (typeof inkInput(unit) !== 'string') why = 'Ink read no string from it';
          } catch (error) {
            why = `Ink threw: ${(error as Error).message}`;
          }
        if (why) bad.push({ round, unit: JSON.stringify(unit.slice(0, 40)), why });
      }
    }
    expect(bad).toEqual([]);
  });
});
