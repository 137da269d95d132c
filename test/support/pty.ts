// The test driver for the built CLI (dist/cli.js) in a real pseudo-terminal: reads the screen
// as a person sees it, through a headless xterm, and presses keys (by name or by command id from
// the key table) one at a time, waiting after each until the screen has settled instead of
// sleeping, so a busy machine cannot make two keys arrive in one read. CI is removed from the
// child's environment so Ink draws every frame, as it does for a person.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import xtermHeadless from '@xterm/headless';
import * as pty from 'node-pty';
import type { CommandId } from '../../src/ui/keys.js';
import { commandKey, keyBytes } from './keys.js';
import { type WaitOptions, waitFor } from './wait.js';

const { Terminal } = xtermHeadless as unknown as {
  Terminal: typeof import('@xterm/headless').Terminal;
};
type XTerm = InstanceType<typeof Terminal>;

export const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

/** After a key, the screen has settled once no output came for QUIET_MS. */
const QUIET_MS = 40;
/** A key that changes nothing on screen is taken as read after this long (at least)… */
const MIN_GRACE_MS = 300;
/** …or three times the slowest answer to a key seen so far, up to MAX_GRACE_MS. */
const MAX_GRACE_MS = 2000;
/** A screen that never stops changing (a clock, fast polling) holds a key up no longer. */
const MAX_SETTLE_MS = 5000;

export interface TerminalSession {
  /** The visible screen, one string per row, trailing spaces trimmed. */
  screen(): string;
  /** Everything the program wrote, raw (escape sequences included). */
  output(): string;
  /** Writes raw bytes at once (no settling): a paste, or a key whose timing is measured. */
  write(data: string): void;
  /** Presses keys by name ('j', 'enter', 'escape', 'ctrl+d', …), each once the last settled. */
  press(...keys: string[]): Promise<void>;
  /** Presses the command's first key from the key table (or `key`, one of its keys). */
  pressCommand(id: CommandId, key?: string): Promise<void>;
  /** Types text one character at a time, settling after each. */
  type(text: string): Promise<void>;
  resize(cols: number, rows: number): void;
  /** Waits until the screen shows `text`; returns the screen. */
  waitForText(text: string | RegExp, timeout?: number): Promise<string>;
  /** Waits until `check(screen)` holds (true, or an assertion that passes); returns its value. */
  waitFor<T>(check: (screen: string) => T, options?: Omit<WaitOptions<T>, 'describe'>): Promise<T>;
  /** Resolves with the exit code (or the signal number + 128). */
  exited: Promise<number>;
  kill(signal?: string): void;
  /** True while the alternate screen buffer is active. */
  inAlternateScreen(): boolean;
  cursorHidden(): boolean;
  pid: number;
}

export function startTerminal({
  args = [],
  cols = 100,
  rows = 30,
  env = {},
  command = process.execPath,
  cwd,
  nodeArgs = [],
}: {
  args?: string[];
  /** Options for node itself, before the CLI script (e.g. --import a preload). */
  nodeArgs?: string[];
  cols?: number;
  rows?: number;
  env?: Record<string, string | undefined>;
  command?: string;
  cwd?: string;
}): TerminalSession {
  const childEnv: Record<string, string> = {};
  for (const [key, value] of Object.entries({ ...process.env, TERM: 'xterm-256color', ...env })) {
    if (value !== undefined && key !== 'CI' && !key.startsWith('VITEST') && key !== 'NODE_ENV')
      childEnv[key] = value;
  }
  const term = new Terminal({ cols, rows, allowProposedApi: true });
  let raw = '';
  /** Chunks parsed into the screen buffer so far, and when the last one was. */
  const parsed = { count: 0, at: Date.now() };
  let running = true;
  const child = pty.spawn(
    command,
    command === process.execPath ? [...nodeArgs, CLI, ...args] : args,
    { name: 'xterm-256color', cols, rows, cwd: cwd ?? process.cwd(), env: childEnv },
  );
  child.onData((data) => {
    raw += data;
    term.write(data, () => {
      parsed.count++;
      parsed.at = Date.now();
    });
  });
  const flush = () => new Promise<void>((resolve) => term.write('', resolve));
  /** The exit can be reported before the pty's last bytes are read: wait until what arrived
   *  is parsed and no more comes for a moment (at most a few seconds). */
  const drained = async () => {
    for (let round = 0; round < 60; round++) {
      const seen = parsed.count;
      await flush();
      await new Promise((resolve) => setTimeout(resolve, 50));
      if (parsed.count === seen) return;
    }
  };
  const exited = new Promise<number>((resolve) => {
    child.onExit(({ exitCode, signal }) => {
      running = false;
      const code = signal ? 128 + signal : exitCode;
      void drained().then(() => resolve(code));
    });
  });

  const screen = () => {
    const buffer = term.buffer.active;
    const lines: string[] = [];
    for (let y = 0; y < term.rows; y++)
      lines.push(buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '');
    return lines.join('\n');
  };
  const settler = createSettler({
    term,
    parsed,
    flush,
    running: () => running,
    idle: () => appIdle(child.pid),
  });
  const send = async (bytes: string) => {
    const before = settler.mark();
    child.write(bytes);
    await settler.settle(before);
  };

  return {
    pid: child.pid,
    screen,
    output: () => raw,
    write: (data) => child.write(data),
    async press(...keys) {
      for (const key of keys) await send(keyBytes(key));
    },
    pressCommand: (id, key) => send(keyBytes(commandKey(id, key))),
    async type(text) {
      for (const ch of text) await send(ch);
    },
    resize(c, r) {
      // The terminal changes size first, then the program is told (SIGWINCH), as in a real one.
      term.resize(c, r);
      child.resize(c, r);
    },
    waitForText: (text, timeout = 15_000) =>
      waitFor(
        async () => {
          await flush();
          return screen();
        },
        {
          until: (s) => (typeof text === 'string' ? s.includes(text) : text.test(s)),
          what: String(text),
          describe: screen,
          timeout,
          interval: 50,
        },
      ),
    waitFor: (check, options = {}) =>
      waitFor(
        async () => {
          await flush();
          return check(screen());
        },
        { timeout: 15_000, interval: 50, ...options, describe: screen },
      ),
    exited,
    kill: (signal = 'SIGTERM') => child.kill(signal),
    inAlternateScreen: () => term.buffer.active.type === 'alternate',
    cursorHidden: () => {
      // xterm exposes cursor visibility through the DECTCEM mode of its core; read it from the raw
      // stream instead: the last ?25h/?25l wins.
      const show = raw.lastIndexOf('\u001b[?25h');
      const hide = raw.lastIndexOf('\u001b[?25l');
      return hide > show;
    },
  };
}

/**
 * Decides when the screen has settled after a key. Settled = the screen (text and colours)
 * changed since the key and then no output came for QUIET_MS; or, for a key that changes nothing,
 * no change within the grace period (then no output for QUIET_MS). The grace grows with the
 * slowest answer seen, so on a loaded machine a silent key is still given time to be read. In
 * both cases the program must also be idle (its main thread asleep, waiting for input), so work
 * the key started after drawing (React's effects) is done before the next key is read.
 */
function createSettler({
  term,
  parsed,
  flush,
  running,
  idle,
}: {
  term: XTerm;
  /** Output chunks parsed into the buffer so far, and when the last one was. */
  parsed: { count: number; at: number };
  /** Resolves once everything received so far is in the buffer. */
  flush: () => Promise<void>;
  running: () => boolean;
  idle: () => boolean;
}) {
  let slowestAnswer = 0;
  return {
    mark: () => ({ snapshot: snapshot(term), sentAt: Date.now() }),
    async settle(before: { snapshot: string; sentAt: number }): Promise<void> {
      let changed = false;
      let seenCount = parsed.count;
      for (;;) {
        await new Promise((resolve) => setTimeout(resolve, 10));
        await flush();
        const now = Date.now();
        if (!running()) return;
        if (!changed && parsed.count !== seenCount) {
          seenCount = parsed.count;
          if (snapshot(term) !== before.snapshot) {
            changed = true;
            slowestAnswer = Math.max(slowestAnswer, parsed.at - before.sentAt);
          }
        }
        if (now - before.sentAt >= MAX_SETTLE_MS) return;
        if (now - parsed.at < QUIET_MS || !idle()) continue;
        if (changed) return;
        const grace = Math.min(MAX_GRACE_MS, Math.max(MIN_GRACE_MS, 3 * slowestAnswer));
        if (now - before.sentAt >= grace) return;
      }
    },
  };
}

/** True while the program's main thread sleeps (waits for input); true where /proc is absent. */
function appIdle(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) === 'S';
  } catch {
    return true;
  }
}

/** The visible screen with each cell's colours and attributes: a focus move changes it too. */
function snapshot(term: XTerm): string {
  const buffer = term.buffer.active;
  const cell = buffer.getNullCell();
  const parts: string[] = [];
  for (let y = 0; y < term.rows; y++) {
    const line = buffer.getLine(buffer.viewportY + y);
    if (!line) continue;
    for (let x = 0; x < term.cols; x++) {
      line.getCell(x, cell);
      parts.push(
        cell.getChars(),
        String(cell.getFgColor()),
        String(cell.getBgColor()),
        String(cell.isInverse() | (cell.isBold() << 1) | (cell.isDim() << 2)),
      );
    }
  }
  return `${buffer.type}\n${parts.join('\u0001')}`;
}

/** The environment of a home of the test's own: its config and data dirs, AWS config and
 *  credentials files (absent unless the test writes them), and no profile. */
export function homeEnv(home: string) {
  return {
    HOME: home,
    DMS_TUI_CONFIG_DIR: join(home, 'config'),
    DMS_TUI_DATA_DIR: join(home, 'data'),
    AWS_CONFIG_FILE: join(home, 'aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'aws-credentials'),
    AWS_PROFILE: undefined,
  };
}

/**
 * An environment for the built CLI that touches nothing of the user's: a fresh home (homeEnv)
 * and region eu-west-1.
 */
export function isolatedEnv(prefix = 'dmst-e2e-') {
  const home = mkdtempSync(join(tmpdir(), prefix));
  return { home, env: { ...homeEnv(home), AWS_REGION: 'eu-west-1' } };
}

/** The keys the sandbox's test sandboxes are reached with (not a real key). */
export const SANDBOX_KEYS = {
  AWS_ACCESS_KEY_ID: 'SANDBOXACCESSKEY',
  AWS_SECRET_ACCESS_KEY: 'sandbox-secret-not-a-real-key',
};

/** The built CLI against the sandbox at `url` (region us-east-1, refreshing every second), in a
 *  fresh home (homeEnv) made with `prefix`, with the sandbox's keys. */
export function sandboxTerminal(
  url: string,
  { cols, rows, prefix }: { cols: number; rows: number; prefix: string },
): TerminalSession {
  const home = mkdtempSync(join(tmpdir(), prefix));
  return startTerminal({
    args: ['--endpoint-url', url, '--region', 'us-east-1', '--refresh', '1'],
    cols,
    rows,
    env: { ...homeEnv(home), ...SANDBOX_KEYS },
  });
}
