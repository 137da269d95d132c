// The project store on a temporary config dir: CRUD, recent order, passwords only on disk when
// remembered (file 0600), asked once per run otherwise, export/import without secrets.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openProjects } from '../../src/config/projects.js';
import type { Project } from '../../src/model/project.js';
import { exportProject } from '../../src/model/projectFile.js';
import { fileMode, filesContaining } from '../support/secrets.js';

const SECRET = 'pw-Zq81-not-on-disk';
const REMEMBERED = 'pw-remembered-Kx2';

const base = (name: string, password?: string): Project => ({
  name,
  profile: '',
  region: 'eu-west-1',
  source: {
    engine: 'postgres',
    host: '127.0.0.1',
    port: 5432,
    database: 'src',
    user: 'app',
    sslMode: 'none',
    ...(password ? { password } : {}),
  },
  target: null,
});

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dmst-projects-'));
});
afterEach(() => {
  expect(filesContaining(dir, SECRET)).toEqual([]);
  rmSync(dir, { recursive: true, force: true });
});

describe('project store', () => {
  it('creates, lists recent first, renames and deletes', () => {
    const store = openProjects(dir);
    store.create(base('alpha'));
    store.create(base('beta'));
    expect(() => store.create(base('Alpha'))).toThrow(/already exists/);
    store.touch('alpha');
    expect(store.list().map((p) => p.name)).toEqual(['alpha', 'beta']);
    store.rename('beta', 'gamma.v2');
    expect(store.get('gamma.v2')?.source?.database).toBe('src');
    expect(() => store.rename('gamma.v2', 'alpha')).toThrow(/already exists/);
    store.remove('alpha');
    expect(store.list().map((p) => p.name)).toEqual(['gamma.v2']);
    expect(
      openProjects(dir)
        .list()
        .map((p) => p.name),
    ).toEqual(['gamma.v2']);
  });

  it('keeps an unremembered password in memory only, and asks for it in the next run', () => {
    const store = openProjects(dir);
    store.create(base('p', SECRET));
    expect(store.get('p')?.source?.password).toBe(SECRET);
    expect(store.needsPassword('p', 'source')).toBe(false);
    const nextRun = openProjects(dir);
    expect(nextRun.get('p')?.source?.password).toBeUndefined();
    expect(nextRun.needsPassword('p', 'source')).toBe(true);
    // Editing the project without retyping the password keeps asking for it.
    nextRun.save({ ...nextRun.get('p')!, region: 'us-east-1' });
    expect(openProjects(dir).needsPassword('p', 'source')).toBe(true);
    nextRun.setSessionPassword('p', 'source', SECRET);
    expect(nextRun.needsPassword('p', 'source')).toBe(false);
    expect(nextRun.get('p')?.source?.password).toBe(SECRET);
  });

  it('writes a remembered password to a 0600 file', () => {
    const store = openProjects(dir);
    store.save(base('r', REMEMBERED), { remember: { source: true } });
    const file = join(dir, 'projects.json');
    expect(fileMode(file)).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toContain(REMEMBERED);
    expect(openProjects(dir).get('r')?.source?.password).toBe(REMEMBERED);
    expect(openProjects(dir).remembers('r', 'source')).toBe(true);
    // Unticking remember takes it off the disk.
    store.save(base('r', REMEMBERED), { remember: { source: false } });
    expect(readFileSync(file, 'utf8')).not.toContain(REMEMBERED);
  });

  it('exports without secrets and imports under a free name', () => {
    const store = openProjects(dir);
    store.create(base('x', SECRET));
    const file = join(dir, 'exported.json');
    store.exportTo('x', file);
    expect(readFileSync(file, 'utf8')).not.toContain(SECRET);
    expect(store.importFrom(file)).toBe('x (2)');
    expect(store.get('x (2)')?.source?.host).toBe('127.0.0.1');
    expect(() => store.importFrom(join(dir, 'nope.json'))).toThrow(/No such file/);
  });

  it('creates the demo project only when there are none', () => {
    const store = openProjects(dir);
    const spec = base('d').source!;
    expect(store.ensureDemo(undefined)).toBeUndefined();
    expect(store.ensureDemo({ source: spec, target: { ...spec, database: 'tgt' } })?.name).toBe(
      'demo',
    );
    expect(store.ensureDemo({ source: spec, target: spec })).toBeUndefined();
    expect(store.get('demo')?.profile).toBe('sandbox');
  });

  it('imports a long name that is taken under a shortened free name, every time', () => {
    const store = openProjects(dir);
    const long = `Migration of the customer database ${'x'.repeat(26)}`; // 61 characters
    store.create(base(long));
    const file = join(dir, 'long.json');
    store.exportTo(long, file);
    const second = store.importFrom(file);
    const third = store.importFrom(file);
    expect(second).toBe(`${long.slice(0, 60)} (2)`);
    expect(third).toBe(`${long.slice(0, 60)} (3)`);
    expect(store.list()).toHaveLength(3);
  });
});

describe('project import files', () => {
  it('refuses a file over 1 MB without reading it', () => {
    const store = openProjects(dir);
    const file = join(dir, 'huge.json');
    writeFileSync(file, exportProject(base('big')));
    truncateSync(file, 150 * 1024 * 1024); // sparse: 150 MB on paper, nothing on disk
    expect(() => store.importFrom(file)).toThrow(
      `${file} is 150 MB; a project file is at most 1 MB`,
    );
    expect(store.list()).toEqual([]);
    rmSync(file); // the secrets check after each test reads every file here
  });

  it('refuses a file that is just over the limit, reading no further', () => {
    const store = openProjects(dir);
    const file = join(dir, 'padded.json');
    const doc = JSON.parse(exportProject(base('padded')));
    doc.padding = 'x'.repeat(1024 * 1024);
    writeFileSync(file, JSON.stringify(doc));
    expect(() => store.importFrom(file)).toThrow(/is 1\.1 MB; a project file is at most 1 MB$/);
  });

  it('refuses a folder, a device and a named pipe without blocking', () => {
    const store = openProjects(dir);
    const folder = join(dir, 'folder');
    mkdirSync(folder);
    expect(() => store.importFrom(folder)).toThrow(
      `${folder} is a folder; a project file is a JSON file`,
    );
    expect(() => store.importFrom('/dev/zero')).toThrow(
      '/dev/zero is not a regular file; a project file is a JSON file',
    );
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    try {
      expect(() => store.importFrom(fifo)).toThrow(/pipe is not a regular file/);
    } finally {
      rmSync(fifo); // the secrets check after each test reads every file here
    }
  });

  it('exports only to a regular file, never blocking on a named pipe', () => {
    const store = openProjects(dir);
    store.create(base('e'));
    const fifo = join(dir, 'out-pipe');
    execFileSync('mkfifo', [fifo]);
    try {
      expect(() => store.exportTo('e', fifo)).toThrow(`${fifo} is not a regular file`);
    } finally {
      rmSync(fifo);
    }
    expect(() => store.exportTo('e', dir)).toThrow(`${dir} is a folder: name a file to write`);
    expect(() => store.exportTo('e', join(dir, 'no', 'x.json'))).toThrow(
      `No such folder: ${join(dir, 'no')}`,
    );
    // Replacing a longer file leaves no tail of the old one.
    const file = join(dir, 'e.json');
    writeFileSync(file, 'x'.repeat(10_000));
    store.exportTo('e', file);
    expect(JSON.parse(readFileSync(file, 'utf8')).project.name).toBe('e');
  });

  it('refuses a field beyond its limit and leaves projects.json as it was', () => {
    const store = openProjects(dir);
    store.create(base('kept'));
    const before = readFileSync(join(dir, 'projects.json'), 'utf8');
    const file = join(dir, 'long-host.json');
    const doc = JSON.parse(exportProject(base('other')));
    doc.project.source.host = 'h'.repeat(300_000);
    writeFileSync(file, JSON.stringify(doc));
    expect(() => store.importFrom(file)).toThrow(/project\.source\.host is too long/);
    expect(readFileSync(join(dir, 'projects.json'), 'utf8')).toBe(before);
  });
});
