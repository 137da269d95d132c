// `dms-tui logs TASK [--follow] [--since 10m]`: the task's CloudWatch log, like `aws logs tail`.
import { errorLine } from '../aws/call.js';
import type { AwsClients } from '../aws/clients.js';
import { createLogTail } from '../aws/logs.js';
import { findTask, listNames } from '../aws/tasks.js';
import type { LogLine } from '../model/logLine.js';
import { instanceName, taskLogLocation } from '../model/task.js';
import { logEvent } from '../model/dmsShape.js';
import { jsonLine } from './format.js';
import { type CommandIo, EXIT, type ParsedCommand } from './io.js';

export async function runLogs(
  clients: AwsClients,
  command: ParsedCommand,
  io: CommandIo,
): Promise<number> {
  const task = await findTask(clients, command.tasks[0] ?? '');
  const names = await listNames(clients);
  const location = taskLogLocation(task, instanceName(task.instanceArn, names));
  const startTime = command.sinceMs !== undefined ? Date.now() - command.sinceMs : undefined;
  const tail = createLogTail(clients, location, { startTime });
  const print = (lines: LogLine[]) => {
    if (lines.length === 0) return;
    const text =
      command.output === 'json'
        ? lines.map((l) => jsonLine(logEvent(l))).join('\n')
        : lines.map((l) => l.raw).join('\n');
    io.stdout(`${text}\n`);
  };
  for (;;) {
    const page = await tail.next();
    print(page.lines);
    if (page.atEnd) break;
  }
  if (!command.follow) return EXIT.ok;
  const every = io.followIntervalMs ?? 2000;
  while (!io.signal?.aborted) {
    await pause(every, io.signal);
    if (io.signal?.aborted) break;
    try {
      for (;;) {
        const page = await tail.next();
        print(page.lines);
        if (page.atEnd) break;
      }
    } catch (error) {
      // A throttled or dropped call while following: say so once and keep following.
      io.stderr(`dms-tui logs: ${errorLine(error)} (still following)\n`);
    }
  }
  return EXIT.ok;
}

/** Waits `ms` or until the signal aborts, and leaves no listener behind on the signal either
 *  way (one per poll would pile up: MaxListenersExceededWarning after ten polls). */
function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
