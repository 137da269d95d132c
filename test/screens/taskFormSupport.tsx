// Helpers for the Create Task form's screen tests: Services pointed at an in-process sandbox,
// an in-memory draft store, and the form rendered with the ink test driver (test/support/ink.ts).
import { App } from '../../src/shell/App.js';
import type { Services } from '../../src/ui/services.js';
import { createAwsClients } from '../../src/aws/clients.js';
import type { AwsTarget } from '../../src/model/awsTarget.js';
import { DEFAULT_PREFERENCES, type Preferences } from '../../src/config/preferences.js';
import type { Project } from '../../src/model/project.js';
import type { TaskDraftStore, TaskFormDraft } from '../../src/model/taskFormState.js';
import type { Route } from '../../src/model/navigation.js';
import { renderInk } from '../support/ink.js';

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
  return renderInk(<App services={services} initialRoute={route} />);
}

/** The line of the frame that holds text (for checking what sits on a field's row). */
export function lineWith(frame: string, text: string): string {
  return frame.split('\n').find((l) => l.includes(text)) ?? '';
}
