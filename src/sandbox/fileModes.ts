// The sandbox's files are private to the user running it: directories 0700, files 0600. The
// state keeps endpoint passwords and the demo databases hold data, and PGlite creates its files
// 0666 whatever the umask, so the modes are set here rather than trusted: on every start for
// what is already there, and on the demo tree after PGlite has created or reopened it.
import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const DIR_MODE = 0o700;
export const FILE_MODE = 0o600;

/** The files the sandbox itself writes at the top of its data dir. */
const OWN_FILES = ['state.json', 'sandbox.json', 'sandbox.log'];
const DEMO_DIR = 'demo';

function chmodQuiet(path: string, mode: number): void {
  try {
    chmodSync(path, mode);
  } catch {
    // Gone meanwhile, or not ours: nothing to protect here.
  }
}

/** Creates `dir` 0700 (with any missing parents) and makes it 0700 if it already exists. */
export function makePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: DIR_MODE });
  chmodQuiet(dir, DIR_MODE);
}

/**
 * Every directory under `root` (itself included) 0700 and every file 0600; symbolic links are
 * not followed. Bounded: stops after `maxEntries` entries.
 */
export function privateTree(root: string, maxEntries = 200_000): void {
  const pending = [root];
  let seen = 0;
  while (pending.length > 0 && seen < maxEntries) {
    const path = pending.pop() as string;
    seen++;
    let stat: ReturnType<typeof lstatSync>;
    try {
      stat = lstatSync(path);
    } catch {
      continue;
    }
    if (stat.isSymbolicLink()) continue;
    if (stat.isDirectory()) {
      if ((stat.mode & 0o777) !== DIR_MODE) chmodQuiet(path, DIR_MODE);
      try {
        for (const name of readdirSync(path)) pending.push(join(path, name));
      } catch {
        // unreadable: leave it
      }
    } else if (stat.isFile() && (stat.mode & 0o777) !== FILE_MODE) chmodQuiet(path, FILE_MODE);
  }
}

/**
 * Makes a data dir private: the directory itself (created 0700 when missing; an existing one
 * only when it is owned by this user and is not a shared sticky directory such as /tmp), the
 * files the sandbox writes there, and the whole demo tree.
 */
export function privateDataDir(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true, mode: DIR_MODE });
  try {
    const stat = lstatSync(dataDir);
    const ours = typeof process.getuid !== 'function' || stat.uid === process.getuid();
    const sticky = (stat.mode & 0o1000) !== 0;
    if (stat.isDirectory() && ours && !sticky && (stat.mode & 0o777) !== DIR_MODE)
      chmodQuiet(dataDir, DIR_MODE);
  } catch {
    return;
  }
  for (const name of OWN_FILES) privateTree(join(dataDir, name), 1);
  privateTree(join(dataDir, DEMO_DIR));
}
