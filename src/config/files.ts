// Files the user asks to write (Save JSON, a saved log): where a typed path points, and the
// writing itself, which never overwrites unless told to and reports a failure as one line.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

export type SaveResult =
  | { status: 'saved'; path: string }
  /** The file is there and overwrite was not asked for: ask, then save again with it. */
  | { status: 'exists'; path: string }
  | { status: 'failed'; path: string; error: string };

/** A path as typed ("~/x.json", "out/x.json") made absolute against the current directory. */
export function resolveUserPath(text: string, cwd = process.cwd()): string {
  const trimmed = text.trim().replace(/^~(?=\/)/, process.env.HOME ?? '~');
  return resolve(cwd, trimmed);
}

/** Writes text to path (made absolute with resolveUserPath). */
export function saveTextFile(
  path: string,
  text: string,
  options: { overwrite: boolean; mode?: number },
): SaveResult {
  const target = resolveUserPath(path);
  try {
    writeFileSync(target, text, {
      encoding: 'utf8',
      flag: options.overwrite ? 'w' : 'wx',
      ...(options.mode === undefined ? {} : { mode: options.mode }),
    });
    return { status: 'saved', path: target };
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (e.code === 'EEXIST') return { status: 'exists', path: target };
    return { status: 'failed', path: target, error: writeError(target, e) };
  }
}

function writeError(path: string, e: NodeJS.ErrnoException): string {
  if (e.code === 'ENOENT') return `Cannot write ${path}: the folder does not exist`;
  if (e.code === 'EACCES' || e.code === 'EPERM') return `Cannot write ${path}: permission denied`;
  if (e.code === 'EISDIR') return `Cannot write ${path}: it is a folder`;
  return `Cannot write ${path}: ${e.message}`;
}
