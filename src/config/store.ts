// A conf-backed JSON store in the config directory, written with mode 0600. A file that cannot
// be parsed is moved aside (never deleted) and replaced with defaults; the caller gets a notice
// to show on screen instead of a crash.
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import Conf from 'conf';
import { configDir } from './paths.js';

export interface OpenedStore<T extends Record<string, unknown>> {
  store: Conf<T>;
  /** Set when the file was corrupt and was moved aside. */
  notice?: string;
}

export function openStore<T extends Record<string, unknown>>(
  name: string,
  defaults: T,
  cwd = configDir(),
): OpenedStore<T> {
  const file = join(cwd, `${name}.json`);
  let notice: string | undefined;
  if (existsSync(file)) {
    try {
      const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
        throw new Error('not an object');
    } catch {
      const aside = `${file}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      renameSync(file, aside);
      notice = `${name}.json was unreadable: moved to ${aside}; using defaults`;
    }
  }
  const store = new Conf<T>({
    cwd,
    configName: name,
    defaults,
    configFileMode: 0o600,
    projectName: 'dms-tui',
    projectSuffix: '',
  });
  return notice ? { store, notice } : { store };
}
