import { describe, expect, it } from 'vitest';
import type { Project } from '../../src/model/project.js';
import {
  demoProject,
  exportProject,
  parseProjectFile,
  shouldCreateDemo,
} from '../../src/model/projectFile.js';
import { projectNameError } from '../../src/model/projectName.js';

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
});
