// Every file the app reads, checked against its schema when a store opens it: a good file is
// read as it is; a file with a wrong type, a missing member or a value out of range is moved
// aside byte for byte with a notice naming what is wrong, the store starts from its defaults,
// and the other config files are left alone.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPreferences } from '../../src/config/preferences.js';
import { openProjects } from '../../src/config/projects.js';
import { openTaskDrafts } from '../../src/config/taskDrafts.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dmst-schemas-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A file of another kind beside the one under test: it must come through untouched. */
const BYSTANDER = { name: 'bystander.json', text: '{"keep": "me"}' };

function expectMovedAside(file: string, text: string, notice: string | undefined, why: RegExp) {
  expect(notice).toMatch(new RegExp(`^${file.replace('.', '\\.')} `));
  expect(notice).toMatch(why);
  expect(notice).toMatch(/moved to .*\.corrupt-.*; using defaults$/);
  const names = readdirSync(dir);
  expect(names).not.toContain(file);
  const aside = names.find((n) => n.startsWith(`${file}.corrupt-`));
  expect(aside).toBeDefined();
  expect(readFileSync(join(dir, aside!), 'utf8')).toBe(text);
  expect(readFileSync(join(dir, BYSTANDER.name), 'utf8')).toBe(BYSTANDER.text);
}

/** Table rows named by what the notice must say, not by the (possibly huge) file. */
function named(cases: [unknown, RegExp][]): [string, unknown, RegExp][] {
  return cases.map(([doc, why]) => [why.source.replace(/\\/g, ''), doc, why]);
}

function writeFiles(file: string, doc: unknown) {
  const text = typeof doc === 'string' ? doc : JSON.stringify(doc);
  writeFileSync(join(dir, file), text);
  writeFileSync(join(dir, BYSTANDER.name), BYSTANDER.text);
  return text;
}

describe('preferences.json', () => {
  it('reads a good file, filling in what it leaves out', () => {
    writeFiles('preferences.json', { lastProfile: 'prod', lastRegion: 'eu-west-1', theme: 'x' });
    const prefs = openPreferences(dir);
    expect(prefs.notice).toBeUndefined();
    expect(prefs.get()).toMatchObject({
      lastProfile: 'prod',
      lastRegion: 'eu-west-1',
      refreshSeconds: 5,
    });
    writeFiles('preferences.json', { refreshSeconds: 3600 });
    expect(openPreferences(dir).get().refreshSeconds).toBe(3600);
  });

  it.each(
    named([
      [{ refreshSeconds: 'abc' }, /refreshSeconds must be a number from 1 to 3600, not text/],
      [{ refreshSeconds: 0 }, /refreshSeconds must be a number from 1 to 3600 \(it is 0\)/],
      [{ refreshSeconds: -1 }, /\(it is -1\)/],
      [{ refreshSeconds: 3000000 }, /\(it is 3000000\)/],
      [{ refreshSeconds: null }, /refreshSeconds must be a number from 1 to 3600, not null/],
      [{ lastProfile: 5 }, /lastProfile must be text, not a number/],
      [{ lastProfile: 'p'.repeat(300) }, /lastProfile is too long \(300 characters; at most 256\)/],
      [{ lastRegion: 'eu-west-1\u001b]0;x\u0007' }, /lastRegion contains a control character/],
    ]),
  )('moves aside a file where %s', (_name, doc, why) => {
    const text = writeFiles('preferences.json', doc);
    const prefs = openPreferences(dir);
    expectMovedAside('preferences.json', text, prefs.notice, why);
    expect(prefs.get()).toEqual({ refreshSeconds: 5 });
  });

  it('refuses to remember a value out of range, keeping the file as it was', () => {
    const prefs = openPreferences(dir);
    prefs.update({ lastProfile: 'prod' });
    const before = readFileSync(join(dir, 'preferences.json'), 'utf8');
    prefs.update({ refreshSeconds: 0 });
    prefs.update({ lastProfile: 'x'.repeat(100_000) });
    expect(readFileSync(join(dir, 'preferences.json'), 'utf8')).toBe(before);
    expect(openPreferences(dir).get()).toEqual({ lastProfile: 'prod', refreshSeconds: 5 });
  });
});

const connection = {
  engine: 'postgres',
  host: 'db.example.com',
  port: 5432,
  database: 'shop',
  user: 'app',
  sslMode: 'none',
};
const project = (over: Record<string, unknown> = {}) => ({
  name: 'x',
  profile: 'prod',
  region: 'eu-west-1',
  source: connection,
  target: null,
  created: '2026-01-01T00:00:00.000Z',
  ...over,
});

describe('projects.json', () => {
  it('reads a good file', () => {
    writeFiles('projects.json', {
      projects: {
        x: project({ source: { ...connection, passwordRequired: true } }),
        'Sales move': project({ name: 'Sales move', defaultReplicationInstance: 'ri-1' }),
      },
    });
    const store = openProjects(dir);
    expect(store.notice).toBeUndefined();
    expect(store.list().map((p) => p.name)).toEqual(['Sales move', 'x']);
    expect(store.needsPassword('x', 'source')).toBe(true);
  });

  it.each(
    named([
      [{ projects: { x: null } }, /projects\["x"\] must be an object, not null/],
      [{ projects: 'boom' }, /projects must be an object, not text/],
      [{ projects: [] }, /projects must be an object, not a list/],
      [
        { projects: { x: project({ name: 5 }) } },
        /projects\["x"\]\.name must be text, not a number/,
      ],
      [
        { projects: { x: project({ name: 'y' }) } },
        /projects\["x"\]: is stored under another name/,
      ],
      [{ projects: { 'a/b': project({ name: 'a/b' }) } }, /projects\["a\/b"\]: .*slashes/],
      [{ projects: { x: project({ profile: undefined }) } }, /projects\["x"\]\.profile is missing/],
      [{ projects: { x: project({ source: undefined }) } }, /projects\["x"\]\.source is missing/],
      [
        { projects: { x: project({ source: { ...connection, port: 0 } }) } },
        /source\.port must be a whole number from 1 to 65535 \(it is 0\)/,
      ],
      [
        { projects: { x: project({ source: { ...connection, port: '5432' } }) } },
        /source\.port must be a whole number from 1 to 65535, not text/,
      ],
      [
        { projects: { x: project({ source: { ...connection, engine: 'db2' } }) } },
        /source\.engine must be one of postgres, .* \(it is "db2"\)/,
      ],
      [
        { projects: { x: project({ target: { ...connection, sslMode: 'maybe' } }) } },
        /target\.sslMode must be one of none, require, verify-ca, verify-full/,
      ],
      [
        { projects: { x: project({ target: { ...connection, host: 'h'.repeat(254) } }) } },
        /target\.host is too long \(254 characters; at most 253\)/,
      ],
      [
        { projects: { x: project({ source: { ...connection, host: 'a\u001b]0;owned\u0007' } }) } },
        /source\.host contains a control character/,
      ],
      [
        { projects: { x: project({ source: { ...connection, rememberPassword: 'yes' } }) } },
        /source\.rememberPassword must be true or false, not text/,
      ],
      [{ projects: { x: project({ created: 7 }) } }, /projects\["x"\]\.created must be text/],
    ]),
  )('moves aside a file where %s', (_name, doc, why) => {
    const text = writeFiles('projects.json', doc);
    const store = openProjects(dir);
    expectMovedAside('projects.json', text, store.notice, why);
    expect(store.list()).toEqual([]);
  });

  it('refuses to write a project beyond its limits, keeping the file as it was', () => {
    const store = openProjects(dir);
    store.create(project() as never);
    const file = join(dir, 'projects.json');
    const before = readFileSync(file, 'utf8');
    expect(() => store.save({ ...store.get('x')!, profile: 'p'.repeat(100_000) })).toThrow(
      /^Not saved: projects\["x"\]\.profile is too long \(100000 characters; at most 256\)$/,
    );
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('checks the file again when it changes on disk, keeping what it had read', () => {
    writeFiles('projects.json', { projects: { x: project() } });
    const store = openProjects(dir);
    expect(store.list().map((p) => p.name)).toEqual(['x']);
    // Another dms-tui (or a hand edit) writes a good change: it is seen.
    writeFiles('projects.json', { projects: { x: project(), y: project({ name: 'y' }) } });
    expect(store.list().map((p) => p.name)).toEqual(['x', 'y']);
    // Then a bad one: moved aside, and the store keeps the projects it knew.
    writeFiles('projects.json', { projects: { x: null } });
    expect(store.list().map((p) => p.name)).toEqual(['x', 'y']);
    expect(store.notice).toMatch(/projects\.json is not valid .*keeping the data read before$/);
    expect(readdirSync(dir).some((n) => n.startsWith('projects.json.corrupt-'))).toBe(true);
  });
});

const draft = (values: Record<string, unknown> = {}) => ({
  values: {
    name: 'sales',
    instanceArn: 'arn:aws:dms:us-east-1:123456789012:rep:ABC',
    sourceArn: null,
    targetArn: null,
    migrationType: 'full-load',
    tablePrepMode: 'DROP_AND_CREATE',
    lobMode: 'limited',
    lobChunkKb: '64',
    lobMaxKb: '32',
    logging: true,
    mappings: [{ action: 'include', schema: 'sales', table: '%' }],
    ...values,
  },
  savedAt: '2026-01-01T00:00:00.000Z',
});

describe('task-drafts.json', () => {
  it('reads a good file', () => {
    writeFiles('task-drafts.json', { drafts: { shop: draft(), '': draft({ name: 'other' }) } });
    const drafts = openTaskDrafts(dir);
    expect(drafts.notice).toBeUndefined();
    expect(drafts.load('shop')?.values.name).toBe('sales');
    expect(drafts.load('')?.values.name).toBe('other');
    expect(drafts.load('constructor')).toBeUndefined();
  });

  it.each(
    named([
      [{ drafts: { shop: null } }, /drafts\["shop"\] must be an object, not null/],
      [{ drafts: 'boom' }, /drafts must be an object, not text/],
      [{ drafts: { shop: { values: 1 } } }, /drafts\["shop"\]\.values must be an object/],
      [{ drafts: { shop: draft({ name: 7 }) } }, /values\.name must be text, not a number/],
      [
        { drafts: { shop: draft({ name: 'n'.repeat(100_000) }) } },
        /values\.name is too long \(100000 characters; at most 255\)/,
      ],
      [
        { drafts: { shop: draft({ migrationType: 'teleport' }) } },
        /values\.migrationType must be one of/,
      ],
      [{ drafts: { shop: draft({ logging: 'yes' }) } }, /values\.logging must be true or false/],
      [{ drafts: { shop: draft({ instanceArn: 5 }) } }, /values\.instanceArn must be text/],
      [
        { drafts: { shop: draft({ mappings: {} }) } },
        /values\.mappings must be a list, not an object/,
      ],
      [
        { drafts: { shop: draft({ mappings: [{ action: 'include', schema: 's' }] }) } },
        /values\.mappings\[0\]\.table is missing/,
      ],
      [
        {
          drafts: {
            shop: draft({
              mappings: Array.from({ length: 5001 }, () => ({
                action: 'include',
                schema: 's',
                table: 't',
              })),
            }),
          },
        },
        /values\.mappings has too many items \(5001; at most 5000\)/,
      ],
      [{ drafts: { shop: { values: draft().values } } }, /drafts\["shop"\]\.savedAt is missing/],
    ]),
  )('moves aside a file where %s', (_name, doc, why) => {
    const text = writeFiles('task-drafts.json', doc);
    const drafts = openTaskDrafts(dir);
    expectMovedAside('task-drafts.json', text, drafts.notice, why);
    expect(drafts.load('shop')).toBeUndefined();
  });
});

describe('every config file', () => {
  it.each([
    [
      'preferences.json',
      64 * 1024,
      () => openPreferences(dir).notice,
      'a preferences file is at most 64 KB',
    ],
    [
      'projects.json',
      4 * 1024 * 1024,
      () => openProjects(dir).notice,
      'a projects file is at most 4 MB',
    ],
    [
      'task-drafts.json',
      8 * 1024 * 1024,
      () => openTaskDrafts(dir).notice,
      'a task drafts file is at most 8 MB',
    ],
  ])('%s over its size limit is moved aside unread', (file, limit, open, says) => {
    // Valid JSON, just too much of it.
    const text = `{"padding": "${'x'.repeat(limit)}"}`;
    writeFiles(file, text);
    expectMovedAside(file, text, open(), new RegExp(`^${file} is \\d+(\\.\\d)? [KM]B; ${says}`));
  });

  it.each([
    ['preferences.json', () => openPreferences(dir).notice],
    ['projects.json', () => openProjects(dir).notice],
    ['task-drafts.json', () => openTaskDrafts(dir).notice],
  ])('%s that is not JSON, or not an object, is moved aside', (file, open) => {
    for (const text of ['{"oops', '[1, 2]', 'null', '"text"']) {
      writeFiles(file, text);
      expectMovedAside(file, text, open(), /was unreadable/);
      for (const n of readdirSync(dir)) if (n.includes('.corrupt-')) rmSync(join(dir, n));
    }
  });
});
