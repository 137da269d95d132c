// Checks the layering rules (rules.ts) over every import in src/, and that there are no import
// cycles. A violation fails `npm test` naming the file and line.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cycles, type ImportEdge, importGraph } from './imports.js';
import { violations } from './rules.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('the layers of src/', () => {
  const edges = importGraph(root);

  it('reads the imports of every file', () => {
    expect(edges.length).toBeGreaterThan(500);
  });

  it('imports point one way and packages stay in their layer', () => {
    expect(violations(edges)).toEqual([]);
  });

  it('has no import cycles', () => {
    expect(cycles(edges).map((loop) => loop.join(' → '))).toEqual([]);
  });

  it('catches a violation added by mistake, naming the file and line', () => {
    const planted: ImportEdge[] = [
      {
        file: 'src/screens/X.tsx',
        line: 3,
        specifier: '../aws/tasks.js',
        target: 'src/aws/tasks.ts',
        typeOnly: false,
      },
      { file: 'src/model/y.ts', line: 1, specifier: 'node:fs', typeOnly: false },
      { file: 'src/hooks/z.ts', line: 2, specifier: 'pg', typeOnly: false },
    ];
    expect(violations(planted)).toEqual([
      "src/screens/X.tsx:3 imports '../aws/tasks.js': screens may not import aws",
      "src/model/y.ts:1 imports 'node:fs': no node: built-ins in model",
      "src/hooks/z.ts:2 imports 'pg': database drivers only in db",
    ]);
  });
});
