// Keeps the sandbox state in <dataDir>/state.json. Every change marks the state dirty; one
// writer at a time writes it atomically (temporary file, fsync, rename, fsync of the folder),
// so a kill -9 at any moment leaves either the previous or the new state, never a torn file.
import {
  closeSync,
  fchmodSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { emptyState, type SandboxState } from './state.js';

export interface Store {
  readonly state: SandboxState;
  /** Schedules a write of the current state (coalesced). */
  changed(): void;
  /** Resolves when everything changed so far is on disk. */
  flush(): Promise<void>;
  /** Flushes, then ignores further changes (the sandbox is closing). */
  close(): Promise<void>;
}

export const STATE_FILE = 'state.json';

export function loadState(dataDir: string): SandboxState {
  try {
    const parsed = JSON.parse(readFileSync(join(dataDir, STATE_FILE), 'utf8')) as SandboxState;
    if (parsed?.version !== 1)
      throw new Error(`unsupported state version ${String(parsed?.version)}`);
    return withRecordLists({ ...emptyState(), ...parsed });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyState();
    throw new Error(
      `Cannot read the sandbox state ${join(dataDir, STATE_FILE)}: ${(error as Error).message}`,
    );
  }
}

const LISTS = ['instances', 'endpoints', 'connections', 'tasks', 'logGroups'] as const;

/** Every record list an array of objects: an entry damaged by hand (null, a number) is dropped. */
function withRecordLists(state: SandboxState): SandboxState {
  const lists = state as unknown as Record<string, unknown>;
  for (const key of LISTS) {
    const list = lists[key];
    lists[key] = Array.isArray(list)
      ? list.filter((item) => typeof item === 'object' && item !== null && !Array.isArray(item))
      : [];
  }
  return state;
}

export function writeFileAtomic(path: string, text: string, mode = 0o600): void {
  const tmp = `${path}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w', mode);
  try {
    fchmodSync(fd, mode); // a leftover temporary file keeps its old mode otherwise
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  try {
    const dir = openSync(join(path, '..'), 'r');
    try {
      fsyncSync(dir);
    } finally {
      closeSync(dir);
    }
  } catch {
    // Some file systems cannot fsync a directory; the rename is still atomic.
  }
}

export function createStore(dataDir: string, state: SandboxState, delayMs = 200): Store {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const path = join(dataDir, STATE_FILE);
  let dirty = false;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const writeNow = () => {
    timer = undefined;
    if (!dirty) return;
    dirty = false;
    try {
      writeFileAtomic(path, JSON.stringify(state));
    } catch (error) {
      process.stderr.write(`sandbox: could not save state: ${(error as Error).message}\n`);
    }
  };

  return {
    state,
    changed() {
      if (closed) return;
      dirty = true;
      timer ??= setTimeout(writeNow, delayMs);
    },
    flush() {
      if (!dirty) return Promise.resolve();
      if (timer) clearTimeout(timer);
      timer = undefined;
      writeNow();
      return Promise.resolve();
    },
    async close() {
      await this.flush();
      closed = true;
    },
  };
}
