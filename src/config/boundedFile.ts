// Reading a file with a size limit (checked with fstat before reading, and never reading more
// than the limit, so a huge file, a device or a file that grows cannot freeze the app), and
// writing a file the user named (an export). The config files are written by conf (store.ts).
import {
  closeSync,
  constants,
  fstatSync,
  ftruncateSync,
  openSync,
  readSync,
  writeFileSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { sizeText } from '../model/configSchemas.js';

export type BoundedRead =
  | { ok: true; text: string }
  | {
      ok: false;
      reason: 'missing' | 'too-big' | 'not-a-file' | 'unreadable';
      /** One line for the user, naming the file. */
      message: string;
      /** The file's size, when it is too big. */
      size?: number;
    };

/**
 * The text of `path` if it is a regular file of at most `maxBytes`. `noun` names the kind of
 * file in the message: "projects.json is 150 MB; a projects file is at most 4 MB".
 */
export function readBounded(path: string, maxBytes: number, noun: string): BoundedRead {
  let fd: number;
  try {
    // Non-blocking, so that a named pipe cannot hang the open (it is refused below).
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      return { ok: false, reason: 'missing', message: `No such file: ${path}` };
    return { ok: false, reason: 'unreadable', message: `Cannot read ${path}: ${code ?? error}` };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile())
      return {
        ok: false,
        reason: 'not-a-file',
        message: `${path} is ${stat.isDirectory() ? 'a folder' : 'not a regular file'}; ${noun} is a JSON file`,
      };
    const tooBig = (size: number): BoundedRead => ({
      ok: false,
      reason: 'too-big',
      size,
      message: `${path} is ${sizeText(size)}; ${noun} is at most ${sizeText(maxBytes)}`,
    });
    if (stat.size > maxBytes) return tooBig(stat.size);
    // Read in chunks, stopping one byte over the limit: a file that grew since fstat is caught.
    const chunks: Buffer[] = [];
    let length = 0;
    for (;;) {
      const chunk = Buffer.alloc(
        Math.min(Math.max(stat.size + 1 - length, 64 * 1024), maxBytes + 1 - length),
      );
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      length += n;
      if (length > maxBytes) return tooBig(length);
    }
    return { ok: true, text: Buffer.concat(chunks, length).toString('utf8') };
  } catch (error) {
    return { ok: false, reason: 'unreadable', message: `Cannot read ${path}: ${error}` };
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes a file the user named (an export): created 0644 or replaced, but never a folder, a
 * device or a named pipe (opened without blocking, so a pipe with no reader cannot hang the app).
 */
export function writeUserFile(path: string, text: string): void {
  let fd: number;
  try {
    fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_NONBLOCK, 0o644);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') throw new Error(`${path} is a folder: name a file to write`);
    if (code === 'ENXIO') throw new Error(`${path} is not a regular file`);
    if (code === 'ENOENT') throw new Error(`No such folder: ${dirname(path)}`);
    if (code === 'EACCES') throw new Error(`Cannot write ${path}: permission denied`);
    throw new Error(`Cannot write ${path}: ${(error as Error).message}`);
  }
  try {
    if (!fstatSync(fd).isFile()) throw new Error(`${path} is not a regular file`);
    ftruncateSync(fd);
    writeFileSync(fd, text);
  } finally {
    closeSync(fd);
  }
}
