// Reads the import statements of every source file under src/ (static, re-exports, dynamic
// `import('…')` with a literal), with their line numbers, and resolves relative ones to files.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

export interface ImportEdge {
  /** The importing file, relative to the repository root (src/…). */
  file: string;
  line: number;
  specifier: string;
  /** The imported file relative to the repository root, for relative specifiers. */
  target?: string;
  typeOnly: boolean;
}

const IMPORT =
  /(?:^|\n)[ \t]*(import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

export function sourceFiles(root: string, dir = 'src'): string[] {
  const walk = (path: string): string[] =>
    readdirSync(join(root, path)).flatMap((name) => {
      const child = join(path, name);
      if (statSync(join(root, child)).isDirectory()) return walk(child);
      return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [child] : [];
    });
  return walk(dir);
}

export function importsOf(root: string, file: string, known: Set<string>): ImportEdge[] {
  const text = readFileSync(join(root, file), 'utf8');
  const edges: ImportEdge[] = [];
  for (const match of text.matchAll(IMPORT)) {
    const specifier = match[3] ?? match[4];
    if (!specifier) continue;
    const offset = match.index + match[0].search(/\S/);
    const line = text.slice(0, offset).split('\n').length;
    const typeOnly = Boolean(match[2]);
    let target: string | undefined;
    if (specifier.startsWith('.')) {
      const base = relative(root, resolve(root, dirname(file), specifier));
      target = [base.replace(/\.js$/, '.ts'), base.replace(/\.js$/, '.tsx'), base].find((c) =>
        known.has(c),
      );
      target ??= base;
    }
    edges.push({ file, line, specifier, target, typeOnly });
  }
  return edges;
}

/** Every import edge in src/. */
export function importGraph(root: string): ImportEdge[] {
  const files = sourceFiles(root);
  const known = new Set(files);
  return files.flatMap((file) => importsOf(root, file, known));
}

/** The first folder under src/ ("ui", "model", …), or the file name for top-level files. */
export function layerOf(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts.length > 2 ? parts[1]! : parts[1]!.replace(/\.tsx?$/, '');
}

/** Import cycles between files (each reported once, as the list of files around it). */
export function cycles(edges: ImportEdge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const edge of edges) {
    if (!edge.target || edge.typeOnly) continue;
    next.set(edge.file, [...(next.get(edge.file) ?? []), edge.target]);
  }
  const found: string[][] = [];
  const seen = new Set<string>();
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const target of next.get(file) ?? []) {
      if (state.get(target) === 'open') {
        const loop = stack.slice(stack.indexOf(target));
        const key = [...loop].sort().join(' ');
        if (!seen.has(key)) {
          seen.add(key);
          found.push(loop);
        }
      } else if (!state.has(target)) visit(target);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of next.keys()) if (!state.has(file)) visit(file);
  return found;
}
