// Where Save JSON writes, and the writing itself.
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

export function defaultSavePath(taskName: string): string {
  return `${taskName || 'task'}.json`;
}

export function resolveSavePath(text: string, cwd = process.cwd()): string {
  const trimmed = text.trim().replace(/^~(?=\/)/, process.env.HOME ?? '~');
  return resolve(cwd, trimmed);
}

export function fileExists(path: string): boolean {
  return existsSync(path);
}

/** Writes the file; a failure comes back as one line. */
export function writeTextFile(path: string, text: string): string | null {
  try {
    writeFileSync(path, text, 'utf8');
    return null;
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (e.code === 'ENOENT') return `Cannot write ${path}: the folder does not exist`;
    if (e.code === 'EACCES' || e.code === 'EPERM') return `Cannot write ${path}: permission denied`;
    if (e.code === 'EISDIR') return `Cannot write ${path}: it is a folder`;
    return `Cannot write ${path}: ${e.message}`;
  }
}
