// `dms-tui tasks | start|stop|resume|reload|delete TASK… | stats TASK | logs TASK | check
// TASK… | validation TASK | preflight TASK`: the Data
// Migration View for scripts and cron jobs. Each prints a table or JSON and exits with a code
// that says what happened (see EXIT); failures are one line on stderr.
import { parseArgs } from 'node:util';
import { errorLine } from '../aws/call.js';
import { type AwsClients, createAwsClients } from '../aws/clients.js';
import type { AwsTarget } from '../model/awsTarget.js';
import type { Project } from '../model/project.js';
import { resolveTarget } from '../model/targetRule.js';
import { COMMON_FLAGS, commonOptions, TASK_COMMANDS } from './cliArgs.js';
import { runAction } from './actions.js';
import { visibleIo } from './format.js';
import {
  type CommandIo,
  EXIT,
  exitCodeFor,
  type ParsedCommand,
  processIo,
  type TaskCommand,
} from './io.js';
import { runCheck } from './check.js';
import { runLogs } from './logs.js';
import { PreflightUsageError, runPreflight, runPreflightWithoutTask } from './preflight.js';
import { PREFLIGHT_FLAGS, preflightOptions } from './preflightArgs.js';
import { runValidation } from './validation.js';
import { parseLagThreshold } from '../model/taskMetrics.js';
import { runStats, runTasks } from './lists.js';

const FLAGS = {
  ...COMMON_FLAGS,
  output: { type: 'string', short: 'o' },
  follow: { type: 'boolean', short: 'f' },
  since: { type: 'string' },
  yes: { type: 'boolean', short: 'y' },
  'max-lag': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  ...PREFLIGHT_FLAGS,
} as const;

export const TASK_USAGE = `Usage: dms-tui tasks [--output table|json]
       dms-tui start|stop|resume TASK… [--output table|json]
       dms-tui reload|delete TASK… --yes            (destructive: --yes confirms)
       dms-tui stats TASK [--output table|json]
       dms-tui logs TASK [--follow] [--since 10m] [--output table|json]
       dms-tui check TASK… [--max-lag 60s] [--output table|json]
       dms-tui validation TASK [--output table|json]
       dms-tui preflight TASK --project P [--output table|json]
       dms-tui preflight --project P --select 'schema.table%'… [--migration-type full-load|cdc|
                 full-load-and-cdc] [--target-prep drop|truncate|do-nothing] [--lob-mode
                 none|limited|full] [--lob-max-kb 32] [--validation] [--output table|json]
TASK is a task identifier or ARN. Also: --profile, --region, --endpoint-url, --sandbox,
--project NAME (without any of them or AWS_*: the project the app used last).
--output json prints the DMS API's shape (as the AWS CLI does), the app's reading under "DmsTui".
start picks start-replication for a task that never ran, resume-processing otherwise.
Exit codes: 0 ok · 1 refused or failed (DMS's reason on stderr) · 2 bad arguments ·
3 no such task · 4 AWS unreachable or credentials rejected · 5 no log (logs).
check prints one line per task that failed or lags more than --max-lag (default 60s; 90, 5m,
1h30m) and exits 1; nothing and 0 when all are fine.
validation prints each table's data validation state and counts; exits 1 when any table is
mismatched, suspended or in error (a cut-over gate).
preflight checks the task's tables, keys, LOBs, types, target and CDC prerequisites through
the project's connections; exits 1 when a check fails. Without TASK it checks the task the
options describe (the Create form's defaults: full-load, drop, limited 32 KB, no validation);
--select is repeatable, with DMS wildcards (% and _) and ! in front to exclude.`;

export function parseTaskCommand(
  name: string,
  args: string[],
): ParsedCommand | { help: true } | { error: string } {
  if (!(TASK_COMMANDS as readonly string[]).includes(name))
    return { error: `Unknown command "${name}"` };
  let parsed: ReturnType<
    typeof parseArgs<{ options: typeof FLAGS; allowPositionals: true; strict: true }>
  >;
  try {
    parsed = parseArgs({ args, options: FLAGS, allowPositionals: true, strict: true });
  } catch (error) {
    return { error: ((error as Error).message.split('. ')[0] ?? '').trim() };
  }
  const v = parsed.values;
  if (v.help) return { help: true };
  const common = commonOptions(v);
  if (typeof common === 'string') return { error: common };
  const output = v.output ?? 'table';
  if (output !== 'table' && output !== 'json')
    return { error: `--output is table or json (got "${output}")` };
  const command = name as TaskCommand;
  const tasks = parsed.positionals;
  if (command === 'tasks' && tasks.length > 0)
    return { error: 'tasks takes no TASK (it lists them all)' };
  if ((command === 'stats' || command === 'logs' || command === 'validation') && tasks.length !== 1)
    return { error: `${command} takes exactly one TASK` };
  if (command === 'preflight' && tasks.length > 1)
    return { error: 'preflight takes one TASK, or none with --select' };
  const preflight = preflightOptions(command, tasks.length > 0, v);
  if (preflight && 'error' in preflight) return preflight;
  if (command !== 'tasks' && tasks.length === 0 && !preflight)
    return { error: `${command} needs at least one TASK (identifier or ARN)` };
  if ((v.follow || v.since) && command !== 'logs')
    return { error: '--follow and --since go with logs' };
  let sinceMs: number | undefined;
  if (v.since !== undefined) {
    const m = /^(\d+)\s*(s|m|h|d)$/.exec(v.since.trim());
    if (!m) return { error: `--since takes a duration like 30s, 10m, 2h, 1d (got "${v.since}")` };
    sinceMs = Number(m[1]) * { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as 's'];
  }
  let maxLagSeconds: number | undefined;
  if (v['max-lag'] !== undefined) {
    if (command !== 'check') return { error: '--max-lag goes with check' };
    const seconds = parseLagThreshold(v['max-lag']);
    if (seconds === null || seconds <= 0)
      return { error: `--max-lag takes a duration like 60s, 5m, 1h (got "${v['max-lag']}")` };
    maxLagSeconds = seconds;
  }
  if (
    common.readOnly &&
    !['tasks', 'stats', 'logs', 'check', 'validation', 'preflight'].includes(command)
  )
    return { error: `${command} changes AWS and --read-only is set` };
  return {
    name: command,
    tasks,
    output,
    follow: Boolean(v.follow),
    sinceMs,
    yes: Boolean(v.yes),
    maxLagSeconds,
    preflight,
    flags: {
      profile: common.profile,
      region: common.region,
      endpointUrl: common.endpointUrl,
      sandbox: common.sandbox,
    },
    project: common.project,
  };
}

/** A bad argument found after parsing (an unknown project, a bad AWS_REGION): exit 2. */
export class UsageError extends Error {}

/** Where the command's calls go, by the one rule (src/model/targetRule.ts): --project NAME's
 *  target; with no --project, no where-to flag and no AWS_* variable, the target of the
 *  project the app used last (so `dms-tui tasks` goes where the app went). Throws a UsageError. */
export async function commandTarget(
  command: Pick<ParsedCommand, 'flags' | 'project'>,
  io: CommandIo,
): Promise<{ target: AwsTarget; project?: Project }> {
  let project: Project | undefined;
  if (command.project || !saysWhere(command, io.env)) {
    const { openProjects } = await import('../config/projects.js');
    const projects = openProjects(io.env.DMS_TUI_CONFIG_DIR);
    project = command.project ? projects.get(command.project) : projects.lastUsed();
    if (command.project && !project) throw new UsageError(`no project named "${command.project}"`);
  }
  const inputs = { flags: command.flags, env: io.env, project };
  let resolved = resolveTarget(inputs);
  if (resolved.problem) throw new UsageError(resolved.problem);
  if (resolved.needsSandbox) {
    const ensure = io.ensureSandbox ?? (await import('../sandbox/launcher.js')).ensureSandbox;
    const sandbox = await ensure();
    resolved = resolveTarget({ ...inputs, sandboxUrl: sandbox.endpointUrl });
  }
  return { target: resolved.target, project };
}

const TARGET_VARIABLES = ['AWS_PROFILE', 'AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_ENDPOINT_URL'];

/** The command line or the environment names where calls go (a script that means it). */
function saysWhere(command: Pick<ParsedCommand, 'flags'>, env: CommandIo['env']): boolean {
  const { profile, region, endpointUrl, sandbox } = command.flags;
  return Boolean(
    profile || region || endpointUrl || sandbox || TARGET_VARIABLES.some((v) => env[v]?.trim()),
  );
}

/** Runs a task subcommand; returns the exit code. Wired into src/cli.tsx. */
export async function runTaskCommand(
  name: string,
  args: string[],
  rawIo: CommandIo = processIo(),
): Promise<number> {
  // Task names, DMS's messages and log lines are shown, never obeyed, by the terminal.
  const io = visibleIo(rawIo);
  const parsed = parseTaskCommand(name, args);
  if ('help' in parsed) {
    io.stdout(`${TASK_USAGE}\n`);
    return EXIT.ok;
  }
  if ('error' in parsed) {
    io.stderr(`dms-tui ${name}: ${parsed.error}\n${TASK_USAGE}\n`);
    return EXIT.usage;
  }
  let clients: AwsClients | undefined;
  try {
    // Checks of a task that does not exist yet read the databases only: no AWS call.
    if (parsed.preflight) return await runPreflightWithoutTask(parsed, parsed.preflight, io);
    const { target, project } = await commandTarget(parsed, io);
    clients = createAwsClients(target, { retryMode: 'standard', ...io.clientOptions });
    switch (parsed.name) {
      case 'tasks':
        return await runTasks(clients, parsed, io);
      case 'stats':
        return await runStats(clients, parsed, io, project?.target ?? null);
      case 'logs':
        return await runLogs(clients, parsed, io);
      case 'check':
        return await runCheck(clients, parsed, io);
      case 'validation':
        return await runValidation(clients, parsed, io);
      case 'preflight':
        return await runPreflight(clients, parsed, io, project);
      default:
        return await runAction(clients, parsed, io);
    }
  } catch (error) {
    io.stderr(`dms-tui ${name}: ${errorLine(error)}\n`);
    return error instanceof UsageError || error instanceof PreflightUsageError
      ? EXIT.usage
      : exitCodeFor(error);
  } finally {
    clients?.destroy();
  }
}

export type { ParsedCommand };
