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

  it('cuts text beyond a field limit before saving, so a huge paste never reaches the file', () => {
    const values = initialValues({ name: 'x', mappings: [] });
    const drafts = openTaskDrafts(dir);
    drafts.save('paste', {
      values: {
        ...values,
        name: 'n'.repeat(100_000),
        lobMaxKb: '9'.repeat(50_000),
        mappings: [{ action: 'include', schema: 's'.repeat(10_000), table: '%' }],
      },
      savedAt: '2026-01-01T00:00:00.000Z',
    });
    const file = join(dir, 'task-drafts.json');
    expect(statSync(file).size).toBeLessThan(4096);
    const back = openTaskDrafts(dir).load('paste')!;
    expect(back.values.name).toBe('n'.repeat(255));
    expect(back.values.lobMaxKb).toHaveLength(16);
    expect(back.values.mappings[0]!.schema).toHaveLength(255);
  });

  it('does not save a draft that still does not fit, keeping the one before', () => {
    const values = initialValues({ name: 'kept', mappings: [] });
    const drafts = openTaskDrafts(dir);
    drafts.save('many', { values, savedAt: '2026-01-01T00:00:00.000Z' });
    const rows = Array.from({ length: 5001 }, (_, i) => ({
      action: 'include' as const,
      schema: 's',
      table: `t${i}`,
    }));
    drafts.save('many', {
      values: { ...values, name: 'lost', mappings: rows },
      savedAt: '2026-01-02T00:00:00.000Z',
    });
    expect(openTaskDrafts(dir).load('many')?.values.name).toBe('kept');
  });
});
