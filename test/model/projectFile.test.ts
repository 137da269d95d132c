import { describe, expect, it } from 'vitest';
import type { Project } from '../../src/model/project.js';
import {
  demoProject,
  exportProject,
  parseProjectFile,
  shouldCreateDemo,
} from '../../src/model/projectFile.js';
import { freeIdentifier } from '../../src/model/identifiers.js';
import { freeProjectName, projectNameError } from '../../src/model/projectName.js';

const project: Project = {
  name: 'Sales move',
  profile: 'prod',
  region: 'eu-west-1',
  source: {
    engine: 'mysql',
    host: 'src',
    port: 3306,
    database: 'shop',
    user: 'u',
    password: 'hunter2',
    sslMode: 'none',
  },
  target: null,
  defaultReplicationInstance: 'ri-1',
};

describe('project files', () => {
  it('exports without passwords and imports back', () => {
    const text = exportProject(project);
    expect(text).not.toContain('hunter2');
    const parsed = parseProjectFile(text);
    const { password: _pw, ...source } = project.source!;
    expect(parsed).toEqual({ ok: true, value: { ...project, source } });
  });

  it('drops a password found in an imported file', () => {
    const doc = JSON.parse(exportProject(project));
    doc.project.source.password = 'leaked';
    const parsed = parseProjectFile(JSON.stringify(doc));
    expect(parsed.ok && parsed.value.source?.password).toBeUndefined();
  });

  it.each([
    ['{', 'not valid JSON'],
    ['{"format":"other"}', 'Not a project file'],
    ['{"format":"dms-tui-project","version":9,"project":{}}', 'Unsupported project file version 9'],
    ['{"format":"dms-tui-project","version":1,"project":{"name":""}}', 'Project name is required'],
    [
      '{"format":"dms-tui-project","version":1,"project":{"name":"x","source":{"engine":"db2","host":"h","port":1}}}',
      'project.source.engine must be one of postgres, mysql',
    ],
    [
      '{"format":"dms-tui-project","version":1,"project":{"name":"x","target":{"engine":"postgres","host":"h","port":0}}}',
      'project.target.port must be a whole number from 1 to 65535 (it is 0)',
    ],
  ])('rejects %s', (text, message) => {
    const parsed = parseProjectFile(text);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toContain(message);
  });

  it('validates names', () => {
    expect(projectNameError('')).toMatch(/required/);
    expect(projectNameError('a/b')).toMatch(/slashes/);
    expect(projectNameError('Demo', ['demo'])).toMatch(/already exists/);
    expect(projectNameError('ok name ü')).toBeNull();
  });

  it('builds the demo project for a fresh machine only', () => {
    const demo = {
      source: {
        engine: 'postgres' as const,
        host: '127.0.0.1',
        port: 1,
        database: 'src',
        user: 'postgres',
        password: 'x',
        sslMode: 'none' as const,
      },
      target: {
        engine: 'postgres' as const,
        host: '127.0.0.1',
        port: 2,
        database: 'tgt',
        user: 'postgres',
        sslMode: 'none' as const,
      },
    };
    expect(demoProject(demo)).toEqual({
      name: 'demo',
      profile: 'sandbox',
      region: 'us-east-1',
      source: {
        engine: 'postgres',
        host: '127.0.0.1',
        port: 1,
        database: 'src',
        user: 'postgres',
        sslMode: 'none',
      },
      target: demo.target,
    });
    expect(shouldCreateDemo(0, demo)).toBe(true);
    expect(shouldCreateDemo(1, demo)).toBe(false);
    expect(shouldCreateDemo(0, undefined)).toBe(false);
  });

  it.each([
    ['a C1 control', 'a\u009bb'],
    ['a bidirectional override', 'evil\u202egnp.exe'],
    ['a newline', 'a\nb'],
  ])('refuses a name with %s', (_what, name) => {
    expect(projectNameError(name)).toMatch(/control characters/);
  });

  it('rejects a field beyond its limit in an imported file', () => {
    const doc = JSON.parse(exportProject(project));
    doc.project.source.host = 'h'.repeat(100_000);
    const parsed = parseProjectFile(JSON.stringify(doc));
    expect(!parsed.ok && parsed.error).toBe(
      'Not a valid project file: project.source.host is too long (100000 characters; at most 253)',
    );
  });
});

describe('free names (bounded searches)', () => {
  it('finds a free project name however long the name, shortening it to fit', () => {
    const long = `${'n'.repeat(61)}xyz`; // 64 characters: every "long (n)" is over the limit
    expect(freeProjectName(long, [])).toBe(long);
    const second = freeProjectName(long, [long]);
    expect(second).toBe(`${'n'.repeat(60)} (2)`);
    expect(projectNameError(second, [long])).toBeNull();
    const third = freeProjectName(long, [long, second.toUpperCase()]);
    expect(third).toBe(`${'n'.repeat(60)} (3)`);
  });

  it('takes at most one try per taken name, whatever is taken', () => {
    const taken = ['x', ...Array.from({ length: 5000 }, (_, i) => `x (${i + 2})`)];
    expect(freeProjectName('x', taken)).toBe('x (5002)');
    // A name that is nearly all suffix still ends in a free, valid name.
    const name = `${'a'.repeat(58)} (2)`;
    const free = freeProjectName(name, [name, `${'a'.repeat(58)} (2 (2)`]);
    expect(projectNameError(free, [name])).toBeNull();
  });

  it('finds a free DMS identifier in a bounded number of tries', () => {
    const stem = 'a'.repeat(255);
    // Every candidate up to stem-3001 is taken: the search must go on to the next, and stop.
    const candidate = (n: number) => `${stem.slice(0, 255 - `-${n}`.length)}-${n}`;
    const taken = [stem, ...Array.from({ length: 3000 }, (_, i) => candidate(i + 2))];
    const free = freeIdentifier(stem, taken, 'task');
    expect(free).toBe(candidate(3002));
    expect(taken).not.toContain(free);
  });
});
