import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPreferences } from '../../src/config/preferences.js';

describe('preferences store', () => {
  it('remembers choices in a 0600 file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dmst-prefs-'));
    const prefs = openPreferences(dir);
    expect(prefs.get().refreshSeconds).toBe(5);
    prefs.update({ lastProfile: 'prod', lastRegion: 'eu-west-1' });
    const again = openPreferences(dir);
    expect(again.get()).toMatchObject({ lastProfile: 'prod', lastRegion: 'eu-west-1' });
    expect(statSync(join(dir, 'preferences.json')).mode & 0o777).toBe(0o600);
  });

  it('moves a corrupt file aside, keeps it, and starts from defaults with a notice', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dmst-prefs-'));
    writeFileSync(join(dir, 'preferences.json'), '{"lastProfile": "prod", oops');
    const prefs = openPreferences(dir);
    expect(prefs.notice).toMatch(/preferences\.json was unreadable: moved to .*corrupt/);
    expect(prefs.get().refreshSeconds).toBe(5);
    const aside = readdirSync(dir).find((f) => f.includes('.corrupt-'));
    expect(aside).toBeDefined();
    expect(readFileSync(join(dir, aside!), 'utf8')).toContain('oops');
  });
});
