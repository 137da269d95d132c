// The user's remembered choices: last profile and region, refresh interval, the lag that
// raises an alert (preferences.json, checked against its schema in src/model/configSchemas.ts).
import { FILE_LIMITS, type PreferencesFile, preferencesSchema } from '../model/configSchemas.js';
import { DEFAULT_LAG_ALERT_SECONDS } from '../model/alerts.js';
import { openStore } from './store.js';

export type Preferences = PreferencesFile;

export const DEFAULT_PREFERENCES: Preferences = { refreshSeconds: 5 };

/** The lag alert threshold in seconds (the preference, else DEFAULT_LAG_ALERT_SECONDS). */
export function lagAlertSeconds(preferences: Preferences): number {
  return preferences.lagAlertSeconds ?? DEFAULT_LAG_ALERT_SECONDS;
}

export interface PreferencesStore {
  get(): Preferences;
  /** Remembers the changes (a value out of its range, or a failed write, is not remembered). */
  update(patch: Partial<Preferences>): void;
  notice?: string;
}

export function openPreferences(cwd?: string): PreferencesStore {
  const store = openStore(
    {
      name: 'preferences',
      noun: 'a preferences file',
      defaults: DEFAULT_PREFERENCES,
      schema: preferencesSchema,
      maxBytes: FILE_LIMITS.preferences,
    },
    cwd,
  );
  return {
    get notice() {
      return store.notice;
    },
    get: () => ({ ...store.read() }),
    update(patch) {
      const next: Record<string, unknown> = { ...store.read() };
      for (const [key, value] of Object.entries(patch)) {
        if (value === undefined) delete next[key];
        else next[key] = value;
      }
      try {
        store.write(next as unknown as Preferences);
      } catch {
        // A choice that cannot be remembered is not worth stopping the app for: the running
        // app still uses it.
      }
    },
  };
}
