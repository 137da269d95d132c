import { describe, expect, it } from 'vitest';
import {
  cycleEngine,
  draftFromSpec,
  EMPTY_DRAFT,
  specFromDraft,
  validateDraft,
  withEngine,
} from '../../src/model/connectionForm.js';

const good = { ...EMPTY_DRAFT, host: 'db.example.com', user: 'app', database: 'sales' };

describe('connection form validation', () => {
  it.each([
    ['host', { host: '' }, 'Host is required'],
    ['host', { host: 'db host' }, 'is not a host name'],
    ['port', { port: '0' }, 'from 1 to 65535'],
    ['port', { port: '70000' }, 'from 1 to 65535'],
    ['port', { port: 'abc' }, 'must be a number'],
    ['port', { port: '' }, 'Port is required'],
    ['port', { port: '-5' }, 'must be a number'],
    ['engine', { engine: 'cassandra' }, 'Unknown engine "cassandra"'],
    ['user', { user: ' ' }, 'User is required'],
    ['sslMode', { sslMode: 'maybe' }, 'SSL mode must be one of'],
  ] as const)('%s: %j → inline message', (field, patch, message) => {
    const errors = validateDraft({ ...good, ...patch });
    expect(errors[field]).toContain(message);
    expect(Object.keys(errors)).toEqual([field]);
    expect(specFromDraft({ ...good, ...patch }).ok).toBe(false);
  });

  it('accepts a valid draft and builds the spec (password only when typed)', () => {
    expect(validateDraft(good)).toEqual({});
    expect(specFromDraft(good)).toEqual({
      ok: true,
      rememberPassword: false,
      spec: {
        engine: 'postgres',
        host: 'db.example.com',
        port: 5432,
        database: 'sales',
        user: 'app',
        sslMode: 'none',
      },
    });
    const withPw = specFromDraft({ ...good, password: 's3cret', rememberPassword: true });
    expect(withPw.ok && withPw.spec.password).toBe('s3cret');
    expect(withPw.ok && withPw.rememberPassword).toBe(true);
    for (const host of ['127.0.0.1', 'localhost', '::1', '[::1]', 'my-db.internal'])
      expect(validateDraft({ ...good, host }).host, host).toBeUndefined();
  });

  it('fills the engine default port unless the user changed it', () => {
    expect(withEngine(good, 'mysql').port).toBe('3306');
    expect(withEngine({ ...good, port: '6000' }, 'mysql').port).toBe('6000');
    expect(withEngine({ ...good, port: '' }, 'oracle').port).toBe('1521');
    expect(cycleEngine(good, 1).engine).toBe('mysql');
    expect(cycleEngine(good, -1).engine).toBe('sqlserver');
  });

  it('round-trips a spec', () => {
    const spec = {
      engine: 'mariadb' as const,
      host: 'h',
      port: 3307,
      database: '',
      user: 'root',
      sslMode: 'require' as const,
    };
    const draft = draftFromSpec(spec, { password: 'pw' });
    expect(draft).toMatchObject({ port: '3307', password: 'pw', sslMode: 'require' });
    const back = specFromDraft(draft);
    expect(back.ok && back.spec).toEqual({ ...spec, password: 'pw' });
  });
});
