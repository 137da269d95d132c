// `dms-tui tasks` and `dms-tui stats TASK`.
import type { AwsClients } from '../aws/clients.js';
import { listTableStats } from '../aws/tableStats.js';
import { findTask, listNames, listTasks } from '../aws/tasks.js';
import { dmsTableStats, dmsTaskList } from '../model/dmsShape.js';
import { TABLE_STAT_COLUMNS, tableStatCells } from '../model/tableStatsRow.js';
import { endpointName, instanceName } from '../model/task.js';
import { readTask } from '../model/taskReading.js';
import { tablesLoadedText } from '../model/taskRow.js';
import { jsonText, textTable } from './format.js';
import { type CommandIo, EXIT, type ParsedCommand } from './io.js';

export async function runTasks(
  clients: AwsClients,
  command: ParsedCommand,
  io: CommandIo,
): Promise<number> {
  const { tasks } = await listTasks(clients);
  const names = await listNames(clients).catch(() => undefined);
  if (command.output === 'json') {
    io.stdout(jsonText(dmsTaskList(tasks, names)));
    return EXIT.ok;
  }
  const n = names ?? { endpoints: new Map(), instances: new Map() };
  io.stdout(
    textTable(
      [
        'NAME',
        'STATUS',
        'WHAT IT MEANS',
        'TYPE',
        'PROGRESS',
        'TABLES LOADED',
        'SOURCE',
        'TARGET',
        'INSTANCE',
      ],
      tasks.map((t) => [
        t.id,
        t.status,
        readTask(t).words,
        t.migrationType,
        `${readTask(t).percent}%`,
        t.stats ? tablesLoadedText(t.stats) : '-',
        endpointName(t.sourceEndpointArn, n),
        endpointName(t.targetEndpointArn, n),
        instanceName(t.instanceArn, n),
      ]),
    ),
  );
  return EXIT.ok;
}

export async function runStats(
  clients: AwsClients,
  command: ParsedCommand,
  io: CommandIo,
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
  io.stdout(`${task.id}: ${task.status} · ${readTask(task, tables).words}\n`);
  return EXIT.ok;
}
