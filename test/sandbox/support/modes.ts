// The permission bits of everything under a directory, for the file-mode tests.
import { lstatSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/** "dir 700" / "file 600" counts, and the paths that are neither 0700 directories nor 0600 files. */
export function openEntries(root: string): { dirs: number; files: number; open: string[] } {
  const result = { dirs: 0, files: 0, open: [] as string[] };
  const walk = (path: string) => {
    const stat = lstatSync(path);
    const mode = stat.mode & 0o7777;
    if (stat.isDirectory()) {
      result.dirs++;
      if (mode !== 0o700) result.open.push(`${relative(root, path) || '.'} ${mode.toString(8)}`);
      for (const name of readdirSync(path)) walk(join(path, name));
    } else if (stat.isFile()) {
      result.files++;
      if (mode !== 0o600) result.open.push(`${relative(root, path)} ${mode.toString(8)}`);
    }
  };
  walk(root);
  return result;
}
