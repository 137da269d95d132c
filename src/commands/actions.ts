// `dms-tui start|stop|resume|reload|delete TASK…`: one call per task, one result line each.
import { errorLine } from '../aws/call.js';
import type { AwsClients } from '../aws/clients.js';
import { deleteTask, findTask, startTask, stopTask } from '../aws/tasks.js';
import type { ActionKind } from '../model/taskActions.js';
import type { Task } from '../model/task.js';
import type { StartType } from '../model/taskLifecycle.js';
import { refusal, startTypeOf } from '../model/taskStatus.js';
import { APP_FIELD, dmsTaskWithReading } from '../model/dmsShape.js';
import { jsonText } from './format.js';
import { type CommandIo, EXIT, exitCodeFor, type ParsedCommand } from './io.js';

interface Result {
  task: string;
  ok: boolean;
  /** The task as DMS answered the action. */
  after?: Task;
  status?: string;
  startType?: StartType;
  error?: string;
  exitCode: number;
}

export async function runAction(
  clients: AwsClients,
  command: ParsedCommand,
  io: CommandIo,
): Promise<number> {
  const action = command.name as ActionKind;
  if ((action === 'delete' || action === 'reload') && !command.yes) {
    io.stderr(
      `dms-tui ${action}: ${action === 'delete' ? 'deleting a task cannot be undone' : 'reload-target replaces the target data'}; add --yes to confirm\n`,
    );
    return EXIT.usage;
  }
  const results: Result[] = [];
  for (const name of command.tasks) results.push(await actOn(clients, action, name));
  if (command.output === 'json') io.stdout(jsonText(actionJson(action, results)));
  for (const r of results) {
    if (r.ok && command.output === 'table')
      io.stdout(`${r.task}: ${r.status}${r.startType ? ` (${r.startType})` : ''}\n`);
    if (!r.ok) io.stderr(`dms-tui ${action} ${r.task}: ${r.error}\n`);
  }
  const failed = results.filter((r) => !r.ok);
  if (failed.length === 0) return EXIT.ok;
  // One failure: its own code. Several: the most telling one (not found > unreachable > refused).
  return Math.max(...failed.map((r) => r.exitCode));
}

async function actOn(clients: AwsClients, action: ActionKind, name: string): Promise<Result> {
  let task: Task;
  try {
    task = await findTask(clients, name);
  } catch (error) {
    return { task: name, ok: false, error: errorLine(error), exitCode: exitCodeFor(error) };
  }
  const check = action === 'reload' ? 'reload' : action;
  const reason = refusal(task, check);
  if (reason) return { task: task.id, ok: false, error: reason, exitCode: EXIT.refused };
  try {
    let after: Task;
    let startType: StartType | undefined;
    if (action === 'stop') after = await stopTask(clients, task.arn);
    else if (action === 'delete') after = await deleteTask(clients, task.arn);
    else {
      startType = startTypeOf(action, task);
      after = await startTask(clients, task.arn, startType);
    }
    return { task: task.id, ok: true, after, status: after.status, startType, exitCode: EXIT.ok };
  } catch (error) {
    return { task: task.id, ok: false, error: errorLine(error), exitCode: exitCodeFor(error) };
  }
}

/** As the AWS CLI prints StartReplicationTask and the others, one task per action: the tasks DMS
 *  answered in `ReplicationTasks`, and the ones refused or not found under "DmsTui". */
function actionJson(action: ActionKind, results: Result[]) {
  const failures = results
    .filter((r) => !r.ok)
    .map((r) => ({ task: r.task, error: r.error, exitCode: r.exitCode }));
  return {
    ReplicationTasks: results.flatMap((r) =>
      r.after ? [dmsTaskWithReading(r.after, undefined, { action, startType: r.startType })] : [],
    ),
    [APP_FIELD]: { failures },
  };
}
