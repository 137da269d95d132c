// A JSON file in the config directory, kept by one `conf` instance and checked whenever it is
// read: a file that is too big, not a regular file, not JSON, or does not match its schema
// (src/model/configSchemas.ts) is moved aside (never deleted) and the store goes on with what it
// had (the defaults at start); `notice` says so, to show on screen instead of a crash. Writes are
// checked the same way (nothing invalid or over the size limit is written); conf writes them
// atomically (temporary file, fsync, rename, through `atomically`) with mode 0600. The file is
// read again only when it changed on disk (another dms-tui, a test), so a read costs one stat.
// conf gets no `schema` (our checker names what is wrong and keeps ajv off the hot path) and
// never clears a file: a bad one is ours to move aside.
import { accessSync, constants, mkdirSync, renameSync, type Stats, statSync } from 'node:fs';
import { resolve } from 'node:path';
import Conf from 'conf';
import { sizeText } from '../model/configSchemas.js';
import type { Schema } from '../model/schema.js';
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

type Doc = Record<string, unknown>;

/** What conf's last read of the file gave: a JSON object, or why not. */
type Parsed = { ok: true; value: Doc } | { ok: false; tooBig?: number };

/** The text conf writes: tab-indented JSON ending in a newline. */
const format = (value: unknown) => `${JSON.stringify(value, undefined, '\t')}\n`;

function statOf(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** Identifies a version of the file on disk (an atomic write makes a new inode). */
const signature = (s: Stats | undefined) => (s ? `${s.ino}:${s.size}:${s.mtimeMs}` : 'missing');

export function openStore<T extends object>(kind: FileKind<T>, cwd = configDir()): JsonStore<T> {
  const file = `${kind.name}.json`;
  const path = resolve(cwd, file);
  let data: T = kind.defaults;
  let loaded = '';
  let notice: string | undefined;
  let opened = false;

  // conf hands us the text it read; a bad file reads as {} to conf (so it neither throws from
  // its constructor nor rewrites the file) and `parsed` tells us what was wrong.
  let parsed: Parsed = { ok: true, value: {} };
  const deserialize = (text: string): Doc => {
    const bytes = Buffer.byteLength(text);
    // It grew past the limit after the stat.
    if (bytes > kind.maxBytes) parsed = { ok: false, tooBig: bytes };
    else {
      try {
        const value: unknown = JSON.parse(text);
        const object = value !== null && typeof value === 'object' && !Array.isArray(value);
        parsed = object ? { ok: true, value: value as Doc } : { ok: false };
      } catch {
        parsed = { ok: false };
      }
    }
    return parsed.ok ? parsed.value : {};
  };
  // Made on first use, not at open: its constructor reads the file (unbounded) and creates the
  // folder, so it comes only after a stat found a regular file of a fair size, or to write one.
  let conf: Conf<Doc> | undefined;
  const backend = (): Conf<Doc> => {
    conf ??= new Conf<Doc>({
      cwd,
      configName: kind.name,
      configFileMode: 0o600,
      clearInvalidConfig: false,
      watch: false,
      accessPropertiesByDotNotation: false,
      serialize: format,
      deserialize,
    });
    return conf;
  };
  /** Reads the file through conf (the constructor's read counts as one). */
  const readThroughConf = (): Parsed => {
    parsed = { ok: true, value: {} }; // a file gone since the stat reads as empty
    if (conf) void conf.store;
    else backend();
    return parsed;
  };

  const moveAside = (why: string) => {
    const aside = `${path}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    try {
      renameSync(path, aside);
      notice = `${why}: moved to ${aside}; ${opened ? 'keeping the data read before' : 'using defaults'}`;
    } catch (error) {
      notice = `${why}, and it cannot be moved aside (${(error as NodeJS.ErrnoException).code}); using defaults`;
    }
  };
  const tooBig = (size: number) =>
    moveAside(`${file} is ${sizeText(size)}; ${kind.noun} is at most ${sizeText(kind.maxBytes)}`);

  const load = (stat: Stats | undefined) => {
    if (!stat) {
      data = kind.defaults;
      return;
    }
    if (!stat.isFile()) {
      const what = stat.isDirectory() ? 'a folder' : 'not a regular file';
      moveAside(`${file} was unreadable (${path} is ${what}; ${kind.noun} is a JSON file)`);
      return;
    }
    if (stat.size > kind.maxBytes) return tooBig(stat.size);
    let got: Parsed;
    try {
      got = readThroughConf();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? error;
      moveAside(`${file} was unreadable (Cannot read ${path}: ${code})`);
      return;
    }
    if (!got.ok) {
      if (got.tooBig !== undefined) tooBig(got.tooBig);
      else moveAside(`${file} was unreadable`);
      return;
    }
    const merged = { ...kind.defaults, ...got.value } as T;
    const error = kind.schema.check(merged, '');
    if (error) {
      moveAside(`${file} is not valid (${error})`);
      return;
    }
    data = merged;
  };

  const read = (): T => {
    const stat = statOf(path);
    if (signature(stat) !== loaded) {
      load(stat);
      loaded = signature(statOf(path));
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
      const bytes = Buffer.byteLength(format(next));
      if (bytes > kind.maxBytes)
        throw new Error(
          `Not saved: ${file} would be ${sizeText(bytes)}; ${kind.noun} is at most ${sizeText(kind.maxBytes)}`,
        );
      // conf would create the folder 0755; ours is private. A folder we cannot write fails here
      // at once (atomically retries EACCES for a second, freezing the screen).
      mkdirSync(cwd, { recursive: true, mode: 0o700 });
      accessSync(cwd, constants.W_OK);
      // A copy: conf may add its own bookkeeping key to the object it is given.
      backend().store = { ...next } as Doc;
      data = next;
      loaded = signature(statOf(path));
    },
  };
}
