// A password typed at the terminal, not echoed, for commands that need one (never from argv).
import { stdin, stderr } from 'node:process';

/** Reads one line from a TTY without echo; null when stdin is not a terminal or on Ctrl-C. */
export function promptPassword(question: string): Promise<string | null> {
  if (!stdin.isTTY) return Promise.resolve(null);
  stderr.write(question);
  return new Promise((resolve) => {
    let typed = '';
    stdin.setRawMode(true);
    stdin.resume();
    const finish = (value: string | null) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      stderr.write('\n');
      resolve(value);
    };
    const onData = (chunk: Buffer) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n') return finish(typed);
        if (ch === '\u0003' || ch === '\u0004') return finish(null);
        if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
        else if (ch >= ' ') typed += ch;
      }
    };
    stdin.on('data', onData);
  });
}
