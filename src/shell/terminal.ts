// Full-screen mode and its undoing. Ink 6 has no alternate-screen option, so the app enters the
// alternate screen itself and restores the terminal on every way out: quit, Ctrl-C, SIGTERM,
// SIGHUP (a dropped SSH session), SIGINT, and uncaught errors.

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
 * Restores the terminal and exits on signals and crashes. `beforeExit` unmounts the UI first
 * (so Ink stops drawing) — it must not throw.
 */
export function installExitHandlers(beforeExit: () => void): void {
  const finish = (code: number, message?: string) => {
    try {
      beforeExit();
    } catch {
      // Unmounting failed; restoring the terminal matters more.
    }
    restoreTerminal();
    if (message) process.stderr.write(`${message}\n`);
    process.exit(code);
  };
  for (const [signal, code] of [
    ['SIGTERM', 143],
    ['SIGHUP', 129],
    ['SIGINT', 130],
  ] as const) {
    process.once(signal, () => finish(code));
  }
  process.once('uncaughtException', (error) =>
    finish(1, `dms-tui crashed: ${error.stack ?? error.message}`),
  );
  process.once('unhandledRejection', (reason) =>
    finish(1, `dms-tui crashed: ${(reason as Error)?.stack ?? String(reason)}`),
  );
  process.once('exit', restoreTerminal);
}
