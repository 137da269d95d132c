// Bundles src/cli.tsx into dist/cli.js with esbuild. Heavy or native packages (the AWS SDK,
// database drivers, PGlite, node-pty) stay external: they are loaded lazily from node_modules.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

await build({
  absWorkingDir: root,
  entryPoints: ['src/cli.tsx'],
  outfile: 'dist/cli.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  alias: { 'react-devtools-core': './scripts/devtools-stub.mjs' },
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
  banner: {
    js: "import { createRequire as __dmsCreateRequire } from 'node:module'; const require = __dmsCreateRequire(import.meta.url);",
  },
});
