import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openTaskDrafts } from '../../src/config/taskDrafts.js';
import { initialValues } from '../../src/model/taskFormState.js';

const dir = mkdtempSync(join(tmpdir(), 'dmst-drafts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('task drafts', () => {
  it('keeps one draft per project across reopening, in a 0600 file', () => {
    const values = initialValues({
      name: 'sales',
      mappings: [{ action: 'include', schema: 's', table: '%' }],
    });
    openTaskDrafts(dir).save('shop.eu', { values, savedAt: '2026-01-01T00:00:00.000Z' });
    openTaskDrafts(dir).save('other', {
      values: { ...values, name: 'x' },
      savedAt: '2026-01-01T00:00:00.000Z',
    });
    const again = openTaskDrafts(dir);
    expect(again.load('shop.eu')?.values.name).toBe('sales');
    expect(again.load('other')?.values.name).toBe('x');
    again.clear('shop.eu');
    expect(openTaskDrafts(dir).load('shop.eu')).toBeUndefined();
    expect(openTaskDrafts(dir).load('other')).toBeDefined();
    const file = join(dir, 'task-drafts.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).not.toMatch(/password/i);
  });
});
