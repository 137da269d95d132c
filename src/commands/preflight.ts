// `dms-tui preflight TASK --project P [--output json]`: our premigration assessment, run here
// through the project's database connections (no S3 bucket, no IAM role): a checklist of
// pass / warn / fail with what to do, exit 1 when anything fails.
import type { AwsClients } from '../aws/clients.js';
import { findTask } from '../aws/tasks.js';
import { probePreflight } from '../db/preflightProbe.js';
import {
  checklistLines,
  preflightChecks,
  preflightSettings,
  preflightVerdict,
} from '../model/preflight.js';
import { parseTableMappings } from '../model/tableMappings.js';
import { jsonText } from './format.js';
import { type CommandIo, EXIT, type ParsedCommand } from './io.js';

export class PreflightUsageError extends Error {}

function parseJson(text: string | undefined): Record<string, unknown> {
  try {
    const value = JSON.parse(text ?? '{}') as unknown;
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export async function runPreflight(
  clients: AwsClients,
  command: ParsedCommand,
  io: CommandIo,
): Promise<number> {
  if (!command.project)
    throw new PreflightUsageError(
      "preflight reads both databases through a project's connections: add --project NAME",
    );
  const { openProjects } = await import('../config/projects.js');
  const project = openProjects().get(command.project);
  if (!project?.source || !project.target)
    throw new PreflightUsageError(
      `project "${command.project}" needs a source and a target connection`,
    );
  const task = await findTask(clients, command.tasks[0] ?? '', { withSettings: true });
  const mappings = parseTableMappings(task.tableMappings ?? '{"rules":[]}');
  const facts = await probePreflight({
    ...preflightSettings(task.migrationType, parseJson(task.settings)),
    source: project.source,
    target: project.target,
    rules: mappings.ok ? mappings.value.rules : [],
  });
  const checks = preflightChecks(facts);
  const verdict = preflightVerdict(checks);
  if (command.output === 'json') io.stdout(jsonText({ task: task.id, verdict, checks }));
  else io.stdout(`${checklistLines(checks).join('\n')}\n${task.id}: ${verdict}\n`);
  return verdict === 'fail' ? EXIT.refused : EXIT.ok;
}
