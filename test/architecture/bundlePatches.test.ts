// The start-up patches the build applies to two packages (scripts/bundle-patches.mjs) keep their
// behaviour: ansi-tokenize's styledCharsToString gives the same string as the original for any
// run of styled cells, and yoga (loaded without fetch) lays out as before.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { styledCharsFromTokens, styledCharsToString, tokenize } from '@alcalzone/ansi-tokenize';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script without types
import { bundlePatches } from '../../scripts/bundle-patches.mjs';

const dir = mkdtempSync(join(tmpdir(), 'dmst-patches-'));
type Patched = {
  styledCharsToString: typeof styledCharsToString;
  layoutWidth: (width: number) => number;
};
let patched: Patched;

beforeAll(async () => {
  await build({
    stdin: {
      contents: `export { styledCharsToString } from '@alcalzone/ansi-tokenize';
        import Yoga from 'yoga-layout';
        export function layoutWidth(width) {
          const root = Yoga.Node.create();
          const child = Yoga.Node.create();
          child.setWidth(width);
          root.insertChild(child, 0);
          root.calculateLayout(500, 10, Yoga.DIRECTION_LTR);
          const w = child.getComputedWidth();
          root.freeRecursive();
          return w;
        }`,
      resolveDir: process.cwd(),
    },
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile: join(dir, 'patched.mjs'),
    plugins: bundlePatches,
    logLevel: 'silent',
  });
  patched = await import(pathToFileURL(join(dir, 'patched.mjs')).href);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SGR = [
  '\u001b[1m',
  '\u001b[22m',
  '\u001b[31m',
  '\u001b[39m',
  '\u001b[44m',
  '\u001b[49m',
  '\u001b[2m',
  '\u001b[0m',
  '\u001b[4m',
  '\u001b[24m',
  '\u001b[38;5;200m',
  '\u001b[7m',
];

/** A pseudo-random line of text and colour codes (deterministic, seeded). */
function randomLine(seed: number): string {
  let x = seed;
  const next = () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x;
  };
  let line = '';
  for (let i = 0; i < 80; i++)
    line += next() % 4 === 0 ? SGR[next() % SGR.length] : 'ab 字é'[next() % 5];
  return line;
}

describe('bundle patches', () => {
  it('styledCharsToString gives the original output for 500 random styled lines', () => {
    for (let seed = 1; seed <= 500; seed++) {
      const chars = styledCharsFromTokens(tokenize(randomLine(seed)));
      expect(patched.styledCharsToString(chars)).toBe(styledCharsToString(chars));
    }
  });

  it('yoga, instantiated without fetch, lays out a node', () => {
    expect(patched.layoutWidth(37)).toBe(37);
  });
});
