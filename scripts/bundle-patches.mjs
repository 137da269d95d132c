// Start-up patches applied while bundling (esbuild plugins), each to one file of one package,
// each failing the build loudly if the file no longer looks as expected:
//  - yoga-layout: its wasm is embedded as a data: URL that Emscripten loads through fetch(),
//    which sets up undici (≈15 ms before the first frame); the bundle compiles and instantiates
//    the same bytes synchronously instead (Emscripten's documented instantiateWasm hook), and
//    without the top-level await, since the module is ready when loadYoga returns.
//  - @alcalzone/ansi-tokenize (Ink's frame → string): styledCharsToString diffs the styles of
//    every pair of neighbouring cells with three new Sets per cell; cells styled like their
//    left neighbour (most of a frame) need no diff, the output is the same.
import { readFile } from 'node:fs/promises';

const DATA_URL = /H="data:application\/octet-stream;base64,([A-Za-z0-9+/=]+)"/;

function expectMatch(source, pattern, file) {
  if (!pattern.test(source))
    throw new Error(
      `bundle-patches: ${file} changed (no ${pattern}); update scripts/bundle-patches.mjs`,
    );
}

const yogaSync = {
  name: 'yoga-sync-wasm',
  setup(b) {
    b.onLoad(
      { filter: /[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/ },
      async (args) => {
        const source = await readFile(args.path, 'utf8');
        expectMatch(source, DATA_URL, args.path);
        const base64 = DATA_URL.exec(source)[1];
        // The bytes leave the data: URL (kept, empty, for Emscripten's own checks) for an export.
        const contents = `${source.replace(DATA_URL, 'H="data:application/octet-stream;base64,"')}\nexport const yogaWasmBase64 = ${JSON.stringify(base64)};\n`;
        return { contents, loader: 'js' };
      },
    );
    b.onLoad({ filter: /[\\/]yoga-layout[\\/]dist[\\/]src[\\/]index\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      expectMatch(source, /const Yoga = wrapAssembly\(await loadYoga\(\)\);/, args.path);
      const contents = source
        .replace(
          "import loadYoga from '../binaries/yoga-wasm-base64-esm.js';",
          "import loadYoga, { yogaWasmBase64 } from '../binaries/yoga-wasm-base64-esm.js';",
        )
        .replace(
          'const Yoga = wrapAssembly(await loadYoga());',
          // Emscripten fills in the object it is given (its Module); with the wasm received
          // synchronously, it is ready when loadYoga returns: no top-level await, so the same
          // code also bundles as CommonJS (dist/tui.cjs, see build.mjs).
          `const yogaWasm = new WebAssembly.Module(Buffer.from(yogaWasmBase64, 'base64'));
const yogaModule = {
  instantiateWasm(imports, receive) {
    const instance = new WebAssembly.Instance(yogaWasm, imports);
    receive(instance);
    return instance.exports;
  },
};
loadYoga(yogaModule);
if (!yogaModule.Node) throw new Error('yoga-layout did not load synchronously');
const Yoga = wrapAssembly(yogaModule);`,
        );
      expectMatch(contents, /yogaWasmBase64 \}/, args.path);
      return { contents, loader: 'js' };
    });
  },
};

const STYLED_TO_STRING = /export function styledCharsToString\(chars\) \{[\s\S]*?\n\}\n/;

const fastStyledChars = {
  name: 'ansi-tokenize-same-style-cells',
  setup(b) {
    b.onLoad(
      { filter: /[\\/]@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]styledChars\.js$/ },
      async (args) => {
        const source = await readFile(args.path, 'utf8');
        expectMatch(source, STYLED_TO_STRING, args.path);
        const contents = source.replace(
          STYLED_TO_STRING,
          `function sameStyles(a, b) {
    if (a === b) return true;
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++)
        if (a[i].code !== b[i].code || a[i].endCode !== b[i].endCode) return false;
    return true;
}
export function styledCharsToString(chars) {
    let ret = "";
    for (let i = 0; i < chars.length; i++) {
        const char = chars[i];
        if (i === 0) ret += ansiCodesToString(char.styles);
        else if (!sameStyles(chars[i - 1].styles, char.styles))
            ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));
        ret += char.value;
        if (i === chars.length - 1 && char.styles.length > 0)
            ret += ansiCodesToString(diffAnsiCodes(char.styles, []));
    }
    return ret;
}
`,
        );
        return { contents, loader: 'js' };
      },
    );
  },
};

export const bundlePatches = [yogaSync, fastStyledChars];
