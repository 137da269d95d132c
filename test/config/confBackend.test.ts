// The config stores keep their files through conf: one Conf per file, in the store's folder,
// with mode 0600 and none of conf's own validation or clearing; every write goes through
// `conf.store = …`, and a read of an unchanged file costs no read through conf.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Options } from 'conf';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openPreferences } from '../../src/config/preferences.js';
import { openProjects } from '../../src/config/projects.js';

type Doc = Record<string, unknown>;

/** Every Conf made while a test runs: its options, path, and what was read and written. */
const made = vi.hoisted(
  () => [] as { options: Options<Doc>; path: string; reads: number; writes: Doc[] }[],
);

vi.mock('conf', async (importOriginal) => {
  const { default: Conf } = await importOriginal<typeof import('conf')>();
  class RecordedConf extends Conf<Doc> {
    readonly record;
    constructor(options: Options<Doc>) {
      const record = { options, path: '', reads: 0, writes: [] as Doc[] };
      made.push(record);
      super(options);
      this.record = record;
      record.path = this.path;
    }
    override get store(): Doc {
      if (this.record) this.record.reads++;
      return super.store;
    }
    override set store(value: Doc) {
      this.record?.writes.push(structuredClone(value));
      super.store = value;
    }
  }
  return { default: RecordedConf };
});

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dmst-conf-'));
  made.length = 0;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the conf backend', () => {
  it('writes the file through one Conf at the store path, mode 0600', () => {
    const prefs = openPreferences(dir);
    // Nothing on disk yet: no Conf, no folder work, just the defaults.
    expect(made).toHaveLength(0);
    prefs.update({ lastProfile: 'prod' });
    prefs.update({ lastRegion: 'eu-west-1' });
    expect(made).toHaveLength(1);
    const [conf] = made;
    const path = join(dir, 'preferences.json');
    expect(conf!.path).toBe(path);
    expect(conf!.options).toMatchObject({
      cwd: dir,
      configName: 'preferences',
      configFileMode: 0o600,
      clearInvalidConfig: false,
      watch: false,
    });
    expect(conf!.options).not.toHaveProperty('schema');
    expect(conf!.writes).toEqual([
      { refreshSeconds: 5, lastProfile: 'prod' },
      { refreshSeconds: 5, lastProfile: 'prod', lastRegion: 'eu-west-1' },
    ]);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(conf!.writes[1]);
    // conf's temporary file is gone: only the file itself is left.
    expect(readdirSync(dir)).toEqual(['preferences.json']);
  });

  it('reads through conf only when the file changed on disk', () => {
    const path = join(dir, 'projects.json');
    writeFileSync(path, '{"projects": {}}');
    const store = openProjects(dir);
    expect(made).toHaveLength(1);
    expect(made[0]!.path).toBe(path);
    const reads = made[0]!.reads;
    for (let i = 0; i < 5; i++) store.list();
    expect(made[0]!.reads).toBe(reads);
    writeFileSync(path, '{"projects": {}, "other": 1}');
    store.list();
    expect(made[0]!.reads).toBe(reads + 1);
  });

  it('moves an unparsable file aside without conf rewriting or clearing it', () => {
    const path = join(dir, 'preferences.json');
    writeFileSync(path, '{"lastProfile": "prod", oops');
    const prefs = openPreferences(dir);
    expect(prefs.notice).toMatch(/^preferences\.json was unreadable: moved to .*; using defaults$/);
    expect(made[0]?.writes ?? []).toEqual([]);
    const aside = readdirSync(dir).find((n) => n.startsWith('preferences.json.corrupt-'));
    expect(readFileSync(join(dir, aside!), 'utf8')).toBe('{"lastProfile": "prod", oops');
  });
});
