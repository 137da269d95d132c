// Full-screen mode and its undoing. Ink 6 has no alternate-screen option, so the app enters the
// alternate screen itself and restores the terminal on every way out: quit, Ctrl-C, uncaught
// errors, and every signal whose default action ends the process (EXIT_SIGNALS).
import { visible } from '../model/visibleText.js';

const ENTER_ALT_SCREEN = '\x1b[?1049h\x1b[H';
const LEAVE_ALT_SCREEN = '\x1b[?1049l';
const SHOW_CURSOR = '\x1b[?25h';

let active = false;

export function enterFullscreen(): void {
  if (active) return;
  active = true;
  process.stdout.write(ENTER_ALT_SCREEN);
}

/** Idempotent: safe to call from several exit paths. */
export function restoreTerminal(): void {
  if (!active) return;
  active = false;
  try {
    if (process.stdin.isTTY && process.stdin.isRaw) process.stdin.setRawMode(false);
  } catch {
    // stdin may already be closed (SIGHUP): nothing left to restore there.
  }
  try {
    process.stdout.write(LEAVE_ALT_SCREEN + SHOW_CURSOR);
  } catch {
    // The terminal is gone.
  }
}

/**
 * The signals that end a process by default and that a Node program may handle: each restores
 * the terminal, then the process exits with 128 + the signal's number, as a shell reports a
 * process killed by it. Names the platform lacks are never emitted. Left alone:
 * - SIGUSR1: Node starts its inspector on it (and the process goes on); a listener would
 *   take that away.
 * - SIGPIPE: Node ignores it (a write to a closed pipe is an EPIPE error instead).
 * - SIGPROF: V8's CPU profiler (--cpu-prof, --prof) runs on it.
 * - SIGSEGV, SIGBUS, SIGFPE, SIGILL: when real, no JavaScript can safely run after them.
 * - SIGKILL, SIGSTOP: cannot be caught.
 * - SIGIO: only sent for asynchronous I/O, which nothing here asks for; handled, it raced with
 *   Ink's own exit hook on a loaded machine and the process sometimes ended with 0.
 * SIGQUIT and the other core-dumping signals exit without a core file: a core would hold this
 * run's passwords.
 */
export const EXIT_SIGNALS = [
  'SIGHUP',
  'SIGINT',
  'SIGQUIT',
  'SIGTERM',
  'SIGUSR2',
  'SIGALRM',
  'SIGVTALRM',
  'SIGXCPU',
  'SIGXFSZ',
  'SIGABRT',
  // The same signal as SIGABRT on Linux. Ink's exit hook (signal-exit) listens to it by this
  // name too, and where it is the only listener it unmounts the app itself: the app then
  // returned 0 before the SIGABRT listener ran. Listening here keeps the exit ours (134).
  'SIGIOT',
  'SIGTRAP',
  'SIGSYS',
  'SIGPWR',
  'SIGSTKFLT',
  'SIGLOST',
] as const;

/** Exit codes of the signals in EXIT_SIGNALS when the handler is not told the number. */
const FALLBACK_CODE: Partial<Record<(typeof EXIT_SIGNALS)[number], number>> = {
  SIGHUP: 129,
  SIGINT: 130,
  SIGQUIT: 131,
  SIGTERM: 143,
};

/**
 * Restores the terminal and exits on signals and crashes. `beforeExit` unmounts the UI first
 * (so Ink stops drawing) — it must not throw.
 */
export function installExitHandlers(beforeExit: () => void): void {
  let finishing = false;
  const finish = (code: number, message?: string) => {
    // A second signal while the first is handled changes nothing.
    if (finishing) return;
    finishing = true;
    try {
      beforeExit();
    } catch {
      // Unmounting failed; restoring the terminal matters more.
    }
    restoreTerminal();
    // The message may quote outside text (an error from a driver or AWS): shown, not obeyed.
    if (message) process.stderr.write(`${visible(message, { lines: true, maxLength: 20_000 })}\n`);
    process.exit(code);
  };
  for (const signal of EXIT_SIGNALS) {
    // Node hands the listener the signal's number on this platform. `on`, not `once`: conf's
    // exit hook (when-exit) sends the signal again after its own `once` listener ran, and with
    // no listener left that second one would kill the process mid-restore.
    process.on(signal, (_name: string, number?: number) =>
      finish(typeof number === 'number' ? 128 + number : (FALLBACK_CODE[signal] ?? 1)),
    );
  }
  process.once('uncaughtException', (error) =>
    finish(1, `dms-tui crashed: ${error.stack ?? error.message}`),
  );
  process.once('unhandledRejection', (reason) =>
    finish(1, `dms-tui crashed: ${(reason as Error)?.stack ?? String(reason)}`),
  );
  process.once('exit', restoreTerminal);
}
