// `dms-tui check TASK… [--max-lag 60s]`: for cron and monitoring scripts. Prints one line per
// task that failed or lags more than --max-lag (default 60 s) and exits 1; prints nothing and
// exits 0 when every task is fine (--output json: every task with its verdict). A TASK that
// does not exist is a line too, and exit 3.
import { fetchLatestLags } from '../aws/metrics.js';
import type { AwsClients } from '../aws/clients.js';
import { listNames, listTasks } from '../aws/tasks.js';
import { metricPeriodSeconds } from '../model/awsTarget.js';
import { instanceName, type Task } from '../model/task.js';
import { checkTask } from '../model/taskCheck.js';
import { isCdcTask } from '../model/taskMetrics.js';
import { jsonText } from './format.js';
import { type CommandIo, EXIT, type ParsedCommand } from './io.js';

/** The tasks a command names (identifier, case-insensitive, or ARN) among all tasks. */
export function namedTasks(all: readonly Task[], names: readonly string[]) {
  return names.map((name) => ({
    name,
    task: all.find((t) => t.arn === name || t.id === name.toLowerCase()),
  }));
}

export async function runCheck(
  clients: AwsClients,
  command: ParsedCommand,
  io: CommandIo,
): Promise<number> {
  const { tasks } = await listTasks(clients);
  const named = namedTasks(tasks, command.tasks);
  const found = named.flatMap((n) => (n.task ? [n.task] : []));
  const cdc = found.filter((t) => t.status === 'running' && isCdcTask(t));
  let lags = new Map();
  if (cdc.length > 0) {
    const names = await listNames(clients);
    lags = (
      await fetchLatestLags(
        clients,
        cdc.map((t) => ({ arn: t.arn, instanceId: instanceName(t.instanceArn, names) })),
        { periodSeconds: metricPeriodSeconds(clients.target, 'lag') },
      )
    ).lags;
  }
  const maxLag = command.maxLagSeconds ?? 60;
  const results = named.map(({ name, task }) =>
    task
      ? checkTask(task, lags.get(task.arn), maxLag)
      : { task: name, ok: false, problem: `${name}: no such task`, missing: true },
  );
  if (command.output === 'json') io.stdout(jsonText(results));
  else for (const r of results) if (r.problem) io.stdout(`${r.problem}\n`);
  if (results.some((r) => 'missing' in r)) return EXIT.notFound;
  return results.every((r) => r.ok) ? EXIT.ok : EXIT.refused;
}
