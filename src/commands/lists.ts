// `dms-tui tasks` and `dms-tui stats TASK`.
import type { AwsClients } from '../aws/clients.js';
import { listTableStats } from '../aws/tableStats.js';
import { findTask, listNames, listTasks } from '../aws/tasks.js';
import { dmsTableStats, dmsTaskList } from '../model/dmsShape.js';
import { TABLE_STAT_COLUMNS, tableStatCells } from '../model/tableStatsRow.js';
import { errorLine } from '../aws/call.js';
import { fetchLatestLags } from '../aws/metrics.js';
import { metricPeriodSeconds } from '../model/awsTarget.js';
import { endpointName, instanceName, type Task, type TaskNames } from '../model/task.js';
import { isCdcTask, type LagSample, lagCell } from '../model/taskMetrics.js';
import { readTask } from '../model/taskReading.js';
import { tablesLoadedText } from '../model/taskRow.js';
import { exceptionLines, exceptionsSummary } from '../model/applyExceptions.js';
import type { ConnectionSpec } from '../model/connection.js';
import { validationBadge } from '../model/validationReport.js';
import { jsonText, textTable } from './format.js';
import { type CommandIo, EXIT, type ParsedCommand } from './io.js';

export async function runTasks(
  clients: AwsClients,
  command: ParsedCommand,
  io: CommandIo,
): Promise<number> {
  const { tasks } = await listTasks(clients);
  const names = await listNames(clients).catch(() => undefined);
  const n = names ?? { endpoints: new Map(), instances: new Map() };
  const lags = await latestLags(clients, tasks, n, io);
  const reading = (t: Task) => readTask(t, undefined, lags.get(t.arn));
  if (command.output === 'json') {
    io.stdout(jsonText(dmsTaskList(tasks, names, lags)));
    return EXIT.ok;
  }
  io.stdout(
    textTable(
      [
        'NAME',
        'STATUS',
        'WHAT IT MEANS',
        'TYPE',
        'PROGRESS',
        'LAG',
        'TABLES LOADED',
        'SOURCE',
        'TARGET',
        'INSTANCE',
      ],
      tasks.map((t) => [
        t.id,
        t.status,
        reading(t).words,
        t.migrationType,
        `${reading(t).percent}%`,
        t.status === 'running' && isCdcTask(t) ? lagCell(lags.get(t.arn)?.lagSeconds) : '-',
        t.stats ? tablesLoadedText(t.stats) : '-',
        endpointName(t.sourceEndpointArn, n),
        endpointName(t.targetEndpointArn, n),
        instanceName(t.instanceArn, n),
      ]),
    ),
  );
  return EXIT.ok;
}

/** The latest lag of the running CDC tasks; when CloudWatch cannot be read, a line on stderr
 *  and no lags (the list itself still prints). */
async function latestLags(
  clients: AwsClients,
  tasks: readonly Task[],
  names: TaskNames,
  io: CommandIo,
): Promise<ReadonlyMap<string, LagSample>> {
  const cdc = tasks.filter((t) => t.status === 'running' && isCdcTask(t));
  if (cdc.length === 0) return new Map();
  try {
    const keys = cdc.map((t) => ({ arn: t.arn, instanceId: instanceName(t.instanceArn, names) }));
    const periodSeconds = metricPeriodSeconds(clients.target, 'lag');
    return (await fetchLatestLags(clients, keys, { periodSeconds })).lags;
  } catch (error) {
    io.stderr(`dms-tui tasks: lag unknown: ${errorLine(error)}\n`);
    return new Map();
  }
}

/** Lines `dms-tui stats` prints of the latest apply exceptions, at most (two per exception). */
const EXCEPTION_LINES = 10;

/** A CDC task's apply exceptions, read through the project's target connection (DMS's API has
 *  no count of them); nothing without one, a line on stderr when it cannot be read. */
async function printApplyExceptions(
  task: Task,
  target: ConnectionSpec | null,
  io: CommandIo,
): Promise<void> {
  if (!target || !isCdcTask(task) || !io.readApplyExceptions) return;
  try {
    const found = await io.readApplyExceptions(target, task.arn, EXCEPTION_LINES / 2);
    io.stdout(`${exceptionsSummary(found, 1000)}\n`);
    if (found.latest.length > 0)
      io.stdout(`${exceptionLines(found, 1000).slice(0, EXCEPTION_LINES).join('\n')}\n`);
  } catch (error) {
    io.stderr(`dms-tui stats: apply exceptions unknown: ${errorLine(error)}\n`);
  }
}

export async function runStats(
  clients: AwsClients,
  command: ParsedCommand,
  io: CommandIo,
  projectTarget: ConnectionSpec | null = null,
): Promise<number> {
  const task = await findTask(clients, command.tasks[0] ?? '');
  const { tables } = await listTableStats(clients, task.arn);
  if (command.output === 'json') {
    io.stdout(jsonText(dmsTableStats(task, tables)));
    return EXIT.ok;
  }
  io.stdout(
    textTable(
      TABLE_STAT_COLUMNS.map((c) => c.title),
      tables.map((s) => {
        const cells = tableStatCells(s);
        return TABLE_STAT_COLUMNS.map((c) => cells[c.id]);
      }),
    ),
  );
  // What the tables add up to, in the same words as the task list.
  const badge = validationBadge(tables);
  io.stdout(
    `${task.id}: ${task.status} · ${readTask(task, tables).words}${badge ? ` · ${badge}` : ''}\n`,
  );
  await printApplyExceptions(task, projectTarget, io);
  return EXIT.ok;
}
