// Services for hook and screen tests, pointed at a test sandbox.
import type { Services } from '../../src/app/services.js';
import { DEFAULT_PREFERENCES, type Preferences } from '../../src/config/preferences.js';
import type { TestSandbox } from './sandbox.js';

export function testServices(sb: TestSandbox, overrides: Partial<Services> = {}): Services {
  let prefs: Preferences = { ...DEFAULT_PREFERENCES };
  const services: Services = {
    target: sb.target,
    clients: sb.clients,
    setTarget: () => undefined,
    preferences: { get: () => prefs, update: (p) => (prefs = { ...prefs, ...p }) },
    readOnly: false,
    refreshSeconds: 5,
    setRefreshSeconds: (s) => {
      services.refreshSeconds = s;
    },
    sandbox: { endpointUrl: sb.sandbox.url },
    ...overrides,
  };
  return services;
}

/** A scheduler tests drive by hand: it records each delay asked for and fires on demand. */
export class ManualScheduler {
  private next = 1;
  pending = new Map<number, { fn: () => void; ms: number }>();
  /** Every delay scheduled, in order. */
  delays: number[] = [];

  setTimeout = (fn: () => void, ms: number): unknown => {
    const id = this.next++;
    this.pending.set(id, { fn, ms });
    this.delays.push(ms);
    return id;
  };

  clearTimeout = (handle: unknown): void => {
    this.pending.delete(handle as number);
  };

  /** Fires everything due now (all pending timers). Returns how many fired. */
  fire(): number {
    const due = [...this.pending.entries()];
    this.pending.clear();
    for (const [, t] of due) t.fn();
    return due.length;
  }
}
