// Writing a file the user asked for: never overwriting unless told, failures as one line.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveUserPath, saveTextFile } from '../../src/config/files.js';

const dir = mkdtempSync(join(tmpdir(), 'dmst-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('saveTextFile', () => {
  it('writes a new file, asks before replacing it, and replaces it when told', () => {
    const path = join(dir, 'task.json');
    expect(saveTextFile(path, 'one', { overwrite: false })).toEqual({ status: 'saved', path });
    expect(saveTextFile(path, 'two', { overwrite: false })).toEqual({ status: 'exists', path });
    expect(readFileSync(path, 'utf8')).toBe('one');
    expect(saveTextFile(path, 'two', { overwrite: true })).toEqual({ status: 'saved', path });
    expect(readFileSync(path, 'utf8')).toBe('two');
  });

  it('writes with the mode asked for', () => {
    const path = join(dir, 'private.log');
    saveTextFile(path, 'x', { overwrite: false, mode: 0o600 });
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it.each([
    ['a missing folder', () => join(dir, 'nope', 'x.json'), 'the folder does not exist'],
    ['a folder', () => dir, 'it is a folder'],
    [
      'a file in place of a folder',
      () => {
        writeFileSync(join(dir, 'plain'), '');
        return join(dir, 'plain', 'x.json');
      },
      'Cannot write',
    ],
  ])('reports %s as one line', (_what, path, reason) => {
    const result = saveTextFile(path(), 'x', { overwrite: true });
    expect(result.status).toBe('failed');
    expect(result.status === 'failed' && result.error).toContain(reason);
    expect(result.status === 'failed' && result.error.includes('\n')).toBe(false);
  });
});

describe('resolveUserPath', () => {
  it.each([
    ['x.json', '/work/x.json'],
    ['  out/x.json ', '/work/out/x.json'],
    ['/tmp/x.json', '/tmp/x.json'],
    [`~/x.json`, join(process.env.HOME ?? '~', 'x.json')],
  ])('%s → %s', (typed, absolute) => {
    expect(resolveUserPath(typed, '/work')).toBe(absolute);
  });
});
