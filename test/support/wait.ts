// The one way tests wait: poll a check until it holds, bounded, never a fixed sleep. On timeout
// the error says what was awaited and shows the last thing seen: the last screen or frame
// (`describe`), the last value, or the last assertion that failed.
import { inspect } from 'node:util';

export interface WaitOptions<T> {
  /** Give up after this many ms (default 10 000). */
  timeout?: number;
  /** Ms between checks (default 50). */
  interval?: number;
  /** For a check that returns a value: wait until this holds for it. */
  until?: (value: T) => boolean;
  /** What is awaited, for the timeout message. */
  what?: string;
  /** The state to show on timeout, e.g. the last screen. */
  describe?: () => string;
}

const NOT_YET = Symbol('not yet');

/**
 * Calls `check` until it neither throws nor returns `false` (with `until`: until its value
 * satisfies `until`); returns that value. Assertions (`expect(…)`) work as checks.
 */
export async function waitFor<T>(
  check: () => T | Promise<T>,
  options: WaitOptions<T> = {},
): Promise<T> {
  const { timeout = 10_000, interval = 50, until, what, describe } = options;
  const deadline = Date.now() + timeout;
  let lastError: unknown = NOT_YET;
  let lastValue: T | typeof NOT_YET = NOT_YET;
  for (;;) {
    try {
      const value = await check();
      if (until ? until(value) : value !== false) return value;
      lastValue = value;
      lastError = NOT_YET;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) throw timeoutError(timeout, what, lastError, lastValue, describe);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

function timeoutError(
  timeout: number,
  what: string | undefined,
  lastError: unknown,
  lastValue: unknown,
  describe: (() => string) | undefined,
): Error {
  const lines = [`Timed out after ${timeout} ms waiting for ${what ?? 'the condition'}`];
  if (lastError !== NOT_YET)
    lines.push(
      `last failure: ${lastError instanceof Error ? lastError.message : String(lastError)}`,
    );
  else if (lastValue !== NOT_YET && !describe)
    lines.push(`last value: ${inspect(lastValue, { depth: 4, breakLength: 100 })}`);
  if (describe) lines.push('at timeout:', describe());
  return new Error(lines.join('\n'), lastError === NOT_YET ? undefined : { cause: lastError });
}
