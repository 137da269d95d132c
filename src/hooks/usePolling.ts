// The k9s polling loop (DESIGN.md): a quick first fetch, then a fixed interval; one fetch in
// flight at a time (a refresh asked for meanwhile runs right after); exponential backoff on
// transient errors (throttling, network, 5xx) with the reason kept; the last good data stays;
// paused while `active` is false; cancelled on unmount. Never throws into render.
import { useCallback, useEffect, useRef, useState } from 'react';
import { AwsError, errorLine } from '../aws/call.js';

export interface Scheduler {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realScheduler: Scheduler = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
};

export interface PollingOptions<T> {
  fetch: (signal: AbortSignal) => Promise<T>;
  intervalMs: number;
  /** False pauses polling (screen covered or hidden); true again fetches at once. */
  active?: boolean;
  /** A change (e.g. another task, another AWS target) drops the data and starts over. */
  resetKey?: string;
  maxBackoffMs?: number;
  scheduler?: Scheduler;
  /** After a success, true fetches again at once (a backfill that shows page by page). */
  again?: (data: T) => boolean;
}

export interface PollingState<T> {
  data?: T;
  /** One readable line about the last failure; cleared by the next success. */
  error?: string;
  /** Consecutive transient failures (0 when healthy): the backoff exponent. */
  failures: number;
  /** The delay before the next fetch, as scheduled. */
  nextDelayMs?: number;
  lastUpdated?: Date;
  refreshing: boolean;
  /** How many fetches have run (for tests and the bench). */
  fetches: number;
}

export interface PollingApi<T> extends PollingState<T> {
  refresh(): void;
}

export function backoffDelay(intervalMs: number, failures: number, maxMs: number): number {
  if (failures <= 0) return intervalMs;
  return Math.min(maxMs, intervalMs * 2 ** Math.min(failures, 10));
}

export function usePolling<T>(options: PollingOptions<T>): PollingApi<T> {
  const { intervalMs, active = true, resetKey = '', maxBackoffMs = 60_000 } = options;
  const scheduler = options.scheduler ?? realScheduler;
  const [state, setState] = useState<PollingState<T>>({
    refreshing: false,
    failures: 0,
    fetches: 0,
  });
  const latest = useRef(options);
  latest.current = options;
  const loop = useRef({
    timer: undefined as unknown,
    inFlight: false,
    pending: false,
    failures: 0,
    alive: true,
    active,
    intervalMs,
    controller: undefined as AbortController | undefined,
    generation: 0,
  });
  loop.current.active = active;
  loop.current.intervalMs = intervalMs;

  const runRef = useRef<() => void>(() => undefined);
  const schedule = useCallback(
    (ms: number) => {
      const l = loop.current;
      if (l.timer !== undefined) scheduler.clearTimeout(l.timer);
      l.timer = undefined;
      if (!l.alive || !l.active) return;
      l.timer = scheduler.setTimeout(() => {
        l.timer = undefined;
        runRef.current();
      }, ms);
      setState((s) => (s.nextDelayMs === ms ? s : { ...s, nextDelayMs: ms }));
    },
    [scheduler],
  );

  const run = useCallback(() => {
    const l = loop.current;
    if (!l.alive) return;
    if (l.inFlight) {
      l.pending = true;
      return;
    }
    if (l.timer !== undefined) scheduler.clearTimeout(l.timer);
    l.timer = undefined;
    l.inFlight = true;
    const generation = l.generation;
    const controller = new AbortController();
    l.controller = controller;
    setState((s) => ({ ...s, refreshing: true, fetches: s.fetches + 1 }));
    let promise: Promise<T>;
    try {
      promise = latest.current.fetch(controller.signal);
    } catch (error) {
      promise = Promise.reject(error);
    }
    promise
      .then(
        (data) => {
          if (!l.alive || generation !== l.generation) return;
          if (latest.current.again?.(data)) l.pending = true;
          l.failures = 0;
          setState((s) => ({
            ...s,
            data,
            error: undefined,
            failures: 0,
            lastUpdated: new Date(),
            refreshing: false,
          }));
        },
        (error: unknown) => {
          if (!l.alive || generation !== l.generation) return;
          l.failures = error instanceof AwsError && error.transient ? l.failures + 1 : 0;
          const failures = l.failures;
          setState((s) => ({ ...s, error: errorLine(error), failures, refreshing: false }));
        },
      )
      .finally(() => {
        if (generation !== l.generation) return;
        l.inFlight = false;
        l.controller = undefined;
        if (!l.alive) return;
        if (l.pending) {
          l.pending = false;
          // Let the new data render before the next fetch starts.
          setTimeout(() => runRef.current(), 0);
          return;
        }
        schedule(backoffDelay(l.intervalMs, l.failures, maxBackoffMs));
      })
      .catch(() => undefined);
  }, [scheduler, schedule, maxBackoffMs]);
  runRef.current = run;

  // Start, pause, resume.
  useEffect(() => {
    const l = loop.current;
    if (active) run();
    else {
      if (l.timer !== undefined) scheduler.clearTimeout(l.timer);
      l.timer = undefined;
    }
  }, [active, run, scheduler]);

  // A new interval takes effect at once (when not backing off).
  useEffect(() => {
    const l = loop.current;
    if (l.timer !== undefined && !l.inFlight)
      schedule(backoffDelay(intervalMs, l.failures, maxBackoffMs));
  }, [intervalMs, schedule, maxBackoffMs]);

  // A new key starts over: drop the data, forget the fetch in flight.
  const firstKey = useRef(resetKey);
  useEffect(() => {
    if (firstKey.current === resetKey) return;
    firstKey.current = resetKey;
    const l = loop.current;
    l.generation++;
    l.controller?.abort();
    l.inFlight = false;
    l.pending = false;
    l.failures = 0;
    setState({ refreshing: false, failures: 0, fetches: 0 });
    if (l.active) run();
  }, [resetKey, run]);

  // Unmount: stop everything.
  useEffect(() => {
    const l = loop.current;
    l.alive = true;
    return () => {
      l.alive = false;
      if (l.timer !== undefined) scheduler.clearTimeout(l.timer);
      l.timer = undefined;
      l.controller?.abort();
    };
  }, [scheduler]);

  return { ...state, refresh: run };
}
