// Bundles src/cli.tsx into dist/ with esbuild. Code paths the app reaches through a dynamic
// import (the sandbox, the subcommands, the AWS layer's SDK loaders) become chunks of their own,
// so a plain start reads only what the first screen needs. Heavy or native packages (the AWS
// SDK, database drivers, PGlite, node-pty) stay external and are loaded from node_modules.
// conf's ajv and semver imports, which the app never uses, get stand-ins (conf-stubs.mjs); two
// start-up patches to yoga-layout and ansi-tokenize are described in bundle-patches.mjs.
import { readFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { bundlePatches } from './bundle-patches.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Only conf's own imports of these are replaced: another package that needs them gets them. */
const CONF_STUBS = {
  'ajv/dist/2020.js': 'export { Ajv2020 } from "./conf-stubs.mjs";',
  'ajv-formats': 'export { ajvFormats as default } from "./conf-stubs.mjs";',
  semver: 'export { semver as default } from "./conf-stubs.mjs";',
};
const confStubs = {
  name: 'conf-stubs',
  setup(b) {
    b.onResolve({ filter: /^(ajv\/dist\/2020\.js|ajv-formats|semver)$/ }, (args) =>
      /[\\/]node_modules[\\/]conf[\\/]/.test(args.importer)
        ? { path: args.path, namespace: 'conf-stub' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'conf-stub' }, (args) => ({
      contents: CONF_STUBS[args.path],
      resolveDir: fileURLToPath(new URL('.', import.meta.url)),
    }));
  },
};

/** React and its JSX runtime are CommonJS: esbuild wraps them in a fresh ES namespace (a getter
 *  per export, ≈50 for React) at every file that imports them, 150 times before the first frame
 *  (≈12 ms). Each is imported through one generated ES module instead, wrapped once. */
const REACT_ONCE = /^react(\/jsx-runtime)?$/;
const requireFromRoot = createRequire(new URL('../package.json', import.meta.url));
const reactOnce = {
  name: 'react-once',
  setup(b) {
    b.onResolve({ filter: REACT_ONCE }, (args) =>
      args.kind === 'import-statement' && args.namespace === 'file'
        ? { path: args.path, namespace: 'react-once' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'react-once' }, (args) => {
      const real = requireFromRoot.resolve(args.path);
      const names = Object.keys(requireFromRoot(args.path)).filter((n) =>
        /^[A-Za-z_$][\w$]*$/.test(n),
      );
      return {
        contents: `import m from ${JSON.stringify(real)};\nexport default m;\nexport const { ${names.join(', ')} } = m;\n`,
        resolveDir: root,
      };
    });
  },
};

/** Node built-ins that a package imports at its top but calls only on a path the first frame
 *  never takes (conf: crypto for encryptionKey, assert when its file changed under it;
 *  terminal-size: child_process when stdout has no size): loading each costs a few ms before
 *  the first frame, so that package gets a stand-in that loads the real one at its first use. */
const LAZY_BUILTINS = [
  { importer: /[\\/]node_modules[\\/]conf[\\/]/, builtin: 'node:crypto', named: [] },
  { importer: /[\\/]node_modules[\\/]conf[\\/]/, builtin: 'node:assert', named: [] },
  {
    importer: /[\\/]node_modules[\\/]terminal-size[\\/]/,
    builtin: 'node:child_process',
    named: ['execFileSync'],
  },
];
const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(b) {
    b.onResolve({ filter: /^node:(crypto|assert|child_process)$/ }, (args) => {
      const lazy = LAZY_BUILTINS.find(
        (l) => l.builtin === args.path && l.importer.test(args.importer),
      );
      return lazy ? { path: args.path, namespace: 'lazy-builtin' } : undefined;
    });
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => {
      const named = LAZY_BUILTINS.find((l) => l.builtin === args.path)?.named ?? [];
      const load = `createRequire(import.meta.url)(${JSON.stringify(args.path)})`;
      return {
        contents: [
          "import { createRequire } from 'node:module';",
          `const load = () => ${load};`,
          'export default new Proxy({}, { get: (_, key) => load()[key] });',
          ...named.map((n) => `export const ${n} = (...a) => load().${n}(...a);`),
        ].join('\n'),
      };
    });
  },
};

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });

const shared = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  alias: { 'react-devtools-core': './scripts/devtools-stub.mjs' },
  plugins: [confStubs, reactOnce, lazyBuiltins, ...bundlePatches],
  external: [
    '@aws-sdk/*',
    '@smithy/*',
    '@electric-sql/*',
    'pg',
    'pg-*',
    'mysql2',
    'mysql2/*',
    'node-pty',
  ],
  define: { 'process.env.NODE_ENV': '"production"' },
};

await build({
  ...shared,
  entryPoints: { cli: 'src/cli.tsx' },
  outdir: 'dist',
  chunkNames: 'chunks/[name]-[hash]',
  splitting: true,
  format: 'esm',
  banner: {
    js: "import { createRequire as __dmsCreateRequire } from 'node:module'; const require = __dmsCreateRequire(import.meta.url);",
  },
});

/** Ink's reconciler awaits its devtools at the top when DEV=true: CommonJS cannot. cli.tsx loads
 *  the ES build when DEV=true, so the CommonJS one leaves the devtools out. */
const inkWithoutDevtools = {
  name: 'ink-without-devtools',
  setup(b) {
    b.onLoad({ filter: /[\\/]ink[\\/]build[\\/]reconciler\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const contents = source
        .replace(
          "if (isDev()) {\n    try {\n        await import('./devtools.js');",
          'if (false) {\n    try {',
        )
        .replace('isDev()\n    ? await loadPackageJson()', 'false\n    ? undefined');
      if (
        contents.includes("await import('./devtools") ||
        contents.includes('await loadPackageJson')
      )
        throw new Error(`${args.path} changed: update inkWithoutDevtools in scripts/build.mjs`);
      return { contents, loader: 'js' };
    });
  },
};

/** A vm.Script has no loader for import(): in the CommonJS build, import() of a built-in or of
 *  an external CommonJS package (node:net, pg, mysql2, the SDK's) becomes require(). */
const dynamicImportAsRequire = {
  name: 'dynamic-import-as-require',
  setup(b) {
    b.onResolve({ filter: /^(node:|pg$|mysql2|@aws-sdk\/|@smithy\/)/ }, (args) =>
      args.kind === 'dynamic-import'
        ? { path: args.path, namespace: 'dynamic-require' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'dynamic-require' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(args.path)});`,
      loader: 'js',
    }));
  },
};

// The full-screen app once more, as one CommonJS file: cli.js runs it through V8's code cache
// (vm.Script cachedData; Node 20 has no code cache for ES modules), so a start after the first
// skips compiling most of its 1.4 MB. import.meta.url is the file's own URL there too.
await build({
  ...shared,
  entryPoints: { tui: 'src/shell/tui.ts' },
  outfile: 'dist/tui.cjs',
  format: 'cjs',
  plugins: [inkWithoutDevtools, dynamicImportAsRequire, ...shared.plugins],
  define: { ...shared.define, 'import.meta.url': '__dmsTuiUrl' },
  // Already wrapped as Node wraps a CommonJS file: cli.js compiles it as it is read (no second
  // 1.4 MB copy of the text to add the wrapper).
  banner: {
    js: "(function (exports, require, module, __filename, __dirname) { 'use strict'; const __dmsTuiUrl = require('node:url').pathToFileURL(__filename).href;",
  },
  footer: { js: '})' },
});
if (/[^\w$.]import\(/.test(readFileSync(new URL('../dist/tui.cjs', import.meta.url), 'utf8')))
  throw new Error(
    'dist/tui.cjs still has an import(), which a vm.Script cannot run: see build.mjs',
  );
