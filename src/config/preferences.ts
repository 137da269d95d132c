// The user's remembered choices: last profile and region, refresh interval.
import type Conf from 'conf';
import { openStore } from './store.js';

export type Preferences = {
  /** Name of the last chosen profile; "" = default credential chain; "sandbox" = the local sandbox. */
  lastProfile?: string;
  lastRegion?: string;
  refreshSeconds: number;
};

export const DEFAULT_PREFERENCES: Preferences = { refreshSeconds: 5 };

export interface PreferencesStore {
  get(): Preferences;
  update(patch: Partial<Preferences>): void;
  notice?: string;
}

export function openPreferences(cwd?: string): PreferencesStore {
  const { store, notice } = openStore<Preferences>('preferences', DEFAULT_PREFERENCES, cwd);
  return preferencesFrom(store, notice);
}

function preferencesFrom(store: Conf<Preferences>, notice?: string): PreferencesStore {
  return {
    notice,
    get: () => ({ ...DEFAULT_PREFERENCES, ...store.store }),
    update(patch) {
      for (const [key, value] of Object.entries(patch)) {
        if (value === undefined) store.delete(key as keyof Preferences);
        else store.set(key as keyof Preferences, value as never);
      }
    },
  };
}
