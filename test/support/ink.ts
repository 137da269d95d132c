// The test driver for ink-testing-library: presses keys (by name or by command id from the key
// table) one write at a time and, after each, lets the frame settle (the render the key caused,
// then a short quiet spell) before the next, so keys never overtake a render and Ink never
// reads two keys as one paste. Waits go through the shared waitFor (wait.ts).
import { render } from 'ink-testing-library';
import type { ReactElement } from 'react';
import type { CommandId } from '../../src/ui/keys.js';
import { commandKey, keyBytes } from './keys.js';
import { type WaitOptions, waitFor } from './wait.js';

/** What the driver needs of ink-testing-library's render result. */
export interface InkApp {
  stdin: { write(data: string): void };
  lastFrame(): string | undefined;
  /** Every frame rendered so far (ink-testing-library renders in debug mode: one per render). */
  frames: string[];
}

/** A frame has settled when no new render came for QUIET_MS (and a few event-loop turns). */
const QUIET_MS = 20;
/** A key that renders nothing is done after this long without a render. */
const GRACE_MS = 50;
/** A screen that keeps rendering (a spinner, fast polling) does not hold keys up longer. */
const MAX_SETTLE_MS = 1000;

export interface InkDriver {
  /** The last frame ('' before the first). */
  frame(): string;
  /** Presses keys by name ('j', 'enter', 'escape', 'shift+tab', 'ctrl+u', …), one at a time. */
  press(...keys: string[]): Promise<void>;
  /** Presses the command's first key from the key table (or `key`, one of its keys). */
  pressCommand(id: CommandId, key?: string): Promise<void>;
  /** Types text one character at a time. */
  type(text: string): Promise<void>;
  /** Filters the list to `text` as a person does: the filter key, the text, Enter. */
  filterTo(text: string): Promise<void>;
  /** Writes text as one chunk, as a paste arrives. */
  paste(text: string): void;
  /** Waits until the frame shows `text`; returns the frame. */
  waitForText(text: string | RegExp, timeout?: number): Promise<string>;
  /** Waits until `check(frame)` holds (true, or an assertion that passes); returns the frame. */
  waitFor(
    check: (frame: string) => unknown,
    options?: Omit<WaitOptions<string>, 'until' | 'describe'>,
  ): Promise<string>;
}

export function inkDriver(app: InkApp): InkDriver {
  const frame = () => app.lastFrame() ?? '';
  const send = async (bytes: string) => {
    const before = app.frames.length;
    app.stdin.write(bytes);
    await settle(app, before);
  };
  return {
    frame,
    async press(...keys) {
      for (const key of keys) await send(keyBytes(key));
    },
    pressCommand: (id, key) => send(keyBytes(commandKey(id, key))),
    async type(text) {
      for (const ch of text) await send(ch);
    },
    async filterTo(text) {
      await send(keyBytes(commandKey('list.filter')));
      for (const ch of text) await send(ch);
      await send(keyBytes(commandKey('prompt.accept')));
    },
    paste: (text) => app.stdin.write(text),
    waitForText: (text, timeout) =>
      waitFor(frame, {
        until: (f) => (typeof text === 'string' ? f.includes(text) : text.test(f)),
        what: String(text),
        describe: frame,
        timeout,
        interval: 20,
      }),
    waitFor: (check, options = {}) =>
      waitFor(
        () => {
          const f = frame();
          if (check(f) === false) throw new Error('the check returned false');
          return f;
        },
        { interval: 20, ...options, describe: frame },
      ),
  };
}

/** Waits for the render a key caused to finish: new frames, then QUIET_MS without one. */
async function settle(app: InkApp, before: number): Promise<void> {
  const start = Date.now();
  let seen = before;
  let changedAt = 0;
  let quietTurns = 0;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    const now = Date.now();
    if (app.frames.length !== seen) {
      seen = app.frames.length;
      changedAt = now;
      quietTurns = 0;
      continue;
    }
    quietTurns++;
    if (now - start > MAX_SETTLE_MS) return;
    if (quietTurns < 3) continue;
    if (changedAt ? now - changedAt >= QUIET_MS : now - start >= GRACE_MS) return;
  }
}

/** ink-testing-library's render, with the driver's verbs on the result (`app.press('j')`). */
export function renderInk(tree: ReactElement): ReturnType<typeof render> & InkDriver {
  const app = render(tree);
  return Object.assign(app, inkDriver(app));
}
