// Runs the built CLI (dist/cli.js) in a real pseudo-terminal and reads the screen as a user
// sees it, through a headless xterm. CI is removed from the child's environment so Ink draws
// every frame, as it does for a person.
import { fileURLToPath } from 'node:url';
import xtermHeadless from '@xterm/headless';
import * as pty from 'node-pty';
import { waitFor } from './ink.js';

const { Terminal } = xtermHeadless as unknown as {
  Terminal: typeof import('@xterm/headless').Terminal;
};

export const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

export interface TerminalSession {
  /** The visible screen, one string per row, trailing spaces trimmed. */
  screen(): string;
  /** Everything the program wrote, raw (escape sequences included). */
  output(): string;
  write(data: string): void;
  /** Writes keys one at a time with a short pause between them. */
  press(...keys: string[]): Promise<void>;
  resize(cols: number, rows: number): void;
  waitFor(text: string | RegExp, timeoutMs?: number): Promise<string>;
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
  const child = pty.spawn(
    command,
    command === process.execPath ? [...nodeArgs, CLI, ...args] : args,
    {
      name: 'xterm-256color',
      cols,
      rows,
      cwd: cwd ?? process.cwd(),
      env: childEnv,
    },
  );
  child.onData((data) => {
    raw += data;
    term.write(data);
  });
  const exited = new Promise<number>((resolve) => {
    child.onExit(({ exitCode, signal }) => resolve(signal ? 128 + signal : exitCode));
  });

  const screen = () => {
    const buffer = term.buffer.active;
    const lines: string[] = [];
    for (let y = 0; y < term.rows; y++)
      lines.push(buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '');
    return lines.join('\n');
  };
  const flush = () => new Promise<void>((resolve) => term.write('', resolve));

  return {
    pid: child.pid,
    screen,
    output: () => raw,
    write: (data) => child.write(data),
    async press(...keys) {
      for (const key of keys) {
        child.write(key);
        // Long enough that a lone Esc is not read as the start of the next key's sequence.
        await new Promise((resolve) => setTimeout(resolve, 80));
      }
    },
    resize(c, r) {
      // The terminal changes size first, then the program is told (SIGWINCH), as in a real one.
      term.resize(c, r);
      child.resize(c, r);
    },
    waitFor: (text, timeoutMs = 15_000) =>
      waitFor(
        async () => {
          await flush();
          const s = screen();
          const found = typeof text === 'string' ? s.includes(text) : text.test(s);
          if (!found) throw new Error(`Screen never showed ${String(text)}. Screen:\n${s}`);
          return s;
        },
        { timeoutMs, intervalMs: 50 },
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
