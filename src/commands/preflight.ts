// `dms-tui preflight TASK --project P [--output json]`, or without TASK the task its options
// describe (`--select`, `--migration-type`, …: preflightArgs.ts): our premigration assessment,
// run here through the project's database connections (no S3 bucket, no IAM role): a checklist
// of pass / warn / fail with what to do, exit 1 when anything fails. The run itself is the
// app's too (src/db/preflight.ts, model/preflightRequest.ts).
import type { AwsClients } from '../aws/clients.js';
import { findTask } from '../aws/tasks.js';
import { type PreflightResult, runPreflightChecks } from '../db/preflight.js';
import { checklistLines } from '../model/preflight.js';
import {
  type PreflightOptions,
  preflightProjectProblem,
  preflightRequest,
  preflightRequestFromOptions,
} from '../model/preflightRequest.js';
import type { Project } from '../model/project.js';
import { jsonText } from './format.js';
import { type CommandIo, EXIT, type ParsedCommand } from './io.js';

export class PreflightUsageError extends Error {}

/** The project's two connections, or a usage error saying what is missing. */
async function connectionsOf(command: ParsedCommand, io: CommandIo, project?: Project) {
  if (!command.project)
    throw new PreflightUsageError(
      "preflight reads both databases through a project's connections: add --project NAME",
    );
  let found = project;
  if (!found) {
    const { openProjects } = await import('../config/projects.js');
    found = openProjects(io.env.DMS_TUI_CONFIG_DIR).get(command.project);
    if (!found) throw new PreflightUsageError(`no project named "${command.project}"`);
  }
  const problem = preflightProjectProblem(found);
  if (problem || !found.source || !found.target)
    throw new PreflightUsageError(problem ?? 'the project needs both connections');
  return { source: found.source, target: found.target };
}

/** The checklist and a last line "NAME: verdict" (or JSON); exit 1 on a failed check. */
function print(
  io: CommandIo,
  output: ParsedCommand['output'],
  what: { name: string; json: Record<string, unknown> },
  run: PreflightResult,
) {
  if (output === 'json')
    io.stdout(jsonText({ ...what.json, verdict: run.verdict, checks: run.checks }));
  else io.stdout(`${checklistLines(run.checks).join('\n')}\n${what.name}: ${run.verdict}\n`);
  return run.verdict === 'fail' ? EXIT.refused : EXIT.ok;
}

export async function runPreflight(
  clients: AwsClients,
  command: ParsedCommand,
  io: CommandIo,
  project?: Project,
): Promise<number> {
  const connections = await connectionsOf(command, io, project);
  const task = await findTask(clients, command.tasks[0] ?? '', { withSettings: true });
  const run = await runPreflightChecks(connections, preflightRequest(task), io.signal);
  return print(io, command.output, { name: task.id, json: { task: task.id } }, run);
}

/** No TASK: the task the command line's options describe; no AWS call. */
export async function runPreflightWithoutTask(
  command: ParsedCommand,
  options: PreflightOptions,
  io: CommandIo,
): Promise<number> {
  const connections = await connectionsOf(command, io);
  const run = await runPreflightChecks(
    connections,
    preflightRequestFromOptions(options),
    io.signal,
  );
  const select = options.mappings.map(
    (r) => `${r.action === 'exclude' ? '!' : ''}${r.schema}.${r.table}`,
  );
  return print(io, command.output, { name: select.join(' '), json: { select } }, run);
}
