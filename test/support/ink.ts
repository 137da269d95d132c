// Helpers for ink-testing-library: wait for a frame instead of sleeping, and key sequences.

export const KEYS = {
  up: '\u001B[A',
  down: '\u001B[B',
  right: '\u001B[C',
  left: '\u001B[D',
  enter: '\r',
  escape: '\u001B',
  tab: '\t',
  shiftTab: '\u001B[Z',
  backspace: '\u007F',
  space: ' ',
  pageUp: '\u001B[5~',
  pageDown: '\u001B[6~',
  ctrl: (letter: string) => String.fromCharCode(letter.toLowerCase().charCodeAt(0) - 96),
} as const;

/** Polls until `check` stops throwing (or returns true), up to `timeoutMs`. */
export async function waitFor<T>(
  check: () => T | Promise<T>,
  { timeoutMs = 10_000, intervalMs = 20 } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const result = await check();
      if (result !== false) return result;
      lastError = new Error('condition returned false');
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) throw lastError;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Waits until the last frame contains `text` (or matches the regex); returns the frame. */
export async function waitForFrame(
  lastFrame: () => string | undefined,
  text: string | RegExp,
  timeoutMs = 10_000,
): Promise<string> {
  return waitFor(
    () => {
      const frame = lastFrame() ?? '';
      const found = typeof text === 'string' ? frame.includes(text) : text.test(frame);
      if (!found) throw new Error(`Frame never showed ${String(text)}. Last frame:\n${frame}`);
      return frame;
    },
    { timeoutMs },
  );
}

type KeyTarget =
  | { write(data: string): void }
  | { stdin: { write(data: string): void }; lastFrame: () => string | undefined };

/**
 * Writes keys one at a time, letting Ink process each (Ink treats a multi-key chunk as a paste).
 * Given a render result instead of bare stdin, it waits after each key until the frame changes
 * (at most half a second), so a loaded machine cannot make keys overtake the render.
 */
export async function press(target: KeyTarget, ...keys: string[]): Promise<void> {
  for (const key of keys) {
    if ('lastFrame' in target) {
      const before = target.lastFrame();
      target.stdin.write(key);
      const deadline = Date.now() + 500;
      while (target.lastFrame() === before && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 10));
      await new Promise((resolve) => setTimeout(resolve, 10));
    } else {
      target.write(key);
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
  }
}
