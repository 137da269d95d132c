// Runs a `dms-tui` script command in-process and captures what it prints, as a test reads it.
import { runTaskCommand } from '../../src/commands/index.js';
import type { CommandIo } from '../../src/commands/io.js';

export interface CommandRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** `dms-tui NAME ARGS…` with `io` (less stdout and stderr, which are captured). */
export async function runCommand(
  name: string,
  args: string[],
  io: Omit<CommandIo, 'stdout' | 'stderr'>,
): Promise<CommandRun> {
  const out = { stdout: '', stderr: '' };
  const code = await runTaskCommand(name, args, {
    ...io,
    stdout: (text) => {
      out.stdout += text;
    },
    stderr: (text) => {
      out.stderr += text;
    },
  });
  return { code, ...out };
}
