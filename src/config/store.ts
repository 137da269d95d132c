// A JSON file in the config directory that is checked whenever it is read: a file that is too
// big, not JSON, or does not match its schema (src/model/configSchemas.ts) is moved aside (never
// deleted) and the store goes on with what it had (the defaults at start); `notice` says so, to
// show on screen instead of a crash. Writes are checked the same way (nothing invalid or over the
// size limit is written) and are atomic, with mode 0600. The file is read again only when it
// changed on disk (another dms-tui, a test), so a read costs one stat.
import { renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sizeText } from '../model/configSchemas.js';
import type { Schema } from '../model/schema.js';
import { readBounded, writeFileAtomic } from './boundedFile.js';
import { configDir } from './paths.js';

export interface FileKind<T extends object> {
  /** The file is `<name>.json`. */
  name: string;
  /** What a message calls it: "a projects file". */
  noun: string;
  defaults: T;
  schema: Schema<T>;
  maxBytes: number;
}

export interface JsonStore<T extends object> {
  readonly path: string;
  /** Set when the file was moved aside (at open or on a later read). */
  readonly notice?: string;
  /** The file's data, its defaults filled in. Shared: copy before changing it. */
  read(): T;
  /** Checks and writes `next`; throws one line when it is refused. */
  write(next: T): void;
}

/** Identifies a version of the file on disk (an atomic write makes a new inode). */
function signature(path: string): string {
  try {
    const s = statSync(path);
    return `${s.ino}:${s.size}:${s.mtimeMs}`;
  } catch {
    return 'missing';
  }
}

export function openStore<T extends object>(kind: FileKind<T>, cwd = configDir()): JsonStore<T> {
  const file = `${kind.name}.json`;
  const path = join(cwd, file);
  let data: T = kind.defaults;
  let loaded = '';
  let notice: string | undefined;
  let opened = false;

  const moveAside = (why: string) => {
    const aside = `${path}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    try {
      renameSync(path, aside);
      notice = `${why}: moved to ${aside}; ${opened ? 'keeping the data read before' : 'using defaults'}`;
    } catch (error) {
      notice = `${why}, and it cannot be moved aside (${(error as NodeJS.ErrnoException).code}); using defaults`;
    }
  };

  const load = () => {
    const got = readBounded(path, kind.maxBytes, kind.noun);
    if (!got.ok) {
      if (got.reason === 'missing') data = kind.defaults;
      else if (got.reason === 'too-big')
        moveAside(
          `${file} is ${sizeText(got.size ?? 0)}; ${kind.noun} is at most ${sizeText(kind.maxBytes)}`,
        );
      else moveAside(`${file} was unreadable (${got.message})`);
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(got.text);
    } catch {
      moveAside(`${file} was unreadable`);
      return;
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      moveAside(`${file} was unreadable`);
      return;
    }
    const merged = { ...kind.defaults, ...parsed } as T;
    const error = kind.schema.check(merged, '');
    if (error) {
      moveAside(`${file} is not valid (${error})`);
      return;
    }
    data = merged;
  };

  const read = (): T => {
    const now = signature(path);
    if (now !== loaded) {
      load();
      loaded = signature(path);
    }
    return data;
  };

  read();
  opened = true;
  return {
    path,
    get notice() {
      return notice;
    },
    read,
    write(next) {
      const error = kind.schema.check(next, '');
      if (error) throw new Error(`Not saved: ${error}`);
      const text = `${JSON.stringify(next, undefined, '\t')}\n`;
      const bytes = Buffer.byteLength(text);
      if (bytes > kind.maxBytes)
        throw new Error(
          `Not saved: ${file} would be ${sizeText(bytes)}; ${kind.noun} is at most ${sizeText(kind.maxBytes)}`,
        );
      writeFileAtomic(path, text, 0o600);
      data = next;
      loaded = signature(path);
    },
  };
}
