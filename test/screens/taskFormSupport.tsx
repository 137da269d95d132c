// Helpers for the Create Task form's screen tests: Services pointed at an in-process sandbox,
// an in-memory draft store, key presses one at a time and bounded waits for a frame.
import { render } from 'ink-testing-library';
import { App } from '../../src/shell/App.js';
import type { Services } from '../../src/ui/services.js';
import { createAwsClients } from '../../src/aws/clients.js';
import type { AwsTarget } from '../../src/model/awsTarget.js';
import { DEFAULT_PREFERENCES, type Preferences } from '../../src/config/preferences.js';
import type { Project } from '../../src/model/project.js';
import type { TaskDraftStore, TaskFormDraft } from '../../src/model/taskFormState.js';
import type { Route } from '../../src/model/navigation.js';

export const KEYS = {
  tab: '\t',
  shiftTab: '\u001B[Z',
  down: '\u001B[B',
  up: '\u001B[A',
  right: '\u001B[C',
  left: '\u001B[D',
  enter: '\r',
  escape: '\u001B',
  backspace: '\u007F',
  ctrlS: '\u0013',
  ctrlP: '\u0010',
} as const;

export function memoryDrafts(): TaskDraftStore & { all: Map<string, TaskFormDraft> } {
  const all = new Map<string, TaskFormDraft>();
  return {
    all,
    load: (p) => all.get(p),
    save: (p, d) => void all.set(p, structuredClone(d)),
    clear: (p) => void all.delete(p),
  };
}

export function sandboxServices(
  url: string,
  extra: { project?: Project; taskDrafts?: TaskDraftStore } = {},
): Services {
  const target: AwsTarget = { sandbox: true, endpointUrl: url, region: 'us-east-1' };
  let prefs: Preferences = { ...DEFAULT_PREFERENCES };
  return {
    target,
    clients: createAwsClients(target, { retryMode: 'standard', maxAttempts: 1 }),
    setTarget: () => {},
    preferences: {
      get: () => prefs,
      update(patch) {
        prefs = { ...prefs, ...patch };
      },
    },
    readOnly: false,
    refreshSeconds: 5,
    setRefreshSeconds: () => {},
    sandbox: { endpointUrl: url },
    ...extra,
  };
}

export function renderForm(services: Services, params: Record<string, unknown> = {}) {
  const route: Route = { screen: 'taskForm', params };
  const app = render(<App services={services} initialRoute={route} />);
  const frame = () => app.lastFrame() ?? '';
  return {
    ...app,
    frame,
    /** Writes keys one at a time, letting Ink handle each. */
    async press(...keys: string[]) {
      for (const key of keys) {
        app.stdin.write(key);
        await new Promise((r) => setTimeout(r, 15));
      }
    },
    async type(text: string) {
      for (const ch of text) {
        app.stdin.write(ch);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    async waitFor(check: (frame: string) => boolean, what: string, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const f = frame();
        if (check(f)) return f;
        if (Date.now() > deadline)
          throw new Error(`Timed out waiting for ${what}; last frame:\n${f}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    waitForText(text: string | RegExp, timeoutMs?: number) {
      return this.waitFor(
        (f) => (typeof text === 'string' ? f.includes(text) : text.test(f)),
        String(text),
        timeoutMs,
      );
    },
  };
}

/** The line of the frame that holds text (for checking what sits on a field's row). */
export function lineWith(frame: string, text: string): string {
  return frame.split('\n').find((l) => l.includes(text)) ?? '';
}
